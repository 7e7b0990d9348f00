"""Each operation's example in the OpenAPI description: real requests and answers captured from
a seeded database by `make examples` (scripts/capture_openapi_examples.py) into
app/openapi_examples.json, so no example shows `"string"` or a rating off the scale."""

import json
from functools import cache
from pathlib import Path
from typing import Any

from app.core.http import JSON_MEDIA_TYPE

EXAMPLES_FILE = Path(__file__).resolve().parents[1] / "openapi_examples.json"


@cache
def captured() -> dict[str, dict[str, Any]]:
    examples: dict[str, dict[str, Any]] = json.loads(EXAMPLES_FILE.read_text())
    return examples


def document(doc: dict[str, Any]) -> None:
    """Put each captured example on its operation's parameters, request and 2xx JSON body."""
    for operations in doc["paths"].values():
        for operation in operations.values():
            example = captured().get(operation.get("operationId", ""))
            if example:
                _apply(operation, example)


def _apply(operation: dict[str, Any], example: dict[str, Any]) -> None:
    for param in operation.get("parameters", []):
        if param.get("name") in example["parameters"]:
            param["example"] = example["parameters"][param["name"]]
    body = operation.get("requestBody", {}).get("content", {})
    if example["request"] is not None:
        for media_type, content in body.items():
            if media_type.endswith("json") and "fhir" not in media_type:
                content["example"] = example["request"]
    for status, response in operation["responses"].items():
        json_body = response.get("content", {}).get(JSON_MEDIA_TYPE)
        if status.startswith("2") and json_body is not None and example["response"] is not None:
            json_body["example"] = example["response"]
