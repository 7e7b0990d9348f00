"""Projects, evaluations, findings and guidance over HTTP."""

import csv
import io

import pytest
from fastapi.testclient import TestClient

from tests.conftest import assert_problem

APPENDIX_1 = [
    "project-crewe",
    "firstline",
    "windsor-and-maidenhead-family-support",
    "focus-on-practice",
    "doncaster-growing-futures",
    "newcastle-family-insights",
    "hampshire-isle-of-wight-active-agents-for-change",
    "signs-of-safety-mtm",
    "leeds-family-valued",
    "stockport-family",
    "scaling-and-deepening-reclaiming-social-work",
    "safe-families",
    "islington-doing-what-counts",
    "family-safeguarding-hertfordshire",
    "durham-families-first",
    "torbay-swift",
    "ne-lincolnshire-creating-strong-communities",
]


def all_items(client: TestClient, path: str, **params: str) -> list[dict]:
    items: list[dict] = []
    cursor = None
    while True:
        query = {"limit": "200", **params, **({"cursor": cursor} if cursor else {})}
        body = client.get(path, params=query).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def test_all_seventeen_appendix_1_projects(client: TestClient) -> None:
    projects = {p["slug"]: p for p in all_items(client, "/v1/projects")}
    assert set(APPENDIX_1) <= set(projects)
    assert sorted(s for s, p in projects.items() if p["appendix_1"]) == sorted(APPENDIX_1)
    for slug in APPENDIX_1:
        assert projects[slug]["aims"], slug
        assert projects[slug]["programme"]["slug"] == "innovation-programme-round-1"


def test_projects_named_across_the_texts_have_records(client: TestClient) -> None:
    slugs = {p["slug"] for p in all_items(client, "/v1/projects")}
    for slug in (
        "no-wrong-door-north-yorkshire",
        "mockingbird-family-model-project",
        "ealing-brighter-futures",
        "lancashire-family-safeguarding",
    ):
        assert slug in slugs, slug
    assert len(slugs) > 25


def test_project_page_shows_its_evaluation_design_and_limitations(client: TestClient) -> None:
    project = client.get("/v1/projects/family-safeguarding-hertfordshire").json()
    assert project["evaluation"]["design"]
    assert isinstance(project["evaluation"]["design_strength"], int)
    assert project["findings"] and project["features"] and project["practice_models"]
    evaluations = all_items(client, "/v1/evaluations")
    assert any(e["limitations"] for e in evaluations)
    strengths = [e["design_strength"] for e in evaluations]
    assert strengths == sorted(strengths, reverse=True)


def test_project_filters_combine(client: TestClient) -> None:
    both = all_items(
        client, "/v1/projects", feature="multi-disciplinary-skill-sets", outcome="reduced-risk"
    )
    assert both
    for project in both:
        assert "multi-disciplinary-skill-sets" in [
            f["feature"]["slug"] for f in project["features"]
        ]
        assert "reduced-risk" in [o["slug"] for o in project["outcomes"]]
    by_model = all_items(client, "/v1/projects", model="signs-of-safety")
    assert "signs-of-safety-mtm" in {p["slug"] for p in by_model}
    assert all_items(client, "/v1/projects", organisation="no-such-org") == []
    assert_problem(client.get("/v1/projects", params={"feature": "Not A Slug"}), 422)


def test_findings_filter_sort_and_structure(client: TestClient) -> None:
    findings = all_items(client, "/v1/findings")
    assert len(findings) >= 100
    kinds = {f["kind"] for f in findings}
    assert {"outcome-change", "programme-aggregate"} <= kinds
    for f in findings:
        assert f["statement"] and f["citations"], f["slug"]
    ordered = client.get("/v1/findings", params={"sort": "-result_value", "limit": 20}).json()
    values = [f["result_value"] for f in ordered["items"] if f["result_value"] is not None]
    assert values == sorted(values, reverse=True)
    herts = all_items(client, "/v1/findings", project="family-safeguarding-hertfordshire")
    assert herts and all(f["project"] == "family-safeguarding-hertfordshire" for f in herts)
    assert_problem(client.get("/v1/findings", params={"sort": "nope"}), 422)
    assert_problem(client.get("/v1/findings", params={"kind": "nope"}), 422)


@pytest.mark.parametrize(
    "how", [{"params": {"format": "csv"}}, {"headers": {"Accept": "text/csv"}}]
)
def test_findings_csv_parses_and_matches_the_json_total(client: TestClient, how: dict) -> None:
    response = client.get("/v1/findings", **how)
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    total = client.get("/v1/findings").json()["total"]
    assert len(rows) == total
    assert {"slug", "statement", "result_value", "locator"} <= set(rows[0])
    one = client.get(
        "/v1/findings", params={"project": "family-safeguarding-hertfordshire", "format": "csv"}
    )
    assert 0 < len(list(csv.DictReader(io.StringIO(one.content.decode("utf-8-sig"))))) < total


def test_projects_csv(client: TestClient) -> None:
    response = client.get("/v1/projects", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == client.get("/v1/projects").json()["total"]


def test_guidance_lists(client: TestClient) -> None:
    kinds = {g["kind"]: g for g in all_items(client, "/v1/guidance")}
    for kind in ("five-things-to-consider", "six-pillars", "tips-from-parents", "core-principles"):
        assert kind in kinds, kind
    assert len(kinds["six-pillars"]["items"]) == 6
    fives = all_items(client, "/v1/guidance", kind="five-things-to-consider")
    assert len(fives) == 3 and all(len(g["items"]) == 5 for g in fives)


def test_programmes_and_organisations(client: TestClient) -> None:
    programmes = {p["slug"] for p in all_items(client, "/v1/programmes")}
    assert {
        "innovation-programme-round-1",
        "strengthening-families-protecting-children",
    } <= programmes
    herts = client.get("/v1/organisations/hertfordshire").json()
    assert "family-safeguarding-hertfordshire" in {p["slug"] for p in herts["projects"]}


def test_every_link_resolves(client: TestClient) -> None:
    hrefs: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "href" and isinstance(item, str):
                    hrefs.add(item)
                else:
                    collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for path in (
        "/v1/features",
        "/v1/outcomes",
        "/v1/projects",
        "/v1/practice-models",
        "/v1/programmes",
        "/v1/organisations",
        "/v1/evaluations",
        "/v1/findings",
        "/v1/recommendations",
        "/v1/guidance",
    ):
        collect(all_items(client, path))
    assert len(hrefs) > 100
    broken = [h for h in sorted(hrefs) if client.get(h).status_code != 200]
    assert not broken, broken
