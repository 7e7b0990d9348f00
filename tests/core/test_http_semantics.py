"""Issue 16, items 2, 3 and 8: a body of the wrong media type is a 415 naming the right ones;
`If-Match` on a read is a 412 when it names no current ETag; no redirect carries the client's
Host, and ALLOWED_HOSTS refuses the others; an error inside the app is still answered with the
request id, the security headers and CORS."""

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.conftest import ServedApp, assert_problem
from tests.helpers import OPERATOR, create_audit, new_slug, operator_env, tenant


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


# -- 415 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "media_type", "accepted"),
    [
        ("/v1/organisations", "application/x-www-form-urlencoded", "application/json"),
        ("/v1/organisations", "text/plain", "application/json"),
        ("/v1/audits", "application/xml", "application/json, application/fhir+json"),
    ],
)
def test_a_post_body_of_another_media_type_is_a_415(
    client: TestClient, path: str, media_type: str, accepted: str
) -> None:
    headers = OPERATOR if path == "/v1/organisations" else tenant(client)
    body = '{"name": "Council", "slug": "a-council", "template_version": 1, "title": "T"}'
    response = client.post(path, content=body, headers={**headers, "Content-Type": media_type})
    problem = assert_problem(response, 415, "unsupported-media-type")
    assert media_type in problem["detail"]
    assert response.headers["accept-post"] == accepted


def test_authentication_is_checked_before_the_media_type(client: TestClient) -> None:
    response = client.post("/v1/organisations", content="{}", headers={"Content-Type": "text/csv"})
    assert_problem(response, 401)


def test_an_api_key_request_of_another_media_type_is_a_415(client: TestClient) -> None:
    slug = new_slug()
    created = client.post("/v1/organisations", json={"name": "C", "slug": slug}, headers=OPERATOR)
    assert created.status_code == 201, created.text
    response = client.post(
        f"/v1/organisations/{slug}/api-keys",
        content="label=CMS",
        headers={**OPERATOR, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert_problem(response, 415, "unsupported-media-type")
    keys = client.get(f"/v1/organisations/{slug}/api-keys", headers=OPERATOR).json()["items"]
    assert keys == []  # nothing was issued


def test_patch_takes_json_and_merge_patch_and_refuses_json_patch(client: TestClient) -> None:
    headers = tenant(client)
    created = create_audit(client, headers, title="Before")
    url, etag = created.headers["location"], created.headers["etag"]
    json_patch = '[{"op": "replace", "path": "/title", "value": "After"}]'
    refused = client.patch(
        url,
        content=json_patch,
        headers={**headers, "If-Match": etag, "Content-Type": "application/json-patch+json"},
    )
    assert_problem(refused, 415, "unsupported-media-type")
    assert refused.headers["accept-patch"] == "application/json, application/merge-patch+json"
    assert client.get(url, headers=headers).json()["title"] == "Before"

    merged = client.patch(
        url,
        content='{"title": "After"}',
        headers={**headers, "If-Match": etag, "Content-Type": "application/merge-patch+json"},
    )
    assert merged.status_code == 200, merged.text
    assert merged.json()["title"] == "After"
    again = client.patch(
        url, json={"title": "Again"}, headers={**headers, "If-Match": merged.headers["etag"]}
    )
    assert again.status_code == 200, again.text


def test_the_openapi_offers_merge_patch_on_the_audit_patch(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/v1/audits/{audit_id}"]["patch"]
    assert set(operation["requestBody"]["content"]) == {
        "application/json",
        "application/merge-patch+json",
    }
    assert "415" in operation["responses"]


# -- If-Match on reads -------------------------------------------------------------------------


def test_if_match_on_a_catalogue_read(client: TestClient) -> None:
    etag = client.get("/v1/features").headers["etag"]
    # The second request of each pair is answered from the rendered-bytes cache.
    for _ in range(2):
        assert client.get("/v1/features", headers={"If-Match": etag}).status_code == 200
        assert client.get("/v1/features", headers={"If-Match": f'"x", {etag}'}).status_code == 200
        assert client.get("/v1/features", headers={"If-Match": "*"}).status_code == 200
        stale = client.get("/v1/features", headers={"If-Match": '"stale"'})
        assert_problem(stale, 412, "precondition-failed")
        assert stale.headers["etag"] == etag  # what would have matched
        weak = client.get("/v1/features", headers={"If-Match": f"W/{etag}"})
        assert_problem(weak, 412)  # If-Match compares strongly
    head = client.head("/v1/features", headers={"If-Match": '"stale"'})
    assert head.status_code == 412 and head.content == b""
    # If-Match is evaluated before If-None-Match, and an error answer stands as it is.
    both = client.get("/v1/features", headers={"If-Match": '"stale"', "If-None-Match": etag})
    assert both.status_code == 412
    assert client.get("/v1/features/nope", headers={"If-Match": '"x"'}).status_code == 404


def test_if_match_on_an_audit_read(client: TestClient) -> None:
    headers = tenant(client)
    created = create_audit(client, headers, title="Read me")
    url, first = created.headers["location"], created.headers["etag"]
    changed = client.patch(url, json={"title": "Changed"}, headers={**headers, "If-Match": first})
    assert changed.status_code == 200, changed.text
    current = changed.headers["etag"]
    for _ in range(2):  # the fast read path and its cache, then again
        assert client.get(url, headers={**headers, "If-Match": current}).status_code == 200
        assert_problem(client.get(url, headers={**headers, "If-Match": first}), 412)
    # A list has no ETag: no tag can match it.
    assert_problem(client.get("/v1/audits", headers={**headers, "If-Match": first}), 412)


# -- Host ------------------------------------------------------------------------------------


def test_redirects_are_relative_whatever_the_host(served: ServedApp) -> None:
    hostile = {"Host": "attacker.example"}
    with httpx.Client(base_url=served.base_url, follow_redirects=False) as http:
        for path, target in (("/v1/features/", "/v1/features"), ("/docs/", "/docs")):
            response = http.get(path, headers=hostile)
            assert response.status_code == 307
            assert response.headers["location"] == target
        listed = http.get("/v1/findings", params={"limit": 1}, headers=hostile)
        assert "attacker" not in listed.headers["link"]


def test_allowed_hosts_refuses_any_other_host(database_url: str) -> None:
    server = ServedApp(database_url, extra_env={"ALLOWED_HOSTS": "api.example.org, 127.0.0.1"})
    try:
        with httpx.Client(base_url=server.base_url) as http:
            body = assert_problem(http.get("/v1/features", headers={"Host": "evil.example"}), 400)
            assert "Host" in body["detail"]
            ok = http.get("/v1/features", headers={"Host": "API.example.org:8443"})
            assert ok.status_code == 200
            assert http.get("/v1/features").status_code == 200  # Host: 127.0.0.1:<port>
    finally:
        server.stop()


# -- errors keep their context -----------------------------------------------------------------


def test_an_unexpected_error_is_a_500_problem_with_the_request_context(database_url: str) -> None:
    from app.main import create_app

    app = create_app()

    @app.get("/v1/boom")
    def boom() -> None:
        raise RuntimeError("a fault no handler expects")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get(
            "/v1/boom", headers={"Origin": "https://dashboard.example", "X-Request-ID": "trace-1"}
        )
    body = assert_problem(response, 500)
    assert "a fault" not in response.text and "Traceback" not in response.text
    assert body["instance"] == "/v1/boom"
    assert response.headers["x-request-id"] == "trace-1"
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in response.headers
