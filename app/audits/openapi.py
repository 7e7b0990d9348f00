"""What the audit routes' OpenAPI says beyond their signatures: the create body in both media
types, and the non-JSON representations of a 200, FHIR's with a schema and an example each."""

from collections.abc import Callable
from typing import Any

from app.audits import fhir_create_schema
from app.audits.schemas import EXAMPLE_RESPONSE, AuditCreate
from app.core.http import JSON_MEDIA_TYPE
from app.core.operation_outcome import FHIR_MEDIA_TYPE
from app.core.representations import fhir_resource

# The canonical URLs in examples are those of the default PUBLIC_BASE_URL (the committed
# contract's); the FHIR create body's schema names the deployment's own (fhir_create_schema).
EXAMPLE_FHIR_BASE = "http://127.0.0.1:8000/fhir"
EXAMPLE_QUESTIONNAIRE = f"{EXAMPLE_FHIR_BASE}/Questionnaire/self-audit-1"
EXAMPLE_RATING_SYSTEM = f"{EXAMPLE_FHIR_BASE}/CodeSystem/self-audit-rating-1"


def fhir_schema(resource_type: str, description: str, **properties: Any) -> dict[str, Any]:
    """A FHIR R4 resource as JSON Schema: its `resourceType` a constant, the elements this API
    sends named, any other FHIR element allowed."""
    return {
        "title": f"Fhir{resource_type}",
        "description": f"{description} (https://hl7.org/fhir/R4/{resource_type.lower()}.html)",
        "type": "object",
        "required": ["resourceType"],
        "properties": {"resourceType": {"const": resource_type}, **properties},
    }


def fhir_content(schema: dict[str, Any], example: dict[str, Any]) -> dict[str, Any]:
    return {FHIR_MEDIA_TYPE: {"schema": schema, "example": example}}


_STRING = {"type": "string"}
_ITEMS = {"type": "array", "items": {"type": "object"}}
_RATING_OPTIONS = [
    {"valueCoding": {"system": EXAMPLE_RATING_SYSTEM, "code": str(value), "display": label}}
    for value, label in enumerate(("Not in place", "Emerging", "Established", "Embedded"), 1)
]

QUESTIONNAIRE_SCHEMA = fhir_schema(
    "Questionnaire",
    "A published audit template as a FHIR R4 Questionnaire",
    id=_STRING,
    url={"type": "string", "format": "uri"},
    version=_STRING,
    status={"enum": ["draft", "active", "retired", "unknown"]},
    item=_ITEMS,
)
QUESTIONNAIRE_EXAMPLE: dict[str, Any] = {
    "resourceType": "Questionnaire",
    "id": "self-audit-1",
    "url": EXAMPLE_QUESTIONNAIRE,
    "version": "1",
    "name": "SelfAuditTemplate1",
    "title": "Audit of services",
    "status": "active",
    "date": "2026-01-05T09:30:00+00:00",
    "description": "Appendix 2 of the thematic report: a template which local authorities could "
    "use as a self-audit tool, twelve conditions which promote good practice, each with three "
    "questions.",
    "item": [
        {
            "linkId": "title",
            "text": "Audit title",
            "type": "string",
            "required": True,
            "maxLength": 200,
        },
        {
            "linkId": "systems-aligned-across-agencies",
            "prefix": "1",
            "text": "Systems are aligned acoss all relevant agencies",
            "type": "group",
            "required": True,
            "item": [
                *(
                    {
                        "linkId": f"systems-aligned-across-agencies.{key}",
                        "text": text,
                        "type": "text",
                        "required": True,
                        "maxLength": 4000,
                    }
                    for key, text in (
                        ("current_practice", "What happens now in your service?"),
                        ("needed_change", "What needs to happen?"),
                        ("progress_plan", "How will you progress this?"),
                    )
                ),
                {
                    "linkId": "systems-aligned-across-agencies.rating",
                    "text": "Self-rating (optional; this project's scale)",
                    "type": "choice",
                    "answerOption": _RATING_OPTIONS,
                },
            ],
        },
    ],
}
QUESTIONNAIRE_DOC = fhir_content(QUESTIONNAIRE_SCHEMA, QUESTIONNAIRE_EXAMPLE)

