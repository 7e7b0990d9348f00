"""Prometheus metrics through `prometheus_client`: request counts and latency histograms per
route template, and the counters and gauges other modules keep.

With `PROMETHEUS_MULTIPROC_DIR` set (`python -m app.serve` sets it for several workers, and
empties it before they start) every worker writes its series to files there, and a scrape of
any worker merges them all: counters and histograms summed over every worker since the start,
gauges as each one's mode says. Unset, the series live in this process's memory (one worker,
the tests). See docs/operations.md, "Observe".
"""

import contextlib
import glob
import hmac
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import multiprocess as prometheus_multiprocess
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4 as CONTENT_TYPE
from prometheus_client.metrics import disable_created_metrics
from starlette.concurrency import run_in_threadpool
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.config import get_settings
from app.core.errors import Unauthorized, problem_responses

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED = "<unmatched>"
# Paths answered before routing (the catalogue cache) are mapped to their template once.
MAX_RESOLVED_PATHS = 10_000
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="metrics"'}

MULTIPROCESS_DIR = os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None
if MULTIPROCESS_DIR:
    os.makedirs(MULTIPROCESS_DIR, exist_ok=True)  # emptied by the launcher, never by a worker
# No `_created` series: the names and samples stay those scrapers know.
disable_created_metrics()  # type: ignore[no-untyped-call]

# This process's series; a multi-process scrape reads the files instead (`exposition`).
REGISTRY = CollectorRegistry(auto_describe=False)

GaugeMode = Literal["livesum", "min", "max"]


def counter(name: str, text: str, labels: tuple[str, ...] = ()) -> Counter:
    return Counter(name, text, labels, registry=REGISTRY)


def gauge(name: str, text: str, mode: GaugeMode = "livesum") -> Gauge:
    """`livesum`: the sum over the running workers; `min`/`max`: over every worker since the
    start."""
    return Gauge(name, text, registry=REGISTRY, multiprocess_mode=mode)


REQUESTS = counter(
    "http_requests_total",
    "HTTP requests answered, by method, route template and status.",
    ("method", "route", "status"),
)
LATENCY = Histogram(
    "http_request_duration_seconds",
    "Time from request to last response byte.",
    ("method", "route"),
    buckets=BUCKETS,
    registry=REGISTRY,
)
IN_FLIGHT = gauge("http_requests_in_flight", "Requests being served now.")
# The earliest start of the workers whose counts the scrape sums: when the counters began.
gauge("process_start_time_seconds", "Start time of the process (Unix epoch).", "min").set(
    time.time()
)


class LabelledCounter:
    """A counter with one label of known values, for other modules to count in with
    `COUNTER.inc(value)`."""

    def __init__(self, name: str, text: str, label: str, values: tuple[str, ...]) -> None:
        self.name, self.label = name, label
        family = counter(name, text, (label,))
        self._children = {value: family.labels(value) for value in values}  # each shown at 0

    def inc(self, value: str) -> None:
        self._children[value].inc()

    def counts(self) -> dict[str, int]:
        """This process's counts by label value (for tests and benchmarks in this process)."""
        return {
            value: int(REGISTRY.get_sample_value(self.name, {self.label: value}) or 0)
            for value in self._children
        }


class MetricsMiddleware:
    """Times every HTTP request and records it under its route template (never the raw path,
    so slugs and ids cannot blow up the number of series)."""

    def __init__(self, app: ASGIApp, openapi: Callable[[], dict[str, Any]]) -> None:
        self.app = app
        self.openapi = openapi
        self.templates: list[tuple[re.Pattern[str], str]] | None = None
        self.resolved: dict[str, str] = {}
        # (method, route, status) -> its two series: `labels()` costs more than the increment.
        self.series: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        IN_FLIGHT.inc()

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            IN_FLIGHT.dec()
            method = scope["method"] if scope["method"] in METHODS else "OTHER"
            key = (method, self._route(scope), status)
            series = self.series.get(key)
            if series is None:
                series = self.series[key] = (
                    REQUESTS.labels(method, key[1], str(status)),
                    LATENCY.labels(method, key[1]),
                )
            series[0].inc()
            series[1].observe(time.perf_counter() - started)

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


@contextlib.contextmanager
def shared_across_workers(workers: int) -> Iterator[None]:
    """For the launcher (app/serve.py), around the workers' lives: PROMETHEUS_MULTIPROC_DIR when
    set, emptied first so counts start at zero; else, with several workers, a fresh temporary
    directory, removed when they have stopped. One worker keeps its series in memory."""
    configured = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if configured:
        os.makedirs(configured, exist_ok=True)
        for leftover in glob.glob(os.path.join(configured, "*.db")):
            os.remove(leftover)
        yield
    elif workers > 1:
        with tempfile.TemporaryDirectory(prefix="practice-framework-metrics-") as directory:
            os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory  # the workers inherit it
            try:
                yield
            finally:
                del os.environ["PROMETHEUS_MULTIPROC_DIR"]
    else:
        yield


def process_stopping() -> None:
    """A worker that stops cleanly takes its live gauges (in flight, cache sizes) out of the
    sums; its counts stay. (Not atexit: uvicorn ends a worker by re-raising SIGTERM.)"""
    if MULTIPROCESS_DIR is not None:
        prometheus_multiprocess.mark_process_dead(os.getpid(), MULTIPROCESS_DIR)  # type: ignore[no-untyped-call]


def exposition() -> bytes:
    """Every worker's series when they share a directory, else this process's."""
    if MULTIPROCESS_DIR is None:
        return generate_latest(REGISTRY)
    merged = CollectorRegistry(auto_describe=False)
    prometheus_multiprocess.MultiProcessCollector(merged, path=MULTIPROCESS_DIR)  # type: ignore[no-untyped-call]
    return generate_latest(merged)


def require_metrics_token(request: Request) -> None:
    """With METRICS_TOKEN set, a scrape must present it as a bearer token."""
    expected = get_settings().metrics_token
    if not expected:
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), expected.encode()
    ):
        raise Unauthorized("Send `Authorization: Bearer <METRICS_TOKEN>`.", headers=CHALLENGE)


router = APIRouter(tags=["Operations"])


@router.get(
    "/metrics",
    response_class=Response,
    summary="Prometheus metrics",
    responses={
        200: {"content": {CONTENT_TYPE: {}}, "description": "Prometheus text format"},
        **problem_responses(Unauthorized),
    },
)
async def metrics(request: Request) -> Response:
    """Request counts (`http_requests_total`) and latency histograms
    (`http_request_duration_seconds`) per method, route template and status, in the Prometheus
    text exposition format, summed over every worker of the server. Needs
    `Authorization: Bearer <METRICS_TOKEN>` when the server sets `METRICS_TOKEN`."""
    require_metrics_token(request)
    # Reading every worker's files is file I/O: off the event loop.
    body = await run_in_threadpool(exposition)
    return Response(body, media_type=CONTENT_TYPE, headers={"Cache-Control": "no-store"})
