"""The OpenAPI description of every FHIR representation: `application/fhir+json` with a schema
whose `resourceType` is a constant, and an example that is valid FHIR R4, fits that schema and
says what the API really sends."""

import json
from typing import Any

from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from tests.fhir.validators import assert_valid_fhir

FHIR = "application/fhir+json"


def _fhir_media(client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    """(where, resourceType, media object) for every FHIR body the description documents."""
    found = []
    document = client.get("/openapi.json").json()
    components = document["components"]["schemas"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            bodies = [("request", operation.get("requestBody", {}).get("content", {}))]
            bodies += [(s, r.get("content", {})) for s, r in operation["responses"].items()]
            for status, content in bodies:
                if FHIR in content:
                    media = dict(content[FHIR])
                    ref = media["schema"].get("$ref", "")
                    if ref:  # a named component, with the others it refers to
                        name = ref.rsplit("/", 1)[1]
                        media["schema"] = {**components[name], "components": components}
                    typed = media["schema"]["properties"]["resourceType"]
                    # A response says which resource it is; $validate takes two kinds.
                    kind = typed["const"] if status != "request" else typed.get("const")
                    kind = kind or typed["enum"][0]
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
        assert "resourceType" in media["schema"]["required"], at
        example = media["example"]
        schema = json.loads(
            json.dumps(media["schema"]).replace('"#/components/schemas/', '"#/components/')
        )
        errors = list(Draft202012Validator(schema).iter_errors(example))
        assert not errors, (at, errors[0].message)
        assert_valid_fhir(example, kind)


def test_validate_s_body_schema_says_the_json_body_rules(client: TestClient) -> None:
    """$validate takes any QuestionnaireResponse, but no control character in a key or string
    at any depth (app/core/json_bodies.py): its schema says so, so fuzzers and clients know."""
    components = client.get("/openapi.json").json()["components"]["schemas"]
    schema = json.loads(
        json.dumps({**components["FhirValidateBody"], "components": components}).replace(
            '"#/components/schemas/', '"#/components/'
        )
    )
    validator = Draft202012Validator(schema)
    assert validator.is_valid({"resourceType": "QuestionnaireResponse", "item": [{"a": [1.5]}]})
    for bad in (
        {"resourceType": "Patient"},
        {"resourceType": "Parameters", "x\u0000": 1},
        {"resourceType": "Parameters", "x": [{"y": {"z\u0001": None}}]},
        {"resourceType": "Parameters", "x": [{"y": "\u0007"}]},
    ):
        assert not validator.is_valid(bad), bad


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
