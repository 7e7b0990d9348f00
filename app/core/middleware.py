"""Pure ASGI middleware (cheaper than BaseHTTPMiddleware on every request).

The order, outermost first, is in `app/main.py` (and drawn in docs/architecture.md): request
id, access log and security headers; metrics; CORS; rate limit; errors answered inside them;
body size and deadline; JSON body rules; HEAD as GET; If-Match on reads; the audit and
catalogue fast paths. A cached catalogue GET is answered by `CachedReadMiddleware` without
routing, validation or a database session.
"""

import asyncio
import logging
import re
import time
import uuid
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core import logs
from app.core.errors import (
    ApiError,
    BadRequest,
    HeadersTooLarge,
    PayloadTooLarge,
    RequestTimeout,
    handler_for,
    render,
)
from app.core.http import catalogue_cache, catalogue_key, etag_matches

log = logs.ACCESS
MAX_HEADER_BYTES = 32 * 1024
# nginx's status for a client that hung up before its answer (mid-upload, here): not a 500.
CLIENT_CLOSED_REQUEST = 499
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    # The docs pages load their scripts and styles from this server only (no CDN, nothing
    # inline). ReDoc's two hashes: the empty <style> elements its styled-components fill through
    # the CSSOM, and its scrollbar stylesheet (docs/security.md, "Output").
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self' "
        b"'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' "
        b"'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='; "
        b"img-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'",
    ),
]


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


class RequestContextMiddleware:
    """Gives every response an `X-Request-ID` (the client's, if sane) and logs one JSON line."""

    def __init__(self, app: ASGIApp, allowed_hosts: list[str] | None = None) -> None:
        self.app = app
        # None (ALLOWED_HOSTS="*") serves any Host: nothing the app sends is built from it.
        wildcard = not allowed_hosts or "*" in allowed_hosts
        self.allowed_hosts = None if wildcard else [h.lower() for h in allowed_hosts or ()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, _log_writing(send))
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and REQUEST_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [_relative(h) for h in message.get("headers", [])]
                headers.append((b"x-request-id", request_id.encode()))
                headers.extend(SECURITY_HEADERS)
                message["headers"] = headers
            await send(message)

        try:
            refused = _refused(scope, self.allowed_hosts)
            if refused is not None:
                await _send_problem(send_wrapper, scope, refused)
                return
            await self.app(scope, receive, send_wrapper)
        finally:
            if log.isEnabledFor(logging.INFO):
                # Only the fields here; the JSON is made and written by logs' listener thread.
                path: str = scope["path"]
                logs.access(
                    request_id,
                    scope["method"],
                    getattr(scope.get("route"), "path", path),
                    status,
                    time.perf_counter() - started,
                    scope.get("state", {}).get("organisation"),
                )


def _log_writing(send: Send) -> Send:
    """The lifespan's `send`, which starts logs' listener thread when the app has started and
    drains and stops it when the app has shut down (uvicorn has finished every request then)."""

    async def lifespan_send(message: Message) -> None:
        if message["type"] in ("lifespan.shutdown.complete", "lifespan.shutdown.failed"):
            logs.stop()
        await send(message)
        if message["type"] == "lifespan.startup.complete":
            logs.start()

    return lifespan_send


def _relative(header: tuple[bytes, bytes]) -> tuple[bytes, bytes]:
    """A `Location` as a path: an absolute one (Starlette's trailing-slash redirect builds
    it from the client's `Host`) would send a client wherever its Host header said."""
    name, value = header
    if name == b"location" and b"://" in value:
        rest = value.split(b"://", 1)[1]
        slash = rest.find(b"/")
        return name, rest[slash:] if slash >= 0 else b"/"
    return header


def _refused(scope: Scope, allowed_hosts: list[str] | None = None) -> ApiError | None:
    """The error for a request refused before it reaches the app, or None."""
    headers = scope.get("headers", [])
    if allowed_hosts is not None and _host(scope) not in allowed_hosts:
        return BadRequest("This server does not serve that Host.")
    if sum(len(k) + len(v) for k, v in headers) > MAX_HEADER_BYTES:
        return HeadersTooLarge(f"Request headers are limited to {MAX_HEADER_BYTES} bytes.")
    if not _query_is_utf8(scope):
        return BadRequest("The query string is not valid percent-encoded UTF-8.")
    if [k for k, _ in headers if k == b"authorization"][1:]:
        # A proxy, the rate limiter and the route might each read another one: refuse.
        return BadRequest("Send one Authorization header, not several.")
    return None


