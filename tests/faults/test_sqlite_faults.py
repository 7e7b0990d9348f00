"""SQLite's faults, against a served app whose database is on a small tmpfs: the disk full, an
I/O error (the server's file-size limit, RLIMIT_FSIZE, turns the WAL's next append into EFBIG)
and a writer that holds the lock. Each is a 503 problem with Retry-After on the same keep-alive
connection, loses nothing acknowledged, shows in /readyz and /metrics, logs a line or two
rather than one per request, and ends when the fault does."""

import contextlib
import errno
import hashlib
import os
import re
import resource
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.faults.db_fault_checks import (
    assert_fault,
    create,
    fault_count,
    fault_lines,
    local_address,
    served,
)
from tests.faults.postgres import wait_until
from tests.helpers import tenant

pytestmark = [
    pytest.mark.served,
    pytest.mark.skipif(
        bool(os.environ.get("TEST_DATABASE_URL")),
        reason="SQLite's faults; the PostgreSQL phase runs test_postgres_faults.py",
    ),
]


@pytest.fixture(scope="module")
def small_disk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    mount = tmp_path_factory.mktemp("small-disk")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (it needs root): {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture(scope="module")
def url(small_disk: Path, seeded_template: str) -> str:
    """A copy of the run's migrated, seeded database on the small disk."""
    path = small_disk / "faults.db"
    with (
        contextlib.closing(sqlite3.connect(seeded_template.removeprefix("sqlite:///"))) as source,
        contextlib.closing(sqlite3.connect(path)) as target,
    ):
        source.backup(target)
    return f"sqlite:///{path}"


@contextlib.contextmanager
def disk_filled(directory: Path) -> Iterator[None]:
    """Fill the file system of `directory` to the last byte; free it on the way out."""
    filler = directory / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 20, 1 << 12, 1):
            chunk = bytes(size)
            try:
                while os.write(fd, chunk):
                    pass
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
        assert os.statvfs(directory).f_bavail == 0
        yield
    finally:
        os.close(fd)
        filler.unlink()


def token_hash(headers: dict[str, str]) -> str:
    return hashlib.sha256(headers["Authorization"].removeprefix("Bearer ").encode()).hexdigest()


def test_disk_full_is_a_503_that_loses_nothing_and_ends_when_space_returns(
    url: str, small_disk: Path
) -> None:
    acknowledged: dict[str, str] = {}
    refused: list[str] = []
    with served(url) as server, httpx.Client(base_url=server.base_url, timeout=30) as http:
        headers = tenant(http)
        first = create(http, headers, "written before the disk filled")
        assert first.status_code == 201, first.text
        acknowledged[first.json()["id"]] = first.json()["title"]
        connection = local_address(first)
        with disk_filled(small_disk):
            for _ in range(60):
                title = f"confidential {uuid.uuid4().hex}"
                answer = create(http, headers, title)
                if answer.status_code == 201:  # the WAL had room left: as durable as any
                    acknowledged[answer.json()["id"]] = title
                    continue
                assert_fault(answer, "insufficient-storage", retry_after="30")
                refused.append(title)
            ready = http.get("/readyz")
            assert ready.status_code == 503
            assert ready.json()["database"] == "ok"
            assert ready.json()["writes"] == "disk-full"
            read = http.get(f"/v1/audits/{first.json()['id']}", headers=headers)
            assert read.status_code == 200, "reads go on while the disk is full"
            counted = fault_count(http.get("/metrics").text, "disk_full")
            assert counted == len(refused)

        after = create(http, headers, "written once space came back")
        assert after.status_code == 201, after.text
        assert local_address(after) == connection, "the keep-alive connection was dropped"
        acknowledged[after.json()["id"]] = after.json()["title"]
        assert wait_until(lambda: http.get("/readyz").status_code == 200, timeout=5)

        listed = http.get("/v1/audits", params={"limit": 200}, headers=headers).json()["items"]
        titles = {audit["id"]: audit["title"] for audit in listed}
        assert titles == acknowledged, "an acknowledged write was lost, or a refused one kept"
        assert len(refused) >= 50, "the WAL's slack cannot hold 60 audits: were they refused?"
        server.stop()  # writes the count of repeated faults still open
        log = server.output()

    # One line when the fault began and one with the count of the rest, not one per request;
    # neither carries what the requests wrote, nor the key's hash.
    about = [line for line in fault_lines(log) if "(disk_full" in line]
    cause = "database unavailable (disk_full: OperationalError: database or disk is full)"
    assert about[0] == f"{cause}: POST /v1/audits answered 503", about
    assert re.fullmatch(
        rf"{re.escape(cause)}: {len(refused) - 1} more in the last [\d.]+ s", about[1]
    )
    assert len(about) == 2, about
    assert "Traceback" not in log
    assert not any(title in log for title in refused)
    assert token_hash(headers) not in log


