"""HL7 FHIR R4 exchange: a template as a `Questionnaire`, an audit as a `QuestionnaireResponse`
(out), and a `QuestionnaireResponse` turned into an audit (in).

linkIds: `title` for the audit title; each condition's slug for its group; inside a group,
`<slug>.current_practice`, `<slug>.needed_change`, `<slug>.progress_plan` (valueString) and
`<slug>.rating` (valueCoding from the template's scale, or valueInteger).
Status: a draft is `in-progress`; a submitted first revision is `completed`; a submitted later
revision (after an amendment) is `amended`.
"""

from typing import Any

from app.audits.models import Audit
from app.audits.schemas import PROMPT_KEYS, TEXT_MAX, TITLE_MAX, TemplatePublic
from app.audits.templates import Template
from app.core.errors import FieldError, ValidationFailed

FHIR_MEDIA_TYPE = "application/fhir+json"
CANONICAL_BASE = "https://practice-framework.api/fhir/Questionnaire/self-audit"
RATING_SYSTEM = "https://practice-framework.api/fhir/CodeSystem/self-audit-rating"
TITLE_LINK = "title"


def questionnaire_url(version: int) -> str:
    return f"{CANONICAL_BASE}-{version}"


def questionnaire(template: TemplatePublic) -> dict[str, Any]:
    prompts = {p.key: p.text for p in template.prompts}
    scale = template.rating_scale
    items: list[dict[str, Any]] = [
        {
            "linkId": TITLE_LINK,
            "text": "Audit title",
            "type": "string",
            "required": True,
            "maxLength": TITLE_MAX,
        }
    ]
    for c in template.conditions:
        children: list[dict[str, Any]] = [
            {
                "linkId": f"{c.slug}.{key}",
                "text": prompts[key],
                "type": "text",
                "maxLength": TEXT_MAX,
            }
            for key in PROMPT_KEYS
        ]
        children.append(
            {
                "linkId": f"{c.slug}.rating",
                "text": "Self-rating (optional; this project's scale)",
                "type": "choice",
                "answerOption": [
                    {
                        "valueCoding": {
                            "system": RATING_SYSTEM,
                            "code": str(level.value),
                            "display": level.label,
                        }
                    }
                    for level in scale.levels
                ],
            }
        )
        items.append(
            {
                "linkId": c.slug,
                "prefix": str(c.number),
                "text": c.text,
                "type": "group",
                "item": children,
            }
        )
    return {
        "resourceType": "Questionnaire",
        "id": f"self-audit-{template.version}",
        "url": questionnaire_url(template.version),
        "version": str(template.version),
        "name": f"SelfAuditTemplate{template.version}",
        "title": template.title,
        "status": "active",
        "date": template.published_at.isoformat(),
        "description": template.description,
        "item": items,
    }


def response_status(audit: Audit) -> str:
    if audit.status != "submitted":
        return "in-progress"
    return "completed" if audit.revision == 1 else "amended"


def questionnaire_response(audit: Audit, template: Template) -> dict[str, Any]:
    labels = template.rating_labels
    items: list[dict[str, Any]] = [{"linkId": TITLE_LINK, "answer": [{"valueString": audit.title}]}]
    for r in audit.responses:
        slug = r["condition"]
        children: list[dict[str, Any]] = [
            {"linkId": f"{slug}.{key}", "answer": [{"valueString": r[key]}]}
            for key in PROMPT_KEYS
            if r.get(key)
        ]
        if r.get("rating") is not None:
            coding = {
                "system": RATING_SYSTEM,
                "code": str(r["rating"]),
                "display": labels.get(r["rating"], str(r["rating"])),
            }
            children.append({"linkId": f"{slug}.rating", "answer": [{"valueCoding": coding}]})
        if children:
            items.append({"linkId": slug, "item": children})
    return {
        "resourceType": "QuestionnaireResponse",
        "id": audit.id,
        "meta": {"versionId": str(audit.version), "lastUpdated": audit.updated_at.isoformat()},
        "questionnaire": f"{questionnaire_url(audit.template_version)}|{audit.template_version}",
        "status": response_status(audit),
        "authored": audit.updated_at.isoformat(),
        "author": {"display": audit.organisation},
        "item": items,
    }


