"""Engine, sessions and the per-connection settings both databases need.

One session per request (`SessionDep`); it commits when the route returns and rolls back
when it raises. Services and repositories never commit.

GET and HEAD get a read-only session: on SQLite a deferred transaction (WAL readers never
wait on writers, nor on each other), and any flush of a change fails loudly. The one write a
read may want (an API key's `last_used_at`) goes through `after_read`, which runs it in a
short write transaction of its own once the read has finished.
"""

import asyncio
import contextlib
import fcntl
import functools
import logging
import sqlite3
import threading
import time
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, NamedTuple, ParamSpec, TypeVar

from fastapi import Depends, Request
from sqlalchemy import DateTime, MetaData, event, make_url
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel, create_engine
from starlette.concurrency import run_in_threadpool

from app.core.config import get_settings
from app.core.metrics import LabelledCounter

log = logging.getLogger(__name__)
T = TypeVar("T")
P = ParamSpec("P")
READ_METHODS = frozenset({"GET", "HEAD"})
SQLITE_KEPT_CONNECTIONS = 40  # anyio's default thread-pool size
BUSY_TIMEOUT_MS = 30_000
WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024
CHECKPOINT_EVERY = 100  # commits: a create writes ~16 pages, so the WAL peaks near 6.5 MB

# Stable constraint names, so Alembic migrations are reproducible on both engines.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION
metadata: MetaData = SQLModel.metadata


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out; SQLite hands back naive values, fixed here once."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use datetime.now(UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level; we issue BEGIN ourselves (see _sqlite_begin) so that
    # write transactions take the lock up front and never fail half-way with "locked".
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA wal_autocheckpoint=0")  # _WalCheckpointer does it, off the loop
    # A WAL that a long reader let grow past this is cut back when it next starts over (it
    # peaks near 6.5 MB between checkpoints), rather than keeping its largest size on disk.
    cursor.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT_BYTES}")
    cursor.close()


class WriterBusy(Exception):
    """The SQLite write lock was taken by another process when a write tried it on the event
    loop (`_SqliteWriterGate.hold_on_loop`); nothing was written, and the write goes to the pool."""


class _SqliteWriterGate:
    """BEGIN IMMEDIATE takes the write lock at the start, waiting on busy_timeout, instead of
    upgrading a read lock mid-transaction (which SQLite refuses with SQLITE_BUSY).

    Writers queue on locks that hand over at once, before asking SQLite: SQLite's busy handler
    polls with sleeps of up to 100 ms, which left its lock idle while waiters slept. Threads of
    this process queue on a `threading.Lock` (bench: tenant GET p99 ~850 ms -> tens of ms);
    processes (`WORKERS` > 1) on an `flock` of a file beside the database (POST /v1/audits from
    16 connections on 2 workers: p99 0.8-1.8 s before). The kernel drops an flock when its
    process dies, so a kill -9 leaves nothing held. The thread lock's acquire is bounded so a
    leaked hold cannot stall the process.

    `hold_on_loop` lets a write run on the event loop (see `db_route`): it takes both locks
    without blocking, and the transaction that next begins on this thread takes them over
    (released at its commit or rollback, as usual). While a thread of this process holds them
    (a checkpoint, a write that went to the pool) it waits for their release without blocking
    the loop, since sending it to the pool too is what made writers convoy: measured, 1,895 of
    2,000 creates at 16 connections went to the pool once one had. Only another process's
    hold (the flock) sends a write to the pool, to wait there. Its BEGIN IMMEDIATE does not
    wait either: if another process (a re-seed) holds SQLite's lock it raises `WriterBusy`
    rather than stall every request on the loop."""

    def __init__(self, lock_path: Path | None) -> None:
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
        # Straight to the driver: exec_driver_sql's event and result machinery cost ~5% of a
        # tenant GET (cProfile), for statements that return nothing.
        driver = connection.connection.driver_connection
        if connection.get_execution_options().get("read_only"):
            driver.execute("BEGIN")  # deferred: a WAL snapshot, no lock
            return
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
        connection.info["writer_gate"] = self._lock.acquire(timeout=30)
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

    def end(self, connection: Any) -> None:
        if connection.info.pop("writer_flock", False) and self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
        if connection.info.pop("writer_gate", False):
            self._release_thread_lock()


