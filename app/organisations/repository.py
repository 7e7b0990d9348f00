"""Organisation queries; the only place that reads or writes the organisation table."""

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.core.pagination import ListParamsModel, SortKey, keyset_page
from app.organisations.models import Organisation

BY_SLUG = [SortKey(col(Organisation.slug))]


def get(session: Session, slug: str) -> Organisation | None:
    return session.get(Organisation, slug)


def every(session: Session) -> Sequence[Organisation]:
    return session.exec(select(Organisation)).all()


def named(session: Session) -> Sequence[Organisation]:
    """The organisations the evidence names."""
    return session.exec(select(Organisation).where(col(Organisation.in_evidence).is_(True))).all()


def named_page(
    session: Session, params: ListParamsModel, kind: str | None
) -> tuple[list[Organisation], str | None]:
    stmt = select(Organisation).where(col(Organisation.in_evidence).is_(True))
    if kind:
        stmt = stmt.where(Organisation.kind == kind)
    return keyset_page(session, stmt, BY_SLUG, lambda o: [o.slug], params)


def tenant_page(session: Session, params: ListParamsModel) -> tuple[list[Organisation], str | None]:
    stmt = select(Organisation).where(col(Organisation.is_tenant).is_(True))
    return keyset_page(session, stmt, BY_SLUG, lambda o: [o.slug], params)


def save(session: Session, org: Organisation) -> None:
    session.add(org)


def delete(session: Session, org: Organisation) -> None:
    session.delete(org)


def save_now(session: Session, org: Organisation) -> bool:
    """Write `org` at once; False if a concurrent insert of the same slug won."""
    session.add(org)
    try:
        session.flush()
    except IntegrityError:
        return False
    return True
