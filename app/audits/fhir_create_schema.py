"""The JSON Schema of a QuestionnaireResponse that `POST /v1/audits` takes: one that answers a
published Questionnaire as `fhir_in.read` checks it, so that a generated client (or a fuzzer)
builds what the server accepts. Per template version: its canonical, the title item, each
condition's group at most once (`maxContains`, JSON Schema 2020-12) with its three prompts
and its rating, and, when `completed`, every condition's three prompts answered."""

from typing import Any

from app.audits.fhir import TITLE_LINK, questionnaire_url, rating_system
from app.audits.published import published
from app.audits.schemas import PROMPT_KEYS, TEXT_MAX, TITLE_MAX
from app.core.json_bodies import NO_CONTROL_CHARACTERS as _NO_CONTROL

COMPONENT = "FhirQuestionnaireResponseCreate"
# Answers every item of every version shares, as components of their own (the schema repeats
# them for each condition's group).
TEXT_ANSWER = "FhirTextAnswer"
TITLE_ANSWER = "FhirTitleAnswer"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


REF = _ref(COMPONENT)  # what the create route's FHIR body names


def _object(required: list[str], **properties: Any) -> dict[str, Any]:
    """An object with these members; any other FHIR element is JSON as every body's rules
    have it (keys without control characters, component `JsonValue`)."""
    return {
        "type": "object",
        "required": required,
        "properties": properties,
        "propertyNames": {"pattern": _NO_CONTROL},
        "additionalProperties": _ref("JsonValue"),
    }


def _one(value: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "minItems": 1, "maxItems": 1, "items": value}


def _answered_by(maximum: int, what: str) -> dict[str, Any]:
    """Exactly one `valueString`: some text (a character str.strip keeps), no control
    character, at most `maximum` characters."""
    text = {
        "type": "string",
        "minLength": 1,
        "maxLength": maximum,
        "allOf": [{"pattern": _NO_CONTROL}, {"pattern": r"\S"}],
    }
    return {**_one(_object(["valueString"], valueString=text)), "description": what}


def _item(link_id: str, **properties: Any) -> dict[str, Any]:
    return _object(["linkId", *properties], linkId={"const": link_id}, **properties)


def _has(link_id: str, at_least: int = 0, at_most: int | None = 1) -> dict[str, Any]:
    demand: dict[str, Any] = {
        "contains": {"required": ["linkId"], "properties": {"linkId": {"const": link_id}}},
        "minContains": at_least,
    }
    if at_most is not None:
        demand["maxContains"] = at_most
    return demand


def _rating(slug: str, version: int) -> dict[str, Any]:
    """A `valueCoding` of the template's rating system (its code in digits, as the server
    reads it), or a `valueInteger` on the scale, which the server takes with a warning."""
    low, high = published().rating_minimum, published().rating_maximum
    coding = _object(
        ["system", "code"],
        system={"const": rating_system(version)},
        code={"type": "string", "pattern": f"^0*[{low}-{high}]$"},
    )
    integer = {"type": "integer", "minimum": low, "maximum": high}
    by_integer = {"valueInteger": integer, "valueCoding": {"not": {"type": "object"}}}
    answer = {
        **_object([]),
        "anyOf": [
            {"required": ["valueCoding"], "properties": {"valueCoding": coding}},
            {"required": ["valueInteger"], "properties": by_integer},
        ],
    }
    return _item(f"{slug}.rating", answer=_one(answer))


def _group(slug: str, version: int) -> dict[str, Any]:
    prompts = [_item(f"{slug}.{key}", answer=_ref(TEXT_ANSWER)) for key in PROMPT_KEYS]
    children = [*prompts, _rating(slug, version)]
    group = _item(
        slug,
        item={
            "type": "array",
            "items": {"anyOf": children},
            "allOf": [_has(f"{slug}.{key}") for key in (*PROMPT_KEYS, "rating")],
        },
    )
    group["required"] = ["linkId"]  # a group may leave every item out
    group["properties"]["answer"] = False  # a group's answers are in its items
    return group


def _answered_in_full(slug: str) -> dict[str, Any]:
    """The group of `slug`, with each of its three prompts (each answered, as the group's
    item schema has it)."""
    prompts = {"allOf": [_has(f"{slug}.{key}", 1, None) for key in PROMPT_KEYS]}
    linked = {"linkId": {"const": slug}, "item": prompts}
    return {"contains": {"required": ["linkId", "item"], "properties": linked}, "minContains": 1}


def _response(version: int) -> dict[str, Any]:
    conditions = published().conditions
    title = _item(TITLE_LINK, answer=_ref(TITLE_ANSWER))
    items = [title, *(_group(slug, version) for slug in conditions)]
    canonical = questionnaire_url(version)
    response = _object(
        ["resourceType", "questionnaire", "status", "item"],
        resourceType={"const": "QuestionnaireResponse"},
        id={"type": "string", "pattern": "^[A-Za-z0-9\\-.]{1,64}$"},
        questionnaire={"enum": [canonical, f"{canonical}|{version}"]},
        status={"enum": ["in-progress", "completed"]},
        item={
            "type": "array",
            "items": {"anyOf": items},
            "allOf": [_has(TITLE_LINK, 1), *(_has(slug) for slug in conditions)],
        },
    )
    completed = {
        "required": ["status"],
        "properties": {
            "status": {"const": "completed"},
            "item": {"allOf": [_answered_in_full(slug) for slug in conditions]},
        },
    }
    response["anyOf"] = [{"properties": {"status": {"const": "in-progress"}}}, completed]
    return response


def schemas() -> dict[str, dict[str, Any]]:
    """The components: the create body (one branch per published version) and its answers."""
    versions = published().versions
    body: dict[str, Any] = {
        "title": COMPONENT,
        "description": "A FHIR R4 QuestionnaireResponse (https://hl7.org/fhir/R4/"
        "questionnaireresponse.html) answering a published audit template's Questionnaire: "
        "`in-progress` makes a draft, `completed` a submitted audit. Each condition's group "
        "at most once; a `completed` one answers every condition's three prompts.",
    }
    branches = [_response(version) for version in versions]
    body.update(branches[0] if len(branches) == 1 else {"anyOf": branches})
    return {
        COMPONENT: body,
        TEXT_ANSWER: _answered_by(TEXT_MAX, "A prompt's answer: its text."),
        TITLE_ANSWER: _answered_by(TITLE_MAX, "The audit's title."),
    }
