"""The audits' outbox: one `event` row per saved change, written in the change's own transaction,
so a committed change is never missing from the change feed (app/events) or the webhooks
(app/webhooks), and a rolled-back one never appears there."""

from datetime import datetime
from typing import Annotated, Literal, get_args

from sqlalchemy import BigInteger, Column, Index, Integer
from sqlmodel import Field, SQLModel

from app.core.db import UTCDateTime
from app.core.named_schemas import Named

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
