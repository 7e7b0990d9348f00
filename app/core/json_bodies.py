"""A JSON request body is checked before any route reads it: nested at most `MAX_DEPTH` deep,
no key twice in one object, and no C0 control character in any key or string but tab, line feed
and carriage return. Anything else is a 422 naming where, for every write route alike; a body
that is not JSON at all is left to the route, which says so."""

import json
import re
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, Union

from fastapi import Depends, Request
from pydantic import BeforeValidator, GetJsonSchemaHandler, StrictInt, StringConstraints
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from typing_extensions import TypeAliasType

from app.core.errors import FieldError, UnsupportedMediaType, ValidationFailed, render
from app.core.http import JSON_MEDIA_TYPE

MAX_DEPTH = 32
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH"})
# C0 controls and DEL, less tab, line feed and carriage return, which free text may hold.
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
# The same rule as a JSON Schema `pattern` on every client-written string, so the OpenAPI
# says it and generated clients and fuzzers respect it.
NO_CONTROL_CHARACTERS = f"^[^{CONTROL_CHARACTERS}]*$"


def json_integer(value: Any) -> int | None:
    """`value` as the integer JSON Schema (and so a generated client) takes it to be: `2` and
    `2.0` alike; None for anything else, a boolean included."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, float) and value.is_integer() else None


def _integral(value: Any) -> Any:
    integer = json_integer(value)
    return value if integer is None else integer


# An integer in a JSON body: `2` or `2.0`, never `"2"` or `true`.
JsonInteger = Annotated[StrictInt, BeforeValidator(_integral)]

NoControlString = Annotated[str, StringConstraints(pattern=NO_CONTROL_CHARACTERS)]


class _CleanKeys:
    """A JSON object's schema as these rules have it: every key free of control characters
    (`propertyNames`; pydantic's `patternProperties` would let other keys through)."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        values = schema.pop("patternProperties")[NO_CONTROL_CHARACTERS]
        return {
            **schema,
            "propertyNames": {"pattern": NO_CONTROL_CHARACTERS},
            "additionalProperties": values,
        }


# Any JSON value these rules let through (depth aside), for a body of free-form JSON such as a
# FHIR resource: its schema (component `JsonValue`) tells clients and fuzzers the rules.
if TYPE_CHECKING:  # mypy reads the recursion as a plain alias; pydantic needs TypeAliasType
    JsonValue: TypeAlias = (
        bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"] | None
    )
else:
    JsonValue = TypeAliasType(
        "JsonValue",
        Union[  # noqa: UP007 (its names are strings, which `|` cannot join)
            bool,
            int,
            float,
            NoControlString,
            list["JsonValue"],
            Annotated[dict[NoControlString, "JsonValue"], _CleanKeys()],
            None,
        ],
    )


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _fault(value: Any, pointer: str, depth: int) -> FieldError | None:
    """The first place `value` breaks the rules, or None."""
    if depth > MAX_DEPTH:
        return FieldError(pointer=pointer, detail=f"Nested deeper than {MAX_DEPTH} levels.")
    if isinstance(value, str):
        if CONTROL.search(value):
            return FieldError(pointer=pointer, detail="Contains a control character.")
        return None
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        at = f"{pointer}/{_escape(str(key))}"
        if isinstance(key, str) and CONTROL.search(key):
            return FieldError(pointer=at, detail="The key contains a control character.")
        fault = _fault(item, at, depth + 1)
        if fault is not None:
            return fault
    return None


def check(body: bytes) -> FieldError | None:
    """What is wrong with a JSON body, or None (including when it is not JSON at all)."""
    try:
        value = json.loads(body, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        return FieldError(pointer="#/body", detail=f"The key '{exc.key}' appears twice.")
    except RecursionError:
        return FieldError(pointer="#/body", detail=f"Nested deeper than {MAX_DEPTH} levels.")
    except ValueError:
        return None  # not JSON (or not UTF-8): the route answers that
    return _fault(value, "#/body", 0)


MERGE_PATCH_MEDIA_TYPE = "application/merge-patch+json"


def accepts(*media_types: str) -> Any:
    """A route parameter's dependency: `415` for a body of any other media type, naming the
    ones accepted (`Accept-Patch` on a PATCH, RFC 5789; `Accept-Post` otherwise). A body sent
    without `Content-Type` is read as JSON, as FastAPI reads it."""

    async def media_type_accepted(request: Request) -> None:
        media = (request.headers.get("content-type") or JSON_MEDIA_TYPE).split(";")[0]
        if media.strip().lower() in media_types or not await request.body():
            return
        header = "Accept-Patch" if request.method == "PATCH" else "Accept-Post"
        raise UnsupportedMediaType(
            f"The body is {media.strip() or 'untyped'}; send {' or '.join(media_types)}.",
            headers={header: ", ".join(media_types)},
        )

    return Depends(media_type_accepted)


# The parameter a route that reads a JSON body takes, after its authentication.
JsonBody = Annotated[None, accepts(JSON_MEDIA_TYPE)]


def _is_json(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"content-type":
            media: bytes = value.split(b";")[0].strip().lower()
            return media == b"application/json" or media.endswith(b"+json")
    return False


class JsonBodyGuardMiddleware:
    """Reads a JSON write's body once, checks it, and hands it on unchanged."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client has gone (or the body cap has answered)
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        fault = check(body) if body else None
        if fault is not None:
            error = ValidationFailed(f"The request body is refused: {fault.detail}", errors=[fault])
            await render(error, scope["path"])(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