def _host(scope: Scope) -> str:
    """The Host header's name, without its port, lower-cased ('' when absent)."""
    host = (_header(scope, b"host") or "").strip().lower()
    if host.startswith("["):  # an IPv6 literal, [::1]:8000
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _query_is_utf8(scope: Scope) -> bool:
    raw: bytes = scope.get("query_string", b"")
    if b"%" not in raw and raw.isascii():
        return True
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class BodySizeLimitMiddleware:
    """413 for bodies over the cap, whether declared by Content-Length or streamed; 408 for a
    body that has not all arrived `timeout` seconds after the request began."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout: float = 30.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    def _too_large(self) -> PayloadTooLarge:
        return PayloadTooLarge(f"Request bodies are limited to {self.max_bytes} bytes.")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _send_problem(send, scope, self._too_large())
            return
        received = 0
        answered = hung_up = ended = False
        deadline = time.monotonic() + self.timeout

        async def limited_receive() -> Message:
            # Frameworks swallow exceptions raised while reading the body (FastAPI turns them
            # into a 400), so answer 413 (or 408) here and tell the app the client has gone.
            nonlocal received, answered, hung_up, ended
            if answered:
                return {"type": "http.disconnect"}
            try:
                message = await asyncio.wait_for(receive(), deadline - time.monotonic())
            except TimeoutError:
                answered = True  # the 408 is sent: drop whatever the app says after it
                await _send_problem(
                    send,
                    scope,
                    RequestTimeout(
                        f"The request body did not arrive within {self.timeout:g} seconds.",
                        headers={"Connection": "close"},
                    ),
                )
                return {"type": "http.disconnect"}
            hung_up = hung_up or (message["type"] == "http.disconnect" and not ended)
            if message["type"] == "http.request":
                ended = not message.get("more_body", False)
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    answered = True
                    await _send_problem(send, scope, self._too_large())
                    return {"type": "http.disconnect"}
            return message

        responded = False

        async def guarded_send(message: Message) -> None:
            nonlocal responded
            if message["type"] == "http.response.start":
                responded = True
                if hung_up:  # mid-upload: nobody reads it; logged and counted as a hang-up
                    message = {**message, "status": CLIENT_CLOSED_REQUEST}
            if not answered:  # a 413 or 408 has been sent: whatever the app says is dropped
                await send(message)

        await self.app(scope, limited_receive, guarded_send)
        if hung_up and not responded:  # the server drops it; the access log and metrics see it
            await send(
                {"type": "http.response.start", "status": CLIENT_CLOSED_REQUEST, "headers": []}
            )
            await send({"type": "http.response.body", "body": b""})


async def _send_problem(send: Send, scope: Scope, error: ApiError) -> None:
    """A problem+json answer from middleware, rendered as every route's errors are."""
    await render(error, scope.get("path", ""))(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


class CachedReadMiddleware:
    """Serve a catalogue GET straight from the rendered-bytes cache when it has the URL and
    the representation its route's `Offers` choose for this request. Anything else (a
    representation not yet rendered, a `406`, a `?format=` the route has not) goes to the
    route, which answers it and fills the cache."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        key, formats = catalogue_key(scope["path"], query)
        entry = catalogue_cache.get(key)
        chosen = None
        if entry is not None and len(formats) < 2:
            chosen = entry.offers.choose(_header(scope, b"accept"), formats[0] if formats else None)
        hit = entry.variants.get(chosen.format) if entry is not None and chosen else None
        if hit is None:
            await self.app(scope, receive, send)
            return
        headers: list[tuple[bytes, bytes]] = [
            (b"etag", hit.etag.encode()),
            (b"cache-control", catalogue_cache.cache_control.encode()),
            (b"vary", b"Accept"),
        ]
        headers += [(k.lower().encode(), v.encode()) for k, v in hit.headers]
        if etag_matches(_header(scope, b"if-none-match"), hit.etag):
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        headers += [
            (b"content-type", hit.media_type.encode()),
            (b"content-length", str(len(hit.body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": hit.body})


class ErrorsInsideMiddleware:
    """Answers an exception raised by anything inside it (routes, fast paths, the body and rate
    checks) with the handler `errors.install` registered for it, through the middleware outside
    it: so a 500 still carries `X-Request-ID`, the security headers and CORS. (Starlette's
    own last resort sits outside every middleware and answers bare.)"""

    def __init__(self, app: ASGIApp, handlers: dict[Any, Any]) -> None:
        self.app = app
        self.handlers = handlers  # the app's, by reference: filled in by errors.install

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:
                raise  # half a response is on the wire: only closing the connection is honest
            response = await handler_for(self.handlers, exc)(Request(scope), exc)
            await response(scope, receive, send)


class HeadAsGetMiddleware:
    """Answer HEAD like GET without the body (FastAPI routes are declared GET only)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def drop_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, drop_body)


def client_ip(scope: Scope) -> str:
    client: Any = scope.get("client")
    return str(client[0]) if client else "unknown"
