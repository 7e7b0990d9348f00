"""Liveness and readiness."""

import functools
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text

from app.core.config import PROJECT_ROOT
from app.core.db import get_engine
from app.core.sqlite_writer import file_problem

router = APIRouter(tags=["Operations"])


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    database: str
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
def readyz() -> Any:
    """`200` when the database answers and its schema is at the migrations' head; `503` with
    the reason otherwise."""
    head = head_revision()
    # SQLite: the path must still name the file the app opened ("missing" or "replaced").
    if problem := file_problem(get_engine()):
        gone = Readiness(
            status="unavailable", database=problem, migrations="unknown", head_revision=head
        )
        return JSONResponse(
            gone.model_dump(), status_code=503, headers={"Cache-Control": "no-store"}
        )
    try:
        with get_engine().connect() as conn:
            conn.execute(text("SELECT 1"))
            current = MigrationContext.configure(conn).get_current_revision()
    except Exception:
        body = Readiness(
            status="unavailable", database="unreachable", migrations="unknown", head_revision=head
        )
        return JSONResponse(body.model_dump(), status_code=503)
    at_head = current == head
    body = Readiness(
        status="ok" if at_head else "unavailable",
        database="ok",
        migrations="at-head" if at_head else "behind",
        current_revision=current,
        head_revision=head,
    )
    return JSONResponse(
        body.model_dump(),
        status_code=200 if at_head else 503,
        headers={"Cache-Control": "no-store"},
    )
