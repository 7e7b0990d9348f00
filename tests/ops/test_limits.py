"""Limits and headers a client sees: body cap (413), rate limit (429 + Retry-After, on cached
reads too), security headers with a CSP the offline docs live with, CORS from configuration."""

import os
import re
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.core import config as config_module
from app.core.ratelimit import WINDOW_SECONDS, FixedWindowCounter
from tests.conftest import assert_problem
from tests.helpers import tenant


def _app_with(env: dict[str, str]) -> Iterator[TestClient]:
    from app.main import create_app

    previous = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    config_module.get_settings.cache_clear()
    try:
        with TestClient(create_app(), raise_server_exceptions=False) as client:
            yield client
    finally:
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        config_module.get_settings.cache_clear()


@pytest.fixture(scope="module")
def limited(database_url: str) -> Iterator[TestClient]:
    yield from _app_with(
        {
            "RATE_LIMIT_PER_MINUTE": "0",
            "MAX_BODY_BYTES": "2048",
            "CORS_ORIGINS": "https://dashboard.example.org",
        }
    )


def test_declared_oversized_body_is_413(limited: TestClient) -> None:
    response = limited.post(
        "/v1/audits",
        content=b"{" + b" " * 4096 + b"}",
        headers={"Content-Type": "application/json", "Authorization": "Bearer x"},
    )
    assert_problem(response, 413, "payload-too-large")


def test_streamed_oversized_body_is_413(limited: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(8):
            yield b" " * 1024

    response = limited.post(
        "/v1/organisations", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert_problem(response, 413, "payload-too-large")


def test_rate_limit_applies_to_cached_reads_per_client(database_url: str) -> None:
    for client in _app_with({"RATE_LIMIT_PER_MINUTE": "5"}):
        _rate_limit_on_cached_reads(client)


def _inside_one_window(margin_s: float = 10) -> None:
    """Start with `margin_s` left in the limiter's fixed window, so that the requests a test
    counts are not split by the window turning (it failed once at hh:mm:59)."""
    left = WINDOW_SECONDS - time.time() % WINDOW_SECONDS
    if left < margin_s:
        time.sleep(left + 0.1)


def _rate_limit_on_cached_reads(limited: TestClient) -> None:
    _inside_one_window()
    statuses = []
    for _ in range(6):  # the first renders and caches, the rest are answered from the cache
        response = limited.get("/v1/features", headers={"X-Forwarded-For": "spoofed"})
        statuses.append(response.status_code)
    assert statuses == [200] * 5 + [429], statuses
    body = assert_problem(response, 429, "rate-limited")
    assert "per minute" in body["detail"]
    retry_after = int(response.headers["retry-after"])
    assert 1 <= retry_after <= 60
    assert response.headers["ratelimit-remaining"] == "0"
    # A made-up token gets no budget of its own (tests/core/test_ratelimit.py has the rest).
    other = limited.get("/v1/features", headers={"Authorization": "Bearer another-client"})
    assert other.status_code == 429


def test_made_up_tokens_spend_the_ip_budget(database_url: str) -> None:
    for client in _app_with({"RATE_LIMIT_PER_MINUTE": "3"}):
        _inside_one_window()
        statuses = [
            client.get("/v1/me", headers={"Authorization": f"Bearer guess-{i}"}).status_code
            for i in range(5)
        ]
        assert statuses[:3] == [401, 401, 401]
        assert statuses[3:] == [429, 429], statuses


def test_health_probes_are_never_limited(database_url: str) -> None:
    for client in _app_with({"RATE_LIMIT_PER_MINUTE": "1"}):
        assert all(client.get("/healthz").status_code == 200 for _ in range(5))


def test_fixed_window_resets_when_the_minute_turns() -> None:
    now = [120.0]
    counter = FixedWindowCounter(2, clock=lambda: now[0])
    assert [counter.hit("k")[0] for _ in range(3)] == [True, True, False]
    assert counter.hit("k")[2] == 60
    now[0] = 180.0
    assert counter.hit("k")[0]


def test_security_headers_on_every_response(limited: TestClient) -> None:
    for path in ("/v1/features/nope", "/healthz", "/openapi.json"):
        response = limited.get(path, headers={"Authorization": "Bearer hdr"})
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_docs_load_only_same_origin_assets_the_csp_allows(limited: TestClient) -> None:
    for path in ("/docs", "/redoc"):
        response = limited.get(path, headers={"Authorization": "Bearer docs"})
        assert response.status_code == 200
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "http" not in csp
        assert "'unsafe-inline'" not in csp and "script-src 'self';" in csp
        # Nothing inline for the CSP to refuse: every script and style is a file.
        assert not re.search(r"<script(?![^>]*\bsrc=)|<style|\sstyle=", response.text)
        assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
        assert assets, response.text[:500]
        assert all(not a.startswith(("http:", "https:", "//")) for a in assets), assets
        for asset in assets:
            if asset.endswith((".js", ".css")):
                got = limited.get(asset, headers={"Authorization": "Bearer docs"})
                assert got.status_code == 200, asset


def test_cors_allows_the_configured_origin_only(limited: TestClient) -> None:
    allowed = "https://dashboard.example.org"
    preflight = limited.options(
        "/v1/audits",
        headers={
            "Origin": allowed,
            "Access-Control-Request-Method": "PATCH",
            "Access-Control-Request-Headers": "If-Match, Authorization",
            "Authorization": "Bearer cors",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == allowed
    assert "PATCH" in preflight.headers["access-control-allow-methods"]
    simple = limited.get("/healthz", headers={"Origin": allowed})
    exposed = simple.headers["access-control-expose-headers"].lower()
    exposed_headers = {h.strip() for h in exposed.split(",")}
    for header in ("etag", "link", "retry-after", "x-request-id", "location", "ratelimit-reset"):
        assert header in exposed_headers
    # What a browser client of the audits and CSV exports reads too.
    for header in ("idempotent-replayed", "content-disposition", "accept-patch"):
        assert header in exposed_headers
    foreign = limited.get("/healthz", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in foreign.headers


def test_limits_are_documented_in_the_openapi(limited: TestClient) -> None:
    description = limited.get("/openapi.json", headers={"Authorization": "Bearer d"}).json()[
        "info"
    ]["description"]
    assert "429" in description and "Retry-After" in description and "413" in description
    assert "per server process" in description


def test_a_real_key_is_limited_by_its_own_budget(database_url: str) -> None:
    for client in _app_with({"RATE_LIMIT_PER_MINUTE": "4"}):
        headers = tenant(client)  # two operator calls, spent from the operator's budget
        statuses = [client.get("/v1/me", headers=headers).status_code for _ in range(5)]
        assert statuses == [200] * 4 + [429], statuses
        assert client.get("/v1/features").status_code == 200  # the IP budget is untouched
