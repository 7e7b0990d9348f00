"""FHIR R4 `OperationOutcome`: what `$validate` reports, and how a FHIR request's errors are
answered.

Every error is rendered once, as problem+json (errors.py), whoever raises or writes it: a route,
a handler, a middleware. For a FHIR request (any path under /fhir, or a request to a /v1 route
that takes or gives FHIR whose `Content-Type`, `Accept` or `?format=` chose it),
`OperationOutcomeMiddleware`, outermost, answers that same problem as an OperationOutcome with
the same status and headers, so no writer of problems needs to know which the client asked for.
Naming `application/problem+json` in `Accept` keeps the problem.
"""

import json
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import PROBLEM_MEDIA_TYPE, TYPE_BASE
from app.core.http import JSON_MEDIA_TYPE
from app.core.negotiation import preferred

FHIR_MEDIA_TYPE = "application/fhir+json"
# The problem `type` URIs, as a code system: `details.coding` keeps the problem's type.
PROBLEM_SYSTEM = TYPE_BASE.rstrip("/")

# The resource's schema in the OpenAPI description (component `FhirOperationOutcome`): here, as
# the description of every FHIR-speaking route's errors is built from it (openapi_statuses.py).
OUTCOME_SCHEMA: dict[str, Any] = {
    "title": "FhirOperationOutcome",
    "description": "What went wrong (or, from $validate, what was found) "
    "(https://hl7.org/fhir/R4/operationoutcome.html)",
    "type": "object",
    "required": ["resourceType"],
    "properties": {
        "resourceType": {"const": "OperationOutcome"},
        "issue": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["severity", "code"],
                "properties": {
                    "severity": {"enum": ["fatal", "error", "warning", "information"]},
                    "code": {"type": "string"},
                    "details": {"type": "object"},
                    "diagnostics": {"type": "string"},
                    "expression": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
    },
}

# FHIR IssueType for each status an error can have (https://hl7.org/fhir/R4/valueset-issue-type).
ISSUE_TYPE = {
    400: "invalid",
    401: "login",
    403: "forbidden",
    404: "not-found",
    405: "not-supported",
    406: "not-supported",
    408: "timeout",
    409: "conflict",
    412: "conflict",
    413: "too-long",
    415: "not-supported",
    422: "invalid",
    428: "business-rule",
    429: "throttled",
    431: "too-long",
    500: "exception",
    503: "transient",
}


@dataclass(frozen=True, slots=True)
class Issue:
    """One `OperationOutcome.issue`. `pointer` is a JSON pointer (RFC 6901) into the request,
    `#/body/...` for the body, given as a FHIRPath `expression` when it points into a resource."""

    severity: str  # fatal | error | warning | information
    code: str  # an IssueType
    diagnostics: str
    pointer: str | None = None
    details: dict[str, Any] | None = None


def fhirpath(pointer: str, root: str = "") -> str | None:
    """`#/body/item/1/answer/0/valueCoding/code` as
    `QuestionnaireResponse.item[1].answer[0].value.code`, with `root` the body's resource type
    (left off when unknown): FHIRPath names a choice element `value`, whatever its type. None
    for a pointer outside the body."""
    if pointer != "#/body" and not pointer.startswith("#/body/"):
        return None
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[2:]]
    path = root
    for token in tokens:
        if token[:5] == "value" and token[5:6].isupper():
            token = "value"
        if token.isdigit():
            path += f"[{token}]"
        else:
            path = f"{path}.{token}" if path else token
    return path or None


def _issue(issue: Issue, root: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"severity": issue.severity, "code": issue.code}
    if issue.details:
        out["details"] = issue.details
    out["diagnostics"] = issue.diagnostics
    expression = fhirpath(issue.pointer, root) if issue.pointer and root is not None else None
    if expression:
        out["expression"] = [expression]
    return out


def operation_outcome(issues: list[Issue], root: str | None = None) -> dict[str, Any]:
    """An OperationOutcome of `issues`. Given `root` (a FHIR request body's resource type, or
    "" when unknown), their pointers into the body become FHIRPath expressions."""
    return {"resourceType": "OperationOutcome", "issue": [_issue(i, root) for i in issues]}


