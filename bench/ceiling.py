"""The ceiling: bare Starlette on the same server stack, answering with the served app's bytes.

The bench captures each route's real response from the app (status, headers, body) into a JSON
file and starts this app beside it with `BENCH_FIXTURES` pointing there. Whatever the ceiling
does per request (routing, building a `Response`, reading a request body) is the least any
Starlette app must do, so `app rps / ceiling rps` is the share of the machine's HTTP budget the
service keeps for itself, and it holds on a noisy shared machine where absolute rps does not.

    BENCH_FIXTURES=fixtures.json uvicorn bench.ceiling:app --port 8101
"""

from __future__ import annotations

import base64
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

# Audit ids vary per request in the load scripts; the fixture is keyed by the route's shape.
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Set by the server for every response anyway; replaying them would send them twice.
SERVER_HEADERS = {"date", "server", "content-length", "transfer-encoding"}


@dataclass(frozen=True)
class Fixture:
    status: int
    body: bytes
    headers: dict[str, str]


def fixture_key(method: str, path: str, query: str, conditional: bool) -> str:
    shape = UUID.sub("{id}", path)
    return f"{method} {shape}?{query}{' inm' if conditional else ''}"


def load(path: Path) -> dict[str, Fixture]:
    raw = json.loads(path.read_text())
    return {
        key: Fixture(
            status=item["status"],
            body=base64.b64decode(item["body_b64"]),
            headers={k: v for k, v in item["headers"] if k.lower() not in SERVER_HEADERS},
        )
        for key, item in raw.items()
    }


def build(fixtures: dict[str, Fixture]) -> Starlette:
    async def endpoint(request: Request) -> Response:
        if request.method in ("POST", "PATCH"):
            await request.body()  # the app must read the body too
        key = fixture_key(
            request.method,
            request.url.path,
            request.url.query,
            "if-none-match" in request.headers,
        )
        hit = fixtures.get(key)
        if hit is None:
            return Response(b"no fixture for " + key.encode(), status_code=599)
        return Response(hit.body, status_code=hit.status, headers=hit.headers)

    methods = ["GET", "POST", "PATCH"]
    return Starlette(routes=[Route("/{path:path}", endpoint, methods=methods)])


app = build(load(Path(os.environ["BENCH_FIXTURES"]))) if "BENCH_FIXTURES" in os.environ else None
