"""Audits as FHIR R4 QuestionnaireResponse, out and in: each lifecycle state's status, every
document valid against the official R4 JSON schema and fhir.resources' R4B models."""

import json
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.fhir.validators import assert_outcome, assert_valid_fhir
from tests.helpers import answer, complete_audit, condition_slugs, create_audit, tenant

FHIR = "application/fhir+json"
# The default deployment's PUBLIC_BASE_URL, which tests/conftest.py pins.
QUESTIONNAIRE = "http://127.0.0.1:8000/fhir/Questionnaire/self-audit-1|1"
RATING_SYSTEM = "http://127.0.0.1:8000/fhir/CodeSystem/self-audit-rating-1"


def _fhir(client: TestClient, href: str, headers: dict[str, str]) -> Any:
    response = client.get(href, headers={**headers, "Accept": FHIR})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(FHIR)
    assert response.headers["cache-control"] == "private, no-store"
    return response


def _status(client: TestClient, href: str, headers: dict[str, str]) -> tuple[str, str]:
    """The QuestionnaireResponse's status (the document checked valid), and its ETag."""
    response = _fhir(client, href, headers)
    model = assert_valid_fhir(response.json(), "QuestionnaireResponse")
    return str(model.status), response.headers["etag"]


def test_statuses_follow_fhirs_lifecycle_through_amendment(client: TestClient) -> None:
    """in-progress -> completed -> amended, and never back to in-progress: an amendment's draft
    is `amended` already, and stays so once submitted again (FHIR allows no completed ->
    in-progress step)."""
    headers = tenant(client)
    created = complete_audit(client, headers, {"good-use-of-data": 1})
    href = created.json()["href"]
    draft = assert_valid_fhir(_fhir(client, href, headers).json(), "QuestionnaireResponse")
    assert draft.status == "in-progress" and draft.questionnaire == QUESTIONNAIRE
    groups = {i.linkId: i for i in draft.item}
    assert groups["title"].answer[0].valueString == "Self-audit"
    rating = next(c for c in groups["good-use-of-data"].item if c.linkId.endswith(".rating"))
    coding = rating.answer[0].valueCoding
    assert (coding.system, coding.code, coding.display) == (RATING_SYSTEM, "1", "Not in place")

    etag = created.headers["etag"]
    states = []
    for action in ("submit", "amend", "submit", "amend"):
        moved = client.post(f"{href}/{action}", headers={**headers, "If-Match": etag})
        assert moved.status_code == 200, moved.text
        status, _ = _status(client, href, headers)
        etag = moved.headers["etag"]  # JSON's: this write's Accept selected JSON
        states.append((moved.json()["status"], moved.json()["revision"], status))
    assert states == [
        ("submitted", 1, "completed"),
        ("draft", 2, "amended"),
        ("submitted", 2, "amended"),
        ("draft", 3, "amended"),
    ]
    # The FHIR ETag is If-Match's on a write that selects FHIR, as the read that gave it did;
    # the answer is then FHIR with its new FHIR ETag (RFC 9110 section 13.1.1).
    _, fhir_etag = _status(client, href, headers)
    title = {"title": "Amended"}
    refused = client.patch(href, json=title, headers={**headers, "If-Match": fhir_etag})
    assert "application/fhir+json" in assert_problem(refused, 412, "precondition-failed")["detail"]
    patched = client.patch(
        href, json=title, headers={**headers, "If-Match": fhir_etag, "Accept": FHIR}
    )
    assert patched.status_code == 200, patched.text
    assert assert_valid_fhir(patched.json(), "QuestionnaireResponse").status == "amended"
    assert patched.headers["etag"] == _status(client, href, headers)[1]


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
    return client.post(
        "/v1/audits", content=json.dumps(resource), headers={**headers, "Content-Type": FHIR}
    )


def test_a_questionnaire_response_creates_a_draft(client: TestClient) -> None:
    headers = tenant(client)
    slugs = condition_slugs(client)
    resource = _resource(slugs[:2])
    assert_valid_fhir(resource, "QuestionnaireResponse")  # what we send is valid FHIR
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
    issues = assert_outcome(incomplete, 422, "invalid")
    assert "lacks current_practice" in issues[1]["diagnostics"]
    assert issues[1]["expression"] == ["item"]  # FHIRPath into the body


def test_bad_questionnaire_responses_are_422_and_store_nothing(client: TestClient) -> None:
    headers = tenant(client)
    slugs = condition_slugs(client)
    bad = [
        ({**_resource(slugs[:1]), "resourceType": "Patient"}, "#/body/resourceType"),
        ({**_resource(slugs[:1]), "status": "stopped"}, "#/body/status"),
        ({**_resource(slugs[:1]), "questionnaire": "http://elsewhere/q"}, "#/body/questionnaire"),
        (
            {**_resource(slugs[:1]), "questionnaire": QUESTIONNAIRE.replace("-1|1", "-2")},
            "#/body/questionnaire",
        ),
        (_resource(["no-such-condition"]), "#/body/item/1/linkId"),
        (_resource(slugs[:1], rating=7), "#/body/item/1/item/3/answer/0/valueInteger"),
        (_resource([slugs[0], slugs[0]]), "#/body/item/2/linkId"),
        (_resource(slugs[:1], status="completed"), "#/body/item"),
    ]
    for resource, pointer in bad:
        # A POST is a FHIR request by its Content-Type: name problem+json to read pointers.
        accept = "application/json, application/problem+json"
        response = _post(client, {**headers, "Accept": accept}, resource)
        problem = assert_problem(response, 422, "validation-error")
        assert pointer in [e["pointer"] for e in problem["errors"]], problem
    assert client.get("/v1/audits", headers=headers).json()["items"] == []
    create_audit(client, headers, [answer(slugs[0])])
