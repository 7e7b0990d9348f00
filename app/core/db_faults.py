"""Database faults: which driver errors are the database failing rather than the request, what
a client is told (errors.py renders it: `503` with `Retry-After`), and what an operator sees
(one log line per kind and interval with a count, and `db_faults_total{kind}`).

A fault is the disk full, an I/O error, the server unreachable, frozen or read-only, a lock or
a pool that could not be had in time. Driver errors arrive wrapped by SQLAlchemy (`DBAPIError`)
or raw: SQLite's writer gate runs BEGIN and COMMIT on the DB-API connection itself. Any other
database error (a constraint, bad SQL) is a bug and stays a 500.
"""

import logging
import sqlite3
from typing import NamedTuple

import psycopg
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import exc

from app.core import logs
from app.core.errors import TYPE_BASE, problem_response, unhandled
from app.core.metrics import LabelledCounter

log = logging.getLogger("app.db")

KINDS = ("disk_full", "io_error", "unavailable", "timeout", "read_only", "corrupt")
FAULTS = LabelledCounter(
    "db_faults_total",
    "Requests answered 503 because the database failed, by kind of fault.",
    "kind",
    KINDS,
)

# Faults a rolled-back write cannot see (it writes nothing to disk): after one, /readyz makes
# a real (no-op) write until one succeeds, and reports the fault meanwhile.
NEEDS_A_WRITE = frozenset({"disk_full", "io_error", "read_only", "corrupt"})
suspect: str | None = None  # the last such fault a request met, until a write succeeds

# What the exception handler is registered for (errors.py): each may or may not be a fault.
EXCEPTIONS: tuple[type[Exception], ...] = (
    exc.DBAPIError,
    exc.TimeoutError,
    sqlite3.Error,
    psycopg.Error,
)

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE = {
    5: "timeout",  # SQLITE_BUSY: another writer held the lock past busy_timeout
    6: "timeout",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    10: "io_error",  # SQLITE_IOERR
    11: "corrupt",  # SQLITE_CORRUPT
    13: "disk_full",  # SQLITE_FULL
    14: "unavailable",  # SQLITE_CANTOPEN
    26: "corrupt",  # SQLITE_NOTADB
}
# PostgreSQL SQLSTATEs, whole or by class (the first two characters).
_SQLSTATE = {
    "53100": "disk_full",
    "58030": "io_error",
    "XX001": "corrupt",
    "XX002": "corrupt",
    "57014": "timeout",  # statement_timeout (or a cancel)
    "55P03": "timeout",  # lock_timeout
    "25006": "read_only",  # a read-only transaction: a standby, default_transaction_read_only
    "08": "unavailable",  # connection exceptions
    "53": "unavailable",  # insufficient resources: too many connections, out of memory
    "57": "unavailable",  # operator intervention: shutting down, starting up
    "58": "io_error",  # system error
}


_SAYING = {
    "io_error": "an I/O error",
    "unavailable": "it cannot be reached",
    "timeout": "it did not answer in time",
    "read_only": "it is read-only",
    "corrupt": "it reports corruption",
}


class Fault(NamedTuple):
    kind: str
    cause: str  # the driver's words, e.g. "OperationalError: database or disk is full"

    @property
    def retry_after(self) -> int:
        """Seconds a client should wait: longer where an operator has to act."""
        return 30 if self.kind in ("disk_full", "read_only", "corrupt") else 5

    @property
    def problem(self) -> tuple[str, str, str]:
        """(type slug, title, detail) of the problem a client gets."""
        if self.kind == "disk_full":
            return (
                "insufficient-storage",
                "Insufficient storage",
                "The database has no space left, so nothing was saved. Retry later.",
            )
        return (
            "database-unavailable",
            "Database unavailable",
            f"The database is unavailable: {_SAYING[self.kind]}. Retry later; retry a write "
            "with the same Idempotency-Key.",
        )


def classify(error: BaseException) -> Fault | None:
    """The fault `error` is, or None when it is not the database failing."""
    seen = 0
    current: BaseException | None = error
    while current is not None and seen < 5:
        kind = _kind(current)
        if kind is not None:
            return Fault(kind, _cause(current))
        current = current.__cause__ or current.__context__
        seen += 1
    return None


def _kind(error: BaseException) -> str | None:
    if isinstance(error, exc.TimeoutError):
        return "timeout"  # the pool had no connection to give in DB_POOL_TIMEOUT_SECONDS
    if isinstance(error, exc.DBAPIError):
        kind = _kind(error.orig) if error.orig is not None else None
        return kind or ("unavailable" if error.connection_invalidated else None)
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return _SQLITE.get(code & 0xFF) if isinstance(code, int) else None
    if isinstance(error, psycopg.Error):
        state = error.sqlstate or ""
        kind = _SQLSTATE.get(state) or _SQLSTATE.get(state[:2])
        if kind is None and not state:
            # No SQLSTATE: the client side failed, connecting or waiting for the server.
            if isinstance(error, psycopg.errors.ConnectionTimeout):
                return "timeout"
            if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
                return "unavailable"
        return kind
    return None


def _cause(error: BaseException) -> str:
    """The driver's message, first line only: never the statement or its parameters."""
    if isinstance(error, exc.DBAPIError) and error.orig is not None:
        error = error.orig
    message = str(error).strip().splitlines()
    return f"{type(error).__name__}: {message[0] if message else ''}".rstrip(": ")


def observe(error: BaseException, method: str, path: str) -> Fault | None:
    """Classify `error`; a fault is counted and logged (once per kind and interval, then a
    count of the rest), and returned for the caller to answer."""
    global suspect
    fault = classify(error)
    if fault is None:
        return None
    FAULTS.inc(fault.kind)
    if fault.kind in NEEDS_A_WRITE:
        suspect = fault.kind
    what = f"database unavailable ({fault.kind}: {fault.cause})"
    if logs.REPEATS.first(f"db:{fault.kind}", log, logging.ERROR, what):
        log.error("%s: %s %s answered 503", what, method, path)
    return fault


# Records that other modules log with a fault's traceback (a deferred write, a fast read that
# hands over to its route) are collapsed the same way, by the root handler.
logs.collapse_repeats(
    lambda error: (f.kind, f"{f.kind}: {f.cause}") if (f := classify(error)) else None
)


async def answer(request: Request, exc: Exception) -> JSONResponse:
    """The handler for the driver's errors. Answered inside the app, so the connection stays
    open for the client's next request."""
    fault = observe(exc, request.method, request.url.path)
    if fault is None:
        return await unhandled(request, exc)  # not the database failing: a bug
    slug, title, detail = fault.problem
    headers = {"Retry-After": str(fault.retry_after)}
    return problem_response(503, TYPE_BASE + slug, title, detail, request.url.path, headers)


def install(app: FastAPI) -> None:
    for error in EXCEPTIONS:
        app.add_exception_handler(error, answer)
