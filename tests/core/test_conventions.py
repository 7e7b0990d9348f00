"""HTTP conventions every endpoint shares: problems, caching, pagination, headers, health."""

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.conftest import ServedApp, assert_problem


def test_unknown_slug_is_a_404_problem(client: TestClient) -> None:
    body = assert_problem(client.get("/v1/features/nope"), 404, "not-found")
    assert "nope" in body["detail"]
    assert body["instance"] == "/v1/features/nope"


def test_unknown_path_is_a_404_problem(client: TestClient) -> None:
    assert_problem(client.get("/v1/no-such-thing"), 404, "not-found")


def test_wrong_method_is_a_405_problem(client: TestClient) -> None:
    response = client.delete("/v1/features")
    body = assert_problem(response, 405, "method-not-allowed")
    assert "DELETE" in body["detail"]
    assert response.headers["allow"] == "GET, HEAD"


def test_oversized_headers_and_a_query_that_is_not_utf8_are_refused(client: TestClient) -> None:
    huge = {"X-Padding": "x" * 40_000}
    assert_problem(client.get("/v1/features", headers=huge), 431, "headers-too-large")
    body = assert_problem(client.get("/v1/features?q=%ff%fe"), 400, "bad-request")
    assert "UTF-8" in body["detail"]


def test_two_authorization_headers_are_a_400(client: TestClient) -> None:
    twice = [("Authorization", "Bearer one"), ("Authorization", "Bearer two")]
    for path in ("/v1/features", "/v1/audits", "/v1/me"):
        body = assert_problem(client.get(path, headers=twice), 400, "bad-request")
        assert "one Authorization header" in body["detail"]
    assert client.get("/v1/features", headers=twice[:1]).status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/v1/audits", "GET, HEAD, POST"),  # one path, one router
        ("DELETE", "/v1/organisations", "GET, HEAD, POST"),  # one path, two routers
        ("GET", "/v1/audits/00000000-0000-7000-8000-000000000000/submit", "POST"),
    ],
)
def test_a_405_names_every_method_the_path_has(
    client: TestClient, method: str, path: str, allow: str
) -> None:
    response = client.request(method, path)
    assert_problem(response, 405, "method-not-allowed")
    assert response.headers["allow"] == allow


@pytest.mark.parametrize("limit", ["0", "999", "abc", "-1", "1.5"])
def test_bad_limit_is_a_422_naming_the_parameter(client: TestClient, limit: str) -> None:
    body = assert_problem(
        client.get("/v1/features", params={"limit": limit}), 422, "validation-error"
    )
    assert [e["pointer"] for e in body["errors"]] == ["#/query/limit"]


@pytest.mark.parametrize("cursor", ["garbage", "eyJ4IjoxfQ", "W10", "%%%", "A" * 600])
def test_garbage_cursor_is_a_422(client: TestClient, cursor: str) -> None:
    body = assert_problem(client.get("/v1/features", params={"cursor": cursor}), 422)
    assert body["errors"][0]["pointer"] == "#/query/cursor"


def test_unknown_enabler_set_is_a_422(client: TestClient) -> None:
    body = assert_problem(client.get("/v1/enablers", params={"set": "nope"}), 422)
    assert body["errors"][0]["pointer"] == "#/query/set"


def test_bad_slug_shape_is_a_422_not_a_500(client: TestClient) -> None:
    assert_problem(client.get("/v1/features/" + "x" * 300), 422)
    assert_problem(client.get("/v1/features/UPPER_case"), 422)


def test_strong_etag_and_304(client: TestClient) -> None:
    first = client.get("/v1/features")
    etag = first.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert first.headers["cache-control"].startswith("public, max-age=")
    again = client.get("/v1/features", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    weak = client.get("/v1/features", headers={"If-None-Match": f'"other", W/{etag}'})
    assert weak.status_code == 304
    stale = client.get("/v1/features", headers={"If-None-Match": '"stale"'})
    assert stale.status_code == 200 and stale.json()["items"]


def test_keyset_pagination_walks_every_item_once(client: TestClient) -> None:
    everything = client.get("/v1/findings", params={"limit": 200}).json()
    seen: list[str] = []
    response = client.get("/v1/findings", params={"limit": 7})
    pages = 0
    while True:
        assert response.status_code == 200
        body = response.json()
        assert len(body["items"]) <= 7
        seen += [f["slug"] for f in body["items"]]
        pages += 1
        if body["next_cursor"] is None:
            assert "link" not in response.headers
            break
        link = response.headers["link"]
        assert link.endswith('rel="next"') and "cursor=" in link
        next_url = link[link.index("<") + 1 : link.index(">")]
        response = client.get(next_url)
    assert pages > 1
    assert seen == [f["slug"] for f in everything["items"]]
    assert len(seen) == len(set(seen)) == everything["total"]


def test_cors_exposes_etag_link_and_retry_after(client: TestClient) -> None:
    response = client.get("/v1/features", headers={"Origin": "https://dashboard.example"})
    exposed = {
        h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")
    }
    assert {"etag", "link", "retry-after"} <= exposed
    preflight = client.options(
        "/v1/features",
        headers={"Origin": "https://dashboard.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200


def test_every_response_has_a_request_id(client: TestClient) -> None:
    generated = client.get("/v1/features").headers["x-request-id"]
    assert len(generated) >= 16
    assert client.get("/v1/nope").headers["x-request-id"]
    echoed = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    hostile = client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert hostile.headers["x-request-id"] != "bad id\twith spaces"


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/v1/features").headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "default-src 'self'" in headers["content-security-policy"]


def test_head_answers_like_get_without_a_body(client: TestClient) -> None:
    response = client.head("/v1/features")
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["etag"] == client.get("/v1/features").headers["etag"]


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["database"] == "ok" and body["migrations"] == "at-head"
    assert body["current_revision"] == body["head_revision"]


def test_openapi_documents_every_operation(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert operation.get("summary"), where
            assert operation.get("description"), where
            if path.startswith("/v1/"):
                codes = set(operation["responses"])
                assert codes & {"404", "422", "401", "409"}, where


def test_docs_assets_are_served_locally(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assert "cdn." not in html and "https://" not in html.split("<body")[1][:2000]
    assert client.get("/static/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/redoc.standalone.js").status_code == 200


def test_non_utf8_query_is_a_4xx(served: ServedApp) -> None:
    with httpx.Client(base_url=served.base_url) as http:
        response = http.get("/v1/search?q=%ff%fe%fd")
        assert 400 <= response.status_code < 500
        response = http.get("/v1/projects?q=%c3%28")
        assert 400 <= response.status_code < 500
        assert http.get("/healthz").status_code == 200


def test_oversized_headers_are_refused_and_the_server_keeps_serving(served: ServedApp) -> None:
    with httpx.Client(base_url=served.base_url) as http:
        try:
            response = http.get("/v1/features", headers={"X-Big": "a" * 200_000})
            assert 400 <= response.status_code < 500
        except httpx.RemoteProtocolError:
            pass  # the server may close the connection instead of answering: also a refusal
        assert http.get("/v1/features").status_code == 200
