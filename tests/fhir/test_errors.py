"""Errors on FHIR requests are OperationOutcomes, whoever raised or wrote them (a route, a
handler, a middleware), with the status and headers of the problem they stand for; every other
request keeps problem+json."""

import json

from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.fhir.validators import assert_outcome
from tests.helpers import tenant

FHIR = "application/fhir+json"
MISSING = "/v1/audits/01936f0e-7c1a-7b3e-9d52-3f7a1c2b4e5d"
VALIDATE = "/fhir/QuestionnaireResponse/$validate"


def test_v1_requests_that_chose_fhir_get_outcomes(client: TestClient) -> None:
    headers = tenant(client)
    by_accept = client.get(MISSING, headers={**headers, "Accept": FHIR})
    issues = assert_outcome(by_accept, 404, "not-found")
    assert issues[0]["diagnostics"] == f"No audit with id '{MISSING.rsplit('/', 1)[1]}'."
    assert by_accept.headers["cache-control"] == "no-store"
    assert_outcome(
        client.get(MISSING, params={"format": "fhir"}, headers=headers), 404, "not-found"
    )
    unauthenticated = client.get(MISSING, headers={"Accept": FHIR})
    assert_outcome(unauthenticated, 401, "login")
    assert unauthenticated.headers["www-authenticate"].startswith("Bearer")
    assert_outcome(client.get("/v1/audit-templates/9", headers={"Accept": FHIR}), 404, "not-found")
    # The same requests without FHIR, or naming problem+json, keep problem+json.
    assert_problem(client.get(MISSING, headers=headers), 404, "not-found")
    assert_problem(
        client.get(MISSING, headers={**headers, "Accept": f"{FHIR}, application/problem+json"}),
        404,
        "not-found",
    )
    assert_problem(client.get("/healthz/nope", headers={"Accept": FHIR}), 404, "not-found")


def test_a_fhir_body_s_invalid_fields_are_issues_with_fhirpath(client: TestClient) -> None:
    body = {
        "resourceType": "QuestionnaireResponse",
        "status": "in-progress",
        "questionnaire": "http://127.0.0.1:8000/fhir/Questionnaire/self-audit-1",
        "item": [{"linkId": "nope", "answer": [{"valueString": "x"}]}],
    }
    response = client.post(
        "/v1/audits", content=json.dumps(body), headers={**tenant(client), "Content-Type": FHIR}
    )
    first, *fields = assert_outcome(response, 422, "invalid")
    assert first["details"]["coding"][0]["code"] == "validation-error"
    assert {(f["code"], f.get("expression", [None])[0]) for f in fields} == {
        ("invalid", "item[0].linkId"),
        ("invalid", "item"),  # no title item
    }


def test_middleware_and_framework_errors_become_outcomes(client: TestClient) -> None:
    too_large = client.post(
        VALIDATE, content=b"{" + b" " * 300_000 + b"}", headers={"Content-Type": FHIR}
    )
    assert_outcome(too_large, 413, "too-long")
    twice = client.post(VALIDATE, content=b'{"a": 1, "a": 2}', headers={"Content-Type": FHIR})
    assert "appears twice" in assert_outcome(twice, 422, "invalid")[0]["diagnostics"]
    not_json = client.post(VALIDATE, content=b"{nope", headers={"Content-Type": FHIR})
    assert_outcome(not_json, 422, "invalid")
    wrong_type = client.post(VALIDATE, content=b"<x/>", headers={"Content-Type": "application/xml"})
    assert_outcome(wrong_type, 415, "not-supported")
    assert wrong_type.headers["accept-post"] == f"{FHIR}, application/json"
    wrong_method = client.delete("/fhir/metadata")
    assert_outcome(wrong_method, 405, "not-supported")
    assert "GET" in wrong_method.headers["allow"]
    assert_outcome(
        client.get("/fhir/metadata", headers={"Accept": "text/csv"}), 406, "not-supported"
    )
    assert_outcome(client.get("/fhir/Questionnaire/a_b"), 422, "invalid")
    # Refused by the outermost request checks, before the app.
    two_tokens = client.get(
        "/fhir/metadata", headers=[("Authorization", "Bearer a"), ("Authorization", "Bearer b")]
    )
    assert_outcome(two_tokens, 400, "invalid")


def test_a_head_outcome_has_the_headers_and_no_body(client: TestClient) -> None:
    response = client.head("/fhir/Questionnaire/self-audit-99")
    assert response.status_code == 404 and response.content == b""
    assert response.headers["content-type"] == FHIR
