"""`POST /fhir/QuestionnaireResponse/$validate`: every issue with a QuestionnaireResponse,
checked against the template it names, as a valid OperationOutcome; nothing stored, no token."""

import copy
import json
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.fhir.validators import assert_outcome, assert_valid_fhir
from tests.helpers import complete_audit, tenant

FHIR = "application/fhir+json"
VALIDATE = "/fhir/QuestionnaireResponse/$validate"
CANONICAL = "http://127.0.0.1:8000/fhir/Questionnaire/self-audit-1"


def _validate(client: TestClient, body: Any) -> list[dict[str, Any]]:
    response = client.post(VALIDATE, content=json.dumps(body), headers={"Content-Type": FHIR})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == FHIR
    assert response.headers["cache-control"] == "no-store"
    assert_valid_fhir(response.json(), "OperationOutcome")
    issues: list[dict[str, Any]] = response.json()["issue"]
    return issues


def _all_ok(issues: list[dict[str, Any]]) -> bool:
    return [(i["severity"], i["code"]) for i in issues] == [("information", "informational")]


def _audits(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM audit")).scalar_one())
    finally:
        engine.dispose()


def _emitted(client: TestClient) -> list[dict[str, Any]]:
    """The QuestionnaireResponse of one audit in each of its FHIR statuses."""
    headers = tenant(client)
    created = complete_audit(client, headers, {"good-use-of-data": 1})
    href, etag = created.json()["href"], created.headers["etag"]
    out = [client.get(href, headers={**headers, "Accept": FHIR}).json()]
    for action in ("submit", "amend"):
        etag = client.post(f"{href}/{action}", headers={**headers, "If-Match": etag}).headers[
            "etag"
        ]
        out.append(client.get(href, headers={**headers, "Accept": FHIR}).json())
    assert [r["status"] for r in out] == ["in-progress", "completed", "amended"]
    return out


def test_what_the_api_emits_validates_and_nothing_is_stored(
    client: TestClient, database_url: str
) -> None:
    emitted = _emitted(client)
    stored = _audits(database_url)
    for resource in emitted:
        assert _all_ok(_validate(client, resource)), resource["status"]
        wrapped = {
            "resourceType": "Parameters",
            "parameter": [{"name": "resource", "resource": resource}],
        }
        assert _all_ok(_validate(client, wrapped))
    assert _audits(database_url) == stored


def test_every_issue_is_listed_with_where_it_is(client: TestClient) -> None:
    resource = copy.deepcopy(_emitted(client)[1])  # completed
    del resource["item"][0]  # no title
    group = resource["item"][0]  # systems-aligned-across-agencies, with its answers
    slug = group["linkId"]
    group["item"][0]["answer"][0]["valueString"] = "x" * 4001
    group["item"][1]["linkId"] = f"{slug}.score"
    group["item"][3]["answer"][0]["valueCoding"]["code"] = "9"
    second = resource["item"][1]
    second["item"][3]["answer"][0]["valueCoding"]["system"] = "http://elsewhere/rating"
    third = resource["item"][2]
    third["item"][3]["answer"] = [{"valueInteger": 0}]
    resource["item"].append({"linkId": "no-such-condition", "item": []})
    resource["item"].append(copy.deepcopy(third))
    found = sorted(
        (i["severity"], i["code"], i.get("expression", [""])[0])
        for i in _validate(client, resource)
    )
    path = "QuestionnaireResponse.item"
    assert found == sorted(
        [
            ("error", "required", path),  # no title, and
            ("error", "required", path),  # a prompt left unanswered in a completed response
            ("error", "value", f"{path}[0].item[0].answer[0].value"),  # 4,001 characters
            ("error", "structure", f"{path}[0].item[1].linkId"),
            ("error", "code-invalid", f"{path}[0].item[3].answer[0].value.code"),
            ("error", "code-invalid", f"{path}[1].item[3].answer[0].value.system"),
            ("warning", "structure", f"{path}[2].item[3].answer[0]"),
            ("error", "value", f"{path}[2].item[3].answer[0].value"),  # rating 0
            ("error", "structure", f"{path}[12].linkId"),
            ("error", "duplicate", f"{path}[13].linkId"),
        ]
    )


def test_the_questionnaire_and_the_resource_itself_are_checked(client: TestClient) -> None:
    def only(body: Any) -> tuple[str, str, str]:
        [issue] = _validate(client, body)
        return issue["code"], issue["diagnostics"], issue.get("expression", [""])[0]

    title = {"linkId": "title", "answer": [{"valueString": "From the CMS"}]}
    draft = {"resourceType": "QuestionnaireResponse", "status": "in-progress", "item": [title]}
    assert _all_ok(_validate(client, {**draft, "questionnaire": f"{CANONICAL}|1"}))
    assert only({**draft, "questionnaire": CANONICAL.replace("-1", "-7")}) == (
        "not-found",
        "No audit template version 7.",
        "QuestionnaireResponse.questionnaire",
    )
    assert only({**draft, "questionnaire": "http://elsewhere/Questionnaire/self-audit-1"})[0] == (
        "not-found"
    )
    assert only({**draft, "questionnaire": f"{CANONICAL}|2"})[0] == "not-found"
    assert only({**draft, "questionnaire": CANONICAL, "status": "finished"})[0] == "required"
    assert only({**draft, "questionnaire": CANONICAL, "id": "no spaces"})[2] == (
        "QuestionnaireResponse.id"
    )
    assert only({"resourceType": "Parameters", "parameter": []})[2] == "Parameters.parameter"
    # A valueInteger rating is taken, with a warning: FHIR codes a choice answer.
    rated = {
        "linkId": "good-use-of-data",
        "item": [{"linkId": "good-use-of-data.rating", "answer": [{"valueInteger": 3}]}],
    }
    [warning] = _validate(client, {**draft, "questionnaire": CANONICAL, "item": [title, rated]})
    assert (warning["severity"], warning["code"]) == ("warning", "structure")


def test_a_body_that_is_no_questionnaire_response_is_a_422(client: TestClient) -> None:
    for body in ({"resourceType": "Patient"}, {"status": "completed"}, [], "QuestionnaireResponse"):
        response = client.post(VALIDATE, content=json.dumps(body), headers={"Content-Type": FHIR})
        [_, field] = assert_outcome(response, 422, "invalid")
        if isinstance(body, dict):
            assert field["expression"] == ["resourceType"], body


def test_validate_is_public_and_a_key_changes_nothing(client: TestClient) -> None:
    body = json.dumps(_emitted(client)[0])
    anonymous = client.post(VALIDATE, content=body, headers={"Content-Type": FHIR})
    with_key = client.post(
        VALIDATE, content=body, headers={**tenant(client), "Content-Type": "application/json"}
    )
    assert anonymous.status_code == with_key.status_code == 200
    assert anonymous.json() == with_key.json()
