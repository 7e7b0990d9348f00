"""The OpenAPI description, refined once from FastAPI's: errors as `application/problem+json`
(FastAPI files a response's `model` under `application/json`), `security: []` on public
operations (so a reader and a linter can tell one from a forgotten one), then the statuses and
headers (openapi_statuses.py), examples (openapi_examples.py), links (openapi_links.py), and the
names an SDK generator turns into classes (pages, titled body schemas)."""

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from app.core import openapi_examples, openapi_links, openapi_statuses
from app.core.errors import PROBLEM_MEDIA_TYPE

OpenApi = Callable[[], dict[str, Any]]


def refined(openapi: OpenApi, body_models: Sequence[type[BaseModel]] = ()) -> OpenApi:
    """`openapi` (FastAPI's, which caches its result) with the changes above made once.
    `body_models` are request bodies a route reads itself (to take more than one media type):
    they are filed under `components/schemas` for the route's `$ref` to name."""
    done: dict[str, Any] = {}

    def schema() -> dict[str, Any]:
        document = openapi()
        if done.get("document") is not document:
            for operations in document["paths"].values():
                for operation in operations.values():
                    operation.setdefault("security", [])
                    for status, response in operation.get("responses", {}).items():
                        if status[0] in "45":
                            _problem_media_type(response.get("content", {}))
            _add_models(document, body_models)
            openapi_statuses.document(document)
            openapi_examples.document(document)
            openapi_links.document(document)
            document.setdefault("servers", [{"url": "/", "description": "This server"}])
            _rename_pages(document)
            _name_titled_schemas(document)
            done["document"] = document
        return document

    return schema


PROBLEM_SCHEMAS = {"#/components/schemas/Problem", "#/components/schemas/ValidationProblem"}


def _problem_media_type(content: dict[str, Any]) -> None:
    """Move a problem schema FastAPI filed under JSON; other bodies (`/readyz`'s) stay."""
    schema = content.get("application/json", {}).get("schema", {})
    if schema.get("$ref") in PROBLEM_SCHEMAS:
        del content["application/json"]
        content.setdefault(PROBLEM_MEDIA_TYPE, {})["schema"] = schema


PAGE_NAME = re.compile(r"^Page_(\w+?)(?:Public)?_$")


def _rename_pages(document: dict[str, Any]) -> None:
    """`FeaturePage`, not pydantic's `Page_FeaturePublic_`: SDK class names come from these."""
    schemas = document["components"]["schemas"]
    renames = {old: PAGE_NAME.sub(r"\1Page", old) for old in schemas if PAGE_NAME.match(old)}
    for old, new in renames.items():
        schemas[new] = schemas.pop(old)
        schemas[new]["title"] = new
    text = json.dumps(document)
    for old, new in renames.items():
        text = text.replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
    replaced = json.loads(text)
    document.clear()
    document.update(replaced)


def _add_models(document: dict[str, Any], models: Sequence[type[BaseModel]]) -> None:
    if not models:
        return
    _, schemas = models_json_schema(
        [(model, "validation") for model in models], ref_template="#/components/schemas/{model}"
    )
    for name, schema in schemas.get("$defs", {}).items():
        document["components"]["schemas"].setdefault(name, schema)


def _name_titled_schemas(document: dict[str, Any]) -> None:
    """An inline body schema with a `title` (the FHIR resources') becomes the component of that
    name, referenced wherever it appears: one model in a generated client, not one per use."""
    schemas = document["components"]["schemas"]
    for operations in document["paths"].values():
        for operation in operations.values():
            bodies = [operation.get("requestBody", {}), *operation["responses"].values()]
            for body in bodies:
                for media in body.get("content", {}).values():
                    schema = media.get("schema", {})
                    title = schema.get("title")
                    if title and "$ref" not in schema and schemas.get(title, schema) == schema:
                        schemas[title] = schema
                        media["schema"] = {"$ref": f"#/components/schemas/{title}"}
