"""The server's FHIR R4 CapabilityStatement (`GET /fhir/metadata`): what this base serves, and
nothing it does not."""

from typing import Any

# When what this base serves last changed: move it with any change to `statement`.
CHANGED = "2026-12-03"
VALIDATE = "http://hl7.org/fhir/OperationDefinition/Resource-validate"


def statement(base: str, software_version: str) -> dict[str, Any]:
    """`base` is the PUBLIC_BASE_URL; `software_version` the API's."""
    return {
        "resourceType": "CapabilityStatement",
        "id": "practice-framework-api",
        "url": f"{base}/fhir/metadata",
        "name": "PracticeFrameworkApi",
        "title": "Practice Framework API: FHIR R4 surface",
        "status": "active",
        "date": CHANGED,
        "kind": "instance",
        "software": {"name": "Practice Framework API", "version": software_version},
        "implementation": {
            "description": "Self-audit templates as Questionnaires, their rating scales as "
            "CodeSystems, and validation of QuestionnaireResponses against them.",
            "url": f"{base}/fhir",
        },
        "fhirVersion": "4.0.1",
        "format": ["json"],
        "rest": [
            {
                "mode": "server",
                "documentation": "Public: no token. An organisation's audits are "
                "QuestionnaireResponses at /v1/audits (read with `Accept: application/fhir+json`, "
                "created with `Content-Type: application/fhir+json`, an organisation API key "
                "needed), not at this base. Errors are OperationOutcomes.",
                "security": {
                    "cors": True,
                    "description": "None needed here; /v1/audits takes a bearer API key.",
                },
                "resource": [
                    {
                        "type": "Questionnaire",
                        "documentation": "Each published self-audit template, id "
                        "`self-audit-<version>`.",
                        "interaction": [{"code": "read"}],
                    },
                    {
                        "type": "CodeSystem",
                        "documentation": "Each template's rating scale, id "
                        "`self-audit-rating-<version>`.",
                        "interaction": [{"code": "read"}],
                    },
                    {
                        "type": "QuestionnaireResponse",
                        "documentation": "Validation only: nothing is stored here.",
                        "operation": [{"name": "validate", "definition": VALIDATE}],
                    },
                ],
            }
        ],
    }
