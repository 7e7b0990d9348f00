"""Fixed-window rate limiting per API key (or per client IP when anonymous), as pure ASGI.

Counters live in process memory: one dictionary lookup and an increment per request, so cached
catalogue reads stay cheap. With several workers each process keeps its own window, so the
effective ceiling is `rate_limit_per_minute` x workers; this is stated in the README and the
OpenAPI description. A shared database counter would cost a write per request, including on the
reads the catalogue cache answers without touching the database at all.

Requests that carry a bearer token are counted against a hash of the token (never the token
itself). A bad token answers 401, and each 401 is also counted in a per-IP "failed
authentication" budget; once that is spent, every token request from the IP gets 429, so rotating
made-up tokens cannot dodge the limit (nor guess keys quickly).
"""

import hashlib
import math
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.middleware import _header, _send_problem, client_ip

WINDOW_SECONDS = 60
# Bound on distinct clients tracked in one window; past it the window starts afresh early
# rather than letting a flood of addresses grow memory without limit.
MAX_TRACKED = 100_000
EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


class FixedWindowCounter:
    """Counts hits per key in the current window; the whole table resets when the window turns."""

    def __init__(
        self, limit: int, window: int = WINDOW_SECONDS, clock: Callable[[], float] = time.time
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._window_start = 0.0
        self._counts: dict[str, int] = {}

    def hit(self, key: str) -> tuple[bool, int, int]:
        """Count one hit; return (allowed, remaining, seconds until the window resets)."""
        now = self.clock()
        start = now - (now % self.window)
        if start != self._window_start or len(self._counts) >= MAX_TRACKED:
            self._window_start = start
            self._counts = {}
        count = self._counts.get(key, 0) + 1
        self._counts[key] = count
        reset = max(1, math.ceil(start + self.window - now))
        return count <= self.limit, max(0, self.limit - count), reset

    def exhausted(self, key: str) -> bool:
        return self._counts.get(key, 0) >= self.limit


def _client_key(scope: Scope) -> tuple[str, bool]:
    auth = _header(scope, b"authorization")
    if auth and auth[:7].lower() == "bearer " and auth[7:].strip():
        digest = hashlib.blake2b(auth[7:].strip().encode(), digest_size=12).hexdigest()
        return "key:" + digest, True
    return "ip:" + client_ip(scope), False


class RateLimitMiddleware:
    """429 problem+json with `Retry-After` once a client passes its per-minute budget."""

    def __init__(self, app: ASGIApp, per_minute: int) -> None:
        self.app = app
        self.counter = FixedWindowCounter(per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or self.counter.limit <= 0
            or scope["method"] == "OPTIONS"
            or scope["path"] in EXEMPT_PATHS
        ):
            await self.app(scope, receive, send)
            return
        key, has_token = _client_key(scope)
        allowed, remaining, reset = self.counter.hit(key)
        if allowed and has_token:
            allowed = not self.counter.exhausted("bad-auth:" + client_ip(scope))
        if not allowed:
            await _send_problem(
                send,
                scope,
                429,
                "rate-limited",
                "Too many requests",
                f"At most {self.counter.limit} requests per minute per API key "
                f"(or per client IP without one). Retry after {reset} s.",
                headers={
                    "Retry-After": str(reset),
                    "RateLimit-Limit": str(self.counter.limit),
                    "RateLimit-Remaining": "0",
                    "RateLimit-Reset": str(reset),
                },
            )
            return
        limit_headers = [
            (b"ratelimit-limit", str(self.counter.limit).encode()),
            (b"ratelimit-remaining", str(remaining).encode()),
            (b"ratelimit-reset", str(reset).encode()),
        ]

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                if has_token and message["status"] == 401:
                    self.counter.hit("bad-auth:" + client_ip(scope))
                message["headers"] = [*message.get("headers", []), *limit_headers]
            await send(message)

        await self.app(scope, receive, send_wrapper)


# For the OpenAPI description (app.main) and the README.
RATE_LIMIT_NOTE = (
    "**Limits.** Request bodies are capped (`413`). Each API key (or client IP without a key) "
    "may make `RATE_LIMIT_PER_MINUTE` requests per fixed one-minute window, counted per server "
    "process; past it the answer is `429` with `Retry-After` (seconds). Every response carries "
    "`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`."
)