@contextlib.contextmanager
def file_size_limit(pid: int, limit: int) -> Iterator[None]:
    """Writes by process `pid` past `limit` bytes into any file fail with EFBIG."""
    soft, hard = resource.prlimit(pid, resource.RLIMIT_FSIZE)
    resource.prlimit(pid, resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.prlimit(pid, resource.RLIMIT_FSIZE, (soft, hard))


def test_an_io_error_is_a_503_and_readyz_sees_it_until_a_write_succeeds(
    url: str, small_disk: Path
) -> None:
    wal = small_disk / "faults.db-wal"
    with served(url) as server, httpx.Client(base_url=server.base_url, timeout=30) as http:
        headers = tenant(http)
        kept = [create(http, headers, f"before the fault {i}") for i in range(20)]
        assert all(answer.status_code == 201 for answer in kept)
        # The WAL only grows while this server runs (it checkpoints every 100 commits), so
        # a limit at its size fails its next append and nothing else (the log is smaller).
        limit = wal.stat().st_size
        assert len(server.output()) < limit // 2
        with file_size_limit(server.process.pid, limit):
            answer = create(http, headers, "during the fault")
            body = assert_fault(answer, "database-unavailable", retry_after="5")
            assert "an I/O error" in body["detail"]
            connection = local_address(answer)
            ready = http.get("/readyz")
            assert ready.status_code == 503
            assert (ready.json()["database"], ready.json()["writes"]) == ("ok", "io-error")
            read = http.get(f"/v1/audits/{kept[0].json()['id']}", headers=headers)
            assert read.status_code == 200
            assert fault_count(http.get("/metrics").text, "io_error") == 1

        after = create(http, headers, "after the fault")
        assert after.status_code == 201, after.text
        assert local_address(after) == connection
        assert http.get("/readyz").status_code == 200
        listed = http.get("/v1/audits", params={"limit": 200}, headers=headers).json()["items"]
        assert {a["title"] for a in listed} == {
            *(a.json()["title"] for a in kept),
            "after the fault",
        }


def test_readyz_answers_503_in_its_timeout_while_another_process_holds_the_write_lock(
    url: str,
) -> None:
    database = url.removeprefix("sqlite:///")
    with (
        served(url, READY_TIMEOUT_SECONDS="1") as server,
        httpx.Client(base_url=server.base_url, timeout=30) as http,
    ):
        assert http.get("/readyz").status_code == 200
        holder = sqlite3.connect(database, isolation_level=None)
        try:
            holder.execute("BEGIN IMMEDIATE")
            answer = http.get("/readyz")
            assert answer.status_code == 503
            assert (answer.json()["database"], answer.json()["writes"]) == ("ok", "timeout")
            assert answer.elapsed.total_seconds() < 3
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert wait_until(lambda: http.get("/readyz").status_code == 200, timeout=5)


@pytest.mark.heavy
def test_a_stream_of_failing_writes_logs_a_line_per_interval_not_per_request(
    url: str, small_disk: Path
) -> None:
    """8 clients writing for 12 s on a full disk: the log holds the fault's first line and one
    count per 10 s (the last written at shutdown), whose counts add up to every refusal."""
    refused = 0
    with served(url) as server:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            headers = tenant(http)

        def write_until(deadline: float) -> int:
            n = 0
            with httpx.Client(base_url=server.base_url, timeout=30) as http:
                while time.monotonic() < deadline:
                    answer = create(http, headers, "refused")
                    assert answer.status_code == 503, answer.text
                    n += 1
            return n

        with disk_filled(small_disk), ThreadPoolExecutor(8) as pool:
            deadline = time.monotonic() + 12
            refused = sum(pool.map(write_until, [deadline] * 8))
        server.stop()
        log = server.output()
    about = [line for line in fault_lines(log) if "(disk_full" in line]
    counts = [int(m.group(1)) for line in about if (m := re.search(r": (\d+) more in", line))]
    assert len(about) == 1 + len(counts) and 1 <= len(counts) <= 3, about
    assert 1 + sum(counts) == refused
    other = "\n".join(fault_lines(log))
    per_request = len(log.encode()) / refused
    print(
        f"\n{refused} refused writes in 12 s: {len(log.encode())} bytes of log, "
        f"{per_request:.0f} a request (the access line); {len(other.encode())} bytes besides"
    )
    assert len(other.encode()) < 4000, other
    assert "Traceback" not in log


@pytest.mark.heavy
def test_a_write_lock_held_past_the_busy_timeout_is_a_503_and_service_resumes(url: str) -> None:
    database = url.removeprefix("sqlite:///")
    with (
        served(url) as server,
        httpx.Client(base_url=server.base_url, timeout=60) as http,
    ):
        headers = tenant(http)
        holder = sqlite3.connect(database, isolation_level=None)
        try:
            holder.execute("BEGIN IMMEDIATE")
            started = time.monotonic()
            answer = create(http, headers, "behind the lock")
            assert_fault(answer, "database-unavailable", retry_after="5")
            assert 25 < time.monotonic() - started < 40  # SQLite's busy timeout: 30 s
            assert "did not answer in time" in answer.json()["detail"]
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        after = create(http, headers, "after the lock")
        assert after.status_code == 201, after.text
        listed = http.get("/v1/audits", headers=headers).json()["items"]
        assert [audit["title"] for audit in listed] == ["after the lock"]
