"""Audit tables: published templates, audits (current state), their revisions (append-only)
and idempotency records for `POST /v1/audits`."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field, SQLModel

from app.core.db import UTCDateTime


class AuditTemplate(SQLModel, table=True):
    """A published template version. Immutable: `content_hash` guards against edits."""

    __tablename__ = "audit_template"

    version: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    title: str = Field(max_length=200)
    content: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    content_hash: str = Field(max_length=64)
    published_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class Audit(SQLModel, table=True):
    """The current state of one audit. `version` moves on every write; `revision` moves when a
    submitted audit is amended; `etag_token` is drawn afresh by every write (the ETag)."""

    __tablename__ = "audit"
    __table_args__ = (
        Index("ix_audit_organisation_id", "organisation", "id"),
        # The sync orders of GET /v1/audits (`sort`, `updated_since`).
        Index("ix_audit_organisation_created_at", "organisation", "created_at", "id"),
        Index("ix_audit_organisation_updated_at", "organisation", "updated_at", "id"),
    )

    # Time-ordered UUIDs (version 7 layout), so keyset pagination by id is newest-first.
    id: str = Field(primary_key=True, max_length=36)
    organisation: str = Field(foreign_key="organisation.slug", max_length=200)
    template_version: int = Field(foreign_key="audit_template.version", index=True)
    title: str = Field(max_length=200)
    status: str = Field(max_length=20, index=True)
    revision: int = 1
    version: int = 1
    # Random, new on every insert and update: the ETag. Not `version`, which a database
    # restored from a backup runs through again with other content.
    etag_token: str = Field(max_length=32)
    responses: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    submitted_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class AuditRevision(SQLModel, table=True):
    """Every saved state of an audit, written once and never updated."""

    __tablename__ = "audit_revision"

    audit_id: str = Field(foreign_key="audit.id", primary_key=True, max_length=36)
    version: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    revision: int
    action: str = Field(max_length=20)
    status: str = Field(max_length=20)
    title: str = Field(max_length=200)
    responses: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    actor: str = Field(max_length=200)
    recorded_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class IdempotencyRecord(SQLModel, table=True):
    """The first response to a create with an `Idempotency-Key`, replayed to retries."""

    __tablename__ = "idempotency_record"

    organisation: str = Field(foreign_key="organisation.slug", primary_key=True, max_length=200)
    key: str = Field(primary_key=True, max_length=255)
    request_hash: str = Field(max_length=64)
    status_code: int
    body: str = Field(sa_column=Column(Text, nullable=False))
    headers: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
