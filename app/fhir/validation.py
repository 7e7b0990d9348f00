"""`$validate` for a QuestionnaireResponse: the issues `audits.fhir_in` finds in it, as an
OperationOutcome. The body is the resource itself, or a `Parameters` resource carrying it as
its `resource` parameter (FHIR's two ways to call an operation)."""

import json
import re
from typing import Any

from fastapi import Depends, Request

from app.audits import fhir_in
from app.core.errors import FieldError, ValidationFailed
from app.core.operation_outcome import Issue, operation_outcome

# A resource type's shape: only such a name, the client's, starts a FHIRPath in the answer.
RESOURCE_TYPE = re.compile(r"[A-Z][A-Za-z]{1,63}")


async def _raw_body(request: Request) -> bytes:
    return await request.body()


RawBody = Depends(_raw_body)


def parsed(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationFailed(
            "The request body is not valid JSON: send a QuestionnaireResponse.",
            errors=[FieldError(pointer="#/body", detail="invalid JSON")],
        ) from exc


def _resource(body: Any) -> tuple[Any, str]:
    """The resource to validate, and the JSON pointer to it in the body."""
    if not isinstance(body, dict) or body.get("resourceType") != "Parameters":
        return body, "#/body"
    parameters = body.get("parameter")
    for k, parameter in enumerate(parameters if isinstance(parameters, list) else []):
        if isinstance(parameter, dict) and parameter.get("name") == "resource":
            return parameter.get("resource"), f"#/body/parameter/{k}/resource"
    return None, "#/body/parameter"  # none to validate


def validate(body: Any, template_of: fhir_in.TemplateOf) -> dict[str, Any]:
    resource, at = _resource(body)
    if resource is None and at == "#/body/parameter":
        missing = "A Parameters body carries the QuestionnaireResponse as its 'resource'."
        issues = [Issue("error", "required", missing, at)]
        return operation_outcome(issues, root="Parameters")
    reading = fhir_in.read(resource, template_of, at)
    issues = reading.issues
    if not issues and reading.template is not None:
        issues = [
            Issue(
                "information",
                "informational",
                "No issues: the QuestionnaireResponse conforms to Questionnaire "
                f"self-audit-{reading.template.version}.",
            )
        ]
    kind = body.get("resourceType") if isinstance(body, dict) else None
    is_type = isinstance(kind, str) and RESOURCE_TYPE.fullmatch(kind)
    return operation_outcome(issues, root=kind if is_type else "")
