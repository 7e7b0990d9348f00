"""Fixed-window rate limiting, as pure ASGI: a budget per API key for a token that
authenticates, and a budget per client address for every other request.

Counters live in process memory: one table lookup and an increment per request, so cached
catalogue reads stay cheap. With several workers each process keeps its own window, so the
effective ceiling is `rate_limit_per_minute` x workers; this is stated in the README and the
OpenAPI description. A shared database counter would cost a write per request, including on the
reads the catalogue cache answers without touching the database at all.

Which budget a request spends:
- A bearer token that authenticates (an organisation key, or the operator token) spends that
  key's budget, whatever its address does: a proxy or NAT shared by many councils is normal,
  and one client's failed logins behind it must not lock the others' keys out.
- Anything else (no token, or a token that does not authenticate, whatever it is) spends its
  client address's budget, so a made-up token per request gets no fresh budget, and guessing
  keys runs at the address's pace. Anonymous clients behind one proxy share that budget.
Whether a token authenticates is asked of the auth code (`token_authenticates`, given by
app.main) once and remembered for VERDICT_SECONDS, under a hash of the token, never the token.

The client address is `scope["client"]` as uvicorn leaves it: the peer, or, when the peer is
in `FORWARDED_ALLOW_IPS`, the client the proxy's `X-Forwarded-For` names. An IPv6 address
counts by its /64, which one host usually holds whole.
"""

import hashlib
import ipaddress
import math
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import RateLimited
from app.core.http import bearer_token
from app.core.middleware import _header, _send_problem, client_ip

WINDOW_SECONDS = 60
# Bound on the clients counted at once; past it the least recently counted is forgotten (it
# starts a fresh budget if it comes back), never the whole table.
MAX_TRACKED = 100_000
# How long a token's verdict is remembered: a revoked key keeps a budget of its own for at
# most this long (none from its first 401).
VERDICT_SECONDS = 60
MAX_VERDICTS = 10_000
EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})

TokenCheck = Callable[[str], Awaitable[bool]]


class FixedWindowCounter:
    """Counts hits per key in fixed windows, for at most `max_tracked` keys, least recently
    counted out. An OrderedDict (C) rather than cachetools' LRUCache (Python): every request
    counts here."""

    def __init__(
        self,
        limit: int,
        window: int = WINDOW_SECONDS,
        clock: Callable[[], float] = time.time,
        max_tracked: int = MAX_TRACKED,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.max_tracked = max_tracked
        # key -> (start of the window counted in, hits in it), least recently counted first
        self._counts: OrderedDict[str, tuple[float, int]] = OrderedDict()

    def hit(self, key: str) -> tuple[bool, int, int]:
        """Count one hit; return (allowed, remaining, seconds until the window resets)."""
        now = self.clock()
        start = now - (now % self.window)
        entry = self._counts.pop(key, None)
        count = entry[1] + 1 if entry is not None and entry[0] == start else 1
        self._counts[key] = (start, count)
        if len(self._counts) > self.max_tracked:
            self._counts.popitem(last=False)
        reset = max(1, math.ceil(start + self.window - now))
        return count <= self.limit, max(0, self.limit - count), reset

    def tracked(self) -> int:
        return len(self._counts)


def client_address(scope: Scope) -> str:
    """The address a request without a valid key is counted under: IPv4 as is, IPv6 by /64."""
    ip = client_ip(scope)
    if ":" not in ip:
        return ip
    try:
        address = ipaddress.IPv6Address(ip)
    except ValueError:
        return ip
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(ipaddress.IPv6Network((address, 64), strict=False))


class RateLimitMiddleware:
    """429 problem+json with `Retry-After` once a client passes its per-minute budget."""

    def __init__(self, app: ASGIApp, per_minute: int, token_authenticates: TokenCheck) -> None:
        self.app = app
        self.counter = FixedWindowCounter(per_minute)
        self.token_authenticates = token_authenticates
        # hash of a token -> (whether it authenticates, until when to believe it), oldest first
        self.verdicts: OrderedDict[str, tuple[bool, float]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or self.counter.limit <= 0
            or scope["method"] == "OPTIONS"
            or scope["path"] in EXEMPT_PATHS
        ):
            await self.app(scope, receive, send)
            return
        key_hash = await self._valid_key_hash(scope)
        key = "key:" + key_hash if key_hash else "ip:" + client_address(scope)
        allowed, remaining, reset = self.counter.hit(key)
        if not allowed:
            limited = RateLimited(
                f"At most {self.counter.limit} requests per minute per API key, and as many "
                "per client address for requests without a valid key. "
                f"Retry after {reset} s.",
                headers={
                    "Retry-After": str(reset),
                    "RateLimit-Limit": str(self.counter.limit),
                    "RateLimit-Remaining": "0",
                    "RateLimit-Reset": str(reset),
                },
            )
            await _send_problem(send, scope, limited)
            return
        limit_headers = [
            (b"ratelimit-limit", str(self.counter.limit).encode()),
            (b"ratelimit-remaining", str(remaining).encode()),
            (b"ratelimit-reset", str(reset).encode()),
        ]

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                if key_hash and message["status"] == 401:
                    self.verdicts.pop(key_hash, None)  # revoked since: ask again next time
                message["headers"] = [*message.get("headers", []), *limit_headers]
            await send(message)

        await self.app(scope, receive, send_wrapper)

    async def _valid_key_hash(self, scope: Scope) -> str | None:
        """A hash of the request's token if the token authenticates, else None."""
        token = bearer_token(_header(scope, b"authorization"))
        if token is None:
            return None
        key_hash = hashlib.blake2b(token.encode(), digest_size=12).hexdigest()
        now = time.monotonic()
        remembered = self.verdicts.get(key_hash)
        if remembered is not None and remembered[1] > now:
            return key_hash if remembered[0] else None
        try:
            verdict = await self.token_authenticates(token)
        except Exception:
            # The database is failing: the address's budget applies, unremembered, and the
            # route meets the same fault and answers for it.
            return None
        self.verdicts.pop(key_hash, None)
        self.verdicts[key_hash] = (verdict, now + VERDICT_SECONDS)
        if len(self.verdicts) > MAX_VERDICTS:
            self.verdicts.popitem(last=False)
        return key_hash if verdict else None


# For the OpenAPI description (app.main) and the README.
RATE_LIMIT_NOTE = (
    "**Limits.** Request bodies are capped (`413`). Each API key may make "
    "`RATE_LIMIT_PER_MINUTE` requests per fixed one-minute window, counted per server process; "
    "requests without a valid key (none, or one that does not authenticate) share a budget of "
    "the same size per client address. Past it the answer is `429` with `Retry-After` "
    "(seconds). Every response carries `RateLimit-Limit`, `RateLimit-Remaining` and "
    "`RateLimit-Reset`."
)
