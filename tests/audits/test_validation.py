"""Bad input: each case is a 422 problem naming the field, and nothing is stored."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.helpers import answer, create_audit, tenant

GOOD = "systems-aligned-across-agencies"
CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        "unknown condition",
        {"template_version": 1, "title": "t", "responses": [answer("no-such-condition")]},
        "#/body/responses/0/condition",
    ),
    (
        "duplicate condition",
        {"template_version": 1, "title": "t", "responses": [answer(GOOD), answer(GOOD)]},
        "#/body/responses/1/condition",
    ),
    (
        "rating above the scale",
        {"template_version": 1, "title": "t", "responses": [answer(GOOD, 5)]},
        "#/body/responses/0/rating",
    ),
    (
        "rating below the scale",
        {"template_version": 1, "title": "t", "responses": [answer(GOOD, 0)]},
        "#/body/responses/0/rating",
    ),
    (
        "rating of the wrong type",
        {"template_version": 1, "title": "t", "responses": [{**answer(GOOD), "rating": "high"}]},
        "#/body/responses/0/rating",
    ),
    (
        "template_version of the wrong type",
        {"template_version": "one", "title": "t"},
        "#/body/template_version",
    ),
    (
        "responses of the wrong type",
        {"template_version": 1, "title": "t", "responses": {}},
        "#/body/responses",
    ),
    ("missing template_version", {"title": "t"}, "#/body/template_version"),
    (
        "unknown template_version",
        {"template_version": 999, "title": "t"},
        "#/body/template_version",
    ),
    ("missing title", {"template_version": 1}, "#/body/title"),
    ("title over 200 characters", {"template_version": 1, "title": "x" * 201}, "#/body/title"),
    (
        "answer over 4000 characters",
        {
            "template_version": 1,
            "title": "t",
            "responses": [{**answer(GOOD), "needed_change": "x" * 4001}],
        },
        "#/body/responses/0/needed_change",
    ),
    ("unknown field", {"template_version": 1, "title": "t", "owner": "x"}, "#/body/owner"),
    ("not an object", [], "#/body"),
]


def _count(client: TestClient, headers: dict[str, str]) -> int:
    return len(client.get("/v1/audits", params={"limit": 200}, headers=headers).json()["items"])


@pytest.fixture(scope="module")
def headers(client: TestClient) -> dict[str, str]:
    return tenant(client)


@pytest.mark.parametrize(("case", "body", "pointer"), CASES, ids=[c[0] for c in CASES])
def test_create_rejects_bad_input(
    client: TestClient, headers: dict[str, str], case: str, body: Any, pointer: str
) -> None:
    before = _count(client, headers)
    problem = assert_problem(
        client.post("/v1/audits", json=body, headers=headers), 422, "validation-error"
    )
    assert pointer in [e["pointer"] for e in problem["errors"]], problem
    assert _count(client, headers) == before


def test_malformed_json_and_wrong_media_type(client: TestClient, headers: dict[str, str]) -> None:
    before = _count(client, headers)
    broken = client.post(
        "/v1/audits",
        content=b'{"template_version": 1,',
        headers={**headers, "Content-Type": "application/json"},
    )
    assert assert_problem(broken, 422, "validation-error")["errors"][0]["pointer"] == "#/body"
    xml = client.post(
        "/v1/audits", content=b"<audit/>", headers={**headers, "Content-Type": "application/xml"}
    )
    assert_problem(xml, 415, "unsupported-media-type")
    assert _count(client, headers) == before


@pytest.mark.parametrize(
    ("case", "body", "pointer"),
    CASES[:5] + CASES[10:12],
    ids=[c[0] for c in CASES[:5] + CASES[10:12]],
)
def test_patch_rejects_bad_input_and_keeps_the_draft(
    client: TestClient, headers: dict[str, str], case: str, body: dict[str, Any], pointer: str
) -> None:
    created = create_audit(client, headers, [answer(GOOD, 2)])
    patch = {k: v for k, v in body.items() if k != "template_version"}
    response = client.patch(
        created.json()["href"], json=patch, headers={**headers, "If-Match": created.headers["etag"]}
    )
    problem = assert_problem(response, 422, "validation-error")
    assert pointer in [e["pointer"] for e in problem["errors"]]
    after = client.get(created.json()["href"], headers=headers)
    assert after.headers["etag"] == created.headers["etag"]
    assert after.json()["responses"] == created.json()["responses"]


def test_bad_ids_are_422_not_500(client: TestClient, headers: dict[str, str]) -> None:
    assert_problem(client.get("/v1/audits/not-a-uuid", headers=headers), 422, "validation-error")
    assert_problem(
        client.post(
            "/v1/audits",
            json={"template_version": 1, "title": "t"},
            headers={**headers, "Idempotency-Key": "x" * 300},
        ),
        422,
        "validation-error",
    )
