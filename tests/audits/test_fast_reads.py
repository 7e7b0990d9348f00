"""`AuditReadsMiddleware` answers GET /v1/audits and /v1/audits/{id} before routing: every
request gets the same status, headers and body as the routes give without it, and the
middleware answers exactly the requests it should (its counters in /metrics say which)."""

import json
import logging
import re
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.audits.fast_reads import AuditReadsMiddleware
from tests.conftest import assert_problem
from tests.helpers import (
    OPERATOR,
    bearer,
    complete_audit,
    create_audit,
    fast_read_counts,
    issue_key,
    register,
    tenant,
)

# Differ from one response to the next whoever answers.
PER_RESPONSE = {"x-request-id", "date", "ratelimit-remaining", "ratelimit-reset"}


@pytest.fixture(scope="module")
def routed(database_url: str) -> Iterator[TestClient]:
    """The same app on the same database, without the middleware: the routes answer all."""
    from app.main import create_app

    app = create_app()
    app.user_middleware = [m for m in app.user_middleware if m.cls is not AuditReadsMiddleware]
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def same_answer(
    client: TestClient, routed: TestClient, method: str, path: str, headers: dict[str, str]
) -> int:
    fast = client.request(method, path, headers=headers)
    slow = routed.request(method, path, headers=headers)
    assert fast.status_code == slow.status_code, (path, fast.text, slow.text)
    assert fast.content == slow.content, path
    strip = lambda r: [(k, v) for k, v in r.headers.multi_items() if k not in PER_RESPONSE]  # noqa: E731
    assert strip(fast) == strip(slow), path
    return fast.status_code


@pytest.fixture(scope="module")
def org(client: TestClient) -> dict[str, object]:
    headers = tenant(client)
    draft = create_audit(client, headers, title="Draft").json()
    complete = complete_audit(client, headers)
    if_match = {**headers, "If-Match": complete.headers["etag"]}
    submitted = client.post(f"{complete.json()['href']}/submit", headers=if_match)
    assert submitted.status_code == 200, submitted.text
    return {"headers": headers, "draft": draft}


def test_answered_requests_match_the_routes(
    client: TestClient, routed: TestClient, org: dict[str, object]
) -> None:
    headers: dict[str, str] = org["headers"]  # type: ignore[assignment]
    href = org["draft"]["href"]  # type: ignore[index]
    etag = client.get(href, headers=headers).headers["etag"]
    first = client.get("/v1/audits?limit=1", headers=headers)
    cursor = first.json()["next_cursor"]
    assert cursor and "link" in first.headers
    requests = [
        ("GET", href, headers),
        ("HEAD", href, headers),
        ("GET", href, {**headers, "If-None-Match": etag}),
        ("GET", href, {**headers, "If-None-Match": '"0-stale"'}),
        ("GET", href, {**headers, "Accept": "application/json"}),
        # Negotiated to JSON: by q-value, by the server's order on a tie, by a wildcard.
        ("GET", href, {**headers, "Accept": "text/csv;q=0, application/json"}),
        ("GET", href, {**headers, "Accept": "text/csv, application/json, */*"}),
        ("GET", "/v1/audits", {**headers, "Accept": "*/*;q=0.1, text/csv;q=0"}),
        ("GET", "/v1/audits?format=json", {**headers, "Accept": "text/csv"}),
        ("GET", "/v1/audits", headers),
        ("HEAD", "/v1/audits", headers),
        ("GET", "/v1/audits?limit=1", headers),
        ("GET", f"/v1/audits?limit=1&cursor={cursor}", headers),
        ("GET", "/v1/audits?status=draft", headers),
        ("GET", "/v1/audits?status=submitted&template_version=1&limit=5", headers),
        ("GET", "/v1/audits?template_version=2", headers),
        ("GET", "/v1/audits?limit=200&cursor=", headers),
    ]
    before = fast_read_counts(client)
    statuses = [same_answer(client, routed, *request) for request in requests]
    after = fast_read_counts(client)
    assert statuses == [200, 200, 304, *[200] * 14]
    assert after["answered"] - before["answered"] == len(requests)
    assert after["handed_on"] == before["handed_on"]