# -- in --------------------------------------------------------------------------------------


def _fail(pointer: str, detail: str) -> ValidationFailed:
    return ValidationFailed(
        f"The QuestionnaireResponse is invalid at {pointer.removeprefix('#/')}.",
        errors=[FieldError(pointer=pointer, detail=detail)],
    )


def _template_version(questionnaire_ref: Any) -> int:
    if not isinstance(questionnaire_ref, str):
        raise _fail("#/body/questionnaire", "Give the Questionnaire's canonical URL.")
    url, _, version = questionnaire_ref.partition("|")
    prefix = CANONICAL_BASE + "-"
    suffix = url.removeprefix(prefix)
    if not url.startswith(prefix) or not suffix.isdigit() or (version and version != suffix):
        raise _fail(
            "#/body/questionnaire",
            f"Expected '{prefix}<version>' (optionally '|<version>').",
        )
    return int(suffix)


def _answer(item: dict[str, Any], at: str) -> Any:
    answers = item.get("answer")
    if not isinstance(answers, list) or len(answers) != 1 or not isinstance(answers[0], dict):
        raise _fail(f"{at}/answer", "Exactly one answer is expected.")
    answer = answers[0]
    if "valueString" in answer:
        return answer["valueString"]
    if "valueInteger" in answer:
        return answer["valueInteger"]
    coding = answer.get("valueCoding")
    if isinstance(coding, dict) and str(coding.get("code", "")).isdigit():
        return int(coding["code"])
    raise _fail(f"{at}/answer/0", "Expected valueString, valueInteger or valueCoding.")


def _condition_response(group: dict[str, Any], at: str) -> dict[str, Any]:
    slug = group["linkId"]
    response: dict[str, Any] = {"condition": slug}
    children = group.get("item") or []
    if not isinstance(children, list):
        raise _fail(f"{at}/item", "Expected a list of items.")
    for j, child in enumerate(children):
        where = f"{at}/item/{j}"
        link = child.get("linkId") if isinstance(child, dict) else None
        field = link.removeprefix(f"{slug}.") if isinstance(link, str) else ""
        if field not in (*PROMPT_KEYS, "rating") or link == field:
            raise _fail(f"{where}/linkId", f"Unknown linkId {link!r} in group '{slug}'.")
        response[field] = _answer(child, where)
    return response


def to_audit_create(resource: Any) -> tuple[dict[str, Any], bool]:
    """The `AuditCreate` body a QuestionnaireResponse stands for, and whether to submit it
    (status `completed`)."""
    if not isinstance(resource, dict) or resource.get("resourceType") != "QuestionnaireResponse":
        raise _fail("#/body/resourceType", "Expected a QuestionnaireResponse.")
    status = resource.get("status")
    if status not in ("in-progress", "completed"):
        raise _fail("#/body/status", "Only 'in-progress' (draft) or 'completed' can be created.")
    body: dict[str, Any] = {
        "template_version": _template_version(resource.get("questionnaire")),
        "responses": [],
    }
    items = resource.get("item") or []
    if not isinstance(items, list):
        raise _fail("#/body/item", "Expected a list of items.")
    for i, item in enumerate(items):
        at = f"#/body/item/{i}"
        if not isinstance(item, dict) or not isinstance(item.get("linkId"), str):
            raise _fail(f"{at}/linkId", "Each item needs a linkId.")
        if item["linkId"] == TITLE_LINK:
            body["title"] = _answer(item, at)
        else:
            body["responses"].append(_condition_response(item, at))
    if "title" not in body:
        raise _fail("#/body/item", f"An item with linkId '{TITLE_LINK}' gives the audit title.")
    return body, status == "completed"
