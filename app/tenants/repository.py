"""API key queries."""

from datetime import datetime
from typing import Protocol

import sqlalchemy
from sqlalchemy import bindparam, or_, update
from sqlmodel import Session, col, select

from app.core.prepared import Prepared
from app.organisations.models import Organisation
from app.tenants.models import ApiKey


def key_by_prefix(session: Session, prefix: str) -> ApiKey | None:
    return session.exec(select(ApiKey).where(ApiKey.prefix == prefix)).first()


def add_now(session: Session, key: ApiKey) -> None:
    session.add(key)
    session.flush()


def keys_of(session: Session, organisation: str) -> list[ApiKey]:
    stmt = select(ApiKey).where(ApiKey.organisation == organisation).order_by(col(ApiKey.id))
    return list(session.exec(stmt).all())


def key_of(session: Session, organisation: str, prefix: str) -> ApiKey | None:
    stmt = select(ApiKey).where(ApiKey.organisation == organisation, ApiKey.prefix == prefix)
    return session.exec(stmt).first()


# Every authenticated request runs it: columns, not the entity, compiled once and run on the
# cursor (see app/core/prepared.py); no ORM compile step or identity map for a row that is
# only checked.
_TENANT_KEY_BY_PREFIX = Prepared(
    sqlalchemy.select(  # sqlmodel's select takes at most four columns
        col(ApiKey.organisation),
        col(ApiKey.prefix),
        col(ApiKey.label),
        col(ApiKey.token_hash),
        col(ApiKey.scopes),
        col(ApiKey.revoked_at),
        col(ApiKey.last_used_at),
    )
    .join(Organisation, col(Organisation.slug) == col(ApiKey.organisation))
    .where(col(ApiKey.prefix) == bindparam("prefix"), col(Organisation.is_tenant).is_(True))
)


class KeyRow(Protocol):
    organisation: str
    prefix: str
    label: str
    token_hash: str
    scopes: str
    revoked_at: datetime | None
    last_used_at: datetime | None


def tenant_key_by_prefix(session: Session, prefix: str) -> KeyRow | None:
    """The key with `prefix` if its organisation is (still) a tenant: one query per request.
    The row has the ApiKey columns organisation, prefix, label, token_hash, scopes,
    revoked_at and last_used_at."""
    row: KeyRow | None = _TENANT_KEY_BY_PREFIX.first(session, {"prefix": prefix})
    return row


def touch(session: Session, prefix: str, when: datetime) -> None:
    """Record a key's use (monotonic: a late writer never moves it back)."""
    stmt = (
        update(ApiKey)
        .where(col(ApiKey.prefix) == prefix)
        .where(or_(col(ApiKey.last_used_at).is_(None), col(ApiKey.last_used_at) < when))
        .values(last_used_at=when)
        .execution_options(synchronize_session=False)
    )
    session.exec(stmt)
