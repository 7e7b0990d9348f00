"""Change feed queries: a page of an organisation's events after a position, the newest
position, and pruning past the retention period."""

from datetime import datetime

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from app.audits.outbox import Event, EventPruneMark


def events_after(session: Session, organisation: str, seq: int, limit: int) -> list[Event]:
    stmt = (
        select(Event)
        .where(col(Event.organisation) == organisation, col(Event.seq) > seq)
        .order_by(col(Event.seq))
        .limit(limit)
    )
    return list(session.exec(stmt).all())


def newest_seq(session: Session, organisation: str | None = None) -> int:
    """The last `seq` written (for `organisation`, or at all); 0 before the first."""
    stmt = select(func.max(Event.seq))
    if organisation is not None:
        stmt = stmt.where(col(Event.organisation) == organisation)
    return int(session.exec(stmt).one() or 0)


def pruned_through(session: Session, organisation: str) -> int:
    mark = session.get(EventPruneMark, organisation)
    return mark.pruned_through if mark else 0


def prune(session: Session, before: datetime) -> int:
    """Delete events that occurred before `before`, marking per organisation the last `seq`
    gone (a cursor before it would skip events: 410). The number deleted."""
    stmt = (
        select(Event.organisation, func.max(Event.seq), func.count())
        .where(col(Event.occurred_at) < before)
        .group_by(col(Event.organisation))
    )
    deleted = 0
    for organisation, last, count in session.exec(stmt).all():
        assert last is not None  # a group has at least one row
        mark = session.get(EventPruneMark, organisation)
        if mark is None:
            session.add(EventPruneMark(organisation=organisation, pruned_through=last))
        else:
            mark.pruned_through = max(mark.pruned_through, last)
        deleted += count
        session.exec(
            delete(Event).where(col(Event.organisation) == organisation, col(Event.seq) <= last)
        )
    return deleted
