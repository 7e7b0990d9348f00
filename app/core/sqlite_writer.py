"""SQLite's write path: connection settings, the writer gate every write transaction goes
through, and the WAL checkpointer. `attach` sets them up on a SQLite engine (`app.core.db`
calls it); on PostgreSQL none of this applies, the server does the locking. Connections open
the file with `mode=rw`, and a write commits only while the path names the file they opened
(app/core/database_file.py)."""

import asyncio
import contextlib
import fcntl
import logging
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import event, make_url
from sqlalchemy.engine import Engine

from app.core.database_file import FileIdentity, connect

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 30_000
WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024
CHECKPOINT_EVERY = 100  # commits: a create writes ~16 pages, so the WAL peaks near 6.5 MB


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level: WriterGate.begin issues BEGIN, so a write transaction
    # takes the lock up front and never fails half-way with "locked".
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA wal_autocheckpoint=0")  # WalCheckpointer does it, off the loop
    # A WAL that a long reader let grow past this is cut back when it next starts over (it
    # peaks near 6.5 MB between checkpoints), rather than keeping its largest size on disk.
    cursor.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT_BYTES}")
    cursor.close()


class WriterBusy(Exception):
    """Another process held SQLite's write lock when a write tried it on the event loop;
    nothing was written, and the write goes to the pool to wait."""


class WriterGate:
    """Queues this process's SQLite writers on locks that hand over at once, then takes SQLite's
    write lock up front with BEGIN IMMEDIATE (an upgrade mid-transaction fails with SQLITE_BUSY).

    Threads queue on a `threading.Lock`, processes (`WORKERS` > 1) on an `flock` of a file
    beside the database: SQLite's own busy handler polls in sleeps of up to 100 ms and leaves its
    lock idle meanwhile. The kernel drops an flock when its process dies. `hold_on_loop` lets a
    write run on the event loop, waiting there without blocking it while this process holds the
    gate (docs/architecture.md says why writes run on the loop).

    With a file's `identity`, a write begins and commits only while the path names the file
    the connections opened: a 503 otherwise, rather than a write acknowledged into a file
    that was deleted or replaced."""

    def __init__(self, lock_path: Path | None, identity: FileIdentity | None = None) -> None:
        self._identity = identity
        self._lock = threading.Lock()
        # One open file per process, for its lifetime: an flock belongs to the open file.
        self._file = lock_path.open("ab") if lock_path else None
        self._held_for: int | None = None  # the thread a hold is waiting to hand over to
        self._waiting: list[asyncio.Future[None]] = []  # loop writers, woken at a release
        self._waiting_lock = threading.Lock()

    async def hold_on_loop(self, timeout: float = 30) -> bool:
        """Both locks for the next transaction on this thread, waiting without blocking the
        loop while this process holds them; False if another process does (or after
        `timeout`): the write goes to the pool."""
        deadline = time.monotonic() + timeout
        while not self._lock.acquire(blocking=False):
            if not await self._released(deadline - time.monotonic()):
                return False
        if not self._flock(wait=False):
            self._release_thread_lock()
            return False
        self._held_for = threading.get_ident()
        return True

    async def _released(self, timeout: float) -> bool:
        """Wait (on the loop) for the thread lock's next release; False on timeout."""
        waiter = asyncio.get_running_loop().create_future()
        with self._waiting_lock:
            self._waiting.append(waiter)
        if not self._lock.locked():  # released before we were listed: nobody will wake us
            return True
        try:
            await asyncio.wait_for(waiter, max(timeout, 0))
        except TimeoutError:
            return False
        return True

    def _wake(self) -> None:
        """Wake the loop writers waiting for the thread lock (called after each release, from
        whichever thread released it)."""
        if not self._waiting:
            return
        with self._waiting_lock:
            waiting, self._waiting = self._waiting, []
        for waiter in waiting:
            waiter.get_loop().call_soon_threadsafe(_resolve, waiter)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Both locks, waited for, around work that no write may overlap (a checkpoint)."""
        if not self._acquire():
            raise TimeoutError("the SQLite writer gate stayed held for 30 s")
        try:
            yield
        finally:
            self._release()

    def _acquire(self) -> bool:
        """Both locks or neither, waiting up to 30 s for this process's."""
        if not self._lock.acquire(timeout=30):
            return False
        try:
            self._flock(wait=True)  # blocks until it has the flock, or raises
        except BaseException:
            self._release_thread_lock()
            raise
        return True

    def _flock(self, wait: bool) -> bool:
        if self._file is None:
            return True
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release_thread_lock(self) -> None:
        self._lock.release()
        self._wake()

    def drop_hold(self) -> None:
        """Release a hold that no transaction took over (the write never touched the database)."""
        if self._held_for == threading.get_ident():
            self._held_for = None
            self._release()

    def _release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
        self._release_thread_lock()

    def begin(self, connection: Any) -> None:
        # Straight to the driver: exec_driver_sql's event and result machinery is not needed
        # for statements that return nothing, and every request begins one.
        driver = connection.connection.driver_connection
        if connection.get_execution_options().get("read_only"):
            driver.execute("BEGIN")  # deferred: a WAL snapshot, no lock
            return
        if self._identity is not None:
            self._identity.verify()  # before any lock: a hold is dropped by its caller
        if self._held_for == threading.get_ident():
            self._held_for = None
            connection.info["writer_gate"] = True
            connection.info["writer_flock"] = self._file is not None
            try:
                self._begin_without_waiting(driver)
            except BaseException:
                self.end(connection)
                raise
            return
        connection.info["writer_gate"] = self._lock.acquire(
            timeout=30
        )  # bounded: a leak cannot stall
        try:
            if self._file is not None:
                fcntl.flock(self._file, fcntl.LOCK_EX)
                connection.info["writer_flock"] = True
            driver.execute("BEGIN IMMEDIATE")
        except BaseException:
            self.end(connection)
            raise

    @staticmethod
    def _begin_without_waiting(driver: Any) -> None:
        driver.execute("PRAGMA busy_timeout=0")
        try:
            driver.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise WriterBusy from exc
        finally:
            driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    def commit(self, connection: Any) -> None:
        """SQLAlchemy's `commit` event fires before its COMMIT: commit here, then release, or
        the next writer would find SQLite's lock still held and wait in its busy handler.
        The file is checked again here: it may have gone while the transaction ran. A COMMIT
        that fails raises: SQLite may have rolled back already (a full disk, an I/O error), and
        SQLAlchemy's own COMMIT would then succeed on nothing."""
        if self._identity is not None and "writer_gate" in connection.info:
            try:
                self._identity.verify()
            except BaseException:
                # SQLAlchemy fires no rollback event after a failed commit: end it here.
                self.rollback(connection)
                raise
        driver = _open_transaction(connection)
        try:
            if driver is not None:
                driver.execute("COMMIT")
        except BaseException:
            self.rollback(connection)  # as above; a no-op if SQLite has rolled back
            raise
        self.end(connection)

    def rollback(self, connection: Any) -> None:
        driver = _open_transaction(connection)
        try:
            if driver is not None:
                with contextlib.suppress(sqlite3.Error):  # SQLAlchemy's own, next, raises it
                    driver.execute("ROLLBACK")
        finally:
            self.end(connection)

    def end(self, connection: Any) -> None:
        if connection.info.pop("writer_flock", False) and self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
        if connection.info.pop("writer_gate", False):
            self._release_thread_lock()