def _resolve(waiter: "asyncio.Future[None]") -> None:
    if not waiter.done():
        waiter.set_result(None)


class _WalCheckpointer:
    """Copies the WAL back into the database file in a thread of its own.

    SQLite's auto-checkpoint runs inside the COMMIT that takes the WAL past 1,000 pages, fsyncs
    and took 10-27 ms every ~100 creates; on the event loop (see `db_route`) that stalled every
    request (POST /v1/audits at 16 connections: p99 170-190 ms without those stalls, 160-560 ms
    with them). So connections turn it off, and every CHECKPOINT_EVERY commits of this process
    start one here. It holds the writer gate, as SQLite's held the write lock: with no write
    appending meanwhile it copies every frame, so the next write starts the WAL over (a
    checkpoint racing writes never catches up, and the WAL grew by ~33 MB a minute). Reads go
    on meanwhile; writes wait for the gate (on the loop, see `hold_on_loop`)."""

    def __init__(self, database: Path, gate: "_SqliteWriterGate") -> None:
        self._database = database
        self._gate = gate
        self._commits = 0
        self._running = threading.Lock()

    def committed(self, _connection: Any) -> None:
        self._commits += 1  # unlocked: an increment lost between threads only shifts a checkpoint
        if self._commits % CHECKPOINT_EVERY == 0 and self._running.acquire(blocking=False):
            threading.Thread(target=self._checkpoint, name="wal-checkpoint", daemon=True).start()

    def _checkpoint(self) -> None:
        try:
            with (
                self._gate.held(),
                contextlib.closing(sqlite3.connect(self._database, timeout=30)) as connection,
            ):
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


_writer_gates: "weakref.WeakKeyDictionary[Engine, _SqliteWriterGate]" = weakref.WeakKeyDictionary()


def build_engine(url: str | None = None) -> Engine:
    settings = get_settings()
    url = url or settings.database_url
    if url.startswith("sqlite"):
        # Unbounded overflow: reads may take their connection on the event loop (see
        # runs_inline), where waiting for a free one would stall every request. Keep enough
        # for the thread pool (40) too: a new connection re-parses the schema and starts
        # with a cold page cache (wrk, 16 connections: ~355 -> ~405 rps on GET /v1/audits/{id}).
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=max(settings.db_pool_size, SQLITE_KEPT_CONNECTIONS),
            max_overflow=-1,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        database = sqlite_file(url)
        gate = _SqliteWriterGate(_writer_lock_path(database))
        _writer_gates[engine] = gate
        event.listen(engine, "begin", gate.begin)
        event.listen(engine, "commit", gate.end)
        event.listen(engine, "rollback", gate.end)
        if database is not None:
            event.listen(engine, "commit", _WalCheckpointer(database, gate).committed)
        return engine
    return create_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_pool_size,
        pool_pre_ping=True,
        pool_recycle=1800,
    )


_engine: Engine | None = None
_read_engine: Engine | None = None


def get_engine() -> Engine:
    global _engine
    if _engine is None:
        _engine = build_engine()
    return _engine


def get_read_engine() -> Engine:
    """The same engine and pool, with connections marked read-only (see _SqliteWriterGate)."""
    global _read_engine
    if _read_engine is None:
        _read_engine = get_engine().execution_options(read_only=True)
    return _read_engine


def reset_engine() -> None:
    """Forget the engine (tests switch DATABASE_URL between modules)."""
    global _engine, _read_engine
    if _engine is not None:
        _engine.dispose()
    _engine = _read_engine = None


