"""The SQLite database file: which file the app opened, whether its path still names that file,
and the checks before it is used (docs/operations.md, "The database file").

The app never creates the file: its connections open it with SQLite's URI `mode=rw`, so a file
that vanished is an error, not a fresh empty database. Only `prepare` (run by Alembic's
environment, so by `make migrate` and the container's entrypoint) creates one, and says so.
"""

import contextlib
import logging
import os
import sqlite3
import stat
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import make_url

from app.core.errors import ServiceUnavailable

log = logging.getLogger(__name__)
MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
# The path comes back only when an operator restores the file: a client may retry, not soon.
RETRY_AFTER_SECONDS = 30
GONE_DETAIL = (
    "The database is unavailable: its file was deleted or replaced while the service ran. "
    "Nothing was written."
)


class DatabaseFileGone(ServiceUnavailable):
    """The path no longer names the file the app opened: a write there would be lost."""


class DatabaseFileError(Exception):
    """The file cannot be used: missing, empty, truncated, or not a readable SQLite database."""


def uri(path: Path, mode: str = "rw") -> str:
    """SQLite's URI for `path`; `mode=rw` fails on a missing file rather than create it."""
    return f"file:{quote(os.path.abspath(path))}?mode={mode}"


def connect(path: Path, timeout: float = 30) -> sqlite3.Connection:
    """A connection of our own (checks, the WAL checkpoint) to the existing file only."""
    return sqlite3.connect(uri(path), uri=True, timeout=timeout)


class FileIdentity:
    """The device and inode of the file the app's connections opened, compared with what the
    path names now: one `stat` per check (docs/operations.md gives its cost)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._opened: tuple[int, int] | None = None
        self._reported: str | None = None  # the last state logged, so a fault logs once

    def do_connect(self, _dialect: Any, _record: Any, cargs: list[Any], cparams: Any) -> None:
        """SQLAlchemy's `do_connect`: open with `mode=rw`, and never open a file other than
        the first one (a replaced or vanished file gets no new connection)."""
        if self._opened is not None:
            self.verify()
        cargs[0] = uri(self.path)
        cparams["uri"] = True

    def connected(self, _dbapi_connection: Any, _record: Any) -> None:
        """SQLAlchemy's `connect`: the first connection fixes which file is the database."""
        if self._opened is None:
            with contextlib.suppress(OSError):  # vanished since the open: the next check says
                info = os.stat(self.path)
                self._opened = (info.st_dev, info.st_ino)

    def problem(self) -> str | None:
        """None while the path names the opened file; else "missing" or "replaced"."""
        try:
            info = os.stat(self.path)
        except OSError:
            problem: str | None = "missing"
        else:
            opened = self._opened
            same = opened is None or (info.st_dev, info.st_ino) == opened
            problem = None if same else "replaced"
        if problem != self._reported:
            self._reported = problem
            self._report(problem)
        return problem

    def verify(self) -> None:
        """Raise a 503 unless the path still names the opened file."""
        if self.problem() is not None:
            raise DatabaseFileGone(GONE_DETAIL, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})

    def _report(self, problem: str | None) -> None:
        if problem is None:
            log.warning("database file %s is back: writes resume", self.path)
        else:
            log.error(
                "database file %s is %s while serving: writes answer 503, and /readyz, "
                "until it is restored or the service restarted",
                self.path,
                "gone" if problem == "missing" else "replaced by another file",
            )


def _size_in_header(header: bytes) -> int | None:
    """The database's size in bytes as its header states it, if that field is valid (SQLite
    trusts it only while the change counter equals the version-valid-for number)."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96] and pages > 0
    return page_size * pages if valid else None


def check(path: Path, *, empty_ok: bool = False) -> None:
    """Raise DatabaseFileError unless `path` is a whole SQLite database: the header, the size
    it states (when no write-ahead log may hold the rest), then SQLite's `quick_check`."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DatabaseFileError(f"{path} does not exist") from None
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseFileError(f"{path} is not a regular file")
    if info.st_size == 0:
        if empty_ok:
            return
        raise DatabaseFileError(f"{path} is empty (0 bytes): truncated, or never migrated")
    with path.open("rb") as file:
        header = file.read(HEADER_BYTES)
    if not header.startswith(MAGIC):
        raise DatabaseFileError(f"{path} is not a SQLite database: its header is damaged")
    if len(header) < HEADER_BYTES:
        raise DatabaseFileError(f"{path} is truncated: {info.st_size} bytes")
    expected = _size_in_header(header)
    wal = path.with_name(path.name + "-wal")
    wal_empty = not wal.exists() or wal.stat().st_size == 0
    if expected is not None and info.st_size < expected and wal_empty:
        raise DatabaseFileError(
            f"{path} is truncated: {info.st_size} bytes where its header says {expected}"
        )
    try:
        with contextlib.closing(connect(path)) as connection:
            result = connection.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.Error as exc:
        raise DatabaseFileError(f"{path} cannot be read as a SQLite database: {exc}") from None
    if result is None or result[0] != "ok":
        found = " ".join(str(result[0]).split()) if result else "no answer"  # one line
        raise DatabaseFileError(f"{path} is corrupt (SQLite's quick_check: {found})")


def database_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for another database, or SQLite in memory."""
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    return None if database.startswith("file:") else Path(database)


def check_at_start(url: str) -> None:
    """At the app's start: exit with one line on stderr, and a non-zero status, unless the
    database file is whole. One line, not a traceback per request later."""
    path = database_path(url)
    if path is None:
        return
    try:
        check(path)
    except DatabaseFileError as exc:
        raise SystemExit(
            f"error: cannot serve: the database file {exc}. Restore it from a backup, "
            "or run `make migrate` for a new one (docs/operations.md, The database file)"
        ) from None


def prepare(url: str) -> None:
    """Before migrations: say which database they work on; create a missing SQLite file, unless
    its write-ahead log is still beside it (the database vanished: refuse, with one line)."""
    path = database_path(url)
    if path is None:
        return
    left = [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
    if left and (not path.exists() or path.stat().st_size == 0):
        # SQLite would replay that log into a new file: part of the old database, corrupt.
        raise SystemExit(
            f"error: the database file {path} is {'empty' if path.exists() else 'missing'} "
            f"but {left[0]} is still there: the "
            "database was deleted or moved. Restore it (docs/operations.md), or delete "
            f"{path}-wal and {path}-shm to start a new, empty database"
        )
    if path.exists():
        try:
            check(path, empty_ok=True)
        except DatabaseFileError as exc:
            raise SystemExit(f"error: cannot migrate: the database file {exc}") from None
        _say(f"migrating the existing database at {path}")
        return
    if not path.parent.is_dir():
        raise SystemExit(f"error: the directory {path.parent} does not exist (not mounted?)")
    _say(f"no database at {path}: creating a new, empty one")
    with contextlib.closing(sqlite3.connect(uri(path, "rwc"), uri=True)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")  # writes the header: the file is real


def _say(line: str) -> None:
    print(f"database: {line}", file=sys.stderr, flush=True)
