"""Online backup, and restore, of the database DATABASE_URL names.

    python -m app.backup [PATH]           back up to PATH (a new file, or a directory), else to
                                          BACKUP_DIR, under a timestamped name
    python -m app.backup restore FILE     put FILE in the database's place (the app stopped)

A backup is safe while the app serves: SQLite's `VACUUM INTO` and `pg_dump` each read one
snapshot, so every write acknowledged before the backup began is in it, and nothing waits on
them. It is written under a temporary name, readable by its owner only, flushed to disk, then
linked into place, so PATH never holds half a backup and an existing file is never overwritten.

A restore refuses while anything else has the database open (SQLite: a process holding the
file, or SQLite's shared-memory lock; PostgreSQL: another client session on the database),
and it keeps what it replaces: the SQLite file (with its WAL) is renamed aside, and a
PostgreSQL database is dumped to BACKUP_DIR first. It prints one line on success; on failure
one line on stderr and exit status 1. docs/operations.md has the procedure around it.
"""

import contextlib
import fcntl
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL, make_url

from app.core.config import PROJECT_ROOT, get_settings

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory

# alembic and psycopg are imported where a restore or PostgreSQL needs them, and app.core's
# database modules not at all (they bring in the web stack): a cron'd SQLite backup starts in
# a third of the time.

# SQLite's unix VFS: every connection to a WAL database holds a shared lock on this byte of the
# `-shm` file while it is open ("DMS", os_unix.c), so an exclusive lock on it means nobody has.
SQLITE_SHM_DMS_BYTE = 128
# A PostgreSQL backend outlives its client's exit by a moment: how long a restore waits for the
# sessions of an app just stopped to go before it refuses.
SESSION_GRACE_SECONDS = 2.0


class BackupError(Exception):
    """A failure the operator can act on, said in one line."""


# -- where and what --------------------------------------------------------------------------


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _target(dest: str | None, stem: str, suffix: str) -> Path:
    """`dest` itself when it names a new file; a timestamped name inside it (or BACKUP_DIR)
    when it is a directory."""
    folder = Path(dest) if dest else get_settings().backup_dir
    if dest and not folder.is_dir():
        path = folder
    else:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / f"{stem}-{_stamp()}{suffix}"
    if path.exists():
        raise BackupError(f"{path} already exists; a backup never overwrites one")
    if not path.parent.is_dir():
        raise BackupError(f"{path.parent} is not a directory")
    return path


