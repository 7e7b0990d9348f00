"""Audits as FHIR R4 QuestionnaireResponse, out and in, validated with fhir.resources."""

from typing import Any

from fastapi.testclient import TestClient
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from tests.conftest import assert_problem
from tests.helpers import answer, complete_audit, condition_slugs, create_audit, tenant

FHIR = "application/fhir+json"
QUESTIONNAIRE = "https://practice-framework.api/fhir/Questionnaire/self-audit-1|1"


def _fhir(client: TestClient, href: str, headers: dict[str, str]) -> Any:
    response = client.get(href, headers={**headers, "Accept": FHIR})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(FHIR)
    assert response.headers["cache-control"] == "private, no-store"
    return response


def test_statuses_follow_the_lifecycle(client: TestClient) -> None:
    headers = tenant(client)
    created = complete_audit(client, headers, {"good-use-of-data": 1})
    href = created.json()["href"]
    draft = QuestionnaireResponse.model_validate(_fhir(client, href, headers).json())
    assert draft.status == "in-progress" and draft.questionnaire == QUESTIONNAIRE
    groups = {i.linkId: i for i in draft.item}
    assert groups["title"].answer[0].valueString == "Self-audit"
    rating = next(c for c in groups["good-use-of-data"].item if c.linkId.endswith(".rating"))
    assert rating.answer[0].valueCoding.code == "1"

    submitted = client.post(
        f"{href}/submit", headers={**headers, "If-Match": created.headers["etag"]}
    )
    assert (
        QuestionnaireResponse.model_validate(_fhir(client, href, headers).json()).status
        == "completed"
    )
    amended = client.post(
        f"{href}/amend", headers={**headers, "If-Match": submitted.headers["etag"]}
    )
    assert (
        QuestionnaireResponse.model_validate(_fhir(client, href, headers).json()).status
        == "in-progress"
    )
    client.post(f"{href}/submit", headers={**headers, "If-Match": amended.headers["etag"]})
    out = _fhir(client, href, headers)
    assert QuestionnaireResponse.model_validate(out.json()).status == "amended"
    # The FHIR ETag is If-Match's on a write that selects FHIR, as the read that gave it did;
    # the answer is then FHIR with its new FHIR ETag (RFC 9110 section 13.1.1).
    fhir_etag = {**headers, "If-Match": out.headers["etag"]}
    refused = client.post(f"{href}/amend", headers=fhir_etag)
    assert "application/fhir+json" in assert_problem(refused, 412, "precondition-failed")["detail"]
    again = client.post(f"{href}/amend", headers={**fhir_etag, "Accept": FHIR})
    assert again.status_code == 200, again.text
    assert QuestionnaireResponse.model_validate(again.json()).status == "in-progress"
    assert again.headers["etag"] == _fhir(client, href, headers).headers["etag"]


def _resource(slugs: list[str], status: str = "in-progress", rating: int = 2) -> dict[str, Any]:
    items: list[dict[str, Any]] = [{"linkId": "title", "answer": [{"valueString": "From the CMS"}]}]
    for slug in slugs:
        items.append(
            {
                "linkId": slug,
                "item": [
                    {"linkId": f"{slug}.current_practice", "answer": [{"valueString": "Now"}]},
                    {"linkId": f"{slug}.needed_change", "answer": [{"valueString": "Needed"}]},
                    {"linkId": f"{slug}.progress_plan", "answer": [{"valueString": "Plan"}]},
                    {"linkId": f"{slug}.rating", "answer": [{"valueInteger": rating}]},
                ],
            }
        )
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": QUESTIONNAIRE,
        "status": status,
        "item": items,
    }


def _post(client: TestClient, headers: dict[str, str], resource: Any) -> Any:
    import json

    return client.post(
        "/v1/audits", content=json.dumps(resource), headers={**headers, "Content-Type": FHIR}
    )


def test_a_questionnaire_response_creates_a_draft(client: TestClient) -> None:
    headers = tenant(client)
    slugs = condition_slugs(client)
    resource = _resource(slugs[:2])
    QuestionnaireResponse.model_validate(resource)  # what we send is valid FHIR
    created = _post(client, headers, resource)
    assert created.status_code == 201, created.text
    audit = client.get(created.headers["location"], headers=headers).json()
    assert audit["title"] == "From the CMS" and audit["status"] == "draft"
    assert [r["condition"] for r in audit["responses"]] == slugs[:2]
    assert audit["responses"][0]["rating"] == 2


def test_a_completed_questionnaire_response_is_submitted(client: TestClient) -> None:
    headers = tenant(client)
    created = _post(client, headers, _resource(condition_slugs(client), status="completed"))
    assert created.status_code == 201, created.text
    assert client.get(created.headers["location"], headers=headers).json()["status"] == "submitted"
    incomplete = _post(client, headers, _resource(condition_slugs(client)[:3], status="completed"))
    assert_problem(incomplete, 422, "validation-error")


def test_bad_questionnaire_responses_are_422_and_store_nothing(client: TestClient) -> None:
    headers = tenant(client)
    slugs = condition_slugs(client)
    bad = [
        ({**_resource(slugs[:1]), "resourceType": "Patient"}, "#/body/resourceType"),
        ({**_resource(slugs[:1]), "status": "stopped"}, "#/body/status"),
        ({**_resource(slugs[:1]), "questionnaire": "http://elsewhere/q"}, "#/body/questionnaire"),
        (_resource(["no-such-condition"]), "#/body/responses/0/condition"),
        (_resource(slugs[:1], rating=7), "#/body/responses/0/rating"),
    ]
    for resource, pointer in bad:
        problem = assert_problem(_post(client, headers, resource), 422, "validation-error")
        assert pointer in [e["pointer"] for e in problem["errors"]], problem
    assert client.get("/v1/audits", headers=headers).json()["items"] == []
    create_audit(client, headers, [answer(slugs[0])])
