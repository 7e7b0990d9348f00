"""What the published audit templates allow, read from their seed files once: the versions, the
condition slugs and the rating range. The OpenAPI description states them as enums and bounds,
so a generated client (or schemathesis) builds a body the server accepts. The server still
checks each audit against its own template version, in the database."""

from dataclasses import dataclass
from functools import cache
from typing import Any

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


def condition_schema(schema: dict[str, Any]) -> None:
    """`json_schema_extra` of a condition response: its slug and rating as published."""
    properties = schema["properties"]
    properties["condition"]["enum"] = published().conditions
    rating = properties["rating"]["anyOf"][0]
    rating["minimum"], rating["maximum"] = published().rating_minimum, published().rating_maximum


def template_version_schema(schema: dict[str, Any]) -> None:
    """`json_schema_extra` of a new audit: its template version, one of those published."""
    schema["properties"]["template_version"]["enum"] = published().versions
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
