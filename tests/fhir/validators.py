"""Every FHIR document the API sends is checked twice: against the official FHIR R4 JSON schema
(vendored in schema/, see its README) and by fhir.resources' R4B models."""

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from jsonschema import Draft6Validator
from jsonschema.exceptions import best_match

SCHEMA = Path(__file__).parent / "schema" / "fhir.schema.json"


@lru_cache(maxsize=1)
def r4_schema() -> Draft6Validator:
    """One compiled validator per test session (the schema is 3 MB)."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft6Validator.check_schema(schema)
    return Draft6Validator(schema)


def schema_error(document: Any) -> str | None:
    """What the R4 schema finds wrong with `document` (its most relevant error), or None."""
    error = best_match(r4_schema().iter_errors(document))
    if error is None:
        return None
    return f"{'/'.join(map(str, error.absolute_path))}: {error.message}"


def assert_valid_fhir(document: Any, resource_type: str) -> Any:
    """`document` is a valid FHIR `resource_type`: returns it as an R4B model."""
    assert document["resourceType"] == resource_type, document
    error = schema_error(document)
    assert error is None, f"FHIR R4 JSON schema: {error}"
    return get_fhir_model_class(resource_type).model_validate(document)


def assert_outcome(response: Any, status: int, code: str) -> list[dict[str, Any]]:
    """An error answered as a valid OperationOutcome whose first issue has this IssueType code;
    returns its issues."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/fhir+json"
    assert_valid_fhir(response.json(), "OperationOutcome")
    issues: list[dict[str, Any]] = response.json()["issue"]
    assert issues[0]["severity"] == ("fatal" if status >= 500 else "error")
    assert issues[0]["code"] == code, issues
    return issues
