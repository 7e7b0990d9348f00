"""The two hottest tenant reads, answered before routing: `GET /v1/audits/{id}` and
`GET /v1/audits` as JSON.

Case-management screens call them all day. Through FastAPI each cost ~1 ms of the worker's
one core, of which ~0.6 ms was routing, dependency solving and the framework's own layers,
not this app's queries (in-process timing and py-spy: bench/results/profiles.md). This
middleware serves the plain successful case with the routes' own code (`audit_json`,
`audit_page_json`: the same queries, bodies, ETags and headers) and hands everything else to
the route unchanged: another representation, a query parameter it does not parse, a missing,
unknown or operator token, an audit that is not the caller's, a cursor it cannot read. So
every error and the OpenAPI description come from the routes alone, and tests check that a
request gets the same answer either way (tests/audits/test_fast_reads.py).

It sits inside the request-id, metrics, CORS, rate-limit and HEAD middleware, so those see
these requests as they see routed ones; it records the route for the access log and metrics.
On SQLite its answers are kept until the next commit (app/audits/kept_answers.py).
"""

import functools
import logging
import uuid
from collections.abc import Callable
from typing import Any

from pydantic import Field, ValidationError
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from app.audits.kept_answers import Answer, kept_answers, key_of
from app.audits.router import MAX_TEMPLATE_VERSION, audit_json, audit_page_json, get_audit
from app.audits.router import list_audits as list_route
from app.audits.schemas import AuditStatus
from app.core.db import in_read_session
from app.core.errors import ApiError
from app.core.http import variant_of
from app.core.metrics import LabelledCounter
from app.core.pagination import ListParamsModel
from app.tenants import service as tenants
from app.tenants.dependencies import bearer_token

log = logging.getLogger(__name__)
PATH = "/v1/audits"


FAST_READS = LabelledCounter(
    "audit_fast_reads_total",
    "GET /v1/audits and /v1/audits/{id} answered before routing (read, or a kept answer), or not.",
    "outcome",
    ("answered", "kept", "handed_on"),
)


class ListQuery(ListParamsModel):
    """`GET /v1/audits`'s query, validated as the route validates it (pydantic, lax)."""

    status: AuditStatus | None = None
    template_version: int | None = Field(None, ge=1, le=MAX_TEMPLATE_VERSION)


class AuditReadsMiddleware:
    def __init__(self, app: ASGIApp, routes: list[BaseRoute]) -> None:
        self.app = app
        self.one_route = _route_of(routes, get_audit)
        self.list_route = _route_of(routes, list_route)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"][:10] != PATH:
            await self.app(scope, receive, send)
            return
        kept = kept_answers()
        if kept is not None:
            key = key_of(scope)
            version, answer = kept.get(key)
            if answer is not None:
                FAST_READS.counts["kept"] += 1
                await answer.send(scope, send)
                return
        answer = await self._answer(scope)
        if answer is None:
            FAST_READS.counts["handed_on"] += 1
            await self.app(scope, receive, send)
            return
        FAST_READS.counts["answered"] += 1
        if kept is not None:
            kept.put(key, version, answer)
        await answer.send(scope, send)

    async def _answer(self, scope: Scope) -> Answer | None:
        """The answer the route would give, or None to let the route answer."""
        request = Request(scope)
        token = bearer_token(request)
        if token is None or variant_of(request.headers.get("accept"), None) != "json":
            return None
        path: str = scope["path"]
        respond: Callable[[tenants.Caller, Session], Response]
        if path == PATH:
            query = _list_query(request)
            if query is None:
                return None
            route, respond = self.list_route, functools.partial(_page, request, query)
        else:
            audit_id = _audit_id(path[len(PATH) + 1 :]) if path[len(PATH)] == "/" else None
            if audit_id is None or scope["query_string"]:
                return None
            if_none_match = request.headers.get("if-none-match")
            route, respond = self.one_route, functools.partial(_one, audit_id, if_none_match)

        def read(session: Session) -> Answer | None:
            caller = tenants.authenticate(session, token)
            if caller is None:
                return None
            try:
                return Answer.of(respond(caller, session), route, caller)
            except ApiError:  # not the caller's audit, or a cursor from elsewhere
                return None

        try:
            return await in_read_session(read)
        except Exception:
            # The route meets the same failure (a database outage, say) and answers it as
            # every route does; a failure only here is a bug in this module, logged.
            log.warning("fast audit read failed; the route answers", exc_info=True)
            return None


def _page(request: Request, query: ListQuery, caller: tenants.Caller, session: Session) -> Response:
    return audit_page_json(request, session, caller, query, query.status, query.template_version)


def _one(
    audit_id: str, if_none_match: str | None, caller: tenants.Caller, session: Session
) -> Response:
    return audit_json(session, caller, audit_id, if_none_match)


def _route_of(routes: list[BaseRoute], endpoint: Any) -> BaseRoute:
    return next(r for r in routes if getattr(r, "endpoint", None) is endpoint)


def _audit_id(segment: str) -> str | None:
    """The id if `segment` is a UUID in its canonical form (any other form goes to the route,
    which parses it)."""
    try:
        canonical = str(uuid.UUID(segment))
    except ValueError:
        return None
    return canonical if canonical == segment else None


def _list_query(request: Request) -> ListQuery | None:
    pairs = request.query_params.multi_items()
    given = dict(pairs)
    if len(given) != len(pairs) or not given.keys() <= ListQuery.model_fields.keys():
        return None  # a repeated or unknown parameter (e.g. `format`): the route decides
    try:
        return ListQuery.model_validate(given)
    except ValidationError:
        return None
