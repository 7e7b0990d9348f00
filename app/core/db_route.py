"""Where a route's database work runs: on the event loop (SQLite reads, and SQLite writes the
writer gate lets through) or in the thread pool (PostgreSQL, and a SQLite write that meets
another process's lock). Why the loop: docs/architecture.md, "Where database work runs"."""

import functools
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.core.metrics import LabelledCounter
from app.core.sqlite_writer import WriterBusy, gate_of

T = TypeVar("T")
P = ParamSpec("P")


def runs_inline(session: Session) -> bool:
    """True for a read on SQLite, which may be queried on the event loop: a deferred WAL read
    never waits on a lock, and costs less than the thread-pool hop that would carry it."""
    return bool(session.info.get("inline"))


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
    and for a SQLite write unless another process holds the writer gate; in the thread pool
    otherwise (always on PostgreSQL). FastAPI sees `func`'s signature. Why the loop:
    docs/architecture.md, "Where database work runs"."""

    @functools.wraps(func)
    async def route(*args: P.args, **kwargs: P.kwargs) -> T:
        session = kwargs["session"]
        assert isinstance(session, Session), f"{func.__name__} needs a `session` parameter"
        if not runs_inline(session):
            gate = gate_of(session.get_bind())  # type: ignore[arg-type]
            if gate is not None and await gate.hold_on_loop():
                ran_on_loop = True
                try:
                    return _call_then_commit(session, func, args, kwargs)
                except WriterBusy:
                    ran_on_loop = False  # it runs again, in the pool
                    session.rollback()  # nothing was written; the pool waits for the lock
                except BaseException:
                    session.rollback()  # here, so the writer lock is free before we yield
                    raise
                finally:
                    gate.drop_hold()
                    if ran_on_loop:
                        DB_ROUTE_WRITES.inc("loop")
        if not session.info.get("read_only"):
            DB_ROUTE_WRITES.inc("pool")
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
