"""What the published audit templates allow, read from their seed files once: the versions, the
condition slugs and the rating range. The OpenAPI description states them as enums and bounds,
so a generated client (or schemathesis) builds a body the server accepts. The server still
checks each audit against its own template version, in the database."""

from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from app.core.config import get_settings
from app.core.content import read_seed


@dataclass(frozen=True)
class Published:
    versions: list[int]
    conditions: list[str]
    rating_minimum: int
    rating_maximum: int


@cache
def published() -> Published:
    templates = read_seed(get_settings().seed_dir / "audits").of("audit_templates")
    conditions = dict.fromkeys(c["slug"] for t in templates for c in t["conditions"])
    scales = [t["rating_scale"] for t in templates]
    return Published(
        versions=sorted(t["version"] for t in templates),
        conditions=list(conditions),
        rating_minimum=min(s["minimum"] for s in scales),
        rating_maximum=max(s["maximum"] for s in scales),
    )


class PublishedConditions:
    """`Annotated` metadata: the slug's JSON Schema lists the published conditions, read when
    the description is first built rather than at import (and inside a `Named` component)."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        schema = handler(source)
        metadata = dict(schema.get("metadata", {}))
        functions = [*metadata.get("pydantic_js_functions", []), _listing_conditions]
        listed: CoreSchema = {
            **schema,
            "metadata": {**metadata, "pydantic_js_functions": functions},
        }
        return listed


def _listing_conditions(core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
    return {**handler(core_schema), "enum": published().conditions}


def condition_schema(schema: dict[str, Any]) -> None:
    """`json_schema_extra` of a condition response: its rating on the published scale."""
    rating = schema["properties"]["rating"]["anyOf"][0]
    rating["minimum"], rating["maximum"] = published().rating_minimum, published().rating_maximum


def template_version_schema(schema: dict[str, Any]) -> None:
    """`json_schema_extra` of a new audit: its template version, one of those published."""
    # Bounds, not an enum: versions run 1..n, and a client then types the field as an integer.
    version = schema["properties"]["template_version"]
    version["minimum"], version["maximum"] = min(published().versions), max(published().versions)
    unique_conditions_schema(schema)


def unique_conditions_schema(schema: dict[str, Any]) -> None:
    """Each condition at most once in `responses`: `maxContains` per slug (JSON Schema 2020-12)
    says what `uniqueItems` cannot, since two answers to one condition differ in their text."""
    responses = schema["properties"]["responses"]
    array = next((b for b in responses.get("anyOf", []) if b.get("type") == "array"), responses)
    array["allOf"] = [
        {
            "contains": {"properties": {"condition": {"const": slug}}, "required": ["condition"]},
            "minContains": 0,
            "maxContains": 1,
        }
        for slug in published().conditions
    ]
