"""Each operation's statuses and headers in the OpenAPI description, from what the operation is
(public or keyed, cached, listed, with a body, behind `If-Match`) rather than route by route:
the middleware that sends a 304, 413 or 429 sits below every route, so the rules live here too.

A route still declares what only it knows: its own problems (`problem_responses`), `Location`
and `Idempotent-Replayed` on its 201, `ETag` on a tenant read."""

import json
from typing import Any

from app.core.conditional import ENTITY_TAGS_PATTERN
from app.core.errors import (
    PROBLEM_MEDIA_TYPE,
    ApiError,
    BadRequest,
    HeadersTooLarge,
    NotAcceptable,
    PayloadTooLarge,
    PreconditionFailed,
    PreconditionRequired,
    RateLimited,
    RequestTimeout,
    ServiceUnavailable,
    UnsupportedMediaType,
    ValidationFailed,
)
from app.core.operation_outcome import (
    FHIR_MEDIA_TYPE,
    OUTCOME_SCHEMA,
    documents_fhir,
    from_problem,
)
from app.core.ratelimit import EXEMPT_PATHS

HEADERS: dict[str, dict[str, Any]] = {
    "X-Request-ID": {
        "description": "This request's id: the one you sent (1-128 visible characters) or a new "
        "one. It is in the access log; quote it when reporting a problem.",
        "schema": {"type": "string", "examples": ["5f0c6b0e2a6d4c1f9d7b3e8a1c2d4e6f"]},
    },
    "RateLimit-Limit": {
        "description": "Requests allowed per one-minute window for this key or address.",
        "schema": {"type": "integer", "minimum": 0, "examples": [600]},
    },
    "RateLimit-Remaining": {
        "description": "Requests left in the current window.",
        "schema": {"type": "integer", "minimum": 0, "examples": [597]},
    },
    "RateLimit-Reset": {
        "description": "Seconds until the window resets.",
        "schema": {"type": "integer", "minimum": 0, "examples": [42]},
    },
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer", "minimum": 0, "examples": [1]},
    },
    "ETag": {
        "description": "A strong validator of this representation: send it as `If-None-Match` "
        "to revalidate, and (an audit's) as `If-Match` to change it.",
        "schema": {"type": "string", "examples": ['"0ac516d5bb97c05c805c154a7f670f76"']},
    },
    "Link": {
        "description": 'The next page, `<...>; rel="next"` (RFC 8288), while there is one.',
        "schema": {
            "type": "string",
            "examples": ['</v1/findings?cursor=WzUwXQ.fg5tnyZknueyceV9Qzowzw>; rel="next"'],
        },
    },
    "Location": {
        "description": "The path of the resource just created.",
        "schema": {
            "type": "string",
            "examples": ["/v1/audits/0193a4f2-7c1e-7b3a-9f10-2d4c5e6f7a8b"],
        },
    },
    "Idempotent-Replayed": {
        "description": "`true` when this is the stored first response to an earlier request "
        "with the same `Idempotency-Key`.",
        "schema": {"type": "string", "enum": ["true"]},
    },
}

PARAMETERS: dict[str, dict[str, Any]] = {
    "IfNoneMatch": {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "description": "ETags you hold (or `*`): `304 Not Modified` when one is current.",
        "schema": {"type": "string", "examples": ['"68513d70284c0948ac21ea130a7136c5"']},
    },
}


def _ref(kind: str, name: str) -> dict[str, str]:
    return {"$ref": f"#/components/{kind}/{name}"}


def _problem(error: type[ApiError], detail: str) -> dict[str, Any]:
    schema = "ValidationProblem" if error is ValidationFailed else "Problem"
    example = {
        "type": error.type_uri(),
        "title": error.title,
        "status": error.status,
        "detail": detail,
        "instance": "/v1/audits",
    }
    return {
        "description": error.title,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": _ref("schemas", schema), "example": example}},
    }


# Shared answers, referenced by every operation that can get them.
RESPONSES: dict[str, dict[str, Any]] = {
    "NotModified": {"description": "Not modified: the `If-None-Match` ETag is current."},
    "BadRequest": _problem(BadRequest, "Send one Authorization header, not 2."),
    "NotAcceptable": _problem(
        NotAcceptable, "None of the accepted types is offered. Offered: application/json."
    ),
    "RequestTimeout": _problem(RequestTimeout, "The request body did not arrive within 30 s."),
    "PreconditionFailedOnRead": _problem(
        PreconditionFailed, "If-Match does not name the current ETag."
    ),
    "PreconditionFailed": _problem(
        PreconditionFailed, "The audit has changed since the ETag you sent: read it again."
    ),
    "PayloadTooLarge": _problem(PayloadTooLarge, "The body exceeds the limit of 1048576 bytes."),
    "UnsupportedMediaType": _problem(UnsupportedMediaType, "Send the body as application/json."),
    "PreconditionRequired": _problem(
        PreconditionRequired, "Send If-Match with the audit's current ETag."
    ),
    "RateLimited": _problem(RateLimited, "Rate limit of 600 requests per minute exceeded."),
    "HeadersTooLarge": _problem(HeadersTooLarge, "The request's headers are too large."),
    "ServiceUnavailable": _problem(
        ServiceUnavailable, "The database is unavailable; try again shortly."
    ),
}


