"""API keys of tenant organisations. The organisation itself is `app.evidence.models.Organisation`
(one row serves both the evidence and the tenant side)."""

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from app.core.db import UTCDateTime
from app.tenants.scopes import ALL_SCOPES


class ApiKey(SQLModel, table=True):
    """An organisation's API key. Only the SHA-256 of the token is kept; `prefix` identifies it."""

    __tablename__ = "api_key"

    id: int | None = Field(default=None, primary_key=True)
    organisation: str = Field(foreign_key="organisation.slug", index=True, max_length=200)
    label: str = Field(max_length=100)
    prefix: str = Field(unique=True, max_length=16)
    token_hash: str = Field(max_length=64)
    # Space-separated, as OAuth writes scopes (app/tenants/scopes.py); every scope by default.
    scopes: str = Field(default=" ".join(ALL_SCOPES), max_length=200)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    last_used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
