"""The access log: one JSON line per request with the same fields as ever, formatted and written
by a thread off the event loop, and none lost when the server is stopped with SIGTERM."""

import io
import json
import logging
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from app.core import logs
from tests.conftest import ServedApp
from tests.helpers import operator_env, tenant

FIELDS = ["event", "request_id", "method", "route", "status", "duration_ms", "organisation"]
REQUESTS = 400


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


def _access_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith('{"event": "request"')]


@pytest.mark.served
def test_sigterm_after_n_requests_leaves_exactly_n_lines(database_url: str) -> None:
    # Lines gather for 10 s before a write: at SIGTERM they are all still queued.
    server = ServedApp(database_url, {"LOG_LEVEL": "info", "LOG_GATHER_SECONDS": "10"})
    try:
        ids = [f"shutdown-{i}" for i in range(REQUESTS)]
        limits = httpx.Limits(max_connections=16)
        with httpx.Client(base_url=server.base_url, timeout=30, limits=limits) as http:

            def get(request_id: str) -> int:
                headers = {"X-Request-ID": request_id}
                return http.get("/v1/features?limit=200", headers=headers).status_code

            with ThreadPoolExecutor(16) as pool:
                statuses = list(pool.map(get, ids))
        assert statuses == [200] * REQUESTS
        server.process.send_signal(signal.SIGTERM)
        # uvicorn re-raises SIGTERM once it has shut down: atexit never runs.
        assert server.process.wait(timeout=30) in (0, -signal.SIGTERM)
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()
    output = server.output()
    logged = [json.loads(line)["request_id"] for line in _access_lines(output)]
    mine = [request_id for request_id in logged if request_id.startswith("shutdown-")]
    assert len(mine) == REQUESTS, f"{REQUESTS - len(mine)} of {REQUESTS} lines lost"
    assert sorted(mine) == sorted(ids)
    # uvicorn's own logging is untouched.
    assert "Application startup complete" in output
    assert "Application shutdown complete" in output


@pytest.mark.served
def test_the_line_has_the_same_fields_as_before(database_url: str) -> None:
    server = ServedApp(database_url, {"LOG_LEVEL": "info"})
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            headers = tenant(http)
            me = http.get("/v1/me", headers={**headers, "X-Request-ID": "fields-tenant"})
            assert me.status_code == 200, me.text
            slug = me.json()["organisation"]["slug"]
            missing_id = {"X-Request-ID": "fields-404"}
            missing = http.get("/v1/features/no-such-feature", headers=missing_id)
            assert missing.status_code == 404
            generated = http.get("/v1/features")
            assert generated.status_code == 200
    finally:
        server.stop()
    lines = {json.loads(line)["request_id"]: line for line in _access_lines(server.output())}
    tenant_line, missing_line = lines["fields-tenant"], lines["fields-404"]
    for line in (tenant_line, missing_line, lines[generated.headers["x-request-id"]]):
        fields = json.loads(line)
        assert list(fields) == FIELDS, line
        assert line == json.dumps(fields), "not json.dumps's text"  # separators, escapes
        assert isinstance(fields["duration_ms"], float) and fields["duration_ms"] >= 0
        assert fields["event"] == "request" and fields["method"] == "GET"
    assert json.loads(tenant_line) | {"duration_ms": 0} == {
        "event": "request",
        "request_id": "fields-tenant",
        "method": "GET",
        "route": "/v1/me",
        "status": 200,
        "duration_ms": 0,
        "organisation": slug,
    }
    missing_fields = json.loads(missing_line)
    assert missing_fields["route"] == "/v1/features/{slug}"  # the template, never the path
    assert missing_fields["status"] == 404 and missing_fields["organisation"] is None
    assert headers["Authorization"].removeprefix("Bearer ") not in "\n".join(lines.values())


