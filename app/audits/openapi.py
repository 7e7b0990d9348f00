"""What the audit routes' OpenAPI says beyond their signatures: the create body in both media
types, and the FHIR resources the routes offer (app/audits/representations.py)."""

from typing import Any

from app.audits import fhir
from app.audits.schemas import EXAMPLE_RESPONSE, AuditCreate
from app.core.http import JSON_MEDIA_TYPE
from app.core.representations import fhir_resource

QUESTIONNAIRE = fhir_resource("Questionnaire")
QUESTIONNAIRE_RESPONSE = fhir_resource("QuestionnaireResponse")


def _inline_defs(schema: dict[str, Any]) -> dict[str, Any]:
    """A self-contained JSON Schema (no `$defs`), for a hand-written request body."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return walk(defs[ref.removeprefix("#/$defs/")])
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    result: dict[str, Any] = walk(schema)
    return result


CREATE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            JSON_MEDIA_TYPE: {
                "schema": _inline_defs(AuditCreate.model_json_schema()),
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
