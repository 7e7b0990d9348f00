"""`$validate` for a QuestionnaireResponse: the issues `audits.fhir_in` finds in it, as an
OperationOutcome. The body is the resource itself, or a `Parameters` resource carrying it as
its `resource` parameter (FHIR's two ways to call an operation)."""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from app.audits import fhir_in
from app.core.json_bodies import NO_CONTROL_CHARACTERS, JsonValue, NoControlString
from app.core.operation_outcome import Issue, operation_outcome


class FhirValidateBody(BaseModel):
    """What `$validate` takes: a QuestionnaireResponse, however wrong (finding that out is the
    point), or a Parameters resource carrying one as `resource`; any JSON within."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={"propertyNames": {"pattern": NO_CONTROL_CHARACTERS}},
    )
    __pydantic_extra__: dict[NoControlString, JsonValue]
    resourceType: Literal["QuestionnaireResponse", "Parameters"]


def _resource(body: Any) -> tuple[Any, str]:
    """The resource to validate, and the JSON pointer to it in the body."""
    if not isinstance(body, dict) or body.get("resourceType") != "Parameters":
        return body, "#/body"
    parameters = body.get("parameter")
    for k, parameter in enumerate(parameters if isinstance(parameters, list) else []):
        if isinstance(parameter, dict) and parameter.get("name") == "resource":
            return parameter.get("resource"), f"#/body/parameter/{k}/resource"
    return None, "#/body/parameter"  # none to validate


def validate(body: dict[str, Any], template_of: fhir_in.TemplateOf) -> dict[str, Any]:
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
    return operation_outcome(issues, root=body["resourceType"])
