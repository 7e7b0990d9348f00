"""Issue 19, item 5: `GET /v1/framework/matrix`, each feature against each outcome, computed
from the evidence: checked cell by cell against the projects and findings the API lists."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.evidence.test_evidence import all_items


@pytest.fixture(scope="module")
def matrix(client: TestClient) -> dict[str, Any]:
    response = client.get("/v1/framework/matrix")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def cells(matrix: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (row["feature"]["slug"], cell["outcome"]["slug"]): cell
        for row in matrix["rows"]
        for cell in row["cells"]
    }


def test_seven_features_by_seven_outcomes_in_table_1_order(
    client: TestClient, matrix: dict[str, Any]
) -> None:
    features = [f["slug"] for f in client.get("/v1/features").json()["items"]]
    outcomes = [
        o["slug"] for o in client.get("/v1/outcomes", params={"order": "table-1"}).json()["items"]
    ]
    assert len(features) == len(outcomes) == 7
    assert [o["slug"] for o in matrix["outcomes"]] == outcomes
    assert [row["feature"]["slug"] for row in matrix["rows"]] == features
    for row in matrix["rows"]:
        assert [cell["outcome"]["slug"] for cell in row["cells"]] == outcomes
    table_1 = client.get("/v1/framework").json()["table_1"]
    printed = {(r["feature"]["slug"], r["outcome"]["slug"]) for r in table_1}
    assert len(printed) == 7
    assert {pair for pair, cell in cells(matrix).items() if cell["table_1"]} == printed


def test_every_cell_is_what_the_projects_and_findings_say(
    client: TestClient, matrix: dict[str, Any]
) -> None:
    projects = {p["slug"]: p for p in all_items(client, "/v1/projects")}
    findings = all_items(client, "/v1/findings")
    # A cell counts facts, not records: one finding per same-fact group, the canonical one.
    distinct = {f["slug"] for f in all_items(client, "/v1/findings", distinct="true")}
    features_of = {s: {f["feature"]["slug"] for f in p["features"]} for s, p in projects.items()}
    evidenced: dict[tuple[str, str], set[str]] = {}
    counted: dict[tuple[str, str], int] = {}
    for slug, project in projects.items():
        outcomes = {o["slug"] for o in project["outcomes"]}
        outcomes |= {o for f in findings if f["project"] == slug for o in f["outcomes"]}
        for pair in ((f, o) for f in features_of[slug] for o in outcomes):
            evidenced.setdefault(pair, set()).add(slug)
    counted_all: dict[tuple[str, str], int] = {}
    for finding in findings:
        for feature in features_of.get(finding["project"] or "", ()):
            for outcome in finding["outcomes"]:
                pair = (feature, outcome)
                counted_all[pair] = counted_all.get(pair, 0) + 1
                if finding["slug"] in distinct:
                    counted[pair] = counted.get(pair, 0) + 1
    served = cells(matrix)
    assert len(served) == 49
    for pair, cell in served.items():
        slugs = [p["slug"] for p in cell["projects"]]
        assert slugs == sorted(evidenced.get(pair, set())), pair
        assert all(p["title"] == projects[p["slug"]]["name"] for p in cell["projects"]), pair
        assert cell["finding_count"] == counted.get(pair, 0), pair
    assert sum(1 for cell in served.values() if cell["projects"]) > 30
    # Some cell holds a fact printed by several texts, so counting records would differ.
    assert any(counted.get(pair, 0) != n for pair, n in counted_all.items())


def test_a_pair_the_evidence_names(matrix: dict[str, Any]) -> None:
    """Hertfordshire's Family Safeguarding uses group case discussion and reduced the days
    children spent in care (its findings say by how much)."""
    cell = cells(matrix)[("group-case-discussion", "reduced-days-in-care")]
    assert "family-safeguarding-hertfordshire" in {p["slug"] for p in cell["projects"]}
    assert cell["finding_count"] >= 1


def test_cached_and_etagged_like_the_framework(client: TestClient) -> None:
    first = client.get("/v1/framework/matrix")
    assert first.headers["cache-control"].startswith("public")
    again = client.get("/v1/framework/matrix", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert first.headers["etag"] != client.get("/v1/framework").headers["etag"]