def from_problem(problem: dict[str, Any], fhir_body: bool) -> dict[str, Any]:
    """The OperationOutcome that says what an RFC 9457 problem says: its detail, then each
    invalid field. With a FHIR request body, a field in it is named by a FHIRPath."""
    status = int(problem.get("status") or 500)
    type_uri = str(problem.get("type", ""))
    title = str(problem.get("title", "Error"))
    issues = [
        Issue(
            "fatal" if status >= 500 else "error",
            ISSUE_TYPE.get(status, "processing"),
            str(problem.get("detail", title)),
            details={
                "coding": [
                    {
                        "system": PROBLEM_SYSTEM,
                        "code": type_uri.removeprefix(TYPE_BASE),
                        "display": title,
                    }
                ],
                "text": title,
            },
        )
    ]
    for error in problem.get("errors") or []:
        pointer = str(error.get("pointer", ""))
        where = pointer.removeprefix("#/")
        issues.append(Issue("error", "invalid", f"{where}: {error.get('detail', '')}", pointer))
    # No resource type is known here: the FHIRPath starts at the body's root element.
    return operation_outcome(issues, root="" if fhir_body else None)


def _header(scope: Scope, name: bytes) -> bytes:
    return next((v for k, v in scope.get("headers", []) if k == name), b"")


def _media(value: bytes) -> bytes:
    return value.split(b";")[0].strip().lower()


def _format_param(scope: Scope) -> str | None:
    query: bytes = scope.get("query_string", b"")
    if b"format=" not in query:
        return None
    pairs = query.decode("latin-1").split("&")
    return next((p[7:] for p in pairs if p.startswith("format=")), None)


def is_fhir_request(scope: Scope) -> bool:
    """Whether errors are answered as OperationOutcomes; a client that names problem+json in
    `Accept` always gets problem+json."""
    accept = _header(scope, b"accept").decode("latin-1")
    if PROBLEM_MEDIA_TYPE in accept.lower():
        return False
    path: str = scope.get("path", "")
    if path == "/fhir" or path.startswith("/fhir/"):
        return True
    if not path.startswith("/v1/"):
        return False
    if _media(_header(scope, b"content-type")) == FHIR_MEDIA_TYPE.encode():
        return True
    if _format_param(scope) is not None:
        return _format_param(scope) == "fhir"
    # The route's offers decide its answer; its errors follow FHIR when Accept prefers it.
    return preferred(accept or None, (JSON_MEDIA_TYPE, FHIR_MEDIA_TYPE)) == 1


def _route_speaks_fhir(scope: Scope) -> bool:
    """Under /v1, only a route that takes or gives FHIR answers its errors in FHIR (as its
    OpenAPI says); one that does not, or a request refused before routing, keeps problem+json."""
    if not scope.get("path", "").startswith("/v1/"):
        return True
    route = scope.get("route")
    return documents_fhir(
        (getattr(route, "openapi_extra", None) or {}).get("requestBody", {}),
        *(getattr(route, "responses", None) or {}).values(),
    )


def documents_fhir(*bodies: dict[str, Any]) -> bool:
    """Whether any of these OpenAPI request or response objects has FHIR content: the one test
    of "this route takes or gives FHIR", for the middleware and the description alike."""
    return any(FHIR_MEDIA_TYPE in (body.get("content") or {}) for body in bodies)


class OperationOutcomeMiddleware:
    """Answers a FHIR request's problem+json as an OperationOutcome (see the module's doc);
    every other request and response passes untouched, after one look at the path."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_fhir_request(scope):
            await self.app(scope, receive, send)
            return
        fhir_body = _media(_header(scope, b"content-type")) == FHIR_MEDIA_TYPE.encode()
        held: Message | None = None
        chunks: list[bytes] = []

        async def outcome_send(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                media = next((_media(v) for k, v in headers if k == b"content-type"), b"")
                if media == PROBLEM_MEDIA_TYPE.encode() and _route_speaks_fhir(scope):
                    held = message  # sent with the outcome once the whole problem is read
                    return
            elif message["type"] == "http.response.body" and held is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                start, held = held, None
                await _send_outcome(send, start, b"".join(chunks), fhir_body)
                return
            await send(message)

        await self.app(scope, receive, outcome_send)


async def _send_outcome(send: Send, start: Message, problem: bytes, fhir_body: bool) -> None:
    headers = [
        (k, v) for k, v in start.get("headers", []) if k not in (b"content-type", b"content-length")
    ]
    headers.append((b"content-type", FHIR_MEDIA_TYPE.encode()))
    body = b""
    if problem:  # a HEAD's problem arrives without its body: send none, and no length
        body = json.dumps(from_problem(json.loads(problem), fhir_body)).encode()
        headers.append((b"content-length", str(len(body)).encode()))
    await send({**start, "headers": headers})
    await send({"type": "http.response.body", "body": body})
