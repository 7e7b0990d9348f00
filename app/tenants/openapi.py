"""Each organisation-key operation's scope in the OpenAPI description: its security
requirement lists the scope (OpenAPI 3.1 allows role names for non-OAuth schemes), and its
description says it. Read from the `ScopeRequired` dependency, so the two cannot drift."""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.tenants.dependencies import ScopeRequired

OpenApi = Callable[[], dict[str, Any]]


def _scope_of(dependant: Any) -> str | None:
    if isinstance(dependant.call, ScopeRequired):
        return dependant.call.scope
    return next(filter(None, map(_scope_of, dependant.dependencies)), None)


def with_scopes(openapi: OpenApi, app: FastAPI) -> OpenApi:
    def schema() -> dict[str, Any]:
        document = openapi()
        for route in _api_routes(app.router.routes):
            scope = _scope_of(route.dependant)
            if scope is None:
                continue
            for method in route.methods or ():
                operation = document["paths"][route.path_format][method.lower()]
                operation["security"] = [{"organisationKey": [scope]}]
                note = f"Needs the `{scope}` scope."
                if note not in operation.get("description", ""):
                    operation["description"] = f"{operation.get('description', '')}\n\n{note}"
        return document

    return schema


def _api_routes(routes: list[Any]) -> list[APIRoute]:
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):  # an included router, kept nested by FastAPI
            found.extend(_api_routes(route.original_router.routes))
    return found
