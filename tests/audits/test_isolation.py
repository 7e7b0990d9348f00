"""Tenant isolation: every audit route as the wrong tenant is a 404 exactly like a missing id;
no token is 401; a revoked key is 401."""

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.helpers import (
    OPERATOR,
    bearer,
    complete_audit,
    issue_key,
    register,
    tenant,
)


def _routes(audit_id: str, other_id: str, etag: str) -> list[tuple[str, str, dict[str, Any]]]:
    base = f"/v1/audits/{audit_id}"
    write = {"headers": {"If-Match": etag}}
    return [
        ("GET", base, {}),
        # The FHIR representation; naming problem+json keeps its 404 a problem, to compare.
        ("GET", base, {"headers": {"Accept": "application/fhir+json, application/problem+json"}}),
        ("GET", base, {"headers": {"Accept": "text/csv"}}),
        ("PATCH", base, {"json": {"title": "mine now"}, **write}),
        ("POST", f"{base}/submit", write),
        ("POST", f"{base}/amend", write),
        ("GET", f"{base}/revisions", {}),
        ("GET", f"{base}/report", {}),
        ("GET", f"{base}/compare/{other_id}", {}),
        ("GET", f"/v1/audits/{other_id}/compare/{audit_id}", {}),
    ]


def _call(
    client: TestClient, method: str, path: str, auth: dict[str, str], kw: dict[str, Any]
) -> Any:
    headers = {**kw.get("headers", {}), **auth}
    return client.request(method, path, json=kw.get("json"), headers=headers)


def test_every_audit_route_as_the_wrong_tenant_is_404_like_a_missing_one(
    client: TestClient,
) -> None:
    owner, intruder = tenant(client), tenant(client)
    victim = complete_audit(client, owner)
    victim_id, etag = victim.json()["id"], victim.headers["ETag"]
    intruders_own = complete_audit(client, intruder).json()["id"]
    missing = str(uuid.uuid4())
    for (method, path, kw), (_, missing_path, missing_kw) in zip(
        _routes(victim_id, intruders_own, etag), _routes(missing, intruders_own, etag), strict=True
    ):
        stolen = _call(client, method, path, intruder, kw)
        absent = _call(client, method, missing_path, intruder, missing_kw)
        body = assert_problem(stolen, 404, "not-found")
        absent_body = assert_problem(absent, 404, "not-found")
        for key in ("type", "title", "status"):
            assert body[key] == absent_body[key], (method, path)
        assert body["detail"].replace(victim_id, "ID") == absent_body["detail"].replace(
            missing, "ID"
        )
    after = client.get(f"/v1/audits/{victim_id}", headers=owner)
    assert after.headers["etag"] == etag and after.json()["title"] == victim.json()["title"]
    assert [
        r["action"]
        for r in client.get(f"/v1/audits/{victim_id}/revisions", headers=owner).json()["items"]
    ] == ["created"]


def test_lists_never_show_another_tenants_audits(client: TestClient) -> None:
    first, second = tenant(client), tenant(client)
    mine = complete_audit(client, first).json()["id"]
    theirs = complete_audit(client, second).json()["id"]
    listed = [
        a["id"]
        for a in client.get("/v1/audits", params={"limit": 200}, headers=first).json()["items"]
    ]
    assert mine in listed and theirs not in listed
    csv = client.get("/v1/audits", headers={**first, "Accept": "text/csv"}).text
    assert mine in csv and theirs not in csv


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/audits"),
        ("POST", "/v1/audits"),
        ("GET", f"/v1/audits/{uuid.uuid4()}"),
        ("PATCH", f"/v1/audits/{uuid.uuid4()}"),
        ("POST", f"/v1/audits/{uuid.uuid4()}/submit"),
        ("POST", f"/v1/audits/{uuid.uuid4()}/amend"),
        ("GET", f"/v1/audits/{uuid.uuid4()}/revisions"),
        ("GET", f"/v1/audits/{uuid.uuid4()}/report"),
        ("GET", f"/v1/audits/{uuid.uuid4()}/compare/{uuid.uuid4()}"),
        ("GET", "/v1/benchmarks/1"),
    ],
)
def test_no_token_is_401(client: TestClient, method: str, path: str) -> None:
    json = {"template_version": 1, "title": "t"} if method != "GET" else None
    response = client.request(method, path, json=json)
    assert_problem(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_a_revoked_key_is_401_everywhere(client: TestClient) -> None:
    slug = register(client)
    key = issue_key(client, slug)
    headers = bearer(key["token"])
    audit = complete_audit(client, headers).json()["id"]
    client.delete(f"/v1/organisations/{slug}/api-keys/{key['prefix']}", headers=OPERATOR)
    for method, path in [
        ("GET", "/v1/audits"),
        ("GET", f"/v1/audits/{audit}"),
        ("GET", f"/v1/audits/{audit}/report"),
    ]:
        assert_problem(client.request(method, path, headers=headers), 401, "unauthorized")


def test_the_operator_token_cannot_read_audits(client: TestClient) -> None:
    assert_problem(client.get("/v1/audits", headers=OPERATOR), 403, "forbidden")
