"""The change feed as the API shows it; a webhook delivery's body is the same event document."""

from datetime import datetime

from pydantic import BaseModel, Field

from app.audits.outbox import EventType
from app.audits.schemas import AuditStatus


class AuditChange(BaseModel):
    audit_id: str = Field(examples=["0193a4f2-7c1e-7b3a-9f10-2d4c5e6f7a8b"])
    version: int = Field(description="The audit's version after the change.", examples=[2])
    revision: int = Field(examples=[1])
    status: AuditStatus


class EventPublic(BaseModel):
    """One saved change to one of the organisation's audits."""

    id: str = Field(
        description="Unique per event: a consumer that meets one twice can drop the second.",
        examples=["0193a4f3-0b1d-7c2e-8a40-5b6c7d8e9f01"],
    )
    type: EventType
    occurred_at: datetime = Field(description="When the change was saved.")
    data: AuditChange


class EventFeed(BaseModel):
    items: list[EventPublic]
    next_cursor: str = Field(
        description="Pass as `after` to resume exactly after this page's last event. Always "
        "present, on the last page too: keep it, and poll with it for what comes next."
    )
    has_more: bool = Field(description="True while more events wait after this page.")
