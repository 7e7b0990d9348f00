from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.core.db import SessionDep
from app.core.http import Rendered, render_json, serve_catalogue
from app.core.pagination import ListParams, next_link
from app.core.routing import LIST_ERRORS
from app.search import service
from app.search.schemas import SearchPage, SearchType

router = APIRouter(prefix="/v1", tags=["Search"])


@router.get(
    "/search", response_model=SearchPage, summary="Search everything", responses=LIST_ERRORS
)
def search(
    request: Request,
    session: SessionDep,
    params: ListParams,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="Words to find. "
            "Punctuation and search operators are treated as plain text.",
            examples=["domestic abuse navigators"],
        ),
    ],
    type: Annotated[SearchType | None, Query(description="Only hits of this type.")] = None,
) -> Response:
    """One ranked full-text search across features, outcomes, enablers, recommendations,
    practice models, sources, programmes, organisations, projects, evaluations, findings and
    guidance (SQLite FTS5 on the embedded database, PostgreSQL full-text search there).
    Each hit is typed and links to its resource."""

    def render() -> Rendered:
        result = service.search(session, q, type, params)
        link = next_link(request, result.next_cursor)
        return render_json(result, [("Link", link)] if link else [])

    return serve_catalogue(request, render)
