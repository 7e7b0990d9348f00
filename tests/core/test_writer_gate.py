"""On SQLite a write runs on the event loop, waiting there (without blocking it) while another
write of this process holds the writer gate, and in the thread pool when another process holds
SQLite's lock (app/core/db_route.py, `db_route`). Against a served single-worker app: a write that
meets another process's write lock (a re-seed, say) waits for it without stalling the server,
and so does a second write queued behind it; both are stored once the lock is released. Writes
from many connections all land, and all of them on the loop."""

import contextlib
import fcntl
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import make_url

from tests.conftest import ServedApp
from tests.helpers import create_audit, metric, metric_by, operator_env, tenant

pytestmark = pytest.mark.served


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


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
    return _series(client, "http_requests_in_flight")


def _writes(client: httpx.Client) -> dict[str, int]:
    """`db_route_writes_total` by where the writes ran."""
    text = client.get("/metrics", timeout=PROMPT).text
    return metric_by(text, "db_route_writes_total", "ran_on")


def _series(client: httpx.Client, name: str) -> int:
    return int(metric(client.get("/metrics", timeout=PROMPT).text, name))


def test_a_write_that_meets_another_process_lock_waits_without_stalling_the_server(
    http: httpx.Client, served: ServedApp, sqlite_path: str
) -> None:
    headers = tenant(http)
    assert http.get("/v1/audits", headers=headers).status_code == 200  # key use recorded now
    before = _writes(http)
    foreign = sqlite3.connect(sqlite_path, isolation_level=None, timeout=30)
    foreign.execute("BEGIN IMMEDIATE")  # what another process's write transaction holds
    try:
        with (
            httpx.Client(base_url=served.base_url, timeout=60) as first,
            httpx.Client(base_url=served.base_url, timeout=60) as second,
            ThreadPoolExecutor(2) as pool,
        ):
            # The first write waits for the lock in a pool thread, holding the writer gate;
            # the second waits on the loop for the gate.
            pending = [pool.submit(create_audit, first, headers, title="Waited for the lock")]
            _wait_for(lambda: _writes(http)["pool"] > before["pool"], "the first write in the pool")
            _wait_for(lambda: _gate_held(sqlite_path), "its pool thread holding the writer gate")
            pending.append(pool.submit(create_audit, second, headers, title="Queued behind it"))
            # In flight: both writes and this /metrics request.
            _wait_for(lambda: _in_flight(http) >= 3, "the second write at the server")
            # The server answers /metrics (and a tenant read) while both are in flight.
            read = http.get("/v1/audits", headers=headers, timeout=PROMPT)
            assert read.status_code == 200, read.text
            assert not any(p.done() for p in pending), "a write got past the foreign lock"
            foreign.execute("ROLLBACK")
            created = [p.result(timeout=60) for p in pending]
    finally:
        if foreign.in_transaction:
            foreign.execute("ROLLBACK")
        foreign.close()
    assert [c.status_code for c in created] == [201, 201], [c.text for c in created]
    for response, title in zip(created, ("Waited for the lock", "Queued behind it"), strict=True):
        stored = http.get(response.headers["location"], headers=headers)
        assert stored.status_code == 200
        assert stored.json()["title"] == title
    after = _writes(http)
    assert after["pool"] - before["pool"] == 1, (before, after)  # only the one that met the lock
    assert after["loop"] - before["loop"] == 1, (before, after)
    assert "database is locked" not in served.output().lower()


def _gate_held(database: str) -> bool:
    """True while some process holds the writer gate's flock (`<database>-writer.lock`)."""
    with open(database + "-writer.lock", "ab") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(lock, fcntl.LOCK_UN)
        return False


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 30
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert condition(), f"no sign of {what} after 30 s"


def test_writes_from_many_connections_all_land(
    http: httpx.Client, served: ServedApp, database_url: str
) -> None:
    headers = tenant(http)
    before = _writes(http)

    def create(n: int) -> httpx.Response:
        with httpx.Client(base_url=served.base_url, timeout=60) as client:
            return create_audit(client, headers, title=f"Concurrent {n}")

    with ThreadPoolExecutor(16) as pool:
        responses = list(pool.map(create, range(64)))
    assert [r.status_code for r in responses] == [201] * 64, [r.text for r in responses]
    listed = http.get("/v1/audits", headers=headers, params={"limit": 100}).json()
    titles = sorted(a["title"] for a in listed["items"])
    assert titles == sorted(f"Concurrent {n}" for n in range(64))
    # On SQLite, with no other process writing, every one ran on the loop: a write that finds
    # the gate held by this process waits for it there (before, one write sent to the pool
    # sent nearly all that followed it there too: 1,895 of 2,000 at 16 connections).
    # PostgreSQL writes all run in the pool.
    after = _writes(http)
    ran = {where: after[where] - before[where] for where in ("loop", "pool")}
    on_sqlite = database_url.startswith("sqlite")
    assert ran == ({"loop": 64, "pool": 0} if on_sqlite else {"loop": 0, "pool": 64}), ran


def test_writes_reach_the_database_file(
    http: httpx.Client, served: ServedApp, sqlite_path: str, tmp_path: Path
) -> None:
    # Connections leave checkpoints to the app's own checkpointer (app/core/sqlite_writer.py),
    # one every 100 commits: without it the database file itself would never see these writes,
    # only its WAL. So read a copy of the file alone, without the WAL.
    headers = tenant(http)

    def create(n: int) -> int:
        with httpx.Client(base_url=served.base_url, timeout=60) as client:
            return create_audit(client, headers, title=f"Checkpointed {n}").status_code

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(create, range(400))) == {201}

    def in_the_file_alone() -> int:
        copy = tmp_path / "file-alone.db"
        shutil.copyfile(sqlite_path, copy)
        with contextlib.closing(sqlite3.connect(copy)) as connection:
            row = connection.execute(
                "SELECT count(*) FROM audit WHERE title LIKE 'Checkpointed %'"
            ).fetchone()
        copy.unlink()
        return int(row[0])

    # Everything but the commits since the last checkpoint (fewer than 100; the gate may run
    # the last one a moment after the responses).
    _wait_for(lambda: in_the_file_alone() >= 300, "300 of the 400 writes in the database file")
