"""What the audit routes' OpenAPI says beyond their signatures: the create body in both media
types, and the non-JSON representations of a 200."""

from typing import Any

from app.audits import fhir
from app.audits.responses import AUDIT_CSV_COLUMNS
from app.audits.schemas import EXAMPLE_RESPONSE, AuditCreate
from app.core.http import JSON_MEDIA_TYPE

FHIR_DOC = {"application/fhir+json": {"schema": {"type": "object"}}}
CSV_DOC = {"text/csv": {"schema": {"type": "string"}}}
LIST_CSV_NOTE = (
    "JSON page; with `Accept: text/csv` one row per audit and condition: "
    + ", ".join(AUDIT_CSV_COLUMNS)
    + "."
)


# Read by the create route itself (JSON or FHIR), so named here for the description's `$ref`.
BODY_MODELS = (AuditCreate,)

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
            "application/fhir+json": {
                "schema": {"type": "object", "description": "A FHIR R4 QuestionnaireResponse."},
                "example": {
                    "resourceType": "QuestionnaireResponse",
                    "questionnaire": f"{fhir.questionnaire_url(1)}|1",
                    "status": "in-progress",
                    "item": [
                        {"linkId": "title", "answer": [{"valueString": "Self-audit 2025"}]},
                        {
                            "linkId": "good-use-of-data",
                            "item": [
                                {
                                    "linkId": "good-use-of-data.rating",
                                    "answer": [{"valueInteger": 2}],
                                }
                            ],
                        },
                    ],
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
