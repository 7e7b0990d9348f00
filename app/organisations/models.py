"""The organisation table: one row per body the evidence names, per tenant of this API, or both
(same slug)."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.core.db import UTCDateTime


class Organisation(SQLModel, table=True):
    """A body the evidence names, a tenant of this API, or both (same slug)."""

    slug: str = Field(primary_key=True, max_length=200)
    name: str = Field(max_length=200)
    kind: str = Field(default="other", max_length=40)
    # True when the source texts name it; only those appear in public lists and search.
    in_evidence: bool = Field(default=False, index=True)
    is_tenant: bool = Field(default=False)
    created_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
