"""What the public read routers share: path and filter types, their error lists, and a page
rendered as JSON with its `Link` header."""

from collections.abc import Mapping, Sequence
from typing import Annotated

from fastapi import Path, Query, Request

from app.core.errors import NotFound, ValidationFailed, problem_responses
from app.core.facets import FacetCount, FacetedPage
from app.core.http import Rendered, render_json
from app.core.pagination import Page, next_link

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[
    str, Path(pattern=SLUG_PATTERN, max_length=200, description="Stable kebab-case id.")
]
SlugFilter = Annotated[str | None, Query(pattern=SLUG_PATTERN, max_length=200)]
LIST_ERRORS = problem_responses(ValidationFailed)
ITEM_ERRORS = problem_responses(NotFound, ValidationFailed)


def page(
    request: Request,
    items: Sequence[object],
    next_cursor: str | None,
    total: int | None = None,
    facets: Mapping[str, list[FacetCount]] | None = None,
) -> Rendered:
    """The page as JSON; with `facets` only when they were asked for (app/core/facets.py)."""
    link = next_link(request, next_cursor)
    headers = [("Link", link)] if link else []
    if facets is None:
        body = Page[object](items=list(items), next_cursor=next_cursor, total=total)
    else:
        body = FacetedPage[object](
            items=list(items), next_cursor=next_cursor, total=total, facets=dict(facets)
        )
    return render_json(body, headers)
