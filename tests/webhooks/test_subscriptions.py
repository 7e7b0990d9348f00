"""Managing subscriptions: the SSRF rules, bad input, tenancy and scopes, rotation, the test
event and the OpenAPI `webhooks` section (no deliverer runs here)."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.helpers import bearer, issue_key, operator_env, register, tenant

GOOD = {"url": "https://example.org/hooks", "events": ["audit.submitted"]}


@pytest.fixture(scope="module", autouse=True)
def _operator() -> Iterator[None]:
    yield from operator_env()


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/hooks",  # not https
        "https://127.0.0.1/hooks",  # loopback
        "https://localhost/hooks",
        "https://10.0.0.7/hooks",  # private
        "https://192.168.1.1/hooks",
        "https://169.254.169.254/latest/meta-data",  # metadata
        "https://[::1]/hooks",
        "https://[fe80::1]/hooks",  # link-local
        "https://2130706433/hooks",  # 127.0.0.1 as a number
        "https://0/hooks",  # 0.0.0.0
        "https://0x7f.1/hooks",  # 127.0.0.1 in inet_aton's hex
        "https://93.184.216.34/hooks",  # public, but an IP literal names no certificate
        "https://hooks.localhost/hooks",  # RFC 6761: loopback
        "https://example.org/hooks#top",  # a fragment
        "https://exa_mple.org/hooks",  # not a DNS name
        "https://user:pass@example.org/hooks",  # credentials
        "ftp://example.org/hooks",
        "https:///nohost",
    ],
)
def test_a_url_that_may_not_be_called_is_a_422_naming_url(client: TestClient, url: str) -> None:
    headers = tenant(client)
    response = client.post("/v1/webhooks", json={**GOOD, "url": url}, headers=headers)
    body = assert_problem(response, 422)
    assert [e["pointer"] for e in body["errors"]] == ["#/body/url"]


def test_unknown_event_types_and_fields_are_422(client: TestClient) -> None:
    headers = tenant(client)
    bad = client.post("/v1/webhooks", json={**GOOD, "events": ["audit.deleted"]}, headers=headers)
    assert assert_problem(bad, 422)["errors"][0]["pointer"].startswith("#/body/events")
    extra = client.post("/v1/webhooks", json={**GOOD, "secret": "mine"}, headers=headers)
    assert_problem(extra, 422)


def test_lifecycle_rotation_test_event_and_tenancy(client: TestClient) -> None:
    headers = tenant(client)
    created = client.post(
        "/v1/webhooks", json={**GOOD, "url": "https://cms.example.org/hooks"}, headers=headers
    )
    assert created.status_code == 201, created.text
    sub = created.json()
    assert sub["secret"].startswith("whsec_") and created.headers["Location"] == sub["href"]
    listed = client.get("/v1/webhooks", headers=headers).json()["items"]
    assert [s["id"] for s in listed] == [sub["id"]] and "secret" not in listed[0]

    rotated = client.post(f"/v1/webhooks/{sub['id']}/rotate-secret", headers=headers).json()
    assert rotated["secret"] != sub["secret"] and rotated["previous_secret_expires_at"]

    patched = client.patch(
        f"/v1/webhooks/{sub['id']}", json={"events": ["audit.amended"]}, headers=headers
    )
    assert patched.json()["events"] == ["audit.amended"]

    test = client.post(f"/v1/webhooks/{sub['id']}/test", headers=headers)
    assert test.status_code == 202 and test.json()["event_type"] == "webhook.test"
    log = client.get(f"/v1/webhooks/{sub['id']}/deliveries", headers=headers).json()["items"]
    assert [d["status"] for d in log] == ["pending"]

    other = tenant(client)
    for method, path in [
        ("GET", f"/v1/webhooks/{sub['id']}"),
        ("PATCH", f"/v1/webhooks/{sub['id']}"),
        ("DELETE", f"/v1/webhooks/{sub['id']}"),
        ("POST", f"/v1/webhooks/{sub['id']}/test"),
        ("GET", f"/v1/webhooks/{sub['id']}/deliveries"),
    ]:
        kwargs = {"json": {"description": "x"}} if method == "PATCH" else {}
        assert_problem(client.request(method, path, headers=other, **kwargs), 404)

    assert client.delete(f"/v1/webhooks/{sub['id']}", headers=headers).status_code == 204
    assert_problem(client.get(f"/v1/webhooks/{sub['id']}", headers=headers), 404)


def test_managing_webhooks_needs_the_scope(client: TestClient) -> None:
    slug = register(client)
    reader = issue_key(client, slug, scopes=["audits:read"])["token"]
    body = assert_problem(client.post("/v1/webhooks", json=GOOD, headers=bearer(reader)), 403)
    assert body["required_scope"] == "webhooks:manage"


@pytest.mark.any_database
def test_the_openapi_describes_each_event_payload(client: TestClient) -> None:
    webhooks = client.get("/openapi.json").json()["webhooks"]
    assert set(webhooks) == {"audit.created", "audit.updated", "audit.submitted", "audit.amended"}
    for entry in webhooks.values():
        schema = entry["post"]["requestBody"]["content"]["application/json"]["schema"]
        assert schema["$ref"].endswith("/EventPublic")
        names = {p["name"] for p in entry["post"]["parameters"]}
        assert names == {"webhook-id", "webhook-timestamp", "webhook-signature"}
