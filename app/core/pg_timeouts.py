"""PostgreSQL's timeouts, so a server that is down or frozen fails a request in seconds.

- Connecting: `connect_timeout` (DB_CONNECT_TIMEOUT_SECONDS).
- A statement: the server's `statement_timeout` (DB_STATEMENT_TIMEOUT_MS).
- Any wait for the server at all: a frozen server (SIGSTOP, a hung VM) enforces no timeout of
  its own, and its kernel still acknowledges our packets, so TCP keepalives see nothing wrong.
  `BoundedConnection` stops waiting `WAIT_MARGIN_SECONDS` after the statement timeout, closes
  the connection and raises `ConnectionTimeout`: SQLAlchemy takes it for a disconnect (the pool
  drops the connection) and the request is answered 503 (app/core/db_faults.py).
- TCP keepalives find a peer that has gone without a word (a host down, a dropped route) on
  connections idle in the pool.
"""

from typing import Any, TypeVar

import psycopg
from psycopg.abc import PQGen
from psycopg.errors import ConnectionTimeout

from app.core.config import Settings

RV = TypeVar("RV")
WAIT_MARGIN_SECONDS = 2.0
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}


class BoundedConnection(psycopg.Connection[Any]):
    """A psycopg connection whose every wait for the server ends after `wait_limit` seconds."""

    wait_limit: float | None = None

    def wait(self, gen: PQGen[RV], interval: float = 0.1, timeout: float | None = None) -> RV:
        # Every round trip on an open connection waits here: execute, fetch, commit, rollback.
        if timeout is not None or self.wait_limit is None:
            return super().wait(gen, interval, timeout)
        try:
            return super().wait(gen, interval, self.wait_limit)
        except psycopg.errors._WaitTimeout as error:
            # Mid-protocol: the connection cannot be used again. Finishing it marks it broken.
            self.pgconn.finish()
            raise ConnectionTimeout(
                f"the server did not answer within {self.wait_limit:g} s"
            ) from error


def connect_params(settings: Settings, serving: bool) -> dict[str, Any]:
    """psycopg connection parameters for the timeouts (a URL's own take precedence, but for
    `options`, which is added to). The statement timeout is for serving requests only:
    migrations may take longer."""
    params: dict[str, Any] = {"connect_timeout": settings.db_connect_timeout_seconds, **KEEPALIVES}
    if serving and settings.db_statement_timeout_ms > 0:
        params["options"] = f"-c statement_timeout={settings.db_statement_timeout_ms}"
    return params


def connect(
    cargs: list[Any], cparams: dict[str, Any], extra: dict[str, Any], limit: float | None
) -> BoundedConnection:
    """Open a `BoundedConnection` (SQLAlchemy's `do_connect` hook calls this)."""
    merged = {**extra, **cparams}
    if "options" in extra and "options" in cparams:
        merged["options"] = f"{cparams['options']} {extra['options']}"
    connection = BoundedConnection.connect(*cargs, **merged)
    connection.wait_limit = limit
    return connection


def wait_limit(settings: Settings, serving: bool) -> float | None:
    """Seconds after which a wait for the server is given up; None: never (migrations)."""
    if not serving or settings.db_statement_timeout_ms <= 0:
        return None
    return settings.db_statement_timeout_ms / 1000 + WAIT_MARGIN_SECONDS