def _open_transaction(connection: Any) -> Any:
    """The DB-API connection under `connection` while it has a transaction open, else None."""
    if connection.closed or connection.invalidated:
        return None
    driver = connection.connection.driver_connection
    return driver if driver is not None and driver.in_transaction else None


def _resolve(waiter: "asyncio.Future[None]") -> None:
    if not waiter.done():
        waiter.set_result(None)


class WalCheckpointer:
    """Copies the WAL back into the database file in a thread of its own, every
    CHECKPOINT_EVERY commits of this process, holding the writer gate.

    SQLite's auto-checkpoint (turned off on every connection) would run inside a COMMIT, on the
    event loop; a checkpoint that races writes never catches up, so this one holds the gate and
    the next write starts the WAL over. Reads go on meanwhile."""

    def __init__(self, gate: WriterGate, identity: FileIdentity) -> None:
        self._database = identity.path
        self._gate = gate
        self._identity = identity
        self._commits = 0
        self._running = threading.Lock()

    def committed(self, _connection: Any) -> None:
        self._commits += 1  # unlocked: an increment lost between threads only shifts a checkpoint
        if self._commits % CHECKPOINT_EVERY == 0 and self._running.acquire(blocking=False):
            threading.Thread(target=self._checkpoint, name="wal-checkpoint", daemon=True).start()

    def _checkpoint(self) -> None:
        try:
            with self._gate.held():
                # Never open the path once another file took it: SQLite would copy this WAL
                # into that file when the connection closes.
                if self._identity.problem() is not None:
                    return
                with contextlib.closing(connect(self._database)) as connection:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except (sqlite3.Error, TimeoutError):
            log.warning("WAL checkpoint failed; the next one retries", exc_info=True)
        finally:
            self._running.release()


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL; None for an in-memory database."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _writer_lock_path(database: Path | None) -> Path | None:
    """`<database>-writer.lock` beside a SQLite file."""
    return database.with_name(database.name + "-writer.lock") if database else None


_gates: "weakref.WeakKeyDictionary[Engine, WriterGate]" = weakref.WeakKeyDictionary()


def attach(engine: Engine, url: str) -> None:
    """Connection settings, the writer gate and (for a file) the checkpointer, on a SQLite
    engine."""
    database = sqlite_file(url)
    identity = FileIdentity(database) if database is not None else None
    if identity is not None:
        event.listen(engine, "do_connect", identity.do_connect)
        event.listen(engine, "connect", identity.connected)
    event.listen(engine, "connect", _pragmas)
    gate = WriterGate(_writer_lock_path(database), identity)
    _gates[engine] = gate
    event.listen(engine, "begin", gate.begin)
    event.listen(engine, "commit", gate.commit)
    event.listen(engine, "rollback", gate.rollback)
    if identity is not None:
        event.listen(engine, "commit", WalCheckpointer(gate, identity).committed)


def gate_of(engine: Engine) -> WriterGate | None:
    """The writer gate of a SQLite engine; None for any other."""
    return _gates.get(engine)


def file_problem(engine: Engine) -> str | None:
    """For a SQLite file, "missing" or "replaced" when its path no longer names the file the
    engine opened; None while it does, and for any other database."""
    gate = _gates.get(engine)
    identity = gate._identity if gate is not None else None
    return identity.problem() if identity is not None else None
