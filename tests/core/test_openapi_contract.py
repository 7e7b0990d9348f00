"""Issue 17, items 1 to 3 (in part): the OpenAPI description names each operation after its
route function, says which token each one needs (so generated clients get readable method names
and Swagger UI an Authorize button), and types every error as problem+json."""

import re

from fastapi.testclient import TestClient

OPERATOR_PATHS = ("/v1/tenants", "/v1/organisations/{slug}/api-keys")


def _operations(client: TestClient) -> list[tuple[str, str, dict]]:
    schema = client.get("/openapi.json").json()
    return [
        (path, method, operation)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    ]


def test_operation_ids_are_short_unique_snake_case_names(client: TestClient) -> None:
    ids = [operation["operationId"] for _, _, operation in _operations(client)]
    assert len(ids) == len(set(ids))
    for operation_id in ids:
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", operation_id), operation_id
        assert "v1" not in operation_id
    assert {"create_audit", "update_audit", "list_audits", "get_me", "list_findings"} <= set(ids)


def test_every_operation_states_the_token_it_needs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["organisationKey"] == {**schemes["organisationKey"], "type": "http"}
    assert schemes["operatorToken"]["scheme"] == "bearer"
    for path, method, operation in _operations(client):
        security = operation["security"]
        if path.startswith(("/v1/audits", "/v1/benchmarks", "/v1/me")):
            assert security == [{"organisationKey": []}], (method, path)
        elif path.startswith(OPERATOR_PATHS) or (path, method) == ("/v1/organisations", "post"):
            assert security == [{"operatorToken": []}], (method, path)
        else:
            assert security == [], (method, path)  # public, and saying so


def test_every_error_response_is_a_typed_problem(client: TestClient) -> None:
    for path, method, operation in _operations(client):
        for status, response in operation["responses"].items():
            if status[0] not in "45" or (path, status) == ("/readyz", "503"):
                continue  # /readyz's 503 is its JSON readiness report
            content = response["content"]
            if path.startswith("/fhir/"):  # a FHIR base answers errors as OperationOutcomes
                schema = content["application/fhir+json"]["schema"]
                assert schema["properties"]["resourceType"] == {"const": "OperationOutcome"}
                continue
            assert set(content) == {"application/problem+json"}, (method, path, status)
            expected = "ValidationProblem" if status == "422" else "Problem"
            ref = content["application/problem+json"]["schema"]["$ref"]
            assert ref == f"#/components/schemas/{expected}", (method, path, status)
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert "errors" in schemas["ValidationProblem"]["required"]


def test_a_422_matches_its_documented_schema(client: TestClient) -> None:
    response = client.get("/v1/findings", params={"limit": 999})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert {"type", "title", "status", "detail", "instance", "errors"} <= set(body)
    assert body["errors"][0]["pointer"] == "#/query/limit"
