"""A name for an inline schema, so the OpenAPI files it once under `components/schemas` and an
SDK generates one enum per concept (`AuditStatus`), not one per field that uses it."""

from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import CoreSchema


class Named:
    """`Annotated[Literal["draft", "submitted"], Named("AuditStatus")]`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        schema = handler(source)
        metadata = {**schema.get("metadata", {}), "pydantic_js_updates": {"title": self.name}}
        named: CoreSchema = {**schema, "ref": self.name, "metadata": metadata}
        return named
