"""`422` for a query parameter the operation does not declare, so a typo (`updatedsince=`)
never silently widens a tenant's list or sync. Added to tenant routers as a dependency."""

from typing import Any

from fastapi import Request
from pydantic import BaseModel

from app.core.errors import FieldError, ValidationFailed


def _declared(dependant: Any) -> frozenset[str]:
    """The query parameter names `dependant` and its dependencies read (a query model's
    fields by their aliases)."""
    names: set[str] = set()
    for param in dependant.query_params:
        model = param.field_info.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):
            names |= {f.alias or name for name, f in model.model_fields.items()}
        else:
            names.add(param.alias)
    for sub in dependant.dependencies:
        names |= _declared(sub)
    return frozenset(names)


_BY_ROUTE: dict[int, frozenset[str]] = {}


async def known_query_only(request: Request) -> None:
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    declared = _BY_ROUTE.get(id(route))
    if declared is None:  # routes live as long as the app: an id names one for good
        declared = _BY_ROUTE[id(route)] = _declared(dependant)
    unknown = [name for name in dict.fromkeys(request.query_params) if name not in declared]
    if unknown:
        takes = ", ".join(f"`{n}`" for n in sorted(declared)) or "no query parameters"
        raise ValidationFailed(
            f"Unknown query parameter(s): {', '.join(unknown)}. This operation takes {takes}.",
            errors=[
                FieldError(pointer=f"#/query/{name}", detail="unknown query parameter")
                for name in unknown
            ],
        )
