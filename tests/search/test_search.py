"""One ranked search over the catalogue and the evidence, over HTTP."""

import pytest
from fastapi.testclient import TestClient

from tests.conftest import assert_problem


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("domestic abuse navigators", "doncaster-growing-futures"),
        ("Army and Pakistani communities", "windsor-and-maidenhead-family-support"),
        ("Safe Families model using volunteers", "safe-families"),
    ],
)
def test_search_finds_a_project_by_a_phrase_from_its_aims(
    client: TestClient, query: str, expected: str
) -> None:
    hits = client.get("/v1/search", params={"q": query}).json()["items"]
    projects = [h for h in hits if h["type"] == "project"]
    assert projects and projects[0]["slug"] == expected
    assert projects[0]["href"] == f"/v1/projects/{expected}"


def test_search_hits_are_typed_and_linked(client: TestClient) -> None:
    hits = client.get("/v1/search", params={"q": "systemic"}).json()["items"]
    assert {h["type"] for h in hits} >= {"feature", "project"}
    for hit in hits:
        assert client.get(hit["href"]).status_code == 200
    only = client.get("/v1/search", params={"q": "systemic", "type": "project"}).json()["items"]
    assert only and all(h["type"] == "project" for h in only)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "sys*",
        "a:b",
        "(((",
        "-",
        "^",
        "💥",
        "domestic OR",
        '"unclosed phrase',
        "x" * 200,
        "  ",
        "%_",
        "\\",
    ],
)
def test_search_never_fails_on_hostile_queries(client: TestClient, query: str) -> None:
    response = client.get("/v1/search", params={"q": query})
    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        assert isinstance(response.json()["items"], list)


def test_search_rejects_empty_and_overlong_queries(client: TestClient) -> None:
    assert_problem(client.get("/v1/search", params={"q": ""}), 422)
    assert_problem(client.get("/v1/search", params={"q": "x" * 201}), 422)
    assert_problem(client.get("/v1/search"), 422)