@contextlib.contextmanager
def _written_to(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` to write; once written, flushed and linked to `path`
    (which must still not exist), else removed."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(fd)
    partial = Path(name)
    partial.unlink()  # the tools want to create it themselves (VACUUM INTO refuses a file)
    try:
        yield partial
        partial.chmod(0o600)  # it holds what the database does: audit text, API-key hashes
        _fsync(partial)
        try:
            os.link(partial, path)  # atomic, and fails rather than replace
        except OSError as error:
            if isinstance(error, FileExistsError) or path.exists():
                raise BackupError(f"{path} appeared meanwhile; never overwritten") from None
            partial.rename(path)  # a file system without hard links
        _fsync(path.parent)
    finally:
        partial.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size} bytes, {size / 2**20:.1f} MiB"


def _migrations() -> "ScriptDirectory":
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(PROJECT_ROOT / "migrations"))


def _known_revision(revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return _migrations().get_revision(revision) is not None
    except CommandError:
        return False


def _check_revision(revision: str | None, what: str) -> str:
    """The backup's migration revision, if this release knows it."""
    if revision is None:
        raise BackupError(f"{what} has no alembic_version: not a database of this service")
    if not _known_revision(revision):
        raise BackupError(
            f"{what} is at migration {revision}, which this release does not know "
            "(a backup from a newer release?)"
        )
    return revision


# -- SQLite ----------------------------------------------------------------------------------


def _sqlite_database() -> Path | None:
    """The SQLite file DATABASE_URL names; None for another database."""
    url = make_url(get_settings().database_url)
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        raise BackupError("DATABASE_URL names no SQLite file to back up or restore")
    return Path(database)


def _sqlite_open(path: Path, mode: str) -> sqlite3.Connection:
    """A connection that never creates the file (`mode=rw`/`ro`, or `immutable=1` for a file
    nobody writes)."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    return sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=30)


def _sqlite_revision(path: Path) -> str | None:
    with contextlib.closing(_sqlite_open(path, "immutable=1")) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not a readable SQLite database: {error}") from None
    return None if row is None else str(row[0])


def backup_sqlite(database: Path, dest: str | None) -> tuple[Path, str]:
    path = _target(dest, database.stem, ".db")
    with _written_to(path) as partial:
        try:
            with contextlib.closing(_sqlite_open(database, "mode=rw")) as connection:
                connection.execute("VACUUM INTO ?", (str(partial),))
        except sqlite3.Error as error:
            raise BackupError(f"VACUUM INTO failed on {database}: {error}") from None
    return path, _sqlite_revision(path) or "none"


def _holders(paths: list[Path]) -> list[str]:
    """Other processes (that we may look at in /proc) with any of `paths` open."""
    wanted = {(s.st_dev, s.st_ino) for p in paths if p.exists() for s in [p.stat()]}
    found: list[str] = []
    if not wanted or not Path("/proc").is_dir():
        return found
    for pid in filter(str.isdigit, os.listdir("/proc")):
        if int(pid) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            for fd in os.listdir(f"/proc/{pid}/fd"):
                with contextlib.suppress(OSError):
                    s = os.stat(f"/proc/{pid}/fd/{fd}")
                    if (s.st_dev, s.st_ino) in wanted:
                        found.append(f"{pid} ({Path(f'/proc/{pid}/comm').read_text().strip()})")
                        break
    return found


def _shm_in_use(shm: Path) -> bool:
    """Whether any process (of any user) has a connection open on the WAL database."""
    if not shm.exists():
        return False
    fd = os.open(shm, os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SQLITE_SHM_DMS_BYTE, os.SEEK_SET)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, SQLITE_SHM_DMS_BYTE, os.SEEK_SET)
        return False
    finally:
        os.close(fd)


def _beside(database: Path, suffix: str) -> Path:
    return database.with_name(database.name + suffix)


def restore_sqlite(database: Path, source: Path) -> str:
    if database.exists() and source.exists() and database.samefile(source):
        raise BackupError(f"{source} is the database itself")
    revision = _check_revision(_sqlite_revision(source), str(source))
    with contextlib.closing(_sqlite_open(source, "immutable=1")) as connection:
        check = connection.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise BackupError(f"{source} fails SQLite's quick_check: {check}")
    wal, shm = _beside(database, "-wal"), _beside(database, "-shm")
    holders = _holders([database, wal, shm])
    if holders or _shm_in_use(shm):
        who = f"process {', '.join(holders)}" if holders else "another process"
        raise BackupError(f"{who} has {database} open: stop the app before restoring")
    database.parent.mkdir(parents=True, exist_ok=True)
    staged = _beside(database, ".restoring")
    shutil.copyfile(source, staged)
    _fsync(staged)
    kept = ""
    if database.exists():
        # Kept, not deleted: the file and its WAL move aside together, so it can still be
        # opened as it was. The -shm is only an index SQLite rebuilds.
        aside = _beside(database, f".pre-restore-{_stamp()}")
        database.rename(aside)
        if wal.exists():
            wal.rename(_beside(aside, "-wal"))
        kept = f"; the database it replaced is kept as {aside}"
    shm.unlink(missing_ok=True)
    wal.unlink(missing_ok=True)
    staged.rename(database)
    _fsync(database.parent)
    return f"restored {source} into {database} (migration {revision}){kept}"


# -- PostgreSQL ------------------------------------------------------------------------------


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """A URL the PostgreSQL tools take, and the environment with its password (not on the
    command line, where `ps` would show it)."""
    plain = url.set(drivername="postgresql", password=None)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return plain.render_as_string(hide_password=False), env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    bundled = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: p.parts)
    if bundled:
        return str(bundled[-1])
    raise BackupError(f"{name} not found: install PostgreSQL's client tools (postgresql-client)")


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        errors = [line for line in lines if "error" in line.lower()]
        raise BackupError((errors or lines or [f"exit status {done.returncode}"])[0])
    return done.stdout


def _dump_revision(dump: Path, env: dict[str, str]) -> str | None:
    """The alembic revision inside a custom-format dump (its one `alembic_version` row)."""
    script = _run(
        [_tool("pg_restore"), "--data-only", "--table=alembic_version", "--file=-", str(dump)],
        env,
    )
    lines = script.splitlines()
    for at, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and at + 1 < len(lines):
            value = lines[at + 1].strip()
            return None if value == "\\." else value
    return None


def backup_postgres(url: URL, dest: str | None, stem: str = "") -> tuple[Path, str]:
    conninfo, env = _libpq(url)
    path = _target(dest, stem or str(url.database), ".dump")
    with _written_to(path) as partial:
        _run(
            [_tool("pg_dump"), "--format=custom", f"--file={partial}", f"--dbname={conninfo}"],
            env,
        )
    return path, _dump_revision(path, env) or "none"


def _sessions_and_tables(conninfo: str, env: dict[str, str]) -> tuple[list[str], set[str]]:
    """Who else is connected to the database (client sessions, by application name or
    address), and the tables it has."""
    import psycopg

    try:
        with psycopg.connect(conninfo, password=env.get("PGPASSWORD")) as connection:
            sessions = connection.execute(
                "SELECT coalesce(nullif(application_name, ''), client_addr::text, 'local socket') "
                "FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            ).fetchall()
            tables = connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
    except psycopg.Error as error:
        raise BackupError(str(error)) from None
    return sorted(str(row[0]) for row in sessions), {str(row[0]) for row in tables}


def restore_postgres(url: URL, source: Path) -> str:
    if not source.is_file():
        raise BackupError(f"{source} does not exist")
    conninfo, env = _libpq(url)
    revision = _check_revision(_dump_revision(source, env), str(source))
    sessions, tables = _sessions_and_tables(conninfo, env)
    deadline = time.monotonic() + SESSION_GRACE_SECONDS
    while sessions and time.monotonic() < deadline:  # an app just stopped may linger a moment
        time.sleep(0.1)
        sessions, tables = _sessions_and_tables(conninfo, env)
    if sessions:
        raise BackupError(
            f"{len(sessions)} other session(s) are connected to {url.database} "
            f"({', '.join(dict.fromkeys(sessions))}): stop the app before restoring"
        )
    listing = _run([_tool("pg_restore"), "--list", str(source)], env)
    extra = sorted(t for t in tables if f" TABLE public {t} " not in listing)
    if extra:
        raise BackupError(
            f"{url.database} has tables the backup does not ({', '.join(extra)}), which "
            "pg_restore --clean would leave behind: restore into a new, empty database"
        )
    kept = ""
    if tables:
        aside, _ = backup_postgres(url, None, f"{url.database}-pre-restore")
        kept = f"; the database it replaced is kept as {aside}"
    _run(
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={conninfo}",
            str(source),
        ],
        env,
    )
    return f"restored {source} into {url.database} (migration {revision}){kept}"


# -- the command -----------------------------------------------------------------------------


def backup(dest: str | None = None) -> str:
    """Back up the database; the line that says where and how big."""
    database = _sqlite_database()
    if database is not None:
        path, revision = backup_sqlite(database, dest)
    else:
        url = make_url(get_settings().database_url)
        if not url.drivername.startswith("postgresql"):
            raise BackupError(f"cannot back up a {url.drivername} database")
        path, revision = backup_postgres(url, dest)
    return f"wrote {path} ({_size(path)}; migration {revision})"


def restore(source: str) -> str:
    """Restore the database from `source`; the line that says what was done."""
    database = _sqlite_database()
    if database is not None:
        return restore_sqlite(database, Path(source))
    url = make_url(get_settings().database_url)
    if not url.drivername.startswith("postgresql"):
        raise BackupError(f"cannot restore a {url.drivername} database")
    return restore_postgres(url, Path(source))


USAGE = "usage: python -m app.backup [PATH] | python -m app.backup restore FILE"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if any(a in ("-h", "--help") for a in args):
        print(__doc__)
        return 0
    try:
        if args[:1] == ["restore"]:
            if len(args) != 2:
                raise BackupError(USAGE)
            print(restore(args[1]))
            head = _migrations().get_current_head()
            print(f"next: alembic upgrade head (to {head}; make run does it), start, check /readyz")
        else:
            if len(args) > 1:
                raise BackupError(USAGE)
            print(backup(args[0] if args else None))
    except (BackupError, OSError) as error:
        said = str(error).strip().splitlines() or [type(error).__name__]
        print(f"app.backup: {said[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
