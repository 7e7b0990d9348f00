"""`python -m app.serve`: uvicorn with the limits a public server needs, from the settings.

`make run` and the container start the app this way (tests too), so every deployment gets:
- a deadline for a request's head (`HEADER_TIMEOUT_SECONDS`): a client that trickles its
  headers (slowloris) gets a `408` and the connection is closed; uvicorn alone waits forever
  on a connection's first request;
- the body deadline (`BODY_TIMEOUT_SECONDS`), which `BodySizeLimitMiddleware` enforces;
- `LIMIT_CONCURRENCY` connections or requests at once per worker; past it, a `503`
  problem with `Retry-After` (uvicorn's own is plain text);
- idle keep-alive connections closed after `TIMEOUT_KEEP_ALIVE` seconds;
- with several workers, metrics they share (`PROMETHEUS_MULTIPROC_DIR`, app/core/metrics.py).
"""

import asyncio
import json
import sys
from typing import Any

import uvicorn
from uvicorn.protocols.http.flow_control import service_unavailable
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.core import metrics
from app.core.config import Settings, get_settings
from app.core.errors import (
    PROBLEM_MEDIA_TYPE,
    ApiError,
    RequestTimeout,
    ServiceUnavailable,
    render,
)


def _raw_problem(error: ApiError) -> bytes:
    """A whole HTTP/1.1 problem response, for answers written before any ASGI app runs."""
    body = json.dumps(
        {
            "type": error.type_uri(),
            "title": error.title,
            "status": error.status,
            "detail": error.detail,
        }
    ).encode()
    head = (
        f"HTTP/1.1 {error.status} {error.title}\r\ncontent-type: {PROBLEM_MEDIA_TYPE}\r\n"
        f"content-length: {len(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n"
    )
    return head.encode() + body


HEAD_TIMED_OUT = _raw_problem(RequestTimeout("The request's headers took too long to arrive."))


async def _overloaded(scope: Any, receive: Any, send: Any) -> None:
    error = ServiceUnavailable(
        "The server is at its concurrency limit; retry shortly.",
        headers={"Retry-After": "1", "Connection": "close"},
    )
    await render(error, scope.get("path", ""))(scope, receive, send)


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline on each request's head, and a problem
    answer when the concurrency limit is reached."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Read in the worker (a class attribute set by `main` would stay in the parent).
        self.head_timeout = get_settings().header_timeout_seconds
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_timer()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm_head_timer()  # the next request on a kept-alive connection

    def on_headers_complete(self) -> None:
        self._cancel_head_timer()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

    def _start_asgi_task(self, cycle: Any, app: Any) -> None:
        super()._start_asgi_task(cycle, _overloaded if app is service_unavailable else app)

    def _arm_head_timer(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.head_timeout, self._head_timed_out)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if not self.transport.is_closing():
            self.transport.write(HEAD_TIMED_OUT)
            self.transport.close()


def main(target: str = "app.main:app") -> None:
    """Serve `target` (bench/ serves its Starlette ceiling on the same stack)."""
    settings = get_settings()
    with metrics.shared_across_workers(settings.workers):  # one /metrics for every worker
        _run(target, settings)


def _run(target: str, settings: Settings) -> None:
    uvicorn.run(
        target,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        http=GuardedHttpToolsProtocol,
        timeout_keep_alive=settings.timeout_keep_alive,
        limit_concurrency=settings.limit_concurrency or None,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        timeout_graceful_shutdown=20,
        access_log=False,  # the app writes its own JSON access log (app/core/logs.py)
    )


if __name__ == "__main__":
    main(*sys.argv[1:2])
