"""Webhook tables: subscriptions, their deliveries (one per subscription and event, retried
until delivered or given up) and every delivery attempt (the delivery log)."""

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.db import UTCDateTime


class WebhookSubscription(SQLModel, table=True):
    __tablename__ = "webhook_subscription"

    id: str = Field(primary_key=True, max_length=36)
    organisation: str = Field(foreign_key="organisation.slug", index=True, max_length=200)
    url: str = Field(max_length=2048)
    events: str = Field(max_length=200)  # space-separated event types
    description: str = Field(default="", max_length=500)
    # Kept to sign every delivery (it cannot be a hash); shown once, when made or rotated.
    secret: str = Field(max_length=100)
    # After a rotation, deliveries are signed with both until this passes (Standard Webhooks
    # lists several signatures), so a receiver can switch without losing any.
    previous_secret: str | None = Field(default=None, max_length=100)
    previous_secret_expires_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime())
    )
    enabled: bool = True
    disabled_reason: str | None = Field(default=None, max_length=500)
    # Since when every attempt has failed (cleared by a success): disabled past the limit.
    failing_since: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    # The organisation's last event this subscription has been given deliveries for.
    last_event_seq: int = Field(default=0, sa_column=Column(BigInteger(), nullable=False))
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class WebhookDelivery(SQLModel, table=True):
    """One event for one subscription. Its `id` is the `webhook-id` header of every attempt,
    so a receiver can drop a repeat; the body is fixed when it is made."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_seq", name="uq_webhook_delivery_event"),
        Index("ix_webhook_delivery_due", "status", "next_attempt_at"),
        Index("ix_webhook_delivery_subscription", "subscription_id", "id"),
    )

    id: str = Field(primary_key=True, max_length=36)
    subscription_id: str = Field(foreign_key="webhook_subscription.id", max_length=36)
    organisation: str = Field(max_length=200)
    event_type: str = Field(max_length=40)
    event_id: str = Field(max_length=36)
    # The outbox row it came from; null for a test event.
    event_seq: int | None = Field(default=None, sa_column=Column(BigInteger()))
    payload: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(max_length=20)  # pending | delivered | failed
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    # A worker that claims an attempt holds it until then; after a crash, another takes it.
    lease_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    last_status_code: int | None = None
    last_error: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    delivered_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class WebhookAttempt(SQLModel, table=True):
    __tablename__ = "webhook_attempt"

    id: int | None = Field(default=None, primary_key=True)
    delivery_id: str = Field(foreign_key="webhook_delivery.id", index=True, max_length=36)
    number: int
    started_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    duration_ms: int
    status_code: int | None = None
    error: str | None = Field(default=None, max_length=500)
    response_excerpt: str | None = Field(default=None, max_length=1024)
    next_attempt_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
