"""PUBLIC_BASE_URL: the base every canonical URL is built from, in and out; never the request's
Host."""

import json
import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.core.config import Settings, get_settings
from app.core.http import catalogue_cache
from tests.fhir.validators import assert_valid_fhir
from tests.helpers import tenant

FHIR = "application/fhir+json"
PUBLIC = "https://api.example.org/practice-framework"


def test_the_default_is_the_served_address_and_values_are_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)  # tests/conftest.py pins one
    assert Settings(host="127.0.0.1", port=8000).public_base_url == "http://127.0.0.1:8000"
    assert Settings(host="0.0.0.0", port=80).public_base_url == "http://127.0.0.1:80"
    assert Settings(host="::1", port=8000).public_base_url == "http://[::1]:8000"
    assert Settings(public_base_url=PUBLIC + "/").public_base_url == PUBLIC
    for bad in ("api.example.org", "ftp://api.example.org", "https://x.org/?a=1", "https://x#f"):
        with pytest.raises(ValidationError):
            Settings(public_base_url=bad)


@pytest.fixture()
def public_client(database_url: str) -> Iterator[TestClient]:
    """The app with PUBLIC_BASE_URL set (its renderings cached apart from the default's)."""
    from app.main import create_app

    previous = os.environ.get("PUBLIC_BASE_URL")
    os.environ["PUBLIC_BASE_URL"] = PUBLIC
    get_settings.cache_clear()
    catalogue_cache.clear()
    try:
        with TestClient(create_app(), raise_server_exceptions=False) as client:
            yield client
    finally:
        if previous is None:
            del os.environ["PUBLIC_BASE_URL"]
        else:
            os.environ["PUBLIC_BASE_URL"] = previous
        get_settings.cache_clear()
        catalogue_cache.clear()


def test_canonicals_come_from_the_setting_not_the_host(public_client: TestClient) -> None:
    headers = {"Accept": FHIR, "Host": "attacker.example"}
    questionnaire = public_client.get("/v1/audit-templates/1", headers=headers).json()
    assert_valid_fhir(questionnaire, "Questionnaire")
    assert questionnaire["url"] == f"{PUBLIC}/fhir/Questionnaire/self-audit-1"
    coding = questionnaire["item"][1]["item"][3]["answerOption"][0]["valueCoding"]
    assert coding["system"] == f"{PUBLIC}/fhir/CodeSystem/self-audit-rating-1"
    metadata = public_client.get("/fhir/metadata", headers=headers).json()
    assert metadata["implementation"]["url"] == f"{PUBLIC}/fhir"
    # A QuestionnaireResponse names the Questionnaire by the configured canonical, and only it
    # is read back in.
    resource = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{questionnaire['url']}|1",
        "status": "in-progress",
        "item": [{"linkId": "title", "answer": [{"valueString": "From the CMS"}]}],
    }
    keyed = {**tenant(public_client), "Content-Type": FHIR, "Accept": FHIR}
    created = public_client.post("/v1/audits", content=json.dumps(resource), headers=keyed)
    assert created.status_code == 201, created.text
    assert created.json()["questionnaire"] == resource["questionnaire"]
    default = {**resource, "questionnaire": "http://127.0.0.1:8000/fhir/Questionnaire/self-audit-1"}
    refused = public_client.post("/v1/audits", content=json.dumps(default), headers=keyed)
    assert refused.status_code == 422
    # The create body's published schema names the same canonical, and only it.
    components = public_client.get("/openapi.json").json()["components"]["schemas"]
    named = components["FhirQuestionnaireResponseCreate"]["properties"]["questionnaire"]["enum"]
    assert named == [questionnaire["url"], resource["questionnaire"]]
