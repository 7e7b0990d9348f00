"""On SQLite a write runs on the event loop when no other write holds the lock, and in the
thread pool otherwise (app/core/db.py, `db_route`). Against a served single-worker app: a write
that meets another process's write lock (a re-seed, say) waits for it without stalling the
server, and is stored once the lock is released; while the lock is free, writes from many
connections all land."""

import re
import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import make_url

from tests.conftest import ServedApp
from tests.tenants.helpers import create_audit, tenant

pytestmark = pytest.mark.served


@pytest.fixture(scope="module")
def sqlite_path(database_url: str) -> str:
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock; PostgreSQL writes always run in the thread pool")
    path = make_url(database_url).database
    assert path
    return path


@pytest.fixture(scope="module")
def http(served: ServedApp) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served.base_url, timeout=60) as client:
        yield client


# Far below the 30 s a write waits for SQLite's lock: a server stuck behind that wait times out.
PROMPT = httpx.Timeout(5.0)


def _in_flight(client: httpx.Client) -> int:
    text = client.get("/metrics", timeout=PROMPT).text
    return int(re.search(r"^http_requests_in_flight\{[^}]*\} (\d+)$", text, re.M).group(1))  # type: ignore[union-attr]


def test_a_write_that_meets_another_process_lock_waits_without_stalling_the_server(
    http: httpx.Client, served: ServedApp, sqlite_path: str
) -> None:
    headers = tenant(http)
    assert http.get("/v1/audits", headers=headers).status_code == 200  # key use recorded now
    foreign = sqlite3.connect(sqlite_path, isolation_level=None, timeout=30)
    foreign.execute("BEGIN IMMEDIATE")  # what another process's write transaction holds
    try:
        with (
            httpx.Client(base_url=served.base_url, timeout=60) as writer,
            ThreadPoolExecutor(1) as pool,
        ):
            pending = pool.submit(create_audit, writer, headers, title="Waited for the lock")
            deadline = time.monotonic() + 30
            # The server answers /metrics (and a tenant read) while the write is in flight:
            # the write waits in a pool thread, not on the event loop.
            while _in_flight(http) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert _in_flight(http) >= 2, "the write never reached the server"
            read = http.get("/v1/audits", headers=headers, timeout=PROMPT)
            assert read.status_code == 200, read.text
            assert not pending.done(), "the write went through another process's write lock"
            foreign.execute("ROLLBACK")
            created = pending.result(timeout=60)
    finally:
        if foreign.in_transaction:
            foreign.execute("ROLLBACK")
        foreign.close()
    assert created.status_code == 201, created.text
    stored = http.get(created.headers["location"], headers=headers)
    assert stored.status_code == 200
    assert stored.json()["title"] == "Waited for the lock"
    assert "database is locked" not in served.output().lower()


def test_writes_from_many_connections_all_land(http: httpx.Client, served: ServedApp) -> None:
    headers = tenant(http)

    def create(n: int) -> httpx.Response:
        with httpx.Client(base_url=served.base_url, timeout=60) as client:
            return create_audit(client, headers, title=f"Concurrent {n}")

    with ThreadPoolExecutor(16) as pool:
        responses = list(pool.map(create, range(64)))
    assert [r.status_code for r in responses] == [201] * 64, [r.text for r in responses]
    listed = http.get("/v1/audits", headers=headers, params={"limit": 100}).json()
    titles = sorted(a["title"] for a in listed["items"])
    assert titles == sorted(f"Concurrent {n}" for n in range(64))


def test_writes_reach_the_database_file(
    http: httpx.Client, served: ServedApp, sqlite_path: str
) -> None:
    # Connections leave checkpoints to the app's own checkpointer (app/core/db.py): without
    # it the database file would never see these writes (~20 kB of pages each).
    headers = tenant(http)
    database = Path(sqlite_path)
    file_before = database.stat().st_size

    def create(n: int) -> int:
        with httpx.Client(base_url=served.base_url, timeout=60) as client:
            return create_audit(client, headers, title=f"Checkpointed {n}").status_code

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(create, range(400))) == {201}
    deadline = time.monotonic() + 30
    while database.stat().st_size < file_before + 1_000_000 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert database.stat().st_size >= file_before + 1_000_000, (file_before, database.stat())