class ReadSession(Session):
    """A session for a read: flushing any change fails loudly (listener below).

    On SQLite its `Prepared` statements (app/core/prepared.py) run on a pooled DB-API
    connection of their own, in a deferred transaction begun at the first of them: taking
    it through the Session and a Core Connection cost ~145 us of the ~165 us it took
    (micro-benchmark in bench/results/profiles.md), as much as the statements. An ORM query
    in the same session takes the session's own connection, a later snapshot: readers here
    take a version and then the rows, and already meet writes that land between the two
    (`audits.service.rendered`). PostgreSQL keeps one connection a session: its pool is
    bounded, and a thread holding one while waiting for a second could starve the rest."""

    _lean: PoolProxiedConnection | None = None

    def statement_connection(self) -> "StatementConnection":
        engine = self.get_bind().engine
        if engine.dialect.name != "sqlite" or self.in_transaction():
            return _connection_of(self)
        lean = self._lean
        if lean is None:
            lean = engine.raw_connection()
            try:
                lean.driver_connection.execute("BEGIN")  # type: ignore[union-attr]
            except BaseException:
                lean.close()
                raise
            self._lean = lean
        return StatementConnection(engine.dialect, lean.driver_connection, lean.invalidate)

    def close(self) -> None:
        lean, self._lean = self._lean, None
        try:
            if lean is not None:
                lean.close()  # back to the pool, whose reset on return rolls back
        finally:
            super().close()


class StatementConnection(NamedTuple):
    """Where a `Prepared` statement runs: the DB-API connection, and how to drop it for good
    when the driver says the server has gone."""

    dialect: Dialect
    driver: Any
    invalidate: Callable[[BaseException], None]


def statement_connection(session: Session) -> StatementConnection:
    """Where a `Prepared` statement of `session` runs."""
    if isinstance(session, ReadSession):
        return session.statement_connection()
    return _connection_of(session)


def _connection_of(session: Session) -> StatementConnection:
    connection = session.connection()
    return StatementConnection(
        connection.dialect, connection.connection.driver_connection, connection.invalidate
    )


