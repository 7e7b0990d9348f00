"""What the database fault tests share: a migrated, seeded database at a chosen URL, a served
app with the operator token and the access log on, and the checks on a fault's answer."""

import contextlib
from collections.abc import Iterator
from typing import Any

import httpx
from alembic import command
from sqlmodel import Session

from app.core.config import get_settings
from app.core.db import build_engine
from app.seeding import seed
from tests.conftest import ServedApp, alembic_config, assert_problem
from tests.helpers import ADMIN_TOKEN, metric


def prepare(url: str) -> None:
    """Migrate and seed the database at `url`."""
    command.upgrade(alembic_config(url), "head")
    engine = build_engine(url)
    try:
        with Session(engine) as session:
            seed(session, get_settings().seed_dir)
            session.commit()
    finally:
        engine.dispose()


@contextlib.contextmanager
def served(url: str, **env: str) -> Iterator[ServedApp]:
    server = ServedApp(url, extra_env={"ADMIN_TOKEN": ADMIN_TOKEN, "LOG_LEVEL": "info", **env})
    try:
        yield server
    finally:
        server.stop()


def create(http: httpx.Client, headers: dict[str, str], title: str) -> httpx.Response:
    body = {"template_version": 1, "title": title, "responses": []}
    return http.post("/v1/audits", json=body, headers=headers)


def assert_fault(
    response: httpx.Response, slug: str = "database-unavailable", retry_after: str = "5"
) -> dict[str, Any]:
    """A database fault's answer: 503 problem+json with Retry-After and the request id."""
    body = assert_problem(response, 503, slug)
    assert response.headers["retry-after"] == retry_after
    assert response.headers["x-request-id"]
    return body


def local_address(response: httpx.Response) -> Any:
    """The client end of the connection `response` came on: equal for two responses on one
    keep-alive connection."""
    return response.extensions["network_stream"].get_extra_info("client_addr")


def fault_lines(log: str) -> list[str]:
    """The server's log less its access lines (the app's JSON ones and uvicorn's)."""
    return [
        line
        for line in log.splitlines()
        if line and not line.startswith('{"event": "request"') and '" HTTP/1.1" ' not in line
    ]


def fault_count(metrics: str, kind: str) -> int:
    return int(metric(metrics, "db_faults_total", kind=kind))
