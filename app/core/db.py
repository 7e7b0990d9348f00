"""Engine, sessions and column types; the one place SQLite and PostgreSQL differ in setup.

One session per request (`SessionDep`); it commits when the route returns and rolls back when
it raises. Services and repositories never commit. GET and HEAD get a read-only session (on
SQLite a deferred transaction: WAL readers never wait); the one write a read may want (an API
key's `last_used_at`) goes through `after_read`, in a short write transaction after the read.
SQLite's write path is app/core/sqlite_writer.py; where a session's work runs (the event loop
or the thread pool) is app/core/db_route.py.
"""

import logging
import threading
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Annotated, Any, NamedTuple, TypeVar

from fastapi import Depends, Request
from sqlalchemy import DateTime, MetaData, event
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel, create_engine
from starlette.concurrency import run_in_threadpool

from app.core import pg_timeouts, sqlite_writer
from app.core.config import get_settings
from app.core.database_file import DatabaseFileGone
from app.core.db_route import run_for

log = logging.getLogger(__name__)
T = TypeVar("T")
READ_METHODS = frozenset({"GET", "HEAD"})
SQLITE_KEPT_CONNECTIONS = 40  # anyio's default thread-pool size

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


def build_engine(url: str | None = None, *, serving: bool = True) -> Engine:
    """The engine for `url` (DATABASE_URL by default). `serving=False` (migrations) leaves
    out PostgreSQL's statement timeout. Statement parameters (audit text, key hashes) are
    never put in an error's message or a log line."""
    settings = get_settings()
    url = url or settings.database_url
    if url.startswith("sqlite"):
        # Unbounded overflow: reads may take their connection on the event loop (see
        # runs_inline), where waiting for a free one would stall every request. Keep enough
        # for the thread pool (40) too: a new connection re-parses the schema and starts
        # with a cold page cache.
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=max(settings.db_pool_size, SQLITE_KEPT_CONNECTIONS),
            max_overflow=-1,
            hide_parameters=True,
        )
        sqlite_writer.attach(engine, url)
        return engine
    engine = create_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_pool_size,
        pool_timeout=settings.db_pool_timeout_seconds,
        pool_pre_ping=True,
        pool_recycle=1800,
        hide_parameters=True,
    )
    timeouts = pg_timeouts.connect_params(settings, serving)
    limit = pg_timeouts.wait_limit(settings, serving)

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]) -> Any:
        return pg_timeouts.connect(cargs, cparams, timeouts, limit)

    return engine


_engine: Engine | None = None
_read_engine: Engine | None = None


_engine_lock = threading.Lock()


def get_engine() -> Engine:
    global _engine
    if _engine is None:
        # Locked: the first callers may race (a request and the content-version poll's
        # thread), and two engines would mean two pools and two writer gates.
        with _engine_lock:
            if _engine is None:
                _engine = build_engine()
    return _engine


def get_read_engine() -> Engine:
    """The same engine and pool, its connections marked read-only (a deferred BEGIN on SQLite)."""
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
    except DatabaseFileGone:
        pass  # logged once, when the file went (app/core/database_file.py)
    except Exception:
        log.exception("deferred write after a read failed")


def database_key(session: Session) -> str:
    """Names the database `session` reads, for per-process caches of immutable rows (tests
    and tools point one process at several databases)."""
    return str(session.get_bind().engine.url)


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
