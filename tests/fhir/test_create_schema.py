"""The published schema of a FHIR create body (`FhirQuestionnaireResponseCreate`) says what the
server takes: for each body below, the schema's verdict (validated with `jsonschema` against the
served description) and the server's answer (201 or 422) agree."""

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.helpers import condition_slugs, tenant

FHIR = "application/fhir+json"
CANONICAL = "http://127.0.0.1:8000/fhir/Questionnaire/self-audit-1"
RATING_SYSTEM = "http://127.0.0.1:8000/fhir/CodeSystem/self-audit-rating-1"
Body = dict[str, Any]


def _text(link_id: str, text: str = "Some text.") -> Body:
    return {"linkId": link_id, "answer": [{"valueString": text}]}


def _group(slug: str, rating: Body | None = None) -> Body:
    items = [
        _text(f"{slug}.{key}") for key in ("current_practice", "needed_change", "progress_plan")
    ]
    if rating is not None:
        items.append({"linkId": f"{slug}.rating", "answer": [rating]})
    return {"linkId": slug, "item": items}


def _response(slugs: list[str], status: str = "completed") -> Body:
    coding = {"valueCoding": {"system": RATING_SYSTEM, "code": "2"}}
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{CANONICAL}|1",
        "status": status,
        "item": [_text("title", "FHIR round trip"), *(_group(s, coding) for s in slugs)],
    }


def _changed(change: Callable[[Body], None]) -> Callable[[list[str]], Body]:
    def body(slugs: list[str]) -> Body:
        made = _response(slugs)
        change(made)
        return made

    return body


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Body], None]:
    def change(body: Body) -> None:
        target: Any = body
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


CASES: dict[str, tuple[Callable[[list[str]], Body], bool]] = {
    "every condition answered, completed": (_response, True),
    "a draft answering one condition": (lambda s: _response(s[:1], "in-progress"), True),
    "a rating as valueInteger 2.0": (
        _changed(_set(("item", 1, "item", 3, "answer", 0), {"valueInteger": 2.0})),
        True,
    ),
    "a code with a leading zero": (
        _changed(_set(("item", 1, "item", 3, "answer", 0, "valueCoding", "code"), "02")),
        True,
    ),
    "completed with a condition missing": (lambda s: _response(s[:-1]), False),
    "a condition twice": (_changed(lambda b: b["item"].append(copy.deepcopy(b["item"][1]))), False),
    "a blank prompt": (
        _changed(_set(("item", 1, "item", 0, "answer", 0, "valueString"), " ")),
        False,
    ),
    "a rating off the scale": (
        _changed(_set(("item", 1, "item", 3, "answer", 0, "valueCoding", "code"), "9")),
        False,
    ),
    "another rating system": (
        _changed(_set(("item", 1, "item", 3, "answer", 0, "valueCoding", "system"), "urn:x")),
        False,
    ),
    "an unknown linkId": (_changed(_set(("item", 1, "linkId"), "no-such-condition")), False),
    "a group with an answer": (
        _changed(_set(("item", 1, "answer"), [{"valueString": "x"}])),
        False,
    ),
    "no title": (_changed(lambda b: b["item"].pop(0)), False),
    "status amended": (_changed(_set(("status",), "amended")), False),
    "another Questionnaire": (_changed(_set(("questionnaire",), CANONICAL + "9")), False),
}


@pytest.fixture(scope="module")
def validator(client: TestClient) -> Draft202012Validator:
    document = client.get("/openapi.json").json()
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:contract", resource)
    ref = {"$ref": "urn:contract#/components/schemas/FhirQuestionnaireResponseCreate"}
    return Draft202012Validator(ref, registry=registry)


@pytest.mark.parametrize("case", list(CASES))
def test_the_schema_and_the_server_agree(
    client: TestClient, validator: Draft202012Validator, case: str
) -> None:
    make, accepted = CASES[case]
    body = make(condition_slugs(client))
    assert validator.is_valid(body) is accepted, [e.message for e in validator.iter_errors(body)]
    response = client.post(
        "/v1/audits", content=json.dumps(body), headers={**tenant(client), "Content-Type": FHIR}
    )
    assert response.status_code == (201 if accepted else 422), response.text


def test_what_the_api_emits_for_a_draft_creates_one_again(
    client: TestClient, validator: Draft202012Validator
) -> None:
    headers = tenant(client)
    draft = client.post(
        "/v1/audits",
        content=json.dumps(_response(condition_slugs(client)[:2], "in-progress")),
        headers={**headers, "Content-Type": FHIR},
    )
    emitted = client.get(draft.json()["href"], headers={**headers, "Accept": FHIR}).json()
    assert validator.is_valid(emitted), [e.message for e in validator.iter_errors(emitted)]
    again = client.post(
        "/v1/audits", content=json.dumps(emitted), headers={**headers, "Content-Type": FHIR}
    )
    assert again.status_code == 201 and again.json()["responses"] == draft.json()["responses"]
