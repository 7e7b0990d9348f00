"""API key queries."""

from sqlmodel import Session, col, select

from app.tenants.models import ApiKey


def key_by_prefix(session: Session, prefix: str) -> ApiKey | None:
    return session.exec(select(ApiKey).where(ApiKey.prefix == prefix)).first()


def keys_of(session: Session, organisation: str) -> list[ApiKey]:
    stmt = select(ApiKey).where(ApiKey.organisation == organisation).order_by(col(ApiKey.id))
    return list(session.exec(stmt).all())


def key_of(session: Session, organisation: str, prefix: str) -> ApiKey | None:
    stmt = select(ApiKey).where(ApiKey.organisation == organisation, ApiKey.prefix == prefix)
    return session.exec(stmt).first()
