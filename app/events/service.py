"""The change feed: an organisation's events in commit order, resumed with an opaque cursor."""

from sqlmodel import Session

from app.audits.outbox import Event
from app.core import cursors
from app.core.errors import Gone
from app.events import repository
from app.events.schemas import AuditChange, EventFeed, EventPublic
from app.tenants.service import Caller

CURSOR_SCOPE = "/v1/events"
RESYNC = (
    "Resync: list your audits with GET /v1/audits?updated_since=<the time of your last "
    "successful read>, then read this feed again without `after`."
)


def public(event: Event) -> EventPublic:
    return EventPublic(
        id=event.id,
        type=event.type,  # written from EventType only
        occurred_at=event.occurred_at,
        data=AuditChange(
            audit_id=event.audit_id,
            version=event.version,
            revision=event.revision,
            status=event.status,
        ),
    )


def _position(session: Session, caller: Caller, after: str | None) -> int:
    """The `seq` to read after: the cursor's, checked; the start of what is kept without one."""
    if after is None:
        return 0
    seq, organisation = cursors.decode(after, 2, CURSOR_SCOPE, pointer="#/query/after")
    if organisation != caller.organisation or not isinstance(seq, int):
        raise Gone("This cursor was issued to another organisation. " + RESYNC)
    if seq < repository.pruned_through(session, caller.organisation):
        raise Gone(
            "Events after this cursor are older than the retention period and were deleted. "
            + RESYNC
        )
    return seq


def feed(session: Session, caller: Caller, after: str | None, limit: int) -> EventFeed:
    start = _position(session, caller, after)
    rows = repository.events_after(session, caller.organisation, start, limit + 1)
    page = rows[:limit]
    last = page[-1].seq if page else start
    assert last is not None
    return EventFeed(
        items=[public(e) for e in page],
        next_cursor=cursors.encode([last, caller.organisation], CURSOR_SCOPE),
        has_more=len(rows) > limit,
    )