@pytest.mark.parametrize(
    ("route", "organisation", "seconds"),
    [
        ("/v1/features", None, 0.0),
        ("/v1/features/{slug}", "leeds", 0.0123456),
        ('/a "quoted" \\ path\n\t\x00', 'org "x"', 12.3456789),
        ("/caf\u00e9/\u2603/\U0001f600", "\u00e9cole", 1e-7),
        ("/v1/me", 42, 0.5),  # not a str: json.dumps itself
    ],
)
def test_the_line_is_json_dumps_of_the_fields(
    route: str, organisation: Any, seconds: float
) -> None:
    line = logs.AccessLine("rid-1", "GET", route, 200, seconds, organisation)
    expected = {
        "event": "request",
        "request_id": "rid-1",
        "method": "GET",
        "route": route,
        "status": 200,
        "duration_ms": round(seconds * 1000, 2),
        "organisation": organisation,
    }
    assert str(line) == json.dumps(expected)


def _pipeline(
    gather_seconds: float = logs.GATHER_SECONDS,
) -> tuple[logging.Logger, logs.QueuedHandler, io.StringIO]:
    """A logger of its own (not the root's) with the queued handler writing to a string."""
    out = io.StringIO()
    writer = logs.BatchWriter(out)
    writer.setFormatter(logging.Formatter("%(message)s"))
    handler = logs.QueuedHandler(writer, gather_seconds)
    logger = logging.Logger("test.access", logging.INFO)
    logger.addHandler(handler)
    return logger, handler, out


def _log(logger: logging.Logger, i: int) -> None:
    line = logs.AccessLine(f"r{i}", "GET", "/v1/features", 200, 0.001, None)
    logger.handle(logger.makeRecord(logger.name, logging.INFO, "", 0, line, (), None))


def test_stop_writes_every_queued_line_then_writing_is_direct() -> None:
    logger, handler, out = _pipeline(gather_seconds=10)  # nothing written until stop
    handler.start()
    time.sleep(0.2)  # the listener finds the queue empty, writes nothing and waits
    try:
        assert handler.listener.running
        for i in range(20_000):
            _log(logger, i)
        assert out.getvalue() == "", "written in the caller's thread"
    finally:
        handler.stop()
    assert not handler.listener.running
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["request_id"] for line in lines] == [f"r{i}" for i in range(20_000)]
    _log(logger, 20_000)  # after stop: written at once, by the caller
    assert json.loads(out.getvalue().splitlines()[-1])["request_id"] == "r20000"
    handler.stop()  # a second stop is harmless
    handler.start()  # and the queue can start again (a second lifespan)
    try:
        _log(logger, 20_001)
    finally:
        handler.stop()
    assert json.loads(out.getvalue().splitlines()[-1])["request_id"] == "r20001"


def test_other_records_are_formatted_where_they_are_logged() -> None:
    logger, handler, out = _pipeline()
    handler.start()
    try:
        args = {"n": 1}
        logger.info("counted %(n)s", args)
        args["n"] = 2  # changed after the call: the line says what it said then
        try:
            raise ValueError("boom")
        except ValueError:
            logger.exception("failed")
    finally:
        handler.stop()
    text = out.getvalue()
    assert text.startswith("counted 1\nfailed\nTraceback"), text
    assert "ValueError: boom" in text


def test_a_line_no_other_handler_would_see_is_queued_without_a_record() -> None:
    logger, handler, out = _pipeline(gather_seconds=10)
    line = logs.AccessLine("direct", "GET", "/v1/features", 200, 0.001, None)
    assert not handler.queue_line(line, logger), "queued with no listener running"
    handler.start()
    time.sleep(0.2)
    try:
        _log(logger, 0)
        assert handler.queue_line(line, logger)
        _log(logger, 1)
        assert out.getvalue() == ""
        # Another handler (as pytest's caplog adds to the root) would see the record: not queued.
        other = logging.NullHandler()
        logger.addHandler(other)
        assert not handler.queue_line(line, logger)
        logger.removeHandler(other)
        logger.addFilter(lambda record: True)
        assert not handler.queue_line(line, logger)
    finally:
        handler.stop()
    ids = [json.loads(text)["request_id"] for text in out.getvalue().splitlines()]
    assert ids == ["r0", "direct", "r1"]  # in the order logged
