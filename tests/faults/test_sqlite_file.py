"""The SQLite file itself (issue 16, item 6), against a served app: the file deleted or replaced
while serving (writes 503 with Retry-After, /readyz 503, no 2xx after the fault, every write
acknowledged before it kept), a damaged file at start-up (one line, a non-zero exit), and what
`make run`'s migrate step does when the file is missing. SQLite only."""

import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.core.database_file import MAGIC, DatabaseFileGone, check_at_start, prepare
from app.core.db import build_engine
from tests.conftest import ROOT, ServedApp, assert_problem, free_port
from tests.helpers import OPERATOR, operator_env, tenant

pytestmark = [
    pytest.mark.served,
    pytest.mark.skipif(
        bool(os.environ.get("TEST_DATABASE_URL")), reason="the SQLite file: SQLite only"
    ),
]


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


@pytest.fixture
def db(database_url: str, tmp_path: Path) -> Path:
    """A copy of the module's migrated, seeded database, for one test to break."""
    path = tmp_path / "served.db"
    _copy(Path(str(make_url(database_url).database)), path)
    return path


def _copy(source: Path, target: Path) -> None:
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _create(http: httpx.Client, headers: dict[str, str], title: str) -> httpx.Response:
    body = {"template_version": 1, "title": title, "responses": []}
    return http.post("/v1/audits", json=body, headers=headers)


