"""The framework catalogue over HTTP, checked against the source text itself."""

import re

from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.test_seed_provenance import normalise, source_text

FRAMEWORK = "dfe-seven-features"


def numbered_feature_titles() -> list[str]:
    text = source_text(FRAMEWORK)
    listing = text[text.index("The seven features of practice are:") :]
    return [m.group(1).strip() for m in re.finditer(r"\d\. (.+?)(?= \d\. | ## )", listing[:800])][
        :7
    ]


def test_seven_features_in_number_order_with_titles_word_for_word(client: TestClient) -> None:
    body = client.get("/v1/features").json()
    assert body["total"] == 7
    assert [f["number"] for f in body["items"]] == list(range(1, 8))
    assert [f["title"] for f in body["items"]] == numbered_feature_titles()
    for feature in body["items"]:
        assert feature["citations"], feature["slug"]
        assert feature["benefits"] and feature["pitfalls"], feature["slug"]
        for part in feature["benefits"] + feature["pitfalls"]:
            assert normalise(part["title"]) in source_text(FRAMEWORK)
            assert part["citations"]
        for quotation in feature["quotations"]:
            assert quotation["attribution"]
        assert normalise(feature["definition"])[:200] in source_text(FRAMEWORK)


def test_feature_detail_links_both_ways(client: TestClient) -> None:
    feature = client.get("/v1/features/multi-disciplinary-skill-sets").json()
    assert feature["number"] == 4
    assert feature["projects"], "a feature lists the projects that demonstrate it"
    project = client.get(feature["projects"][0]["href"]).json()
    assert "multi-disciplinary-skill-sets" in [f["feature"]["slug"] for f in project["features"]]


def test_seven_outcomes_keep_text_order_apart_from_table_1(client: TestClient) -> None:
    by_text = client.get("/v1/outcomes").json()["items"]
    by_table = client.get("/v1/outcomes", params={"order": "table-1"}).json()["items"]
    assert len(by_text) == len(by_table) == 7
    assert [o["text_order"] for o in by_text] == list(range(1, 8))
    assert [o["table1_row"] for o in by_table] == list(range(1, 8))
    assert by_text[0]["slug"] == "greater-stability"
    assert by_table[0]["slug"] == "increased-wellbeing-and-resilience"
    assert [o["slug"] for o in by_text] != [o["slug"] for o in by_table]
    for outcome in by_text:
        assert outcome["evidence"], outcome["slug"]
        assert all(e["citations"] for e in outcome["evidence"])


def test_outcome_evidence_carries_the_source_figures(client: TestClient) -> None:
    outcome = client.get("/v1/outcomes/reduced-days-in-care").json()
    statements = " ".join(e["statement"] for e in outcome["evidence"])
    assert "Fourteen of the 23 projects" in statements
    assert outcome["findings"], "an outcome lists its findings"


def test_enabler_sets(client: TestClient) -> None:
    isos = client.get("/v1/enablers", params={"set": "isos"}).json()
    programme = client.get("/v1/enablers", params={"set": "innovation-programme"}).json()
    assert isos["total"] == 7 and len(isos["items"]) == 7
    assert programme["total"] == 4 and len(programme["items"]) == 4
    assert [e["number"] for e in isos["items"]] == list(range(1, 8))
    assert isos["items"][0]["title"] == "Strategic approach"
    assert all(e["actions"] for e in isos["items"])
    assert client.get("/v1/enablers").json()["total"] == 11


def test_twelve_recommendations(client: TestClient) -> None:
    body = client.get("/v1/recommendations").json()
    assert [r["number"] for r in body["items"]] == list(range(1, 13))
    report = source_text("rees-centre-thematic-report-1")
    for recommendation in body["items"]:
        assert normalise(recommendation["text"]) in report


def test_practice_models_list_their_projects(client: TestClient) -> None:
    models = {m["slug"]: m for m in client.get("/v1/practice-models?limit=200").json()["items"]}
    for slug in (
        "signs-of-safety",
        "systemic-practice",
        "restorative-practice",
        "family-group-conferencing",
        "motivational-interviewing",
    ):
        assert slug in models, slug
    assert models["signs-of-safety"]["projects"]
    assert_problem(client.get("/v1/practice-models/nope"), 404)


def test_sources_are_the_five_texts_and_the_reports_they_cite(client: TestClient) -> None:
    texts = client.get("/v1/sources", params={"kind": "source-text"}).json()["items"]
    assert sorted(s["file"] for s in texts) == sorted(
        [
            "000_8813117c7c811dd7.txt",
            "001_aef619d1093066cf.txt",
            "002_c7d2213615fb5f12.txt",
            "003_17db601b2cbc98b0.txt",
            "004_fa31c2dc4cea7874.txt",
        ]
    )
    reports = client.get("/v1/sources", params={"kind": "evaluation-report", "limit": 200}).json()[
        "items"
    ]
    titles = " ".join(r["title"] for r in reports)
    assert "Family Safeguarding Hertfordshire" in titles
    assert "Mockingbird" in titles


def test_framework_document_embeds_everything(client: TestClient) -> None:
    response = client.get("/v1/framework")
    body = response.json()
    assert response.headers["etag"]
    assert len(body["features"]) == 7 and len(body["outcomes"]) == 7
    assert len(body["table_1"]) == 7
    assert body["table_1"][0]["feature"]["slug"] == "strengths-based-practice-framework"
    assert body["table_1"][0]["enabler"]["slug"] == "strategic-approach"
    assert body["content_version"]
    assert (
        client.get("/v1/framework", headers={"If-None-Match": response.headers["etag"]}).status_code
        == 304
    )


def test_disagreeing_sources_keep_both_figures(client: TestClient) -> None:
    round_1 = client.get("/v1/programmes/innovation-programme-round-1").json()
    statements = " ".join((f.get("statement") or "") for f in round_1["figures"])
    findings = client.get(
        "/v1/findings", params={"programme": "innovation-programme-round-1", "limit": 200}
    ).json()["items"]
    statements += " ".join(f["statement"] for f in findings)
    assert "53" in statements and "57" in statements
    assert "£110m" in statements and "£100m" in statements
