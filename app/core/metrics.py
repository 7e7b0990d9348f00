"""Prometheus metrics: request counts and latency histograms per route template.

Hand-rolled (a few dictionaries) to keep the per-request cost to two clock reads and a bisect.
Counters are per process: with several workers each one reports its own series, labelled with
its `pid`, and Prometheus sums them (`sum by (route) (rate(http_requests_total[5m]))`).
"""

import bisect
import os
import re
import time
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED = "<unmatched>"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# Paths answered before routing (the catalogue cache) are mapped to their template once.
MAX_RESOLVED_PATHS = 10_000


class Registry:
    def __init__(self) -> None:
        self.started = time.time()
        self.requests: dict[tuple[str, str, int], int] = {}
        # (method, route) -> [count per bucket..., +Inf count, sum]
        self.latency: dict[tuple[str, str], list[float]] = {}
        self.in_flight = 0
        # More series from other modules (given the pid, they return exposition lines).
        self.collectors: list[Callable[[str], list[str]]] = []

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        key = (method, route, status)
        self.requests[key] = self.requests.get(key, 0) + 1
        series = self.latency.get((method, route))
        if series is None:
            series = self.latency[(method, route)] = [0.0] * (len(BUCKETS) + 2)
        series[bisect.bisect_left(BUCKETS, seconds)] += 1
        series[-1] += seconds

    def render(self) -> str:
        pid = str(os.getpid())
        lines = [
            "# HELP http_requests_total HTTP requests answered, by method, route template "
            "and status.",
            "# TYPE http_requests_total counter",
        ]
        for (method, route, status), n in sorted(self.requests.items()):
            labels = _labels(pid=pid, method=method, route=route, status=str(status))
            lines.append(f"http_requests_total{{{labels}}} {n}")
        lines += [
            "# HELP http_request_duration_seconds Time from request to last response byte.",
            "# TYPE http_request_duration_seconds histogram",
        ]
        for (method, route), series in sorted(self.latency.items()):
            base = _labels(pid=pid, method=method, route=route)
            cumulative = 0.0
            bounds = [*map(str, BUCKETS), "+Inf"]
            for bound, count in zip(bounds, series[:-1], strict=True):
                cumulative += count
                lines.append(
                    f'http_request_duration_seconds_bucket{{{base},le="{bound}"}} {cumulative:g}'
                )
            lines.append(f"http_request_duration_seconds_sum{{{base}}} {series[-1]:.6f}")
            lines.append(f"http_request_duration_seconds_count{{{base}}} {cumulative:g}")
        lines += [
            "# HELP http_requests_in_flight Requests being served now.",
            "# TYPE http_requests_in_flight gauge",
            f'http_requests_in_flight{{pid="{pid}"}} {self.in_flight}',
            "# HELP process_start_time_seconds Start time of the process (Unix epoch).",
            "# TYPE process_start_time_seconds gauge",
            f'process_start_time_seconds{{pid="{pid}"}} {self.started:.3f}',
        ]
        for collect in self.collectors:
            lines += collect(pid)
        return "\n".join(lines) + "\n"


def _labels(**values: str) -> str:
    def esc(v: str) -> str:
        return v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")

    return ",".join(f'{k}="{esc(v)}"' for k, v in values.items())


registry = Registry()


class MetricsMiddleware:
    """Times every HTTP request and records it under its route template (never the raw path,
    so slugs and ids cannot blow up the number of series)."""

    def __init__(self, app: ASGIApp, openapi: Callable[[], dict[str, Any]]) -> None:
        self.app = app
        self.openapi = openapi
        self.templates: list[tuple[re.Pattern[str], str]] | None = None
        self.resolved: dict[str, str] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        registry.in_flight += 1

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            registry.in_flight -= 1
            method = scope["method"] if scope["method"] in METHODS else "OTHER"
            registry.observe(method, self._route(scope), status, time.perf_counter() - started)

    def _route(self, scope: Scope) -> str:
        route: Any = scope.get("route")
        if route is not None:
            return str(route.path)
        # Not routed (answered by the catalogue cache, or no route): match the documented paths.
        path: str = scope["path"]
        template = self.resolved.get(path)
        if template is None:
            if self.templates is None:
                self.templates = [(compile_path(p)[0], p) for p in self.openapi()["paths"]]
            template = next((t for regex, t in self.templates if regex.match(path)), UNMATCHED)
            if len(self.resolved) < MAX_RESOLVED_PATHS:
                self.resolved[path] = template
        return template


class LabelledCounter:
    """A per-process counter with one label, for modules outside this one to count in
    (`counts[value] += 1`) and `registry.collectors` to render."""

    def __init__(self, name: str, text: str, label: str, values: tuple[str, ...]) -> None:
        self.name, self.text, self.label = name, text, label
        self.counts = dict.fromkeys(values, 0)

    def __call__(self, pid: str) -> list[str]:
        lines = [f"# HELP {self.name} {self.text}", f"# TYPE {self.name} counter"]
        for value, n in self.counts.items():
            lines.append(f'{self.name}{{pid="{pid}",{self.label}="{value}"}} {n}')
        return lines


router = APIRouter(tags=["Operations"])


@router.get(
    "/metrics",
    response_class=PlainTextResponse,
    summary="Prometheus metrics",
    responses={200: {"content": {CONTENT_TYPE: {}}, "description": "Prometheus text format"}},
)
async def metrics() -> PlainTextResponse:
    """Request counts (`http_requests_total`) and latency histograms
    (`http_request_duration_seconds`) per method, route template and status, in the Prometheus
    text exposition format. Counters are per server process (label `pid`)."""
    return PlainTextResponse(
        registry.render(), media_type=CONTENT_TYPE, headers={"Cache-Control": "no-store"}
    )