QUESTIONNAIRE_RESPONSE_SCHEMA = fhir_schema(
    "QuestionnaireResponse",
    "An audit as a FHIR R4 QuestionnaireResponse: `in-progress` (a draft), `completed` "
    "(submitted) or `amended` (from its first amendment on)",
    id=_STRING,
    questionnaire={"type": "string", "description": "The Questionnaire's canonical|version."},
    status={"enum": ["in-progress", "completed", "amended", "entered-in-error", "stopped"]},
    item=_ITEMS,
)
_EXAMPLE_ANSWERS: list[dict[str, Any]] = [
    {
        "linkId": f"systems-aligned-across-agencies.{key}",
        "answer": [{"valueString": EXAMPLE_RESPONSE[key]}],
    }
    for key in ("current_practice", "needed_change", "progress_plan")
]
QUESTIONNAIRE_RESPONSE_EXAMPLE: dict[str, Any] = {
    "resourceType": "QuestionnaireResponse",
    "id": "01936f0e-7c1a-7b3e-9d52-3f7a1c2b4e5d",
    "meta": {"versionId": "3", "lastUpdated": "2026-02-10T14:03:27.512000+00:00"},
    "questionnaire": f"{EXAMPLE_QUESTIONNAIRE}|1",
    "status": "in-progress",
    "authored": "2026-02-10T14:03:27.512000+00:00",
    "author": {"display": "hertfordshire"},
    "item": [
        {"linkId": "title", "answer": [{"valueString": "Children's services self-audit 2025"}]},
        {
            "linkId": "systems-aligned-across-agencies",
            "item": [
                *_EXAMPLE_ANSWERS,
                {
                    "linkId": "systems-aligned-across-agencies.rating",
                    "answer": [_RATING_OPTIONS[1]],
                },
            ],
        },
    ],
}
QUESTIONNAIRE_RESPONSE_DOC = fhir_content(
    QUESTIONNAIRE_RESPONSE_SCHEMA, QUESTIONNAIRE_RESPONSE_EXAMPLE
)
# What the routes offer besides JSON (app/audits/representations.py), with schema and example.
QUESTIONNAIRE = fhir_resource("Questionnaire", QUESTIONNAIRE_DOC[FHIR_MEDIA_TYPE])
QUESTIONNAIRE_RESPONSE = fhir_resource(
    "QuestionnaireResponse", QUESTIONNAIRE_RESPONSE_DOC[FHIR_MEDIA_TYPE]
)


# Read by the create route itself (JSON or FHIR), so named here for the description's `$ref`.
BODY_MODELS = (AuditCreate,)


def with_fhir_create_schema(openapi: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    """`openapi` with the FHIR create body's component, built from the published templates
    when the description is first asked for (not at import)."""

    def schema() -> dict[str, Any]:
        document = openapi()
        schemas = document["components"]["schemas"]
        if fhir_create_schema.COMPONENT not in schemas:
            schemas.update(fhir_create_schema.schemas())
        return document

    return schema


CREATE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            JSON_MEDIA_TYPE: {
                "schema": {"$ref": "#/components/schemas/AuditCreate"},
                "example": {
                    "template_version": 1,
                    "title": "Children's services self-audit 2025",
                    "responses": [EXAMPLE_RESPONSE],
                },
            },
            FHIR_MEDIA_TYPE: {
                "schema": fhir_create_schema.REF,
                "example": {
                    key: QUESTIONNAIRE_RESPONSE_EXAMPLE[key]
                    for key in ("resourceType", "questionnaire", "status", "item")
                },
            },
        },
    }
}


# OpenAPI links along the audit's lifecycle: the id from the body, the ETag (as the next
# write's If-Match) from the header. Schemathesis's stateful phase walks these.
def _link(operation: str, description: str, *, write: bool = False) -> dict[str, Any]:
    parameters = {"audit_id": "$response.body#/id"}
    if write:
        parameters["header.If-Match"] = "$response.header.ETag"
    return {"operationId": operation, "parameters": parameters, "description": description}


_LINKS = {
    "GetAudit": _link("get_audit", "Read the audit."),
    "UpdateAudit": _link("update_audit", "Change the draft.", write=True),
    "SubmitAudit": _link("submit_audit", "Submit the draft.", write=True),
    "AmendAudit": _link("amend_audit", "Amend the submitted audit.", write=True),
    "ListRevisions": _link("list_revisions", "Every saved state of the audit."),
    "GetAuditReport": _link("get_audit_report", "The audit's report."),
}


def links(*names: str) -> dict[str, Any]:
    """`responses={200: {**links("GetAudit", ...)}}` on an audit route."""
    return {"links": {name: _LINKS[name] for name in names}}
