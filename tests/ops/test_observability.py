"""JSON access logs (request id, route template, status, duration, organisation; never a token or
audit text) and Prometheus metrics per route template."""

import json
import logging

import pytest
from fastapi.testclient import TestClient

from tests.helpers import condition_slugs, metric, metric_by, metric_samples, tenant

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
    before = client.get("/metrics").text
    for _ in range(3):
        client.get("/v1/features/no-such-feature")
        client.get("/v1/features")  # answered by the catalogue cache after the first
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    text = response.text
    assert "no-such-feature" not in text  # templates, never raw paths
    name = "http_requests_total"
    missing = {"method": "GET", "route": "/v1/features/{slug}", "status": "404"}
    cached = {"method": "GET", "route": "/v1/features", "status": "200"}
    assert metric(text, name, **missing) - _or_zero(before, name, **missing) == 3
    assert metric(text, name, **cached) - _or_zero(before, name, **cached) == 3
    count = "http_request_duration_seconds_count"
    features = {"method": "GET", "route": "/v1/features"}
    assert metric(text, count, **features) - _or_zero(before, count, **features) == 3
    assert metric(text, "http_request_duration_seconds_bucket", le="+Inf", **features) == metric(
        text, count, **features
    )
    assert "# TYPE http_request_duration_seconds histogram" in text
    assert metric(text, "http_requests_in_flight") == 1  # this scrape
    assert metric(text, "process_start_time_seconds") > 1.7e9


def _or_zero(text: str, name: str, **labels: str) -> float:
    return sum(v for have, v in metric_samples(text, name) if labels.items() <= have.items())


def test_metrics_show_the_audit_body_cache_at_work(client: TestClient) -> None:
    headers = tenant(client)
    created = client.post(
        "/v1/audits", json={"template_version": 1, "title": "Cached"}, headers=headers
    )
    assert created.status_code == 201, created.text
    href = created.json()["href"]
    before = client.get("/metrics").text
    hits, misses = (metric(before, f"audit_body_cache_{k}_total") for k in ("hits", "misses"))
    for _ in range(3):
        assert client.get(href, headers=headers).status_code == 200
    after = client.get("/metrics").text
    # The first read renders (a miss: writes never fill the cache), the next two are kept bodies.
    assert metric(after, "audit_body_cache_misses_total") == misses + 1
    assert metric(after, "audit_body_cache_hits_total") == hits + 2
    assert metric(after, "audit_body_cache_entries") >= 1
    assert metric(after, "audit_body_cache_bytes") > 0
    assert "# TYPE audit_body_cache_hits_total counter" in after


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
        kind: n - metric_by(before, statements, "kind")[kind]
        for kind, n in metric_by(after, statements, "kind").items()
    }
    # The create: its key, then the audit, revision and event rows; the read: its key and the
    # version.
    assert ran == {"select": 3, "insert": 3, "update": 0}, ran
    writes = "db_route_writes_total"
    wrote = {
        where: n - metric_by(before, writes, "ran_on")[where]
        for where, n in metric_by(after, writes, "ran_on").items()
    }
    on_sqlite = database_url.startswith("sqlite")
    assert wrote == ({"loop": 1, "pool": 0} if on_sqlite else {"loop": 0, "pool": 1}), wrote
