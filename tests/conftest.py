"""Shared fixtures: a real database per test module, migrated and seeded, and the app over HTTP.

The database is a temporary SQLite file, or, when TEST_DATABASE_URL names a PostgreSQL server
(`make test` runs the suite a second time that way), a fresh database created on it.
"""

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.core import config as config_module
from app.core import db as db_module
from app.core.http import catalogue_cache

# Tests fire hundreds of requests a minute from one client; the rate-limit tests turn it on.
os.environ.setdefault("RATE_LIMIT_PER_MINUTE", "0")
# Only the webhook tests run the deliverer (in apps they serve with WEBHOOK_DELIVERER=true).
os.environ.setdefault("WEBHOOK_DELIVERER", "false")
# The FHIR canonical URLs the tests expect are the default deployment's, whatever PORT or HOST
# the shell running the tests happens to export (make exports both).
os.environ["PUBLIC_BASE_URL"] = "http://127.0.0.1:8000"

ROOT = Path(__file__).resolve().parents[1]
SOURCES_DIR = ROOT.parent / "shared" / "seeds"


def alembic_config(url: str) -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.attributes["database_url"] = url
    cfg.attributes["configure_logger"] = False
    return cfg


def _fresh_database_url(tmp_dir: Path) -> Iterator[str]:
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        yield f"sqlite:///{tmp_dir / 'test.db'}"
        return
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        db_module.reset_engine()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _migrate_and_seed(url: str) -> None:
    from sqlmodel import Session

    from app.seeding import seed

    command.upgrade(alembic_config(url), "head")
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            seed(session, config_module.get_settings().seed_dir)
            session.commit()
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One migrated, seeded database per test run, which each module's database copies:
    migrating and seeding once instead of once per module saves about a minute a run."""
    for url in _fresh_database_url(tmp_path_factory.mktemp("template")):
        _migrate_and_seed(url)
        yield url


def _copy_of(template: str, tmp_dir: Path) -> Iterator[str]:
    """A fresh database with the template's content: a file copy through SQLite's backup API,
    or `CREATE DATABASE ... TEMPLATE` on PostgreSQL."""
    if template.startswith("sqlite"):
        import sqlite3

        path = tmp_dir / "test.db"
        with (
            contextlib.closing(sqlite3.connect(make_url(template).database or "")) as source,
            contextlib.closing(sqlite3.connect(path)) as target,
        ):
            source.backup(target)
        yield f"sqlite:///{path}"
        return
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(os.environ["TEST_DATABASE_URL"], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(template).database}"'))
    try:
        yield make_url(template).set(database=name).render_as_string(hide_password=False)
    finally:
        db_module.reset_engine()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory, seeded_template: str) -> Iterator[str]:
    """A migrated, seeded database for this module; DATABASE_URL points at it."""
    tmp_dir = tmp_path_factory.mktemp("db")
    for url in _copy_of(seeded_template, tmp_dir):
        previous = os.environ.get("DATABASE_URL")
        os.environ["DATABASE_URL"] = url
        config_module.get_settings.cache_clear()
        db_module.reset_engine()
        catalogue_cache.set_version(None)
        catalogue_cache.clear()
        try:
            yield url
        finally:
            db_module.reset_engine()
            catalogue_cache.clear()
            if previous is None:
                os.environ.pop("DATABASE_URL", None)
            else:
                os.environ["DATABASE_URL"] = previous
            config_module.get_settings.cache_clear()


@pytest.fixture(scope="module")
def client(database_url: str) -> Iterator[TestClient]:
    """The app over HTTP (httpx under Starlette's TestClient), lifespan included."""
    from app.main import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


def assert_problem(response: object, status: int, type_slug: str | None = None) -> dict:
    """Assert an RFC 9457 problem response and return its body."""
    from httpx import Response

    assert isinstance(response, Response)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    for field in ("type", "title", "detail", "instance"):
        assert isinstance(body[field], str) and body[field]
    if type_slug:
        assert body["type"].endswith("/" + type_slug)
    return body


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServedApp:
    """A real uvicorn process on loopback, for what only the wire shows."""

    def __init__(
        self, database_url: str, extra_env: dict[str, str] | None = None, workers: int = 1
    ) -> None:
        import subprocess
        import sys
        import tempfile

        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "LOG_LEVEL": "warning",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "WORKERS": str(workers),
            **(extra_env or {}),
        }
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the server)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.serve"],  # as `make run` serves
            cwd=ROOT,
            env=env,
            # A file, not a pipe: a pipe nobody reads fills up and blocks the server.
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.wait_ready()

    def wait_ready(self, timeout: float = 30.0) -> None:
        import time

        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                out = self.output()
                raise RuntimeError(f"server exited: {out}")
            try:
                if httpx.get(self.base_url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def output(self) -> str:
        """What the server printed so far."""
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self) -> None:
        import subprocess

        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def served(database_url: str) -> Iterator[ServedApp]:
    server = ServedApp(database_url)
    try:
        yield server
    finally:
        server.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The PostgreSQL phase of `make test` skips what the SQLite phase already proved and no
    database can change (generated clients, browsers over static pages)."""
    if not os.environ.get("TEST_DATABASE_URL"):
        return
    skip = pytest.mark.skip(reason="database-independent: run in the SQLite phase")
    for item in items:
        if item.get_closest_marker("any_database"):
            item.add_marker(skip)
