"""Issue 17, items 1 and 2 (in part): the OpenAPI description names each operation after its
route function, and says which token each one needs, so generated clients get readable method
names and Swagger UI an Authorize button."""

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
