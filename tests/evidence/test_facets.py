"""Issue 19, item 5: facets on findings, projects and evaluations. Every facet's counts equal
the filtered totals, on every filter (and every value of it in the seed) of each list."""

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.evidence.test_evidence import all_items

Item = dict[str, Any]
Values = Callable[[Item], list[Any]]
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Facets a row can have several values of; each other facet gives a row one value (or null).
MULTI_VALUED = {"outcome", "feature", "theme", "model", "organisation"}
NOT_FILTERS = {"limit", "cursor", "facets", "sort", "format", "distinct"}  # distinct: a toggle
TEXT_SAMPLES = ["care", "social work"]  # values of the `q` filter
COLUMNS = ("project", "programme", "kind", "unit", "source")  # a finding's own, one value each


class Seed:
    """What the seed holds, read through the API: each facet's values of a row, and each
    filter's values, for the three lists."""

    def __init__(self, client: TestClient) -> None:
        self.items = {path: all_items(client, path) for path in LISTS}
        projects = {p["slug"]: p for p in self.items["/v1/projects"]}

        def of_project(f: Callable[[Item], list[Any]]) -> Values:
            return lambda row: f(projects[row["project"]]) if row["project"] else []

        def strength(project: Item) -> list[Any]:
            return [project["evaluation"]["design_strength"] if project["evaluation"] else None]

        def column(field: str) -> Values:
            return lambda row: [row[field]]

        def slugs(field: str) -> Values:
            return lambda row: [r["slug"] for r in row[field]]

        def programme(project: Item) -> list[Any]:
            return [project["programme"]["slug"] if project["programme"] else None]

        self.values: dict[str, dict[str, Values]] = {
            "/v1/findings": {
                **{
                    name: column(name)
                    for name in ("project", "programme", "kind", "unit", "source")
                },
                "outcome": lambda row: row["outcomes"],
                "feature": of_project(lambda p: [f["feature"]["slug"] for f in p["features"]]),
                "design_strength": lambda row: of_project(strength)(row) or [None],
            },
            "/v1/projects": {
                "programme": programme,
                "theme": lambda row: row["themes"],
                "feature": lambda row: [f["feature"]["slug"] for f in row["features"]],
                "outcome": slugs("outcomes"),
                "model": slugs("practice_models"),
                "organisation": slugs("organisations"),
                "design_strength": strength,
            },
            "/v1/evaluations": {
                "design": lambda row: [row["design"]],
                "design_strength": lambda row: [row["design_strength"]],
                "programme": lambda row: (
                    programme(projects[row["project"]["slug"]]) if row["project"] else [None]
                ),
            },
        }

    def filter_values(self, path: str, name: str) -> list[str]:
        if name == "q":
            return TEXT_SAMPLES
        assert name in self.values[path], f"{path}: filter {name} has no values in this test"
        found = {v for row in self.items[path] for v in self.values[path][name](row)}
        return sorted(v for v in found if v is not None and SLUG.match(str(v)))


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    document: dict[str, Any] = client.get("/openapi.json").json()
    return document


@pytest.fixture(scope="module")
def seed(client: TestClient) -> Seed:
    return Seed(client)


LISTS = {
    "/v1/findings": "FindingFacet",
    "/v1/projects": "ProjectFacet",
    "/v1/evaluations": "EvaluationFacet",
}


def facet_names(spec: dict[str, Any], path: str) -> list[str]:
    names: list[str] = spec["components"]["schemas"][LISTS[path]]["enum"]
    return names


def filters_of(spec: dict[str, Any], path: str) -> list[str]:
    """Every filter the list documents: its query parameters less paging, sort and facets."""
    parameters = spec["paths"][path]["get"]["parameters"]
    return [
        p["name"] for p in parameters if p.get("in") == "query" and p["name"] not in NOT_FILTERS
    ]


def every_state(seed: Seed, filters: list[str], path: str) -> list[dict[str, str]]:
    """No filter, then each filter with each value the seed gives it."""
    return [{}] + [{f: v} for f in filters for v in seed.filter_values(path, f)]


