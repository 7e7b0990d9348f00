"""Scoped keys: every organisation-key operation names its scope in the OpenAPI, and a key
without that scope gets a 403 naming it, for every one of them."""

import re

from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.helpers import bearer, issue_key, register

ALL = ["audits:read", "audits:write", "webhooks:manage"]
SAMPLE = {
    "audit_id": "0193a4f2-7c1e-7b3a-9f10-2d4c5e6f7a8b",
    "other_id": "0193a4f2-7c1e-7b3a-9f10-2d4c5e6f7a8c",
    "webhook_id": "0193a4f2-7c1e-7b3a-9f10-2d4c5e6f7a8d",
    "delivery_id": "0193a4f2-7c1e-7b3a-9f10-2d4c5e6f7a8e",
    "template_version": "1",
}


def _scoped_operations(client: TestClient) -> list[tuple[str, str, str]]:
    paths = client.get("/openapi.json").json()["paths"]
    found = []
    for path, operations in paths.items():
        for method, operation in operations.items():
            for requirement in operation.get("security", []):
                for scope in requirement.get("organisationKey", []):
                    found.append((method.upper(), path, scope))
    return found


def test_every_tenant_operation_needs_its_scope(client: TestClient) -> None:
    operations = _scoped_operations(client)
    assert len(operations) >= 20
    assert {scope for *_, scope in operations} == set(ALL)
    slug = register(client)
    keys = {s: issue_key(client, slug, scopes=[o for o in ALL if o != s])["token"] for s in ALL}
    for method, path, scope in operations:
        url = re.sub(r"\{(\w+)\}", lambda m: SAMPLE[m[1]], path)
        response = client.request(method, url, headers=bearer(keys[scope]), json={})
        body = assert_problem(response, 403, "insufficient-scope")
        assert body["required_scope"] == scope, (method, path)
        assert scope in body["detail"]


def test_scopes_default_to_all_show_in_me_and_unknown_ones_are_422(client: TestClient) -> None:
    slug = register(client)
    full = issue_key(client, slug)
    assert full["scopes"] == ALL
    reader = issue_key(client, slug, scopes=["audits:read"])
    me = client.get("/v1/me", headers=bearer(reader["token"])).json()
    assert me["key"]["scopes"] == ["audits:read"]
    assert client.get("/v1/audits", headers=bearer(reader["token"])).status_code == 200
    refused = client.post(
        f"/v1/organisations/{slug}/api-keys",
        json={"label": "x", "scopes": ["audits:delete"]},
        headers={"Authorization": "Bearer test-operator-token-0123456789"},
    )
    assert assert_problem(refused, 422)["errors"][0]["pointer"].startswith("#/body/scopes")
