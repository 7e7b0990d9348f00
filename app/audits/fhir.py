"""HL7 FHIR R4 out: a template as a `Questionnaire` and its rating scale as a `CodeSystem`, an
audit as a `QuestionnaireResponse`. Reading one in is `fhir_in.py`.

linkIds: `title` for the audit title; each condition's slug for its group; inside a group,
`<slug>.current_practice`, `<slug>.needed_change`, `<slug>.progress_plan` (valueString) and
`<slug>.rating` (valueCoding from the template's scale, or valueInteger).
Canonical URLs are `{PUBLIC_BASE_URL}/fhir/Questionnaire/self-audit-<version>` and
`{PUBLIC_BASE_URL}/fhir/CodeSystem/self-audit-rating-<version>`, both served by app/fhir.
"""

import re
from typing import Any

from app.audits.models import Audit
from app.audits.schemas import (
    MAX_TEMPLATE_VERSION,
    PROMPT_KEYS,
    TEXT_MAX,
    TITLE_MAX,
    RatingScale,
    TemplatePublic,
)
from app.audits.templates import Template
from app.core.config import get_settings
from app.core.operation_outcome import FHIR_MEDIA_TYPE

__all__ = ["FHIR_MEDIA_TYPE"]
TITLE_LINK = "title"
QUESTIONNAIRE_PREFIX = "self-audit-"
RATING_PREFIX = "self-audit-rating-"
_VERSION = re.compile(r"[1-9][0-9]{0,6}")


def fhir_base() -> str:
    return get_settings().public_base_url + "/fhir"


def questionnaire_url(version: int) -> str:
    return f"{fhir_base()}/Questionnaire/{QUESTIONNAIRE_PREFIX}{version}"


def rating_system(version: int) -> str:
    return f"{fhir_base()}/CodeSystem/{RATING_PREFIX}{version}"


def version_in(resource_id: str, prefix: str) -> int | None:
    """The template version a resource id such as `self-audit-1` names, or None."""
    digits = resource_id.removeprefix(prefix)
    if digits == resource_id or not _VERSION.fullmatch(digits):
        return None
    version = int(digits)
    return version if version <= MAX_TEMPLATE_VERSION else None


def _rating_item(slug: str, version: int, scale: RatingScale) -> dict[str, Any]:
    return {
        "linkId": f"{slug}.rating",
        "text": "Self-rating (optional; this project's scale)",
        "type": "choice",
        "answerOption": [
            {
                "valueCoding": {
                    "system": rating_system(version),
                    "code": str(level.value),
                    "display": level.label,
                }
            }
            for level in scale.levels
        ],
    }


def questionnaire(template: TemplatePublic) -> dict[str, Any]:
    """`required` items are those a `completed` response must answer (FHIR's meaning): the
    title, and each condition's three prompts, as submitting an audit requires."""
    prompts = {p.key: p.text for p in template.prompts}
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
                "required": True,
                "maxLength": TEXT_MAX,
            }
            for key in PROMPT_KEYS
        ]
        children.append(_rating_item(c.slug, template.version, template.rating_scale))
        items.append(
            {
                "linkId": c.slug,
                "prefix": str(c.number),
                "text": c.text,
                "type": "group",
                "required": True,
                "item": children,
            }
        )
    return {
        "resourceType": "Questionnaire",
        "id": f"{QUESTIONNAIRE_PREFIX}{template.version}",
        "url": questionnaire_url(template.version),
        "version": str(template.version),
        "name": f"SelfAuditTemplate{template.version}",
        "title": template.title,
        "status": "active",
        "date": template.published_at.isoformat(),
        "description": template.description,
        "item": items,
    }


def code_system(template: Template) -> dict[str, Any]:
    """The template's rating scale, every code, display and definition from its seed record."""
    scale = RatingScale.model_validate(template.content["rating_scale"])
    return {
        "resourceType": "CodeSystem",
        "id": f"{RATING_PREFIX}{template.version}",
        "url": rating_system(template.version),
        "version": str(template.version),
        "name": f"SelfAuditRating{template.version}",
        "title": f"Self-audit rating scale, template {template.version}",
        "status": "active",
        "experimental": False,
        "date": template.row.published_at.isoformat(),
        "description": scale.note,
        "caseSensitive": True,
        "content": "complete",
        "count": len(scale.levels),
        "concept": [
            {"code": str(level.value), "display": level.label, "definition": level.meaning}
            for level in scale.levels
        ],
    }


def response_status(audit: Audit) -> str:
    """FHIR's lifecycle runs in-progress -> completed -> amended and never back, so once
    submitted, an audit is `amended` from its first amendment on: while the new revision is a
    draft and after it is submitted again (the JSON `status` tells those two apart)."""
    if audit.revision > 1:
        return "amended"
    return "completed" if audit.status == "submitted" else "in-progress"


def questionnaire_response(audit: Audit, template: Template) -> dict[str, Any]:
    labels = template.rating_labels
    system = rating_system(audit.template_version)
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
                "system": system,
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
