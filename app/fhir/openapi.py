"""What the /fhir routes' OpenAPI says: each answer as `application/fhir+json` with its
resource's schema and an example, errors included (OperationOutcome, not problem+json)."""

from typing import Any

from app.audits.openapi import (
    EXAMPLE_FHIR_BASE,
    EXAMPLE_RATING_SYSTEM,
    QUESTIONNAIRE_RESPONSE_EXAMPLE,
    fhir_content,
    fhir_schema,
)
from app.core.errors import ApiError
from app.core.http import JSON_MEDIA_TYPE
from app.core.operation_outcome import (
    FHIR_MEDIA_TYPE,
    ISSUE_TYPE,
    OUTCOME_SCHEMA,
    PROBLEM_SYSTEM,
)
from app.fhir.capability import statement

_STRING = {"type": "string"}


def outcome_responses(*errors: type[ApiError]) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a /fhir route: each error as the OperationOutcome it is sent as."""
    out: dict[int | str, dict[str, Any]] = {}
    for cls in errors:
        example = {
            "resourceType": "OperationOutcome",
            "issue": [
                {
                    "severity": "error",
                    "code": ISSUE_TYPE[cls.status],
                    "details": {
                        "coding": [
                            {"system": PROBLEM_SYSTEM, "code": cls.slug, "display": cls.title}
                        ],
                        "text": cls.title,
                    },
                    "diagnostics": f"{cls.title}.",
                }
            ],
        }
        out[cls.status] = {
            "description": f"{cls.title}: an OperationOutcome",
            "content": fhir_content(OUTCOME_SCHEMA, example),
        }
    return out


CAPABILITY_DOC = fhir_content(
    fhir_schema(
        "CapabilityStatement",
        "What this FHIR base serves",
        fhirVersion={"const": "4.0.1"},
        rest={"type": "array", "items": {"type": "object"}},
    ),
    statement(EXAMPLE_FHIR_BASE.removesuffix("/fhir"), "1.0.0"),
)

CODE_SYSTEM_DOC = fhir_content(
    fhir_schema(
        "CodeSystem",
        "A template's rating scale: each rating's code, label and meaning",
        id=_STRING,
        url={"type": "string", "format": "uri"},
        concept={"type": "array", "items": {"type": "object"}},
    ),
    {
        "resourceType": "CodeSystem",
        "id": "self-audit-rating-1",
        "url": EXAMPLE_RATING_SYSTEM,
        "version": "1",
        "name": "SelfAuditRating1",
        "title": "Self-audit rating scale, template 1",
        "status": "active",
        "experimental": False,
        "date": "2026-01-05T09:30:00+00:00",
        "description": "This project's optional self-rating, not part of the source tool. A "
        "rating of 1 or 2 marks a condition as weak in the audit report.",
        "caseSensitive": True,
        "content": "complete",
        "count": 4,
        "concept": [
            {"code": str(value), "display": label, "definition": meaning}
            for value, (label, meaning) in enumerate(
                (
                    ("Not in place", "The condition is not met in the service today."),
                    ("Emerging", "Some elements are in place but not consistently."),
                    ("Established", "The condition is met across most of the service."),
                    ("Embedded", "The condition is met consistently and sustained."),
                ),
                1,
            )
        ],
    },
)

# The body's schema is FastAPI's, from validation.FhirValidateBody; JSON is taken too.
VALIDATE_BODY = {
    "requestBody": {
        "content": {
            FHIR_MEDIA_TYPE: {"example": QUESTIONNAIRE_RESPONSE_EXAMPLE},
            JSON_MEDIA_TYPE: {
                "schema": {"$ref": "#/components/schemas/FhirValidateBody"},
                "example": QUESTIONNAIRE_RESPONSE_EXAMPLE,
            },
        }
    }
}
VALIDATE_DOC = fhir_content(
    OUTCOME_SCHEMA,
    {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": "error",
                "code": "structure",
                "diagnostics": "Unknown linkId 'good-use-of-data.score' in group "
                "'good-use-of-data'.",
                "expression": ["QuestionnaireResponse.item[1].item[0].linkId"],
            }
        ],
    },
)
