"""A FHIR R4 QuestionnaireResponse read in: every issue with it, checked against the template
it names (`$validate` reports them all), and the audit it stands for (`POST /v1/audits` takes
it only when no issue is an error). The linkIds are those of `fhir.questionnaire`.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.audits.fhir import (
    QUESTIONNAIRE_PREFIX,
    TITLE_LINK,
    fhir_base,
    questionnaire_url,
    rating_system,
    version_in,
)
from app.audits.schemas import PROMPT_KEYS, TEXT_MAX, TITLE_MAX
from app.audits.templates import Template
from app.core.errors import FieldError, ValidationFailed
from app.core.json_bodies import json_integer
from app.core.operation_outcome import Issue

STATUSES = ("in-progress", "completed", "amended", "entered-in-error", "stopped")
CREATABLE = ("in-progress", "completed")
TemplateOf = Callable[[int], Template | None]
ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")


@dataclass
class Reading:
    issues: list[Issue] = field(default_factory=list)
    status: str | None = None
    template: Template | None = None
    title: str | None = None
    responses: dict[str, dict[str, Any]] = field(default_factory=dict)

    def error(self, pointer: str, detail: str, code: str = "structure") -> None:
        self.issues.append(Issue("error", code, detail, pointer))

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]


def read(resource: Any, template_of: TemplateOf, at: str = "#/body") -> Reading:
    reading = Reading()
    if not isinstance(resource, dict) or resource.get("resourceType") != "QuestionnaireResponse":
        reading.error(f"{at}/resourceType", "Expected a QuestionnaireResponse.")
        return reading
    if "id" in resource and not (isinstance(resource["id"], str) and ID.fullmatch(resource["id"])):
        reading.error(f"{at}/id", "A FHIR id: 1-64 letters, digits, '-' and '.'.")
    status = resource.get("status")
    if status in STATUSES:
        reading.status = status
    else:
        reading.error(f"{at}/status", f"Expected a status: {', '.join(STATUSES)}.", "required")
    reading.template = _template(reading, resource.get("questionnaire"), at, template_of)
    items = resource.get("item", [])
    if not isinstance(items, list):
        reading.error(f"{at}/item", "Expected a list of items.")
        items = []
    for i, item in enumerate(items):
        _top_item(reading, item, f"{at}/item/{i}")
    if reading.title is None:
        reading.error(
            f"{at}/item", f"An item with linkId '{TITLE_LINK}' gives the title.", "required"
        )
    if reading.status == "completed" and reading.template is not None:
        _check_complete(reading, reading.template, f"{at}/item")
    return reading


def to_audit_create(resource: Any, template_of: TemplateOf) -> tuple[dict[str, Any], bool]:
    """The `AuditCreate` body a QuestionnaireResponse stands for, and whether to submit it
    (status `completed`); `422` naming every error in it."""
    reading = read(resource, template_of)
    if reading.status is not None and reading.status not in CREATABLE:
        reading.error("#/body/status", "Only 'in-progress' (draft) or 'completed' can be created.")
    if reading.errors or reading.template is None:
        named = ", ".join(dict.fromkeys((i.pointer or "#/body")[2:] for i in reading.errors))
        raise ValidationFailed(
            f"The QuestionnaireResponse is invalid at {named}.",
            errors=[
                FieldError(pointer=i.pointer or "#/body", detail=i.diagnostics)
                for i in reading.errors
            ],
        )
    body = {
        "template_version": reading.template.version,
        "title": reading.title,
        "responses": [{"condition": slug, **r} for slug, r in reading.responses.items()],
    }
    return body, reading.status == "completed"


def _template(reading: Reading, ref: Any, at: str, template_of: TemplateOf) -> Template | None:
    example = f"{questionnaire_url(1)}|1"
    if not isinstance(ref, str):
        reading.error(
            f"{at}/questionnaire", f"Give the Questionnaire's canonical, as {example}.", "required"
        )
        return None
    url, _, version = ref.partition("|")
    prefix = f"{fhir_base()}/Questionnaire/"
    number = version_in(url.removeprefix(prefix), QUESTIONNAIRE_PREFIX)
    if not url.startswith(prefix) or number is None or version not in ("", str(number)):
        reading.error(
            f"{at}/questionnaire", f"Not a Questionnaire of this API: {example}, say.", "not-found"
        )
        return None
    template = template_of(number)
    if template is None:
        reading.error(f"{at}/questionnaire", f"No audit template version {number}.", "not-found")
    return template


def _top_item(reading: Reading, item: Any, where: str) -> None:
    link = item.get("linkId") if isinstance(item, dict) else None
    if not isinstance(link, str) or not link:
        reading.error(f"{where}/linkId", "Each item needs a linkId.")
        return
    template = reading.template
    if link == TITLE_LINK:
        if reading.title is not None:
            reading.error(f"{where}/linkId", f"Item '{TITLE_LINK}' appears twice.", "duplicate")
            return
        reading.title = _text(reading, item, where, TITLE_MAX) or ""
    elif template is not None and link not in template.conditions:
        reading.error(
            f"{where}/linkId",
            f"Unknown linkId '{link}' in template {template.version}: not a condition.",
        )
    elif link in reading.responses:
        reading.error(f"{where}/linkId", f"Condition '{link}' appears twice.", "duplicate")
    else:
        reading.responses[link] = _group(reading, item, link, where)


def _group(reading: Reading, group: dict[str, Any], slug: str, where: str) -> dict[str, Any]:
    response: dict[str, Any] = {}
    if "answer" in group:
        reading.error(f"{where}/answer", f"'{slug}' is a group: its answers are in its items.")
    children = group.get("item", [])
    if not isinstance(children, list):
        reading.error(f"{where}/item", "Expected a list of items.")
        children = []
    for j, child in enumerate(children):
        at = f"{where}/item/{j}"
        link = child.get("linkId") if isinstance(child, dict) else None
        name = link.removeprefix(f"{slug}.") if isinstance(link, str) else ""
        if name == link or name not in (*PROMPT_KEYS, "rating"):
            reading.error(f"{at}/linkId", f"Unknown linkId {link!r} in group '{slug}'.")
        elif name in response:
            reading.error(f"{at}/linkId", f"Item '{link}' appears twice.", "duplicate")
        elif name == "rating":
            response[name] = _rating(reading, child, at)
        else:
            response[name] = _text(reading, child, at, TEXT_MAX)
    return response


def _answer(reading: Reading, item: dict[str, Any], where: str) -> dict[str, Any] | None:
    answers = item.get("answer")
    if not isinstance(answers, list) or len(answers) != 1 or not isinstance(answers[0], dict):
        reading.error(f"{where}/answer", "Exactly one answer is expected.")
        return None
    answer: dict[str, Any] = answers[0]
    return answer


def _text(reading: Reading, item: dict[str, Any], where: str, limit: int) -> str | None:
    answer = _answer(reading, item, where)
    if answer is None:
        return None
    value = answer.get("valueString")
    at = f"{where}/answer/0/valueString"
    if not isinstance(value, str) or not value.strip():
        reading.error(at, "Expected a valueString with some text.")
        return None
    if len(value) > limit:
        reading.error(at, f"At most {limit} characters.", "value")
    return value


def _rating(reading: Reading, item: dict[str, Any], where: str) -> int | None:
    answer = _answer(reading, item, where)
    if answer is None:
        return None
    template = reading.template
    at = f"{where}/answer/0"
    if isinstance(answer.get("valueCoding"), dict):
        coding = answer["valueCoding"]
        code = coding.get("code")
        value = int(code) if isinstance(code, str) and code.isascii() and code.isdigit() else None
        if template is not None and coding.get("system") != rating_system(template.version):
            reading.error(
                f"{at}/valueCoding/system",
                f"Expected the system {rating_system(template.version)}.",
                "code-invalid",
            )
    elif json_integer(answer.get("valueInteger")) is not None:
        value = json_integer(answer["valueInteger"])
        reading.issues.append(
            Issue(
                "warning",
                "structure",
                "FHIR answers a choice item with a valueCoding; this API takes a valueInteger too.",
                at,
            )
        )
    else:
        reading.error(at, "Expected a valueCoding from the rating scale (or a valueInteger).")
        return None
    if template is not None and not (
        value is not None and template.rating_min <= value <= template.rating_max
    ):
        coded = "valueCoding" in answer
        reading.error(
            f"{at}/valueCoding/code" if coded else f"{at}/valueInteger",
            f"Ratings run from {template.rating_min} to {template.rating_max}.",
            "code-invalid" if coded else "value",
        )
    return value


def _check_complete(reading: Reading, template: Template, where: str) -> None:
    for slug in template.conditions:
        given = reading.responses.get(slug, {})
        missing = [key for key in PROMPT_KEYS if not given.get(key)]
        if missing:
            reading.error(
                where,
                f"A completed response answers every condition's three prompts;"
                f" '{slug}' lacks {', '.join(missing)}.",
                "required",
            )