@pytest.mark.parametrize("path", list(LISTS))
def test_facet_counts_equal_the_filtered_totals(
    client: TestClient, spec: dict[str, Any], seed: Seed, path: str
) -> None:
    """On every filter: a single-valued facet's counts add up to the total, and each value's
    count of every facet is the number of the filter's rows that have the value, which is the
    total of filtering by that value as well (the rows of each filter are checked against the
    seed, so filtering by a value selects the rows that have it)."""
    names, filters = facet_names(spec, path), filters_of(spec, path)
    assert set(names) <= set(filters), "every facet has a filter of its name"
    extract = seed.values[path]
    states = every_state(seed, filters, path)
    for state in states:
        params = {**state, "facets": ",".join(names), "limit": "200"}
        body = client.get(path, params=params).json()
        rows, total = body["items"], body["total"]
        assert body["next_cursor"] is None and len(rows) == total, state
        if state and "q" not in state:
            ((name, value),) = state.items()
            expected = [r["slug"] for r in seed.items[path] if value in extract[name](r)]
            assert sorted(r["slug"] for r in rows) == sorted(expected), state
        assert list(body["facets"]) == names, state
        for name, buckets in body["facets"].items():
            where = (path, state, name)
            if name not in MULTI_VALUED:
                assert sum(b["count"] for b in buckets) == total, where
            counts = {b["value"]: b["count"] for b in buckets}
            # A row counts once per value (a project may cite one feature more than once).
            assert counts == Counter(v for r in rows for v in set(extract[name](r))), where
            assert len(counts) == len(buckets), where
    assert len(states) > {"/v1/evaluations": 4}.get(path, 40)


@pytest.mark.parametrize("path", list(LISTS))
def test_each_count_is_the_total_of_its_filter(
    client: TestClient, spec: dict[str, Any], path: str
) -> None:
    """Unfiltered, each value's count is the `total` the list answers when filtered by it."""
    names = facet_names(spec, path)
    assert set(names) <= set(filters_of(spec, path)), "every facet has a filter of its name"
    body = client.get(path, params={"facets": names, "limit": "1"}).json()
    checked = 0
    for name in names:
        for bucket in body["facets"][name]:
            value = bucket["value"]
            if value is None:
                continue  # no filter value selects the rows without one
            filtered = client.get(path, params={name: value, "limit": "1"}).json()
            assert bucket["count"] == filtered["total"], (path, name, value)
            checked += 1
        counts = [b["count"] for b in body["facets"][name]]
        assert counts == sorted(counts, reverse=True), "most frequent first"
    assert checked >= 5


@pytest.mark.parametrize("path", list(LISTS))
def test_design_strength_is_a_filter_of_the_rule_s_range(client: TestClient, path: str) -> None:
    body = assert_problem(
        client.get(path, params={"design_strength": "5"}), 422, "validation-error"
    )
    assert body["errors"][0]["pointer"] == "#/query/design_strength"


def test_no_facets_unless_asked_and_each_query_its_own_etag(client: TestClient) -> None:
    plain = client.get("/v1/findings", params={"limit": "2"})
    assert "facets" not in plain.json()
    kind = client.get("/v1/findings", params={"limit": "2", "facets": "kind"})
    both = client.get("/v1/findings", params={"limit": "2", "facets": "kind,outcome"})
    reordered = client.get("/v1/findings", params={"limit": "2", "facets": "outcome,kind"})
    etags = {r.headers["etag"] for r in (plain, kind, both)}
    assert len(etags) == 3
    assert reordered.headers["etag"] == both.headers["etag"]  # the same counts, in one order
    assert list(reordered.json()["facets"]) == ["kind", "outcome"]
    again = client.get(
        "/v1/findings",
        params={"limit": "2", "facets": "kind"},
        headers={"If-None-Match": kind.headers["etag"]},
    )
    assert again.status_code == 304


def test_a_cursor_travels_across_facets(client: TestClient) -> None:
    first = client.get("/v1/projects", params={"limit": "5", "facets": "feature"}).json()
    second = client.get("/v1/projects", params={"limit": "5", "cursor": first["next_cursor"]})
    assert second.status_code == 200, second.text
    assert "facets" not in second.json()


@pytest.mark.parametrize(
    ("path", "facets", "unknown"),
    [
        ("/v1/findings", "kind,colour", "colour"),
        ("/v1/projects", "kind", "kind"),  # a findings facet, not a projects one
        ("/v1/evaluations", "outcome", "outcome"),
    ],
)
def test_an_unknown_facet_is_a_422_naming_it(
    client: TestClient, path: str, facets: str, unknown: str
) -> None:
    body = assert_problem(client.get(path, params={"facets": facets}), 422, "validation-error")
    assert body["errors"][0]["pointer"] == "#/query/facets"
    assert f"'{unknown}'" in body["errors"][0]["detail"]
