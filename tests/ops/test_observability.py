"""JSON access logs (request id, route template, status, duration, organisation; never a token or
audit text) and Prometheus metrics per route template."""

import json
import logging
import re

import pytest
from fastapi.testclient import TestClient

from tests.helpers import condition_slugs, tenant

SECRET_TEXT = "Confidential: the Smith family's strategy meeting"


def test_access_log_has_the_fields_and_never_tokens_or_audit_text(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    headers = tenant(client)
    token = headers["Authorization"].removeprefix("Bearer ")
    slug = condition_slugs(client)[0]
    body = {
        "template_version": 1,
        "title": SECRET_TEXT,
        "responses": [{"condition": slug, "current_practice": SECRET_TEXT, "rating": 2}],
    }
    with caplog.at_level(logging.DEBUG):
        created = client.post("/v1/audits", json=body, headers=headers)
        assert created.status_code == 201, created.text
        got = client.get(created.json()["href"], headers={**headers, "X-Request-ID": "trace-42"})
        assert got.status_code == 200
        client.get("/v1/me", headers={"Authorization": "Bearer pfa_bogus_tokenvalue"})
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert token not in everything and "pfa_bogus_tokenvalue" not in everything
    assert SECRET_TEXT not in everything
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "app.access"]
    line = next(entry for entry in lines if entry["request_id"] == "trace-42")
    assert line["route"] == "/v1/audits/{audit_id}"
    assert line["status"] == 200 and line["method"] == "GET"
    assert isinstance(line["duration_ms"], float | int) and line["duration_ms"] >= 0
    assert line["organisation"], line
    assert got.headers["x-request-id"] == "trace-42"


def test_metrics_count_requests_per_route_template(client: TestClient) -> None:
    for _ in range(3):
        client.get("/v1/features/no-such-feature")
        client.get("/v1/features")  # answered by the catalogue cache after the first
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    text = response.text
    assert "no-such-feature" not in text  # templates, never raw paths
    missing = re.search(
        r'http_requests_total\{pid="\d+",method="GET",route="/v1/features/\{slug\}",'
        r'status="404"\} (\d+)',
        text,
    )
    assert missing and int(missing.group(1)) >= 3, text[:2000]
    cached = re.search(
        r'http_requests_total\{pid="\d+",method="GET",route="/v1/features",status="200"\} (\d+)',
        text,
    )
    assert cached and int(cached.group(1)) >= 3
    assert re.search(
        r'http_request_duration_seconds_bucket\{pid="\d+",method="GET",'
        r'route="/v1/features",le="\+Inf"\} \d+',
        text,
    )
    assert "# TYPE http_request_duration_seconds histogram" in text


def _series(text: str, name: str) -> int:
    found = re.search(rf'^{name}\{{pid="\d+"\}} (\d+)$', text, re.MULTILINE)
    assert found, f"{name} missing from /metrics"
    return int(found.group(1))


def test_metrics_show_the_audit_body_cache_at_work(client: TestClient) -> None:
    headers = tenant(client)
    created = client.post(
        "/v1/audits", json={"template_version": 1, "title": "Cached"}, headers=headers
    )
    assert created.status_code == 201, created.text
    href = created.json()["href"]
    before = client.get("/metrics").text
    hits, misses = (_series(before, f"audit_body_cache_{k}_total") for k in ("hits", "misses"))
    for _ in range(3):
        assert client.get(href, headers=headers).status_code == 200
    after = client.get("/metrics").text
    # The first read renders (a miss: writes never fill the cache), the next two are kept bodies.
    assert _series(after, "audit_body_cache_misses_total") == misses + 1
    assert _series(after, "audit_body_cache_hits_total") == hits + 2
    assert _series(after, "audit_body_cache_entries") >= 1
    assert _series(after, "audit_body_cache_bytes") > 0
    assert "# TYPE audit_body_cache_hits_total counter" in after


def _labelled(text: str, name: str, label: str) -> dict[str, int]:
    found = re.findall(rf'^{name}\{{pid="\d+",{label}="(\w+)"\}} (\d+)$', text, re.MULTILINE)
    assert found, f"{name} missing from /metrics"
    return {value: int(n) for value, n in found}


def test_metrics_count_prepared_statements_and_where_writes_ran(
    client: TestClient, database_url: str
) -> None:
    headers = tenant(client)
    before = client.get("/metrics").text
    created = client.post(
        "/v1/audits", json={"template_version": 1, "title": "Counted"}, headers=headers
    )
    assert created.status_code == 201, created.text
    assert client.get(created.json()["href"], headers=headers).status_code == 200
    after = client.get("/metrics").text
    statements = "db_prepared_statements_total"
    ran = {
        kind: n - _labelled(before, statements, "kind")[kind]
        for kind, n in _labelled(after, statements, "kind").items()
    }
    # The create: its key, then the audit and revision rows; the read: its key and the version.
    assert ran == {"select": 3, "insert": 2, "update": 0}, ran
    writes = "db_route_writes_total"
    wrote = {
        where: n - _labelled(before, writes, "ran_on")[where]
        for where, n in _labelled(after, writes, "ran_on").items()
    }
    on_sqlite = database_url.startswith("sqlite")
    assert wrote == ({"loop": 1, "pool": 0} if on_sqlite else {"loop": 0, "pool": 1}), wrote