def _titles(path: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return {row[0] for row in connection.execute("SELECT title FROM audit")}


def _assert_refused(response: httpx.Response) -> None:
    assert_problem(response, 503, "service-unavailable")
    assert int(response.headers["Retry-After"]) > 0


def _break(path: Path, how: str) -> None:
    """Delete the file, or put another database in its place, as an operator might by mistake;
    the opened file stays reachable as `<path>.kept` for the checks afterwards."""
    os.link(path, f"{path}.kept")
    if how == "deleted":
        path.unlink()
    else:
        other = path.with_name("other.db")
        _copy(path, other)  # another file, with the same schema and tenants
        os.replace(other, path)


def _put_back(path: Path, how: str) -> None:
    """The opened file back at its path (its -wal is still beside it), the intruder aside."""
    if how == "replaced":
        os.replace(path, path.with_name("intruder.db"))
    os.replace(f"{path}.kept", path)


def _assert_writes_refused(
    http: httpx.Client, headers: dict[str, str], audit: httpx.Response, state: str
) -> None:
    audit_id, etag = audit.json()["id"], audit.headers["ETag"]
    for response in (
        _create(http, headers, f"after {state} 0"),
        _create(http, headers, f"after {state} 1"),
        http.patch(
            f"/v1/audits/{audit_id}",
            json={"title": f"after {state} patch"},
            headers={**headers, "If-Match": etag},
        ),
        http.post("/v1/organisations", json={"name": "X", "slug": "x-1"}, headers=OPERATOR),
    ):
        _assert_refused(response)
    ready = http.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["database"] == state
    # A read is answered from a connection already open (the data as acknowledged), or
    # refused the same way when it would need a new one: never a 500.
    read = http.get(f"/v1/audits/{audit_id}", headers=headers)
    if read.status_code != 200:
        _assert_refused(read)


def test_writes_are_refused_once_the_file_is_gone_and_nothing_acknowledged_is_lost(
    db: Path,
) -> None:
    """One server: the file replaced, put back (writes resume), then deleted."""
    server = ServedApp(_url(db))
    acknowledged: list[httpx.Response] = []
    try:
        with httpx.Client(base_url=server.base_url, timeout=10) as http:
            headers = tenant(http)
            for i in range(5):
                acknowledged.append(_create(http, headers, f"before {i}"))
            assert {a.status_code for a in acknowledged} == {201}
            assert http.get("/readyz").status_code == 200

            _break(db, "replaced")
            intruder = db.read_bytes()
            _assert_writes_refused(http, headers, acknowledged[0], "replaced")
            assert db.read_bytes() == intruder, "the app wrote into the file that took the path"
            _put_back(db, "replaced")
            acknowledged.append(_create(http, headers, "back"))
            assert acknowledged[-1].status_code == 201, acknowledged[-1].text
            assert http.get("/readyz").status_code == 200

            _break(db, "deleted")
            _assert_writes_refused(http, headers, acknowledged[0], "missing")
    finally:
        server.stop()
    # One line for the operator at each fault, not one per refused request.
    log = server.output()
    assert log.count("while serving: writes answer 503") == 2, log
    assert log.count("is back: writes resume") == 1, log
    _put_back(db, "deleted")
    titles = _titles(db)
    assert {a.json()["title"] for a in acknowledged} <= titles
    assert not {t for t in titles if t.startswith("after")}, "a refused write was kept"


def test_the_app_never_creates_the_file(tmp_path: Path) -> None:
    path = tmp_path / "vanished.db"
    engine = build_engine(_url(path))
    try:
        with pytest.raises(OperationalError, match="unable to open database file"):
            engine.connect()
    finally:
        engine.dispose()
    assert not path.exists()


def test_a_write_whose_file_goes_before_its_commit_is_rolled_back(db: Path) -> None:
    """The file checked again at COMMIT: a transaction that began before the file went gets a
    503 and leaves nothing behind, and the writer gate is free for the next write."""
    engine = build_engine(_url(db))
    rename = text("UPDATE organisation SET name = :name WHERE slug = :slug")
    try:
        with engine.connect() as connection:
            slug = connection.execute(text("SELECT min(slug) FROM organisation")).scalar_one()
        with Session(engine) as session:
            session.execute(rename, {"name": "written after the file went", "slug": slug})
            _break(db, "deleted")
            with pytest.raises(DatabaseFileGone):
                session.commit()
        _put_back(db, "deleted")
        started = time.monotonic()
        with Session(engine) as session:
            session.execute(rename, {"name": "written once it was back", "slug": slug})
            session.commit()
        assert time.monotonic() - started < 5, "the refused commit kept the writer gate"
    finally:
        engine.dispose()
    with contextlib.closing(sqlite3.connect(db)) as connection:
        names = connection.execute("SELECT name FROM organisation WHERE slug = ?", (slug,))
        assert names.fetchone()[0] == "written once it was back"


def _writer(
    base_url: str, headers: dict[str, str], out: list[tuple[float, int, str]], stop: threading.Event
) -> None:
    with httpx.Client(base_url=base_url, timeout=30) as http:
        n = 0
        while not stop.is_set():
            n += 1
            title = f"{threading.get_ident()} {n}"
            sent = time.monotonic()
            response = _create(http, headers, title)
            if response.status_code == 503:
                _assert_refused(response)
            out.append((sent, response.status_code, title))


@pytest.mark.heavy
@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_concurrent_writers_get_no_2xx_once_the_file_is_gone(db: Path, how: str) -> None:
    server = ServedApp(_url(db))
    writes: list[tuple[float, int, str]] = []
    stop = threading.Event()
    try:
        with httpx.Client(base_url=server.base_url, timeout=10) as http:
            headers = tenant(http)
        threads = [
            threading.Thread(target=_writer, args=(server.base_url, headers, writes, stop))
            for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        time.sleep(1.0)
        _break(db, how)
        gone_at = time.monotonic()
        time.sleep(1.0)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        server.stop()
    before = [w for w in writes if w[0] < gone_at]
    after = [w for w in writes if w[0] > gone_at]
    assert len(before) >= 10 and len(after) >= 10, (len(before), len(after))
    assert {status for _, status, _ in after} == {503}
    _put_back(db, how)
    titles = _titles(db)
    acknowledged = {title for _, status, title in writes if status == 201}
    refused = {title for _, status, title in writes if status == 503}
    assert acknowledged <= titles
    assert not refused & titles
    print(f"\nfile {how}: {len(acknowledged)} acknowledged and kept, {len(refused)} refused")


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "header":
        path.write_bytes(b"not a database at all, overwritten".ljust(100, b"!") + data[100:])
    elif how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "page-damaged":
        page = int.from_bytes(data[16:18], "big")
        middle = (len(data) // page // 2) * page
        path.write_bytes(data[:middle] + os.urandom(page) + data[middle + page :])
    elif how == "missing":
        path.unlink()


def _start(path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": _url(path), "LOG_LEVEL": "info"}
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(free_port())]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


EXPECTED = {
    "header": "its header is damaged",
    "truncated": "is truncated",
    "empty": "is empty",
    "page-damaged": "",  # quick_check's or the driver's words
    "missing": "does not exist",
}


@pytest.mark.parametrize(
    "how",
    [
        "header",
        pytest.param("truncated", marks=pytest.mark.heavy),
        pytest.param("empty", marks=pytest.mark.heavy),
        pytest.param("page-damaged", marks=pytest.mark.heavy),
        pytest.param("missing", marks=pytest.mark.heavy),
    ],
)
def test_a_damaged_file_at_start_up_is_one_line_and_a_non_zero_exit(db: Path, how: str) -> None:
    _damage(db, how)
    started = _start(db)
    lines = [line for line in (started.stdout + started.stderr).splitlines() if line.strip()]
    assert started.returncode != 0
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: cannot serve: the database file " + str(db)), lines[0]
    assert EXPECTED[how] in lines[0]
    if how != "missing":
        assert db.exists()  # nothing created or replaced in its place


@pytest.mark.parametrize("how", ["truncated", "empty", "page-damaged", "missing"])
def test_the_start_up_check_names_each_damage(db: Path, how: str) -> None:
    """The same check, in this process (the process-level cases above cost a start each)."""
    _damage(db, how)
    with pytest.raises(SystemExit) as refused:
        check_at_start(_url(db))
    line = str(refused.value)
    assert line.startswith("error: cannot serve: the database file " + str(db)), line
    assert EXPECTED[how] in line and "\n" not in line


def test_migrate_creates_a_missing_file_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.db"
    prepare(_url(path))
    assert (
        capsys.readouterr().err == f"database: no database at {path}: creating a new, empty one\n"
    )
    assert path.read_bytes().startswith(MAGIC)
    prepare(_url(path))
    assert capsys.readouterr().err == f"database: migrating the existing database at {path}\n"


def test_migrate_refuses_a_file_that_vanished_beside_its_write_ahead_log(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A writer still has the database open (its -wal and -shm are there) when it is deleted.
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("UPDATE audit_template SET version = version")
        connection.commit()
        db.unlink()
        with pytest.raises(SystemExit) as refused:
            prepare(_url(db))
    message = str(refused.value)
    assert message.startswith(f"error: the database file {db} is missing but {db}-wal")
    assert "Restore it" in message
    assert not db.exists(), "a new, empty database was made in place of the one that vanished"
    assert capsys.readouterr().err == ""


def test_migrate_refuses_a_damaged_file(db: Path) -> None:
    _damage(db, "truncated")
    with pytest.raises(SystemExit) as refused:
        prepare(_url(db))
    assert str(refused.value).startswith(f"error: cannot migrate: the database file {db} is")


def _run(args: list[str], path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": _url(path)}
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.heavy
def test_make_run_steps_say_what_they_do_to_the_database(tmp_path: Path) -> None:
    """The Makefile's `migrate` and `seed` steps, as `make run` runs them, on a missing file,
    then on the file they made, then on that file vanished while a writer had it open."""
    path = tmp_path / "data.db"
    migrate = [str(Path(sys.executable).parent / "alembic"), "upgrade", "head"]
    seed = [sys.executable, "-m", "app.seeding"]

    created, seeded = _run(migrate, path), _run(seed, path)
    assert created.returncode == 0, created.stderr
    assert f"database: no database at {path}: creating a new, empty one" in created.stderr
    assert seeded.returncode == 0, seeded.stderr
    assert f"seeded {path}: content version" in seeded.stderr

    again = _run(migrate, path)
    assert again.returncode == 0, again.stderr
    assert f"database: migrating the existing database at {path}" in again.stderr
    assert "creating" not in again.stderr

    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE audit_template SET version = version")
        connection.commit()
        path.unlink()
        vanished, reseeded = _run(migrate, path), _run(seed, path)
    assert vanished.returncode != 0
    assert f"error: the database file {path} is missing but {path}-wal" in vanished.stderr
    assert "Traceback" not in vanished.stderr
    assert reseeded.returncode != 0
    assert reseeded.stderr.strip() == f"cannot seed: the database file {path} does not exist"
    assert not path.exists()
