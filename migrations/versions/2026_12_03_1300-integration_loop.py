"""The integration loop: API key scopes, audit sync indexes, the event outbox, webhooks

Revision ID: 7b2e4f6a8c10
Revises: f19d1ec70a11
Create Date: 2026-12-03 09:00:00

Existing keys get every scope, so they keep working. Events and webhook tables start empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from app.core.db import UTCDateTime

revision: str = "7b2e4f6a8c10"
down_revision: str | None = "f19d1ec70a11"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ALL_SCOPES = "audits:read audits:write webhooks:manage"
Text = sqlmodel.sql.sqltypes.AutoString
BigSeq = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column(
        "api_key", sa.Column("scopes", Text(length=200), nullable=False, server_default=ALL_SCOPES)
    )
    op.create_index(
        "ix_audit_organisation_updated_at", "audit", ["organisation", "updated_at", "id"]
    )
    op.create_index(
        "ix_audit_organisation_created_at", "audit", ["organisation", "created_at", "id"]
    )
    op.create_table(
        "event",
        sa.Column("seq", BigSeq, primary_key=True, autoincrement=True),
        sa.Column("id", Text(length=36), nullable=False, unique=True),
        sa.Column(
            "organisation", Text(length=200), sa.ForeignKey("organisation.slug"), nullable=False
        ),
        sa.Column("type", Text(length=40), nullable=False),
        sa.Column("audit_id", Text(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("status", Text(length=20), nullable=False),
        sa.Column("occurred_at", UTCDateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_event_organisation_seq", "event", ["organisation", "seq"])
    op.create_index("ix_event_occurred_at", "event", ["occurred_at"])
    op.create_table(
        "event_prune_mark",
        sa.Column(
            "organisation", Text(length=200), sa.ForeignKey("organisation.slug"), primary_key=True
        ),
        sa.Column("pruned_through", sa.BigInteger(), nullable=False),
    )
    op.create_table(
        "webhook_subscription",
        sa.Column("id", Text(length=36), primary_key=True),
        sa.Column(
            "organisation", Text(length=200), sa.ForeignKey("organisation.slug"), nullable=False
        ),
        sa.Column("url", Text(length=2048), nullable=False),
        sa.Column("events", Text(length=200), nullable=False),
        sa.Column("description", Text(length=500), nullable=False),
        sa.Column("secret", Text(length=100), nullable=False),
        sa.Column("previous_secret", Text(length=100), nullable=True),
        sa.Column("previous_secret_expires_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("disabled_reason", Text(length=500), nullable=True),
        sa.Column("failing_since", UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_event_seq", sa.BigInteger(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_webhook_subscription_organisation", "webhook_subscription", ["organisation"]
    )
    op.create_table(
        "webhook_delivery",
        sa.Column("id", Text(length=36), primary_key=True),
        sa.Column(
            "subscription_id",
            Text(length=36),
            sa.ForeignKey("webhook_subscription.id"),
            nullable=False,
        ),
        sa.Column("organisation", Text(length=200), nullable=False),
        sa.Column("event_type", Text(length=40), nullable=False),
        sa.Column("event_id", Text(length=36), nullable=False),
        sa.Column("event_seq", sa.BigInteger(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("status", Text(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("lease_until", UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("last_error", Text(length=500), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("delivered_at", UTCDateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("subscription_id", "event_seq", name="uq_webhook_delivery_event"),
    )
    op.create_index("ix_webhook_delivery_due", "webhook_delivery", ["status", "next_attempt_at"])
    op.create_index(
        "ix_webhook_delivery_subscription", "webhook_delivery", ["subscription_id", "id"]
    )
    op.create_table(
        "webhook_attempt",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "delivery_id", Text(length=36), sa.ForeignKey("webhook_delivery.id"), nullable=False
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("started_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("error", Text(length=500), nullable=True),
        sa.Column("response_excerpt", Text(length=1024), nullable=True),
        sa.Column("next_attempt_at", UTCDateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_webhook_attempt_delivery_id", "webhook_attempt", ["delivery_id"])


def downgrade() -> None:
    for table in ("webhook_attempt", "webhook_delivery", "webhook_subscription"):
        op.drop_table(table)
    op.drop_table("event_prune_mark")
    op.drop_table("event")
    op.drop_index("ix_audit_organisation_created_at", "audit")
    op.drop_index("ix_audit_organisation_updated_at", "audit")
    op.drop_column("api_key", "scopes")
