"""The two hottest tenant reads, answered before routing: `GET /v1/audits/{id}` and
`GET /v1/audits` as JSON.

Case-management screens call them all day, and through FastAPI most of their cost was routing
and dependency solving, not this app's queries (docs/performance.md). This middleware serves the
plain successful case with the routes' own code (`responses.audit_json`,
`responses.audit_page_json`, the route's `AuditListQuery`) and hands everything else to the
route unchanged: another representation, a query the model refuses, a missing, unknown or
operator token, a key without `audits:read`, an audit that is not the caller's. So every error
and the OpenAPI description come from the routes alone, and tests send each request with and
without it and compare (tests/audits/test_fast_reads.py).

It sits inside the request-id, metrics, CORS, rate-limit and HEAD middleware, so those see
these requests as they see routed ones; it records the route for the access log and metrics.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from app.audits import responses
from app.audits.representations import AUDIT, AUDITS
from app.audits.schemas import AuditListQuery
from app.core.db import in_read_session
from app.core.errors import ApiError
from app.core.metrics import LabelledCounter
from app.core.representations import JSON
from app.tenants import service as tenants
from app.tenants.dependencies import bearer_token

log = logging.getLogger(__name__)
PATH = "/v1/audits"
ONE_PATH = "/v1/audits/{audit_id}"

FAST_READS = LabelledCounter(
    "audit_fast_reads_total",
    "GET /v1/audits and /v1/audits/{id} answered before routing, or handed on to the route.",
    "outcome",
    ("answered", "handed_on"),
)


@dataclass(frozen=True, slots=True)
class Answer:
    """A fast read's response, and what routing and `current_org` would have recorded."""

    response: Response
    route: BaseRoute
    organisation: str

    async def send(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope["route"] = self.route
        scope.setdefault("state", {})["organisation"] = self.organisation
        await self.response(scope, receive, send)


class AuditReadsMiddleware:
    def __init__(self, app: ASGIApp, routes: list[BaseRoute]) -> None:
        self.app = app
        self.one_route = _route_of(routes, ONE_PATH)
        self.list_route = _route_of(routes, PATH)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"][:10] != PATH:
            await self.app(scope, receive, send)
            return
        answer = await self._answer(scope)
        if answer is None:
            FAST_READS.inc("handed_on")
            await self.app(scope, receive, send)
            return
        FAST_READS.inc("answered")
        await answer.send(scope, receive, send)

    async def _answer(self, scope: Scope) -> Answer | None:
        """The answer the route would give, or None to let the route answer."""
        request = Request(scope)
        token = bearer_token(request)
        if token is None:
            return None
        path: str = scope["path"]
        accept = request.headers.get("accept")
        respond: Callable[[tenants.Caller, Session], Response]
        if path == PATH:
            query = _list_query(request)
            chosen = AUDITS.choose(accept, request.query_params.get("format"))
            if query is None or chosen is not JSON:
                return None
            route = self.list_route

            def respond(caller: tenants.Caller, session: Session) -> Response:
                return responses.audit_page_json(request, session, caller, query)

        else:
            audit_id = _audit_id(path[len(PATH) + 1 :]) if path[len(PATH)] == "/" else None
            if audit_id is None or scope["query_string"]:
                return None
            if AUDIT.choose(accept) is not JSON:
                return None
            if_none_match = request.headers.get("if-none-match")
            route = self.one_route

            def respond(caller: tenants.Caller, session: Session) -> Response:
                return responses.audit_json(session, caller, audit_id, if_none_match)

        def read(session: Session) -> Answer | None:
            caller = tenants.authenticate(session, token)
            if caller is None or "audits:read" not in caller.scopes:
                return None
            try:
                return Answer(respond(caller, session), route, caller.organisation)
            except ApiError:  # not the caller's audit, or a cursor from elsewhere
                return None

        try:
            return await in_read_session(read)
        except Exception:
            # The route meets the same failure (a database outage, say) and answers it as
            # every route does; a failure only here is a bug in this module, logged.
            log.warning("fast audit read failed; the route answers", exc_info=True)
            return None


def _route_of(routes: list[BaseRoute], path: str) -> BaseRoute:
    return next(r for r in routes if getattr(r, "path", None) == path and "GET" in r.methods)  # type: ignore[attr-defined]


def _audit_id(segment: str) -> str | None:
    """The id if `segment` is a UUID in its canonical form (any other form goes to the route,
    which parses it)."""
    try:
        canonical = str(uuid.UUID(segment))
    except ValueError:
        return None
    return canonical if canonical == segment else None


def _list_query(request: Request) -> AuditListQuery | None:
    """The route's own query model, or None where the route must decide (a repeated
    parameter, whose reading is the framework's; an unknown one; a value the model refuses)."""
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k != "format"]
    given = dict(pairs)
    if len(given) != len(pairs) or not given.keys() <= AuditListQuery.model_fields.keys():
        return None  # the route answers an unknown parameter's 422
    try:
        query = AuditListQuery.model_validate(given)
    except ValidationError:
        return None
    query.bound_to(request)
    return query
