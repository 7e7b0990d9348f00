"""Liveness and readiness."""

import asyncio
import contextlib
import functools
import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from app.core import db_faults, sqlite_writer
from app.core.config import PROJECT_ROOT, get_settings
from app.core.db import get_engine, get_read_engine

router = APIRouter(tags=["Operations"])


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    database: str
    writes: str
    migrations: str
    current_revision: str | None = None
    head_revision: str | None = None


@functools.cache  # the migrations a process ships with do not change while it runs
def head_revision() -> str | None:
    config = Config(str(Path(PROJECT_ROOT) / "alembic.ini"))
    config.set_main_option("script_location", str(Path(PROJECT_ROOT) / "migrations"))
    return ScriptDirectory.from_config(config).get_current_head()


@router.get("/healthz", response_model=Health, summary="Process is up")
async def healthz() -> dict[str, str]:
    """Answers `200` while the process runs; touches nothing else."""
    # Async: FastAPI runs a sync route in the thread pool, a hop that costs more than the
    # rest of this route.
    return {"status": "ok"}


@router.get(
    "/readyz",
    response_model=Readiness,
    summary="Ready to serve",
    responses={503: {"model": Readiness, "description": "Not ready"}},
)
async def readyz() -> Any:
    """`200` when the database answers, takes a write (a transaction that takes the write lock
    and rolls back) and its schema is at the migrations' head; `503` with the reason otherwise,
    within READY_TIMEOUT_SECONDS whatever the database does."""
    global _running
    if _running is None or _running[0].done():
        state = {"database": "timeout", "writes": "timeout", "migrations": "unknown"}
        _running = (_checker.submit(_check, get_engine(), state), state)
    future, state = _running
    with contextlib.suppress(TimeoutError):  # a check still running: what it found so far
        await asyncio.wait_for(
            asyncio.shield(asyncio.wrap_future(future)), get_settings().ready_timeout_seconds
        )
    body = Readiness(status="unavailable", head_revision=head_revision(), **dict(state))
    ready = (body.database, body.writes, body.migrations) == ("ok", "ok", "at-head")
    if ready:
        body.status = "ok"
    return JSONResponse(
        body.model_dump(), status_code=200 if ready else 503, headers={"Cache-Control": "no-store"}
    )


# One check at a time, in a thread of its own: probes that come while a database hangs share
# the running check rather than each holding a thread (or a connection) until it gives up.
_checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readyz")
_running: "tuple[Future[None], dict[str, Any]] | None" = None
MIN_FREE_BYTES = 1024 * 1024  # SQLite: less free space than this beside the file is "disk-full"


def _check(engine: Engine, state: dict[str, Any]) -> None:
    """Fill in `state`, step by step (a timeout reports the steps not reached as "timeout")."""
    # SQLite: the path must still name the file the app opened ("missing" or "replaced").
    if problem := sqlite_writer.file_problem(engine):
        state.update(database=problem, writes="unknown")
        return
    try:
        with get_read_engine().connect() as conn:
            conn.execute(text("SELECT 1"))
            state["database"] = "ok"
            current = MigrationContext.configure(conn).get_current_revision()
    except Exception as error:
        state.update(database=_failure(error), writes="unknown")
        return
    state["current_revision"] = current
    state["migrations"] = "at-head" if current == head_revision() else "behind"
    try:
        state["writes"] = _write_check(engine, db_faults.suspect)
    except Exception as error:
        state["writes"] = _failure(error)


def _write_check(engine: Engine, suspect: str | None) -> str:
    """A write transaction that changes nothing and rolls back: on SQLite the writer gate and
    `BEGIN IMMEDIATE` (plus the free space beside the file); on PostgreSQL a transaction that
    must be able to write (not a standby, not read-only) and takes a transaction id. After a
    request met a fault that only writing shows (`suspect`: an I/O error, say), a no-op
    UPDATE is committed instead, until one succeeds."""
    with engine.connect() as conn:
        transaction = conn.begin()
        try:
            found = _writable(engine, conn)
            if found == "ok" and suspect is not None:
                conn.execute(text("UPDATE alembic_version SET version_num = version_num"))
                transaction.commit()
                db_faults.suspect = None
            return found
        finally:
            if transaction.is_active:
                transaction.rollback()


def _writable(engine: Engine, conn: Connection) -> str:
    if engine.dialect.name == "sqlite":
        database = sqlite_writer.sqlite_file(str(engine.url))
        if database is not None:
            space = os.statvfs(database.parent)
            if space.f_bavail * space.f_frsize < MIN_FREE_BYTES:
                return "disk-full"
        return "ok"
    read_only = "SELECT current_setting('transaction_read_only') = 'on' OR pg_is_in_recovery()"
    if conn.execute(text(read_only)).scalar():
        return "read-only"
    conn.execute(text("SELECT pg_current_xact_id()"))  # a transaction id: the server can write
    return "ok"


def _failure(error: Exception) -> str:
    """What a failed step reports: the kind of database fault (`timeout`, `disk-full`, ...)."""
    fault = db_faults.classify(error)
    if fault is None or fault.kind == "unavailable":
        return "unreachable"
    return fault.kind.replace("_", "-")
