"""`GET /v1/events`: the change feed of the caller's organisation."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.core.db import SessionDep
from app.core.db_route import db_route
from app.core.errors import Forbidden, Gone, Unauthorized, ValidationFailed, problem_responses
from app.core.http import TENANT_CACHE_CONTROL
from app.core.openapi_statuses import response_headers
from app.core.pagination import MAX_LIMIT
from app.events import service
from app.events.schemas import EventFeed
from app.tenants.dependencies import AuditReader

router = APIRouter(prefix="/v1", tags=["Integration"])


@router.get(
    "/events",
    response_model=EventFeed,
    summary="The change feed: the organisation's audit events in commit order",
    responses={
        **problem_responses(Unauthorized, Forbidden, Gone, ValidationFailed),
        200: {"description": "A page of events.", **response_headers("Link")},
    },
)
@db_route
def list_events(
    request: Request,
    caller: AuditReader,
    session: SessionDep,
    response: Response,
    after: Annotated[
        str | None,
        Query(
            max_length=512,
            description="The `next_cursor` of the page read last; leave out to start at the "
            "oldest event kept.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size, 1 to 200.")] = 50,
) -> EventFeed:
    """Every `audit.created`, `audit.updated`, `audit.submitted` and `audit.amended` of the
    caller's organisation, oldest first, in the order the changes were committed. Each event
    is written in the same transaction as its change, so a change that was acknowledged is
    never missing here. Poll with the last `next_cursor` as `after` to read exactly what is
    new. Events are kept for `EVENT_RETENTION_DAYS` (90 by default); a cursor older than
    that, or another organisation's, is `410 Gone`: resync with
    `GET /v1/audits?updated_since=`. Needs the `audits:read` scope."""
    feed = service.feed(session, caller, after, limit)
    response.headers["Cache-Control"] = TENANT_CACHE_CONTROL
    if feed.has_more:
        url = request.url.include_query_params(after=feed.next_cursor)
        response.headers["Link"] = f'<{url.path}?{url.query}>; rel="next"'
    return feed
