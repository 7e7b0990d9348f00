"""The /fhir base: the CapabilityStatement, each template's Questionnaire at its canonical URL
and its rating scale's CodeSystem, every document valid R4, ETagged like catalogue reads."""

from pathlib import Path
from urllib.parse import urlsplit

import yaml
from fastapi.testclient import TestClient

from tests.fhir.validators import assert_outcome, assert_valid_fhir

FHIR = "application/fhir+json"
BASE = "http://127.0.0.1:8000"  # the default PUBLIC_BASE_URL, pinned by tests/conftest.py
SEED = Path(__file__).resolve().parents[2] / "seed" / "audits" / "template-1.yaml"


def _read(client: TestClient, path: str, resource_type: str) -> dict:
    response = client.get(path, headers={"Accept": FHIR})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == FHIR
    assert response.headers["cache-control"].startswith("public, max-age=")
    # Rendered once, ETagged: a conditional read is a 304 with the same ETag.
    again = client.get(path, headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304 and again.headers["etag"] == response.headers["etag"]
    document: dict = response.json()
    assert_valid_fhir(document, resource_type)
    return document


def _resolve(client: TestClient, canonical: str, resource_type: str) -> dict:
    """The document a canonical URL names, read from this API at its path."""
    url, _, version = canonical.partition("|")
    assert url.startswith(BASE + "/fhir/"), url
    document = _read(client, urlsplit(url).path, resource_type)
    assert document["url"] == url and version in ("", document["version"])
    return document


def test_the_capability_statement_says_what_is_served(client: TestClient) -> None:
    statement = _read(client, "/fhir/metadata", "CapabilityStatement")
    assert statement["fhirVersion"] == "4.0.1" and statement["format"] == ["json"]
    assert statement["kind"] == "instance" and statement["implementation"]["url"] == BASE + "/fhir"
    version = client.get("/openapi.json").json()["info"]["version"]
    assert statement["software"]["version"] == version
    [rest] = statement["rest"]
    served = {r["type"]: r for r in rest["resource"]}
    assert set(served) == {"Questionnaire", "CodeSystem", "QuestionnaireResponse"}
    assert served["Questionnaire"]["interaction"] == [{"code": "read"}]
    assert served["CodeSystem"]["interaction"] == [{"code": "read"}]
    assert "interaction" not in served["QuestionnaireResponse"]
    [operation] = served["QuestionnaireResponse"]["operation"]
    assert operation["name"] == "validate"
    # Each interaction it lists is served; one it does not list (search) is not.
    assert client.get("/fhir/Questionnaire/self-audit-1").status_code == 200
    assert client.get("/fhir/CodeSystem/self-audit-rating-1").status_code == 200
    assert client.get("/fhir/Questionnaire").status_code in (404, 405)


def test_the_questionnaire_is_served_at_its_canonical_url(client: TestClient) -> None:
    from_template = client.get("/v1/audit-templates/1", headers={"Accept": FHIR})
    canonical = from_template.json()["url"]
    assert canonical == BASE + "/fhir/Questionnaire/self-audit-1"
    questionnaire = _resolve(client, canonical, "Questionnaire")
    assert client.get("/fhir/Questionnaire/self-audit-1").content == from_template.content
    assert questionnaire["id"] == "self-audit-1" and questionnaire["version"] == "1"
    # What a completed response must answer is required: the title and every prompt.
    title, *groups = questionnaire["item"]
    assert title["linkId"] == "title" and title["required"] is True
    assert len(groups) == 12 and all(g["required"] for g in groups)
    for group in groups:
        *prompts, rating = group["item"]
        assert [p["required"] for p in prompts] == [True, True, True]
        assert "required" not in rating  # ratings are optional


def test_the_rating_scale_codesystem_is_the_seeds(client: TestClient) -> None:
    questionnaire = client.get("/fhir/Questionnaire/self-audit-1").json()
    option = questionnaire["item"][1]["item"][3]["answerOption"][0]["valueCoding"]
    code_system = _resolve(client, option["system"], "CodeSystem")
    [record] = yaml.safe_load(SEED.read_text(encoding="utf-8"))["audit_templates"]
    scale = record["rating_scale"]
    assert code_system["id"] == "self-audit-rating-1"
    assert code_system["description"] == scale["note"]
    assert code_system["content"] == "complete" and code_system["count"] == len(scale["levels"])
    assert code_system["concept"] == [
        {"code": str(level["value"]), "display": level["label"], "definition": level["meaning"]}
        for level in scale["levels"]
    ]
    # Every answer option of the Questionnaire is a concept of the CodeSystem.
    concepts = {(c["code"], c["display"]) for c in code_system["concept"]}
    for group in questionnaire["item"][1:]:
        options = group["item"][3]["answerOption"]
        assert {
            (o["valueCoding"]["code"], o["valueCoding"]["display"]) for o in options
        } == concepts


def test_unknown_resources_are_404_outcomes(client: TestClient) -> None:
    for path in (
        "/fhir/Questionnaire/self-audit-99",
        "/fhir/Questionnaire/self-audit-01",
        "/fhir/Questionnaire/self-audit-rating-1",
        "/fhir/Questionnaire/self-audit-99999999",
        "/fhir/CodeSystem/self-audit-1",
        "/fhir/CodeSystem/self-audit-rating-2",
        "/fhir/Patient/1",
        "/fhir",
    ):
        issues = assert_outcome(client.get(path), 404, "not-found")
        assert issues[0]["details"]["coding"][0]["code"] == "not-found", path
    issues = assert_outcome(client.get("/fhir/Questionnaire/self-audit-99"), 404, "not-found")
    assert issues[0]["diagnostics"] == "No Questionnaire 'self-audit-99'."