@event.listens_for(ReadSession, "before_flush")
def _refuse_writes(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("a GET or HEAD tried to write; use after_read() for best-effort writes")


def read_session() -> Session:
    session = ReadSession(get_read_engine(), expire_on_commit=False)
    session.info["read_only"] = True
    session.info["inline"] = get_engine().dialect.name == "sqlite"
    return session


async def read_first(session: Session, func: Callable[[Session], T]) -> T:
    """`func` in a read of its own, for a check a write request makes before it writes (who
    is calling), so that its write transaction, and on SQLite the writer lock, starts only
    when the route first touches the database. Writes `func` defers join `session`'s."""
    if session.info.get("read_only"):
        return await run_for(session, func, session)
    reader = read_session()
    try:
        result = await run_for(reader, func, reader)
    finally:
        await run_for(reader, _finish, reader, True)
    session.info.setdefault("after_read", []).extend(reader.info.pop("after_read", []))
    return result


def after_read(session: Session, write: Callable[[Session], None]) -> None:
    """Run `write` in a short write transaction of its own once the request's transaction
    has ended (a read session may not write). Best effort: a failure is logged, not raised."""
    session.info.setdefault("after_read", []).append(write)


def _run_after_read(writes: list[Callable[[Session], None]]) -> None:
    try:
        with write_session() as session:
            for write in writes:
                write(session)
            session.commit()
    except Exception:
        log.exception("deferred write after a read failed")


def database_key(session: Session) -> str:
    """Names the database `session` reads, for per-process caches of immutable rows (tests
    and tools point one process at several databases)."""
    return str(session.get_bind().engine.url)


def runs_inline(session: Session) -> bool:
    """True for a read on SQLite: a deferred WAL read never waits on a lock and is a local
    page-cache lookup, cheaper than the thread-pool hop (~1 ms in a small VM) that would
    carry it. Such a session may be queried on the event loop. Reads on PostgreSQL (a
    network round trip) and every write (the writer gate can wait) stay in the pool."""
    return bool(session.info.get("inline"))


async def get_session(request: Request) -> AsyncIterator[Session]:
    # Async so that opening the session (no I/O: the connection is taken at the first query)
    # costs no thread-pool round trip. A `db_route` commits in its own hop; what is left here
    # (a route that raised, or one not served by db_route) also runs in one unless inline.
    session = read_session() if request.method in READ_METHODS else write_session()
    try:
        yield session
    except BaseException:
        await run_for(session, _finish, session, False)
        raise
    if session.in_transaction():
        await run_for(session, _finish, session, True)
    else:
        session.close()  # nothing open: no I/O
    await _run_deferred_writes(session)


async def in_read_session(func: Callable[[Session], T]) -> T:
    """`func` in a read session of its own, opened, run and closed in one hop (none on SQLite),
    then the `after_read` writes it deferred: a read served without FastAPI's dependencies
    (app/audits/fast_reads.py), ending as `get_session` ends one."""
    session = read_session()
    result: T = await run_for(session, _run_then_close, session, func)
    await _run_deferred_writes(session)
    return result


async def _run_deferred_writes(session: Session) -> None:
    """The `after_read` writes of a session that has ended, in the thread pool."""
    writes = session.info.pop("after_read", None)
    if writes:
        await run_in_threadpool(_run_after_read, writes)


def _run_then_close(session: Session, func: Callable[[Session], T]) -> T:
    try:
        return func(session)
    finally:
        session.close()


def write_session() -> Session:
    return Session(get_engine(), expire_on_commit=False)


async def run_for(session: Session, func: Callable[..., T], *args: Any) -> T:
    """Call `func` on the event loop if `session` runs inline, else in the thread pool."""
    if runs_inline(session):
        return func(*args)
    return await run_in_threadpool(func, *args)


DB_ROUTE_WRITES = LabelledCounter(
    "db_route_writes_total",
    "Write requests by where they ran (SQLite: the loop unless another process writes).",
    "ran_on",
    ("loop", "pool"),
)


def db_route(func: Callable[P, T]) -> Callable[P, Awaitable[T]]:
    """Serve a sync route that takes `session: SessionDep` on the event loop for a SQLite read,
    and for a SQLite write unless another process holds the writer gate (a write of this
    process that holds it is waited for on the loop); in the thread pool otherwise (always
    on PostgreSQL). FastAPI sees `func`'s signature.

    Why the loop: the thread-pool hop costs ~1 ms in a small VM, and a pool thread holding
    SQLite's write lock queues for the GIL behind the loop at each of its statements, so
    writers convoy (see bench/results/profiles.md). On SQLite GET /v1/audits/{id} went
    ~270 -> ~390 rps at 16 connections, one worker; POST /v1/audits: see the profiles."""

    @functools.wraps(func)
    async def route(*args: P.args, **kwargs: P.kwargs) -> T:
        session = kwargs["session"]
        assert isinstance(session, Session), f"{func.__name__} needs a `session` parameter"
        if not runs_inline(session):
            gate = _writer_gates.get(session.get_bind())  # type: ignore[arg-type]
            if gate is not None and await gate.hold_on_loop():
                try:
                    DB_ROUTE_WRITES.counts["loop"] += 1
                    return _call_then_commit(session, func, args, kwargs)
                except WriterBusy:
                    DB_ROUTE_WRITES.counts["loop"] -= 1  # it runs again, in the pool
                    session.rollback()  # nothing was written; the pool waits for the lock
                except BaseException:
                    session.rollback()  # here, so the writer lock is free before we yield
                    raise
                finally:
                    gate.drop_hold()
        if not session.info.get("read_only"):
            DB_ROUTE_WRITES.counts["pool"] += 1
        return await run_for(session, _call_then_commit, session, func, args, kwargs)

    return route


def _call_then_commit(
    session: Session, func: Callable[..., T], args: Any, kwargs: dict[str, Any]
) -> T:
    # Commit in the route's own hop: a write then holds the SQLite writer lock for the
    # route's work only, not for a second thread-pool round trip. Still before the
    # response is sent, so a 2xx means the write is durable. A read ends here too (on
    # PostgreSQL its ROLLBACK is a round trip that would otherwise take a hop of its own).
    result = func(*args, **kwargs)
    if session.info.get("read_only"):
        session.close()
    elif session.in_transaction():
        session.commit()
    return result


def _finish(session: Session, commit: bool) -> None:
    try:
        # A read has nothing to commit: close() alone ends its snapshot (the pool's
        # reset-on-return rolls back), skipping the commit's bookkeeping.
        if session.info.get("read_only"):
            return
        if commit:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


# scope="function": commit before the response is sent, so a 2xx means the write is durable.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
