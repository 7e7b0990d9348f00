"""One error hierarchy, rendered as RFC 9457 `application/problem+json`.

Each error class carries its status, a stable `type` URI and a title; routes list the ones they
can raise in `responses=` (see `problem_responses`) so the OpenAPI shows them.
"""

import logging
from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

log = logging.getLogger("app.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://practice-framework.api/problems/"


class FieldError(BaseModel):
    pointer: str = Field(
        description="JSON pointer (RFC 6901) to the offending input", examples=["#/query/limit"]
    )
    detail: str = Field(examples=["Input should be less than or equal to 200"])


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = Field(examples=[TYPE_BASE + "not-found"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No feature with slug 'nope'."])
    instance: str = Field(examples=["/v1/features/nope"])
    errors: list[FieldError] | None = None
    offered: list[str] | None = Field(
        None, description="On a 406: the media types the resource is offered in."
    )
    required_scope: str | None = Field(
        None, description="On a 403 for a key's scopes: the scope the operation needs."
    )


class ValidationProblem(Problem):
    """A `422`: the problem, and each input that failed with a pointer to it."""

    errors: list[FieldError]


class ApiError(Exception):
    status = 500
    slug = "internal-error"
    title = "Internal server error"

    def __init__(
        self,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        errors: list[FieldError] | None = None,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}
        self.errors = errors
        self.extensions = extensions  # RFC 9457 extension members, e.g. a 406's `offered`

    @classmethod
    def type_uri(cls) -> str:
        return TYPE_BASE + cls.slug


class BadRequest(ApiError):
    status, slug, title = 400, "bad-request", "Bad request"


class Unauthorized(ApiError):
    status, slug, title = 401, "unauthorized", "Authentication required"


class Forbidden(ApiError):
    status, slug, title = 403, "forbidden", "Forbidden"


class InsufficientScope(Forbidden):
    """A live key without the scope the operation needs; `required_scope` names it."""

    slug, title = "insufficient-scope", "Insufficient scope"


class NotFound(ApiError):
    status, slug, title = 404, "not-found", "Not found"


class MethodNotAllowed(ApiError):
    status, slug, title = 405, "method-not-allowed", "Method not allowed"


class NotAcceptable(ApiError):
    status, slug, title = 406, "not-acceptable", "Not acceptable"


class RequestTimeout(ApiError):
    status, slug, title = 408, "request-timeout", "Request timeout"


class Conflict(ApiError):
    status, slug, title = 409, "conflict", "Conflict"


class Incomplete(Conflict):
    """Submitting a draft that still lacks answers: the audit's state, not the request, is at
    fault, so a 409 whose `errors` point at each condition missing."""

    slug, title = "audit-incomplete", "Audit incomplete"


class Gone(ApiError):
    status, slug, title = 410, "gone", "Gone"


class PreconditionFailed(ApiError):
    status, slug, title = 412, "precondition-failed", "Precondition failed"


class PayloadTooLarge(ApiError):
    status, slug, title = 413, "payload-too-large", "Payload too large"


class UnsupportedMediaType(ApiError):
    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


class ValidationFailed(ApiError):
    status, slug, title = 422, "validation-error", "Invalid request"


class PreconditionRequired(ApiError):
    status, slug, title = 428, "precondition-required", "Precondition required"


class RateLimited(ApiError):
    status, slug, title = 429, "rate-limited", "Too many requests"


class HeadersTooLarge(ApiError):
    status, slug, title = 431, "headers-too-large", "Request header fields too large"


class ServiceUnavailable(ApiError):
    status, slug, title = 503, "service-unavailable", "Service unavailable"


_BY_STATUS: dict[int, type[ApiError]] = {
    cls.status: cls
    for cls in (
        BadRequest,
        Unauthorized,
        Forbidden,
        NotFound,
        MethodNotAllowed,
        NotAcceptable,
        RequestTimeout,
        Conflict,
        Gone,
        PreconditionFailed,
        PayloadTooLarge,
        UnsupportedMediaType,
        ValidationFailed,
        PreconditionRequired,
        RateLimited,
        HeadersTooLarge,
        ServiceUnavailable,
    )
}


def problem_response(
    status: int,
    type_uri: str,
    title: str,
    detail: str,
    instance: str,
    headers: dict[str, str] | None = None,
    errors: list[FieldError] | None = None,
    extensions: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": type_uri,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
    }
    if errors is not None:
        body["errors"] = [e.model_dump() for e in errors]
    for name, value in (extensions or {}).items():
        body.setdefault(name, value)  # never in place of a member RFC 9457 defines
    response = JSONResponse(
        body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )
    if status >= 400:
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def render(error: ApiError, instance: str) -> JSONResponse:
    return problem_response(
        error.status,
        error.type_uri(),
        error.title,
        error.detail,
        instance,
        error.headers,
        error.errors,
        error.extensions,
    )


def _pointer(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in loc]
    return "#/" + "/".join(parts)


def validation_errors(raw: list[Any]) -> list[FieldError]:
    errors = []
    for err in raw:
        loc = err.get("loc", ())
        msg = str(err.get("msg", "invalid"))
        errors.append(FieldError(pointer=_pointer(loc), detail=msg))
    return errors


def _describe(errors: list[FieldError]) -> str:
    named = ", ".join(dict.fromkeys(e.pointer.removeprefix("#/") for e in errors))
    return f"The request has invalid fields: {named}." if named else "The request is invalid."


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return render(exc, request.url.path)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = validation_errors(list(exc.errors()))
    return problem_response(
        422,
        ValidationFailed.type_uri(),
        ValidationFailed.title,
        _describe(errors),
        request.url.path,
        errors=errors,
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    cls = _BY_STATUS.get(exc.status_code)
    detail = exc.detail if isinstance(exc.detail, str) else "Request failed."
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"No resource at {request.url.path}."
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}."
        # Starlette names only the first route that matched the path; list every method.
        headers["Allow"] = _allowed_methods(request)
    if exc.status_code == 400 and detail == "There was an error parsing the body":
        # A body that is not JSON (or not UTF-8) is invalid input like any other: 422.
        errors = [FieldError(pointer="#/body", detail="The body is not valid UTF-8 JSON.")]
        return problem_response(
            422,
            ValidationFailed.type_uri(),
            ValidationFailed.title,
            _describe(errors),
            request.url.path,
            errors=errors,
        )
    if cls is None:
        return problem_response(
            exc.status_code,
            TYPE_BASE + "http-error",
            "HTTP error",
            detail,
            request.url.path,
            headers,
        )
    return problem_response(
        cls.status, cls.type_uri(), cls.title, detail, request.url.path, headers
    )


def _routes(routes: list[Any]) -> Iterator[Any]:
    """Every route, including those of included routers (kept whole by FastAPI)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _routes(included.routes)
        else:
            yield route


def _allowed_methods(request: Request) -> str:
    methods: set[str] = set()
    for route in _routes(request.app.router.routes):
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(request.url.path):
            methods |= set(getattr(route, "methods", None) or ())
    if "GET" in methods:
        methods.add("HEAD")  # HeadAsGetMiddleware answers HEAD wherever GET is served
    return ", ".join(sorted(methods))


async def unhandled(request: Request, exc: Exception) -> JSONResponse:
    # Never a stack trace on the wire; the log has it, keyed by request id.
    log.error("unhandled error", exc_info=exc, extra={"path": request.url.path})
    return problem_response(
        500,
        ApiError.type_uri(),
        ApiError.title,
        "The server could not complete the request.",
        request.url.path,
    )


def handler_for(
    handlers: Mapping[Any, Callable[..., Any]], exc: Exception
) -> Callable[[Request, Exception], Awaitable[Response]]:
    """The handler `install` registered for `exc`'s class or its nearest base (as Starlette
    looks one up); `Exception`'s, the 500, when none is more specific."""
    for cls in type(exc).__mro__:
        if cls in handlers:
            return handlers[cls]
    return unhandled


def install(app: FastAPI) -> None:
    """The handlers for this module's errors; `db_faults.install` adds the database's."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, unhandled)


def problem_responses(*errors: type[ApiError]) -> dict[int | str, dict[str, Any]]:
    """`responses=` entry for routes: each listed error as a problem+json response."""
    out: dict[int | str, dict[str, Any]] = {}
    for cls in errors:
        example: dict[str, Any] = {
            "type": cls.type_uri(),
            "title": cls.title,
            "status": cls.status,
            "detail": f"{cls.title}.",
            "instance": "/v1/...",
        }
        if cls is ValidationFailed:
            example["detail"] = "limit: Input should be less than or equal to 200"
            example["errors"] = [
                {"pointer": "#/query/limit", "detail": "Input should be less than or equal to 200"}
            ]
        out[cls.status] = {
            # Filed under application/problem+json by app/core/openapi.py.
            "model": ValidationProblem if cls is ValidationFailed else Problem,
            "description": cls.title,
            "content": {PROBLEM_MEDIA_TYPE: {"example": example}},
        }
    return out
