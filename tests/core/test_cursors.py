"""Cursors the API did not issue, on every list route: a 422 naming `cursor`, never a 500 (a
huge integer, a string where a number goes, NaN and infinity used to be 500s). A cursor is
bound to the list, sort and filters that issued it, and keeps working across `limit`."""

import base64
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import assert_problem
from tests.helpers import OPERATOR, complete_audit, create_audit, operator_env, tenant

PUBLIC_LISTS = [
    "/v1/features",
    "/v1/outcomes",
    "/v1/enablers",
    "/v1/recommendations",
    "/v1/practice-models",
    "/v1/sources",
    "/v1/programmes",
    "/v1/organisations",
    "/v1/projects",
    "/v1/evaluations",
    "/v1/findings?sort=-result_value",
    "/v1/guidance",
    "/v1/search?q=family",
]
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


@pytest.fixture(scope="module")
def lists(client: TestClient) -> list[tuple[str, dict[str, str]]]:
    """Every list route, with the headers it needs."""
    headers = tenant(client)
    audit = create_audit(client, headers).json()
    complete_audit(client, headers)
    tenant_lists = [
        ("/v1/audits", headers),
        (f"/v1/audits/{audit['id']}/revisions", headers),
        ("/v1/tenants", OPERATOR),
    ]
    return [(path, {}) for path in PUBLIC_LISTS] + tenant_lists


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _with_cursor(path: str, cursor: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}cursor={cursor}"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=JSON_VALUES, signed_looking=st.booleans(), route=st.integers(min_value=0))
def test_a_cursor_the_api_did_not_issue_is_a_422_on_every_list(
    client: TestClient,
    lists: list[tuple[str, dict[str, str]]],
    value: object,
    signed_looking: bool,
    route: int,
) -> None:
    path, headers = lists[route % len(lists)]
    cursor = _b64(json.dumps(value).encode())
    if signed_looking:  # the shape of an issued cursor, with a made-up signature
        cursor += "." + _b64(b"0123456789abcdef")
    response = client.get(_with_cursor(path, cursor), headers=headers)
    body = assert_problem(response, 422, "validation-error")
    assert body["errors"][0]["pointer"] == "#/query/cursor"


@pytest.mark.parametrize(
    "value", [[10**40], ["not a number"], [float("nan")], [float("inf")], [], [1, 2, 3], {}]
)
def test_the_values_that_were_500s_are_422s(
    client: TestClient, lists: list[tuple[str, dict[str, str]]], value: object
) -> None:
    raw = _b64(json.dumps(value).encode())
    for path, headers in lists:
        assert_problem(client.get(_with_cursor(path, raw), headers=headers), 422)


def _next_cursor(client: TestClient, path: str) -> str:
    cursor = client.get(path).json()["next_cursor"]
    assert cursor, path
    return str(cursor)


def test_a_cursor_pages_only_the_list_sort_and_filters_that_issued_it(
    client: TestClient,
) -> None:
    by_metric = _next_cursor(client, "/v1/findings?sort=metric&limit=5")
    # The same list and sort with another page size, or as CSV: it carries on.
    assert client.get(f"/v1/findings?sort=metric&limit=7&cursor={by_metric}").status_code == 200
    for other in (
        "/v1/findings?sort=-metric",  # another sort
        "/v1/findings?sort=metric&kind=cost-saving",  # another filter
        "/v1/projects?sort=metric",  # another list
    ):
        assert_problem(client.get(_with_cursor(other, by_metric)), 422, "validation-error")
    tampered = by_metric[:-2] + ("AA" if not by_metric.endswith("AA") else "BB")
    assert_problem(client.get(f"/v1/findings?sort=metric&cursor={tampered}"), 422)


def test_following_next_cursor_walks_every_row_once(client: TestClient) -> None:
    seen: list[str] = []
    path = "/v1/findings?sort=-result_value&limit=17"
    while path:
        page = client.get(path)
        assert page.status_code == 200, page.text
        body = page.json()
        seen += [f["slug"] for f in body["items"]]
        cursor = body["next_cursor"]
        path = f"/v1/findings?sort=-result_value&limit=17&cursor={cursor}" if cursor else ""
    assert len(seen) == len(set(seen)) == body["total"]
