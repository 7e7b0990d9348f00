"""Templates: the twelve Appendix 2 conditions as data, the curated mapping, FHIR, immutability."""

import pytest
from fastapi.testclient import TestClient
from fhir.resources.R4B.questionnaire import Questionnaire
from sqlmodel import Session

from app.core.config import get_settings
from app.core.content import SeedError, read_seed
from app.core.db import get_engine
from tests.conftest import assert_problem

FIRST = "Systems are aligned acoss all relevant agencies"
LAST = "Plans for sustaining innovation are built in from the start"
PROMPTS = [
    "What happens now in your service?",
    "What needs to happen?",
    "How will you progress this?",
]


def test_templates_are_listed(client: TestClient) -> None:
    response = client.get("/v1/audit-templates")
    assert response.status_code == 200
    assert response.json()["items"][0] == {
        **response.json()["items"][0],
        "version": 1,
        "conditions": 12,
        "href": "/v1/audit-templates/1",
    }


def test_template_1_holds_the_twelve_conditions_verbatim(client: TestClient) -> None:
    response = client.get("/v1/audit-templates/1")
    assert response.status_code == 200
    assert response.headers["etag"]
    body = response.json()
    conditions = body["conditions"]
    assert [c["number"] for c in conditions] == list(range(1, 13))
    assert conditions[0]["text"] == FIRST and conditions[-1]["text"] == LAST
    assert [p["text"] for p in body["prompts"]] == PROMPTS
    assert body["rating_scale"]["curated"] is True
    assert [lv["value"] for lv in body["rating_scale"]["levels"]] == [1, 2, 3, 4]
    for c in conditions:
        assert [p["text"] for p in c["prompts"]] == PROMPTS
        assert c["recommendation"]["href"].startswith("/v1/recommendations/")
        assert c["features"] and c["enablers"]
        for mapped in c["features"] + c["enablers"]:
            assert mapped["curated"] is True and mapped["rationale"]
        assert all(f["href"].startswith("/v1/features/") for f in c["features"])
        assert all(e["href"].startswith("/v1/enablers/") for e in c["enablers"])
        assert c["citations"][0]["source"] == "rees-centre-thematic-report-1"
    assert "curated" in body["mapping_note"].lower()


def test_template_answers_304_to_its_etag(client: TestClient) -> None:
    first = client.get("/v1/audit-templates/1")
    again = client.get("/v1/audit-templates/1", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_unknown_template_is_404_and_bad_version_422(client: TestClient) -> None:
    assert_problem(client.get("/v1/audit-templates/99"), 404, "not-found")
    assert_problem(client.get("/v1/audit-templates/one"), 422, "validation-error")


def test_template_as_a_valid_fhir_questionnaire(client: TestClient) -> None:
    response = client.get("/v1/audit-templates/1", headers={"Accept": "application/fhir+json"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/fhir+json")
    questionnaire = Questionnaire.model_validate(response.json())
    assert questionnaire.status == "active"
    groups = [i for i in questionnaire.item if i.type == "group"]
    assert len(groups) == 12 and groups[0].text == FIRST
    assert [c.text for c in groups[0].item[:3]] == PROMPTS
    json_etag = client.get("/v1/audit-templates/1").headers["etag"]
    assert response.headers["etag"] != json_etag


def test_catalogue_links_come_from_the_mapping(client: TestClient) -> None:
    recommendation = client.get("/v1/recommendations/better-use-of-data").json()
    assert recommendation["audit_condition"]["slug"] == "good-use-of-data"
    feature = client.get("/v1/features/group-case-discussion").json()
    assert "engaging-and-supporting-the-workforce" in [
        e["slug"] for e in feature["related_enablers"]
    ]


def test_published_templates_are_immutable(client: TestClient) -> None:
    from app.audits import templates

    seed = read_seed(get_settings().seed_dir)
    with Session(get_engine()) as session:
        templates.load(session, seed)  # unchanged: a no-op
        record = seed.records["audit_templates"]["template-1"]
        record["conditions"][0] = {**record["conditions"][0], "text": "Changed"}
        with pytest.raises(SeedError, match="immutable"):
            templates.load(session, seed)
        session.rollback()
    assert client.get("/v1/audit-templates/1").json()["conditions"][0]["text"] == FIRST
