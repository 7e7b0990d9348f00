"""Tenants: operator registration, API keys (hashed, listed by prefix, revocable), /v1/me,
and who may call what."""

import json
import logging

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.conftest import assert_problem
from tests.helpers import OPERATOR, bearer, issue_key, new_slug, register


def test_operator_registers_an_organisation_and_issues_a_key(client: TestClient) -> None:
    slug = new_slug()
    created = client.post(
        "/v1/organisations", json={"name": "Test Council", "slug": slug}, headers=OPERATOR
    )
    assert created.status_code == 201
    assert created.headers["cache-control"] == "private, no-store"
    assert created.headers["location"] == f"/v1/tenants/{slug}"
    assert created.json()["slug"] == slug and created.json()["in_evidence"] is False

    key = issue_key(client, slug, "Vendor CMS")
    assert key["token"].startswith(f"pfa_{key['prefix']}_")
    me = client.get("/v1/me", headers=bearer(key["token"]))
    assert me.status_code == 200
    assert me.headers["cache-control"] == "private, no-store"
    assert me.json()["organisation"]["slug"] == slug
    assert me.json()["key"]["prefix"] == key["prefix"]
    assert "token" not in me.json()["key"]


def test_registering_a_slug_twice_is_a_conflict(client: TestClient) -> None:
    slug = register(client)
    again = client.post("/v1/organisations", json={"name": "X", "slug": slug}, headers=OPERATOR)
    assert_problem(again, 409, "conflict")


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        ({"name": "Test", "slug": "Not A Slug"}, "#/body/slug"),
        ({"slug": "fine-slug"}, "#/body/name"),
        ({"name": "x" * 201, "slug": "fine-slug"}, "#/body/name"),
        ({"name": "Test", "slug": "fine-slug", "extra": 1}, "#/body/extra"),
    ],
)
def test_invalid_registration_names_the_field(
    client: TestClient, body: dict[str, object], pointer: str
) -> None:
    problem = assert_problem(
        client.post("/v1/organisations", json=body, headers=OPERATOR), 422, "validation-error"
    )
    assert pointer in [e["pointer"] for e in problem["errors"]]


def test_tenant_only_organisations_stay_out_of_public_lists(client: TestClient) -> None:
    slug = register(client)
    assert_problem(client.get(f"/v1/organisations/{slug}"), 404, "not-found")
    listed = client.get("/v1/organisations", params={"limit": 200}).json()["items"]
    assert slug not in [o["slug"] for o in listed]
    tenants = client.get("/v1/tenants", params={"limit": 200}, headers=OPERATOR)
    assert tenants.status_code == 200
    assert slug in [t["slug"] for t in tenants.json()["items"]]


def test_an_organisation_the_evidence_names_becomes_a_tenant_in_place(client: TestClient) -> None:
    named = client.get("/v1/organisations", params={"limit": 1}).json()["items"]
    if not named:
        pytest.skip("the seed names no organisations")
    slug = named[0]["slug"]
    created = client.post(
        "/v1/organisations", json={"name": "Other name", "slug": slug}, headers=OPERATOR
    )
    assert created.status_code == 201
    assert created.json()["in_evidence"] is True
    assert created.json()["name"] == named[0]["name"]  # the evidence name is kept
    assert client.get(f"/v1/organisations/{slug}").status_code == 200


def test_no_token_is_401_with_a_challenge(client: TestClient) -> None:
    for method, path in [("GET", "/v1/me"), ("POST", "/v1/organisations"), ("GET", "/v1/tenants")]:
        problem = assert_problem(client.request(method, path, json={}), 401, "unauthorized")
        assert problem["status"] == 401
    response = client.get("/v1/me")
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_wrong_operator_token_is_401_and_org_key_on_operator_route_is_403(
    client: TestClient,
) -> None:
    body = {"name": "X", "slug": new_slug()}
    assert_problem(
        client.post("/v1/organisations", json=body, headers=bearer("wrong")), 401, "unauthorized"
    )
    org_key = issue_key(client, register(client))["token"]
    for method, path in [
        ("POST", "/v1/organisations"),
        ("GET", "/v1/tenants"),
        ("POST", f"/v1/organisations/{body['slug']}/api-keys"),
    ]:
        response = client.request(method, path, json=body, headers=bearer(org_key))
        assert_problem(response, 403, "forbidden")
    assert_problem(client.get("/v1/me", headers=OPERATOR), 403, "forbidden")


