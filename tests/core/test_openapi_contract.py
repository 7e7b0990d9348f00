"""Issue 17, items 1 to 3 (in part): the OpenAPI description names each operation after its
route function, says which token each one needs (so generated clients get readable method names
and Swagger UI an Authorize button), and types every error as problem+json."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.helpers import create_audit, operator_env, tenant

OPERATOR_PATHS = ("/v1/tenants", "/v1/organisations/{slug}/api-keys")


def _operations(client: TestClient) -> list[tuple[str, str, dict]]:
    schema = client.get("/openapi.json").json()
    return [
        (path, method, _resolved(schema, operation))
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    ]


def _resolved(schema: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    """The operation with its shared responses (`#/components/responses/...`) inlined."""
    responses = {
        status: schema["components"]["responses"][r["$ref"].rsplit("/", 1)[1]] if "$ref" in r else r
        for status, r in operation["responses"].items()
    }
    return {**operation, "responses": responses}


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
        if path.startswith(("/v1/audits", "/v1/benchmarks", "/v1/events", "/v1/webhooks")):
            # The scope each needs (tests/tenants/test_scopes.py provokes every one).
            assert len(security) == 1 and len(security[0]["organisationKey"]) == 1, (method, path)
        elif path == "/v1/me":
            assert security == [{"organisationKey": []}], (method, path)  # any scope
        elif path.startswith(OPERATOR_PATHS) or (path, method) == ("/v1/organisations", "post"):
            assert security == [{"operatorToken": []}], (method, path)
        else:
            assert security == [], (method, path)  # public, and saying so


def test_every_error_response_is_a_typed_problem(client: TestClient) -> None:
    components = client.get("/openapi.json").json()["components"]["schemas"]
    for path, method, operation in _operations(client):
        for status, response in operation["responses"].items():
            if status[0] not in "45" or (path, status) == ("/readyz", "503"):
                continue  # /readyz's 503 is its JSON readiness report
            content = response["content"]
            if path.startswith("/fhir/"):  # a FHIR base answers errors as OperationOutcomes
                ref = content["application/fhir+json"]["schema"]["$ref"]
                schema = components[ref.rsplit("/", 1)[1]]
                assert schema["properties"]["resourceType"] == {"const": "OperationOutcome"}
                continue
            # A route that takes or gives FHIR answers a FHIR request's errors in FHIR too.
            if "application/fhir+json" in content:
                ref = content.pop("application/fhir+json")["schema"]["$ref"]
                assert ref == "#/components/schemas/FhirOperationOutcome", (method, path)
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


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


def test_the_statuses_a_client_can_provoke_are_documented(client: TestClient) -> None:
    """Each probe provokes one status; the operation must document it, headers included."""
    spec = client.get("/openapi.json").json()
    headers = tenant(client)
    created = create_audit(client, headers)
    audit, etag = created.json()["href"], created.headers["etag"]
    feature = client.get("/v1/features/systemic-approaches")
    big = b'{"title": "' + b"x" * 300_000 + b'"}'
    probes: list[tuple[str, str, str, dict[str, Any], int]] = [
        (
            "get",
            "/v1/features/{slug}",
            feature.url.path,
            {"If-None-Match": feature.headers["etag"]},
            304,
        ),
        ("get", "/v1/features/{slug}", feature.url.path, {"If-Match": '"stale"'}, 412),
        ("get", "/v1/audits/{audit_id}", audit, {**headers, "If-None-Match": etag}, 304),
        ("get", "/v1/audits/{audit_id}", audit, {**headers, "If-Match": '"stale"'}, 412),
        ("patch", "/v1/audits/{audit_id}", audit, headers, 428),
        ("patch", "/v1/audits/{audit_id}", audit, {**headers, "If-Match": '"stale"'}, 412),
        ("post", "/v1/audits/{audit_id}/submit", f"{audit}/submit", headers, 428),
        ("post", "/v1/audits", "/v1/audits", {**headers, "Content-Type": "text/plain"}, 415),
    ]
    for method, template, path, probe_headers, status in probes:
        body = b"{}" if method != "get" else None
        if body is not None:
            probe_headers = {"Content-Type": "application/json", **probe_headers}
        response = client.request(method, path, headers=probe_headers, content=body)
        assert response.status_code == status, (method, path, response.text)
        documented = spec["paths"][template][method]["responses"]
        assert str(status) in documented, (method, template, status)
    twice = [("Authorization", "Bearer a"), ("Authorization", "Bearer b")]
    assert client.get("/v1/features", headers=twice).status_code == 400
    assert "400" in spec["paths"]["/v1/features"]["get"]["responses"]
    too_big = client.post(
        "/v1/audits", headers={**headers, "Content-Type": "application/json"}, content=big
    )
    assert too_big.status_code == 413 and "413" in spec["paths"]["/v1/audits"]["post"]["responses"]


def test_required_headers_are_parameters_and_response_headers_are_declared(
    client: TestClient,
) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for method, path in [
        ("patch", "/v1/audits/{audit_id}"),
        ("post", "/v1/audits/{audit_id}/amend"),
    ]:
        if_match = next(p for p in paths[path][method]["parameters"] if p.get("name") == "If-Match")
        assert if_match["required"] is True
    create = paths["/v1/audits"]["post"]
    assert any(p.get("name") == "Idempotency-Key" for p in create["parameters"])
    assert {"Location", "ETag", "Idempotent-Replayed", "X-Request-ID"} <= set(
        create["responses"]["201"]["headers"]
    )
    assert "Link" in paths["/v1/findings"]["get"]["responses"]["200"]["headers"]
    limited = spec["components"]["responses"]["RateLimited"]["headers"]
    assert {"Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} <= set(
        limited
    )
    assert "ETag" in paths["/v1/features/{slug}"]["get"]["responses"]["200"]["headers"]
