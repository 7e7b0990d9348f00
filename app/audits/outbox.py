"""The audits' outbox: one `event` row per saved change, written in the change's own transaction,
so a committed change is never missing from the change feed (app/events) or the webhooks
(app/webhooks), and a rolled-back one never appears there."""

import zlib
from datetime import datetime
from typing import Annotated, Literal, get_args

from sqlalchemy import BigInteger, Column, Index, Integer, bindparam, insert, text
from sqlmodel import Field, Session, SQLModel

from app.core.db import UTCDateTime
from app.core.ids import time_ordered_uuid
from app.core.named_schemas import Named
from app.core.prepared import Prepared

EventTypeName = Literal["audit.created", "audit.updated", "audit.submitted", "audit.amended"]
EventType = Annotated[EventTypeName, Named("EventType")]
EVENT_TYPES: tuple[str, ...] = get_args(EventTypeName)


class Event(SQLModel, table=True):
    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_organisation_seq", "organisation", "seq"),
        Index("ix_event_occurred_at", "occurred_at"),
    )

    # Within one organisation, `seq` order is commit order (repository.append says why).
    seq: int | None = Field(
        default=None,
        sa_column=Column(
            BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
        ),
    )
    id: str = Field(unique=True, max_length=36)  # public: a time-ordered UUID
    organisation: str = Field(foreign_key="organisation.slug", max_length=200)
    type: str = Field(max_length=40)
    audit_id: str = Field(max_length=36)
    version: int
    revision: int
    status: str = Field(max_length=20)
    occurred_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


EVENT_COLUMNS = (
    "id",
    "organisation",
    "type",
    "audit_id",
    "version",
    "revision",
    "status",
    "occurred_at",
)


class EventPruneMark(SQLModel, table=True):
    """The last `seq` pruned per organisation: a feed cursor before it has lost events (410)."""

    __tablename__ = "event_prune_mark"

    organisation: str = Field(foreign_key="organisation.slug", primary_key=True, max_length=200)
    pruned_through: int = Field(sa_column=Column(BigInteger(), nullable=False))


def append(
    session: Session,
    organisation: str,
    action: str,
    audit_id: str,
    version: int,
    revision: int,
    status: str,
    at: datetime,
) -> None:
    """Record the change `action` (a revision's action: created, updated, ...) in the
    current transaction.

    `seq` is drawn when the row is inserted, not when it commits; a feed read between two
    concurrent commits could pass over a lower `seq` that commits later. SQLite has one
    writer at a time, so insert order is commit order. On PostgreSQL a transaction-scoped
    advisory lock per organisation, taken just before the insert (the last statement before
    the commit), makes the organisation's writers draw and commit `seq` in turn."""
    if session.get_bind().dialect.name == "postgresql":
        key = zlib.crc32(organisation.encode())
        session.connection().execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})
    _INSERT.run(
        session,
        {
            "id": time_ordered_uuid(),
            "organisation": organisation,
            "type": f"audit.{action}",
            "audit_id": audit_id,
            "version": version,
            "revision": revision,
            "status": status,
            "occurred_at": at,
        },
    )


# Every write runs it: built once, run on the cursor like the audit INSERTs (app/core/prepared).
_TABLE = Event.__table__  # type: ignore[attr-defined]
_INSERT = Prepared(
    insert(_TABLE).values(
        {name: bindparam(name, type_=_TABLE.c[name].type) for name in EVENT_COLUMNS}
    )
)