def test_keys_are_listed_by_prefix_and_revoked_keys_get_401(client: TestClient) -> None:
    slug = register(client)
    first, second = issue_key(client, slug, "first"), issue_key(client, slug, "second")
    listed = client.get(f"/v1/organisations/{slug}/api-keys", headers=OPERATOR)
    assert listed.status_code == 200
    items = listed.json()["items"]
    assert [k["prefix"] for k in items] == [first["prefix"], second["prefix"]]
    assert all("token" not in k and "token_hash" not in k for k in items)

    assert client.get("/v1/me", headers=bearer(first["token"])).status_code == 200
    revoked = client.delete(
        f"/v1/organisations/{slug}/api-keys/{first['prefix']}", headers=OPERATOR
    )
    assert revoked.status_code == 204
    assert_problem(client.get("/v1/me", headers=bearer(first["token"])), 401, "unauthorized")
    assert client.get("/v1/me", headers=bearer(second["token"])).status_code == 200
    again = client.delete(f"/v1/organisations/{slug}/api-keys/{first['prefix']}", headers=OPERATOR)
    assert again.status_code == 204
    missing = client.delete(f"/v1/organisations/{slug}/api-keys/000000000000", headers=OPERATOR)
    assert_problem(missing, 404, "not-found")
    after = client.get(f"/v1/organisations/{slug}/api-keys", headers=OPERATOR).json()["items"]
    assert after[0]["revoked_at"] is not None and after[1]["revoked_at"] is None


def test_a_tampered_token_is_401(client: TestClient) -> None:
    token = issue_key(client, register(client))["token"]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert_problem(client.get("/v1/me", headers=bearer(tampered)), 401, "unauthorized")
    assert_problem(client.get("/v1/me", headers=bearer("pfa_nope")), 401, "unauthorized")


def test_keys_for_unknown_tenants_are_404(client: TestClient) -> None:
    response = client.post(
        "/v1/organisations/no-such-tenant/api-keys", json={"label": "x"}, headers=OPERATOR
    )
    assert_problem(response, 404, "not-found")


def test_tokens_are_stored_only_as_hashes(client: TestClient, database_url: str) -> None:
    token = issue_key(client, register(client))["token"]
    engine = create_engine(database_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM api_key")).mappings().all()
    engine.dispose()
    dumped = json.dumps([dict(r) for r in rows], default=str)
    assert token not in dumped
    assert token.rsplit("_", 1)[1] not in dumped


def test_access_log_names_the_organisation_never_the_token(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    slug = register(client)
    token = issue_key(client, slug)["token"]
    with caplog.at_level(logging.INFO, logger="app.access"):
        assert client.get("/v1/me", headers=bearer(token)).status_code == 200
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "app.access"]
    assert any(line["organisation"] == slug for line in lines)
    assert token not in caplog.text


def test_operator_routes_refuse_everyone_without_admin_token(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core import config

    monkeypatch.delenv("ADMIN_TOKEN", raising=False)
    config.get_settings.cache_clear()
    try:
        response = client.get("/v1/tenants", headers=OPERATOR)
        assert_problem(response, 403, "forbidden")
        assert_problem(client.get("/v1/tenants"), 401, "unauthorized")
    finally:
        monkeypatch.undo()
        config.get_settings.cache_clear()


def test_a_read_records_when_the_key_was_last_used(client: TestClient) -> None:
    """GETs run read-only; the key's last use is still recorded, after the read."""
    slug = register(client)
    key = issue_key(client, slug)
    assert key["last_used_at"] is None
    assert client.get("/v1/audits", headers=bearer(key["token"])).status_code == 200
    listed = client.get(f"/v1/organisations/{slug}/api-keys", headers=OPERATOR).json()["items"]
    assert listed[0]["last_used_at"] is not None
    me = client.get("/v1/me", headers=bearer(key["token"])).json()
    assert me["key"]["last_used_at"] == listed[0]["last_used_at"]