def test_everything_else_is_the_routes_answer(
    client: TestClient, routed: TestClient, org: dict[str, object]
) -> None:
    headers: dict[str, str] = org["headers"]  # type: ignore[assignment]
    audit_id = org["draft"]["id"]  # type: ignore[index]
    href = f"/v1/audits/{audit_id}"
    other = tenant(client)
    requests = [
        ("GET", href, {}),  # no token: 401
        ("GET", href, bearer("pfa_000000000000_" + "x" * 32)),  # unknown key: 401
        ("GET", href, OPERATOR),  # the operator token on a tenant route: 403
        ("GET", href, other),  # another organisation's audit: 404
        ("GET", f"/v1/audits/{uuid.uuid4()}", headers),  # 404
        ("GET", f"/v1/audits/{audit_id.upper()}", headers),  # another spelling: the route's
        ("GET", "/v1/audits/not-a-uuid", headers),  # 422
        ("GET", f"{href}?format=fhir", headers),
        ("GET", href, {**headers, "Accept": "text/csv"}),
        ("GET", "/v1/audits", {**headers, "Accept": "text/csv"}),
        ("GET", "/v1/audits?limit=0", headers),  # 422
        ("GET", "/v1/audits?limit=abc", headers),  # 422
        ("GET", "/v1/audits?limit=1&limit=2", headers),
        ("GET", "/v1/audits?cursor=not-a-cursor", headers),  # 422
        ("GET", "/v1/audits?status=closed", headers),  # 422
        ("GET", "/v1/audits?template_version=0", headers),  # 422
        ("GET", "/v1/audits?format=xml", headers),  # 422
        ("GET", href, {**headers, "Accept": "application/xml"}),  # 406
        ("GET", "/v1/audits", {**headers, "Accept": "application/json;q=0"}),  # 406
        ("GET", "/v1/audits?format=fhir", headers),  # 422: no FHIR of a list
        ("GET", f"{href}?format=json", headers),  # the route reads its query
    ]
    before = fast_read_counts(client)
    statuses = [same_answer(client, routed, *request) for request in requests]
    after = fast_read_counts(client)
    assert statuses == [
        *(401, 401, 403, 404, 404, 200, 422),
        *(200, 200, 200),
        *(422, 422, 200, 422, 422, 422, 422),
        *(406, 406, 422, 200),
    ]
    assert after["handed_on"] - before["handed_on"] == len(requests)
    assert after["answered"] == before["answered"]
    assert_problem(client.get(href, headers=other), 404, "not-found")


def test_a_key_first_used_on_an_answered_read_records_its_use(client: TestClient) -> None:
    slug = register(client)
    key = issue_key(client, slug)
    before = fast_read_counts(client)["answered"]
    assert client.get("/v1/audits", headers=bearer(key["token"])).status_code == 200
    assert fast_read_counts(client)["answered"] == before + 1
    keys = client.get(f"/v1/organisations/{slug}/api-keys", headers=OPERATOR).json()
    (listed,) = [k for k in keys["items"] if k["prefix"] == key["prefix"]]
    assert listed["last_used_at"] is not None


def test_answered_reads_are_logged_and_metered_as_routed_ones(
    client: TestClient, org: dict[str, object], caplog: pytest.LogCaptureFixture
) -> None:
    headers: dict[str, str] = org["headers"]  # type: ignore[assignment]
    with caplog.at_level(logging.INFO, logger="app.access"):
        assert client.get(org["draft"]["href"], headers=headers).status_code == 200  # type: ignore[index]
    (line,) = [json.loads(r.getMessage()) for r in caplog.records if r.name == "app.access"]
    assert line["route"] == "/v1/audits/{audit_id}" and line["status"] == 200
    assert line["organisation"] == org["draft"]["organisation"]  # type: ignore[index]
    text = client.get("/metrics").text
    assert re.search(r'http_requests_total\{[^}]*route="/v1/audits/\{audit_id\}"[^}]*\} \d+', text)
    assert org["draft"]["id"] not in text  # type: ignore[index]


def test_a_failure_in_the_fast_path_is_answered_by_the_route(
    client: TestClient, org: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.audits import fast_reads

    def broken(*_: object) -> None:
        raise RuntimeError("a bug in the fast path")

    monkeypatch.setattr(fast_reads, "Answer", broken)
    headers: dict[str, str] = org["headers"]  # type: ignore[assignment]
    before = fast_read_counts(client)["handed_on"]
    response = client.get(org["draft"]["href"], headers=headers)  # type: ignore[index]
    assert response.status_code == 200 and response.json()["id"] == org["draft"]["id"]  # type: ignore[index]
    assert fast_read_counts(client)["handed_on"] == before + 1
