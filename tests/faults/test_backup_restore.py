"""Backup while serving, restore, and the ETags that follow (issue 16, item 7), on the suite's
database (a SQLite file, or PostgreSQL when TEST_DATABASE_URL is set).

Against a served app: audits are written, a backup is taken while writers keep writing (every
write acknowledged before the backup started must be in it), more writes move versions on, the
database is restored and the app restarted. Then the restored content is there, a client holding
an ETag issued after the backup gets no 304 and a 412, and the first write after the restore,
which takes the audit to a version number already issued, draws an ETag never seen before.

`make test` runs it with `python -m app.backup restore`; `make faults` runs a longer load with
two workers and restores by the manual procedure docs/operations.md gives."""

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from app import backup as backup_command
from app.core import db as db_module
from tests.conftest import ROOT, ServedApp
from tests.helpers import operator_env, tenant

FHIR = {"Accept": "application/fhir+json"}


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


def run_backup(database_url: str, *args: str, backup_dir: Path) -> subprocess.CompletedProcess[str]:
    """`python -m app.backup ARGS` as an operator runs it."""
    env = {**os.environ, "DATABASE_URL": database_url, "BACKUP_DIR": str(backup_dir)}
    return subprocess.run(
        [sys.executable, "-m", "app.backup", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def one_line_failure(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("app.backup: "), done.stderr
    assert all(word in lines[0] for word in words), lines[0]
    return lines[0]


@dataclass
class Writers:
    """Threads creating audits and retitling them until stopped; each acknowledged write is
    kept with the moment its response arrived."""

    base_url: str
    headers: dict[str, str]
    acked: list[tuple[float, str, str, int]] = field(default_factory=list)  # (at, id, title, v)
    etags: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def run(self, name: str) -> None:
        with httpx.Client(base_url=self.base_url, headers=self.headers, timeout=30) as http:
            n = 0
            while not self.stop.is_set():
                n += 1
                title = f"{name}-{n}"
                created = http.post("/v1/audits", json={"template_version": 1, "title": title})
                if created.status_code != 201:
                    self.failures.append(created.text)
                    continue
                self._ack(created)
                patched = http.patch(
                    created.json()["href"],
                    json={"title": title + "-edited"},
                    headers={"If-Match": created.headers["etag"]},
                )
                if patched.status_code != 200:
                    self.failures.append(patched.text)
                    continue
                self._ack(patched)

    def _ack(self, response: httpx.Response) -> None:
        at, body = time.monotonic(), response.json()
        with self._lock:
            self.acked.append((at, body["id"], body["title"], body["version"]))
            self.etags.add(response.headers["etag"])

    def start(self, count: int, at_least: int) -> list[threading.Thread]:
        threads = [
            threading.Thread(target=self.run, args=(f"w{i}",), daemon=True) for i in range(count)
        ]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 30
        while len(self.acked) < at_least and time.monotonic() < deadline:
            time.sleep(0.01)
        return threads

    def latest_before(self, moment: float) -> dict[str, tuple[str, int]]:
        """Each audit's last acknowledged (title, version) before `moment`."""
        latest: dict[str, tuple[str, int]] = {}
        for at, audit_id, title, version in sorted(self.acked):
            if at < moment:
                latest[audit_id] = (title, version)
        return latest


def restore_by_hand(database_url: str, backup: Path) -> None:
    """The manual procedure in docs/operations.md, with the app stopped."""
    url = make_url(database_url)
    if url.drivername.startswith("sqlite"):
        database = Path(str(url.database))
        for suffix in ("-wal", "-shm"):
            database.with_name(database.name + suffix).unlink(missing_ok=True)
        shutil.copyfile(backup, database)
        return
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    subprocess.run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={plain}", str(backup)],
        check=True,
        capture_output=True,
        timeout=120,
    )


def backup_restore_and_check(
    database_url: str, tmp_path: Path, workers: int, writers: int, load_seconds: float, cli: bool
) -> None:
    server = ServedApp(database_url, workers=workers)
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            headers = tenant(http)
            created = http.post(
                "/v1/audits", json={"template_version": 1, "title": "first"}, headers=headers
            )
            href = created.json()["href"]
            backed_up = http.patch(
                href,
                json={"title": "backed up"},
                headers={**headers, "If-Match": created.headers["etag"]},
            )
            assert backed_up.status_code == 200 and backed_up.json()["version"] == 2
            seen = {created.headers["etag"], backed_up.headers["etag"]}

            # Back up while writers write; every write acknowledged before it started is in it.
            load = Writers(server.base_url, headers)
            threads = load.start(writers, at_least=4 * writers)
            started = time.monotonic()
            made = run_backup(database_url, str(tmp_path), backup_dir=tmp_path / "unused")
            time.sleep(load_seconds)
            load.stop.set()
            for thread in threads:
                thread.join()
            assert made.returncode == 0, made.stderr
            assert made.stdout.startswith("wrote ") and "bytes" in made.stdout, made.stdout
            (backup,) = [p for p in tmp_path.iterdir() if p.suffix in (".db", ".dump")]
            assert str(backup) in made.stdout and not load.failures, load.failures[:3]
            assert backup.stat().st_mode & 0o077 == 0  # the owner's alone
            must_have = load.latest_before(started)
            assert must_have and any(at >= started for at, *_ in load.acked)  # writes overlapped
            seen |= load.etags

            # More writes after the backup: the audit moves on to version 3, in two representations.
            later = http.patch(
                href,
                json={"title": "after the backup"},
                headers={**headers, "If-Match": backed_up.headers["etag"]},
            )
            assert later.status_code == 200 and later.json()["version"] == 3
            later_fhir = http.get(href, headers={**headers, **FHIR}).headers["etag"]
            assert (
                http.get(
                    href, headers={**headers, "If-None-Match": later.headers["etag"]}
                ).status_code
                == 304
            )
            seen |= {later.headers["etag"], later_fhir}

            db_module.reset_engine()  # this test process's own connections (from the seed step)
            if cli:  # refused while the app serves
                one_line_failure(
                    run_backup(database_url, "restore", str(backup), backup_dir=tmp_path),
                    "stop the app",
                )
    finally:
        server.stop()

    if cli:
        restored = run_backup(database_url, "restore", str(backup), backup_dir=tmp_path / "kept")
        assert restored.returncode == 0, restored.stderr
        assert restored.stdout.startswith(f"restored {backup}"), restored.stdout
    else:
        restore_by_hand(database_url, backup)

    server = ServedApp(database_url, workers=workers)
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            ready = http.get("/readyz")
            assert ready.status_code == 200 and ready.json()["migrations"] == "at-head", ready.text
            # The restored content, with the ETag it had when it was backed up.
            now = http.get(href, headers=headers)
            assert now.status_code == 200
            assert (now.json()["title"], now.json()["version"]) == ("backed up", 2)
            assert now.headers["etag"] == backed_up.headers["etag"]
            for audit_id, (title, version) in must_have.items():
                kept = http.get(f"/v1/audits/{audit_id}", headers=headers)
                assert kept.status_code == 200, (audit_id, kept.text)
                assert kept.json()["version"] >= version, (audit_id, kept.json(), version)
                if kept.json()["version"] == version:
                    assert kept.json()["title"] == title
            # An ETag issued after the backup matches nothing now, in any representation.
            for tag, accept in ((later.headers["etag"], {}), (later_fhir, FHIR)):
                fresh = http.get(href, headers={**headers, **accept, "If-None-Match": tag})
                assert fresh.status_code == 200 and fresh.headers["etag"] != tag
                stale = http.patch(
                    href, json={"title": "lost"}, headers={**headers, "If-Match": tag}
                )
                assert stale.status_code == 412, stale.text
            # The first write after the restore reaches version 3 again, with an ETag never seen.
            first = http.patch(
                href,
                json={"title": "after the restore"},
                headers={**headers, "If-Match": now.headers["etag"]},
            )
            assert first.status_code == 200 and first.json()["version"] == 3
            assert first.headers["etag"] not in seen
            assert (
                http.get(
                    href, headers={**headers, "If-None-Match": later.headers["etag"]}
                ).status_code
                == 200
            )
            for tag in (later.headers["etag"], later_fhir):
                stale = http.patch(
                    href, json={"title": "lost"}, headers={**headers, "If-Match": tag}
                )
                assert stale.status_code == 412, stale.text
            assert http.get(href, headers=headers).json()["title"] == "after the restore"
    finally:
        server.stop()


def test_backup_while_serving_then_restore_issues_no_etag_twice(
    database_url: str, tmp_path: Path
) -> None:
    backup_restore_and_check(
        database_url, tmp_path, workers=1, writers=2, load_seconds=0.2, cli=True
    )


@pytest.mark.heavy
def test_backup_under_load_with_two_workers_then_the_manual_restore(
    database_url: str, tmp_path: Path
) -> None:
    backup_restore_and_check(
        database_url, tmp_path, workers=2, writers=8, load_seconds=3, cli=False
    )


def test_backup_refuses_to_overwrite_and_restore_refuses_what_is_not_a_backup(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The refusals, through the command's own `main` in this process (cheaper than a
    process each; the served test above runs the command as an operator does)."""
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"keep me")
    for args, words in (
        ([str(existing)], "already exists"),
        ([str(tmp_path / "missing" / "x.db")], "not a directory"),
        (["restore", str(existing)], ""),
        (["restore", str(tmp_path / "absent.db")], "does not exist"),
        (["restore"], "usage"),
    ):
        assert backup_command.main(args) == 1, args
        out, err = capsys.readouterr()
        assert out == "", out
        one_line_failure(subprocess.CompletedProcess(args, 1, out, err), words)
    assert existing.read_bytes() == b"keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["existing.db"]  # nothing half-written


def test_sqlites_shared_memory_lock_shows_a_connection_open_from_any_process(
    tmp_path: Path,
) -> None:
    """The restore's check that needs no /proc: any process's open connection to a WAL
    database holds SQLite's shared-memory lock, whoever owns the process."""
    database = tmp_path / "wal.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(database)!r})\n"
            "c.execute('PRAGMA journal_mode=WAL'); c.execute('CREATE TABLE t (x)'); c.commit()\n"
            "print('open', flush=True); sys.stdin.readline()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    shm = database.with_name("wal.db-shm")
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        assert backup_command._shm_in_use(shm)
    finally:
        holder.kill()  # as kill -9 leaves it: the -shm stays, and nobody holds it
        holder.communicate(timeout=10)
    assert shm.exists() and not backup_command._shm_in_use(shm)
