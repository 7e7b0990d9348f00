"""`If-Match` on a read (RFC 9110, 13.1.1): a GET or HEAD whose `If-Match` names no current
`ETag` of the resource is a `412`, whichever route, fast path or cache would have answered.
Writes check `If-Match` in their own routes, before they change anything."""

import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import PreconditionFailed, render

# `*`, or one or more entity tags, comma-separated (RFC 9110, 8.8.3 and 13.1.1).
ENTITY_TAGS_PATTERN = r'^(\*|(W/)?"[\x21\x23-\x7e]*"( *, *(W/)?"[\x21\x23-\x7e]*")*)$'
ENTITY_TAGS = re.compile(ENTITY_TAGS_PATTERN)


def strong_match(if_match: str, etag: str | None) -> bool:
    """RFC 9110 If-Match: `*` matches any current representation; otherwise a strong
    comparison against each listed tag, so a weak tag never matches."""
    if if_match.strip() == "*":
        return True  # asked of a success: the resource exists
    if etag is None or etag.startswith("W/"):
        return False
    return any(tag.strip() == etag for tag in if_match.split(","))


class IfMatchOnReadsMiddleware:
    """Swaps a success whose `ETag` fails the request's `If-Match` for a `412`; costs one
    header scan on reads without `If-Match`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if_match = next((v for k, v in scope["headers"] if k == b"if-match"), None)
        if if_match is None:
            await self.app(scope, receive, send)
            return
        refused = False

        async def checked_send(message: Message) -> None:
            nonlocal refused
            if message["type"] == "http.response.start" and _evaluated(message["status"]):
                headers = dict(message.get("headers", []))
                etag = headers.get(b"etag")
                if not strong_match(if_match.decode("latin-1"), etag and etag.decode("latin-1")):
                    refused = True
                    error = PreconditionFailed(
                        "If-Match names no current ETag of this resource.",
                        headers={"ETag": etag.decode("latin-1")} if etag else None,
                    )
                    await render(error, scope["path"])(scope, receive, send)
                    return
            if not refused:
                await send(message)

        await self.app(scope, receive, checked_send)


def _evaluated(status: int) -> bool:
    # Preconditions apply to what would otherwise be a success (or a 304, which If-Match
    # precedes); an error answer such as a 404 stands as it is.
    return 200 <= status < 300 or status == 304
