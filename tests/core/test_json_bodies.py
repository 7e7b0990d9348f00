"""JSON bodies on every write route: nesting past the limit, a key twice in one object, and C0
control characters (NUL included) are 422s naming where; tab, line feed and carriage return stay
allowed in free text. Nesting used to be a 500 (RecursionError) on POST /v1/audits, and NUL was
stored on SQLite and a 500 on PostgreSQL."""

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.core.json_bodies import MAX_DEPTH, check
from tests.conftest import assert_problem
from tests.helpers import OPERATOR, create_audit, operator_env, register, tenant

JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


@pytest.fixture(scope="module")
def writes(client: TestClient) -> list[tuple[str, str, dict[str, str]]]:
    """(method, path, headers) of every write route that takes a JSON body."""
    headers = tenant(client)
    audit = create_audit(client, headers)
    slug = register(client)
    return [
        ("POST", "/v1/audits", headers),
        ("PATCH", audit.json()["href"], {**headers, "If-Match": audit.headers["etag"]}),
        ("POST", "/v1/organisations", OPERATOR),
        ("POST", f"/v1/organisations/{slug}/api-keys", OPERATOR),
    ]


def _send(
    client: TestClient, route: tuple[str, str, dict[str, str]], body: bytes
) -> dict[str, object]:
    method, path, headers = route
    response = client.request(method, path, content=body, headers={**headers, **JSON})
    problem: dict[str, object] = assert_problem(response, 422, "validation-error")
    return problem


def test_nesting_past_the_limit_is_a_422_on_every_write_route(
    client: TestClient, writes: list[tuple[str, str, dict[str, str]]]
) -> None:
    for depth in (MAX_DEPTH + 1, 100_000):
        body = ("[" * depth + "]" * depth).encode()
        for route in writes:
            problem = _send(client, route, b'{"title": ' + body + b"}")
            assert "Nested deeper" in str(problem["detail"]), route


def test_a_key_twice_in_one_object_is_a_422(
    client: TestClient, writes: list[tuple[str, str, dict[str, str]]]
) -> None:
    for route in writes:
        problem = _send(client, route, b'{"title": "a", "title": "b", "label": "x", "name": "y"}')
        assert problem["errors"] == [
            {"pointer": "#/body", "detail": "The key 'title' appears twice."}
        ]


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f"])
def test_control_characters_are_a_422_naming_the_field(client: TestClient, char: str) -> None:
    headers = tenant(client)
    body = {
        "template_version": 1,
        "title": "Self-audit",
        "responses": [{"condition": "good-use-of-data", "current_practice": f"a{char}b"}],
    }
    response = client.post("/v1/audits", content=json.dumps(body), headers={**headers, **JSON})
    problem = assert_problem(response, 422, "validation-error")
    assert problem["errors"] == [
        {
            "pointer": "#/body/responses/0/current_practice",
            "detail": "Contains a control character.",
        }
    ]
    slug = register(client)
    named = client.post(
        f"/v1/organisations/{slug}/api-keys", json={"label": f"CMS{char}"}, headers=OPERATOR
    )
    assert assert_problem(named, 422)["errors"][0]["pointer"] == "#/body/label"  # type: ignore[index]


def test_tab_line_feed_and_carriage_return_stay_allowed_in_free_text(client: TestClient) -> None:
    headers = tenant(client)
    text = "Line one,\tthen a tab.\r\nLine two."
    responses = [{"condition": "good-use-of-data", "current_practice": text}]
    created = create_audit(client, headers, responses)
    stored = client.get(created.json()["href"], headers=headers).json()
    assert stored["responses"][0]["current_practice"] == text


def test_the_check_itself() -> None:
    assert check(b'{"a": [1, {"b": "ok\\tfine"}]}') is None
    assert check(b"not json") is None  # the route says what is wrong with it
    fault = check(b'{"a": {"b~c/d": "x\\u0000"}}')
    assert fault is not None and fault.pointer == "#/body/a/b~0c~1d"
