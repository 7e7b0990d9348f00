"""`POST /v1/audits` reads its body itself (JSON or a FHIR QuestionnaireResponse): parsing it,
and validating the JSON as `AuditCreate` with errors that point into the body."""

import json
from typing import Any

from pydantic import ValidationError

from app.audits.schemas import AuditCreate
from app.core.errors import FieldError, ValidationFailed, validation_errors


def parsed(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationFailed(
            "The request body is not valid JSON.",
            errors=[FieldError(pointer="#/body", detail="invalid JSON")],
        ) from exc


def audit_create(body: Any) -> AuditCreate:
    try:
        return AuditCreate.model_validate(body)
    except ValidationError as exc:
        errors = validation_errors([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()])
        named = ", ".join(dict.fromkeys(e.pointer.removeprefix("#/") for e in errors))
        raise ValidationFailed(f"The request has invalid fields: {named}.", errors=errors) from exc
