"""The OpenAPI description of every FHIR representation: `application/fhir+json` with a schema
whose `resourceType` is a constant, and an example that is valid FHIR R4, fits that schema and
says what the API really sends."""

from typing import Any

from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from tests.fhir.validators import assert_valid_fhir

FHIR = "application/fhir+json"


def _fhir_media(client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    """(where, resourceType, media object) for every FHIR body the description documents."""
    found = []
    for path, operations in client.get("/openapi.json").json()["paths"].items():
        for method, operation in operations.items():
            bodies = [("request", operation.get("requestBody", {}).get("content", {}))]
            bodies += [(s, r.get("content", {})) for s, r in operation["responses"].items()]
            for status, content in bodies:
                if FHIR in content:
                    media = content[FHIR]
                    kind = media["schema"]["properties"]["resourceType"]["const"]
                    found.append((f"{method} {path} {status}", kind, media))
    return found


def test_every_fhir_body_has_a_typed_schema_and_a_valid_example(client: TestClient) -> None:
    documented = _fhir_media(client)
    where = {w.rsplit(" ", 1)[0] for w, _, _ in documented}
    assert {
        "get /v1/audit-templates/{version}",
        "get /v1/audits/{audit_id}",
        "post /v1/audits",
        "get /fhir/metadata",
        "get /fhir/Questionnaire/{resource_id}",
        "get /fhir/CodeSystem/{resource_id}",
        "post /fhir/QuestionnaireResponse/$validate",
    } <= where
    for at, kind, media in documented:
        assert media["schema"]["required"] == ["resourceType"], at
        example = media["example"]
        errors = list(Draft202012Validator(media["schema"]).iter_errors(example))
        assert not errors, (at, errors[0].message)
        assert_valid_fhir(example, kind)


def test_the_examples_say_what_is_served(client: TestClient) -> None:
    media = {at: m for at, _, m in _fhir_media(client)}
    questionnaire = client.get("/fhir/Questionnaire/self-audit-1").json()
    example = media["get /fhir/Questionnaire/{resource_id} 200"]["example"]
    assert {k: v for k, v in example.items() if k not in ("date", "item")} == {
        k: v for k, v in questionnaire.items() if k not in ("date", "item")
    }
    assert example["item"] == questionnaire["item"][: len(example["item"])]
    assert media["get /v1/audit-templates/{version} 200"]["example"] == example
    code_system = client.get("/fhir/CodeSystem/self-audit-rating-1").json()
    example = media["get /fhir/CodeSystem/{resource_id} 200"]["example"]
    assert {**example, "date": None} == {**code_system, "date": None}
    statement = client.get("/fhir/metadata").json()
    example = media["get /fhir/metadata 200"]["example"]
    assert {**example, "software": None} == {**statement, "software": None}
    # The QuestionnaireResponse example is one $validate finds nothing wrong with.
    response = media["get /v1/audits/{audit_id} 200"]["example"]
    outcome = client.post(
        "/fhir/QuestionnaireResponse/$validate", json=response, headers={"Content-Type": FHIR}
    ).json()
    assert [i["severity"] for i in outcome["issue"]] == ["information"], outcome