def response_headers(*names: str) -> dict[str, Any]:
    """`responses={201: response_headers("Location", "ETag")}` on a route."""
    return {"headers": {name: _ref("headers", name) for name in names}}


def document(doc: dict[str, Any]) -> None:
    """Add the statuses and headers each operation can send to `doc`, in place."""
    components = doc.setdefault("components", {})
    components["headers"] = HEADERS
    components["parameters"] = PARAMETERS
    components["responses"] = {
        name: {**response, **response_headers(*_common_headers(_STATUS_OF[name], metered=True))}
        for name, response in RESPONSES.items()
    }
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            _document(path, method, operation)
    used = json.dumps(doc["paths"])  # a shared answer no operation kept is not listed
    for name in list(components["responses"]):
        if f'"#/components/responses/{name}"' not in used:
            del components["responses"][name]


_STATUS_OF = {"NotModified": 304} | {
    name: response["content"][PROBLEM_MEDIA_TYPE]["example"]["status"]
    for name, response in RESPONSES.items()
    if "content" in response
}


def _document(path: str, method: str, operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation["responses"]
    metered = path not in EXEMPT_PATHS
    public = not operation.get("security")
    params = operation.setdefault("parameters", [])

    shared = ["BadRequest", "HeadersTooLarge", "ServiceUnavailable"]
    if metered:
        shared.append("RateLimited")
    if "requestBody" in operation:
        shared += ["RequestTimeout", "PayloadTooLarge", "UnsupportedMediaType"]
    if method == "get" and _has_body(responses):
        shared.append("NotAcceptable")
    # Catalogue reads (cached, public) and reads whose route declares an ETag: conditional.
    if method == "get" and (
        (public and metered) or "ETag" in _success(responses).get("headers", {})
    ):
        shared += ["NotModified", "PreconditionFailedOnRead"]
        params.append(_ref("parameters", "IfNoneMatch"))
        _add_headers(_success(responses), "ETag")
    # A write that declares If-Match needs it: 428 without, 412 when stale (the route answers
    # both, and takes `None` only to say so itself rather than with a 422).
    if_match = next((p for p in params if p.get("name") == "If-Match"), None)
    if method != "get" and if_match is not None:
        shared += ["PreconditionFailed", "PreconditionRequired"]
        if_match["required"] = True
        if_match["schema"] = {**_without_null(if_match["schema"]), "pattern": ENTITY_TAGS_PATTERN}
    for param in params:  # a header is absent or a string, never JSON's null
        if param.get("in") == "header" and "anyOf" in param["schema"]:
            param["schema"] = _without_null(param["schema"])
    if any(p.get("name") == "cursor" for p in params):
        _add_headers(_success(responses), "Link")
    if not params:
        del operation["parameters"]

    fhir_base = path.startswith("/fhir/")
    for name in shared:
        shared_response = RESPONSES[name]
        if fhir_base and "content" in shared_response:  # answers only OperationOutcomes
            responses[str(_STATUS_OF[name])] = _as_outcome(shared_response)
        else:  # what a route documents itself is more precise: it stays
            responses.setdefault(str(_STATUS_OF[name]), _ref("responses", name))
    if not fhir_base and documents_fhir(operation.get("requestBody", {}), *responses.values()):
        _also_as_outcomes(responses)
    for status, response in responses.items():
        if "$ref" not in response:
            _add_headers(response, *_common_headers(int(status), metered))
    operation["responses"] = dict(sorted(responses.items()))


def _also_as_outcomes(responses: dict[str, Any]) -> None:
    """Each error of an operation a FHIR request can reach, also as its OperationOutcome
    (app/core/operation_outcome.py sends one when the request chose FHIR)."""
    for status, response in list(responses.items()):
        if status[0] not in "45":
            continue
        if "$ref" in response:  # a shared answer: this operation's copy gains the FHIR one
            response = dict(RESPONSES[response["$ref"].rsplit("/", 1)[1]])
        as_outcome = _as_outcome(response)
        responses[status] = {
            **response,
            "content": {**response["content"], **as_outcome["content"]},
        }


def _as_outcome(response: dict[str, Any]) -> dict[str, Any]:
    problem = response["content"][PROBLEM_MEDIA_TYPE]["example"]
    example = from_problem({**problem, "instance": "/fhir/metadata"}, fhir_body=False)
    return {
        "description": f"{response['description']}: an OperationOutcome",
        "content": {FHIR_MEDIA_TYPE: {"schema": OUTCOME_SCHEMA, "example": example}},
    }


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    (kept,) = [branch for branch in schema.pop("anyOf") if branch.get("type") != "null"]
    return {**schema, **kept}


def _common_headers(status: int, metered: bool) -> list[str]:
    names = ["X-Request-ID"]
    if metered:
        names += ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]
    if status in (429, 503):
        names.append("Retry-After")
    return names


def _has_body(responses: dict[str, Any]) -> bool:
    return any(r.get("content") for s, r in responses.items() if s.startswith("2"))


def _success(responses: dict[str, Any]) -> dict[str, Any]:
    status = next(s for s in sorted(responses) if s.startswith("2"))
    response: dict[str, Any] = responses[status]
    return response


def _add_headers(response: dict[str, Any], *names: str) -> None:
    headers = response.setdefault("headers", {})
    for name in names:
        headers.setdefault(name, _ref("headers", name))
