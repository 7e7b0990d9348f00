"""Audit queries. The only place that writes audit rows; the conditional update is what makes
optimistic concurrency real on both SQLite and PostgreSQL."""

import functools
import zlib
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, text, update
from sqlmodel import Session, SQLModel, col, select

from app.audits.models import Audit, AuditRevision, AuditTemplate, IdempotencyRecord
from app.audits.outbox import EVENT_COLUMNS, Event
from app.audits.schemas import AuditListQuery
from app.core.ids import time_ordered_uuid
from app.core.pagination import KeysetQuery, ListParamsModel, SortKey, keyset_page
from app.core.prepared import Prepared


def template(session: Session, version: int) -> AuditTemplate | None:
    return session.get(AuditTemplate, version)


def templates(session: Session) -> list[AuditTemplate]:
    return list(session.exec(select(AuditTemplate).order_by(col(AuditTemplate.version))).all())


def latest_template(session: Session) -> AuditTemplate | None:
    stmt = select(AuditTemplate).order_by(col(AuditTemplate.version).desc()).limit(1)
    return session.exec(stmt).first()


# Built once (every audit route runs it); see tenants.repository for why.
_AUDIT_OF = (
    select(Audit)
    .where(col(Audit.id) == bindparam("id"), col(Audit.organisation) == bindparam("organisation"))
    .execution_options(populate_existing=True)
)


def audit_of(session: Session, organisation: str, audit_id: str) -> Audit | None:
    """The audit if it belongs to `organisation`; another tenant's is None, as a missing one."""
    return session.exec(_AUDIT_OF, params={"id": audit_id, "organisation": organisation}).first()


_ETAG_TOKEN_OF = Prepared(
    select(Audit.etag_token).where(
        col(Audit.id) == bindparam("id"), col(Audit.organisation) == bindparam("organisation")
    )
)


def etag_token_of(session: Session, organisation: str, audit_id: str) -> str | None:
    """The audit's current ETag token if it belongs to `organisation` (no row loaded)."""
    params = {"id": audit_id, "organisation": organisation}
    token: str | None = _ETAG_TOKEN_OF.scalar(session, params)
    return token


def audits_by_id(session: Session, organisation: str, ids: list[str]) -> list[Audit]:
    stmt = select(Audit).where(col(Audit.id).in_(ids), Audit.organisation == organisation)
    return list(session.exec(stmt).all())


# `sort` -> the keyset order: the timestamp, then the id to break ties.
ORDERS: dict[str, list[SortKey]] = {
    sort: [
        SortKey(col(getattr(Audit, sort.lstrip("-"))), descending=sort.startswith("-")),
        SortKey(col(Audit.id), descending=sort.startswith("-")),
    ]
    for sort in ("-created_at", "created_at", "-updated_at", "updated_at")
}

# `AuditListQuery` field -> the condition it adds (a bind parameter of the same name). A new
# filter: a field on `AuditListQuery` and its condition here.
AUDIT_FILTERS: dict[str, Any] = {
    "status": col(Audit.status) == bindparam("status"),
    "template_version": col(Audit.template_version) == bindparam("template_version"),
    "updated_since": col(Audit.updated_at)
    >= bindparam("updated_since", type_=Audit.__table__.c.updated_at.type),  # type: ignore[attr-defined]
}


def _filtered(stmt: Any, filters: frozenset[str]) -> Any:
    stmt = stmt.where(col(Audit.organisation) == bindparam("organisation"))
    for name in sorted(filters):
        stmt = stmt.where(AUDIT_FILTERS[name])
    return stmt


def _cursor_key(row: Any, sort: str) -> list[Any]:
    return [getattr(row, sort.lstrip("-")).isoformat(), row.id]


@functools.cache
def _etag_token_query(filters: frozenset[str], sort: str) -> KeysetQuery:
    column = sort.lstrip("-")
    stmt = _filtered(select(Audit.id, Audit.etag_token, getattr(Audit, column)), filters)
    return KeysetQuery(
        stmt,
        ORDERS[sort],
        lambda row: _cursor_key(row, sort),
        parse=(datetime.fromisoformat, str),
    )


@functools.cache
def _count_query(filters: frozenset[str]) -> Prepared:
    return Prepared(_filtered(select(func.count().label("n")).select_from(Audit), filters))


def _binds(query: AuditListQuery) -> dict[str, Any]:
    binds = {name: getattr(query, name) for name in AUDIT_FILTERS}
    return {name: value for name, value in binds.items() if value is not None}


def etag_token_page(
    session: Session, organisation: str, query: AuditListQuery
) -> tuple[list[tuple[str, str]], str | None]:
    """One keyset page of the organisation's audits in `query.sort` order, as (id, ETag
    token) pairs: all the rendered-body cache needs to know; rows for the rest are loaded by
    id."""
    binds = _binds(query)
    rows, cursor = _etag_token_query(frozenset(binds), query.sort).page(
        session, query, {"organisation": organisation, **binds}
    )
    return [(row.id, row.etag_token) for row in rows], cursor


def audit_count(session: Session, organisation: str, query: AuditListQuery) -> int:
    """How many of the organisation's audits match `query`'s filters (the page's `total`)."""
    binds = _binds(query)
    count = _count_query(frozenset(binds)).scalar(session, {"organisation": organisation, **binds})
    return int(count or 0)


def add(session: Session, *rows: Audit | AuditRevision | IdempotencyRecord) -> None:
    """INSERT `rows` in order (an audit before its revision) on the session's connection.
    Core, not the unit of work, whose flush was 14-16% of POST /v1/audits (py-spy); the rows
    stay outside the session, and whatever reads them back queries them."""
    for row in rows:
        _insert_into(str(row.__tablename__)).run(session, row.model_dump())


@functools.cache
def _insert_into(table: str) -> Prepared:
    """One statement per table, built once and run on the cursor (Core's execute of it was
    ~40% of `add`: cProfile of POST /v1/audits)."""
    return Prepared(insert(SQLModel.metadata.tables[table]))


def update_if_version(
    session: Session, audit: Audit, expected_version: int, values: dict[str, Any]
) -> bool:
    """UPDATE ... WHERE version = :expected, bumping the version. False if another write won."""
    params = {f"set_{name}": value for name, value in values.items()}
    params |= {"id": audit.id, "organisation": audit.organisation, "expected": expected_version}
    return _update_if_version(tuple(sorted(values))).run(session, params) == 1


@functools.cache
def _update_if_version(columns: tuple[str, ...]) -> Prepared:
    """One statement per set of changed columns (a PATCH changes the title, the responses or
    both), run on the cursor."""
    table = Audit.__table__  # type: ignore[attr-defined]
    return Prepared(
        update(table)
        .where(
            table.c.id == bindparam("id"),
            table.c.organisation == bindparam("organisation"),
            table.c.version == bindparam("expected"),
        )
        .values(
            {
                **{name: bindparam(f"set_{name}", type_=table.c[name].type) for name in columns},
                "version": table.c.version + 1,
            }
        )
    )


def revision_page(
    session: Session, audit_id: str, params: ListParamsModel
) -> tuple[list[AuditRevision], str | None]:
    stmt = select(AuditRevision).where(AuditRevision.audit_id == audit_id)
    keys = [SortKey(col(AuditRevision.version))]
    return keyset_page(session, stmt, keys, lambda r: [r.version], params)


def idempotency_record(session: Session, organisation: str, key: str) -> IdempotencyRecord | None:
    return session.get(IdempotencyRecord, (organisation, key))


def forget_idempotency_record(session: Session, record: IdempotencyRecord) -> None:
    session.delete(record)
    session.flush()


def latest_submissions(session: Session, template_version: int) -> list[tuple[str, AuditRevision]]:
    """(organisation, revision row) of every submission on a template, newest first."""
    stmt = (
        select(Audit.organisation, AuditRevision)
        .join(Audit, col(Audit.id) == col(AuditRevision.audit_id))
        .where(Audit.template_version == template_version, AuditRevision.action == "submitted")
        .order_by(col(AuditRevision.recorded_at).desc(), col(AuditRevision.version).desc())
    )
    return [(str(org), rev) for org, rev in session.exec(stmt).all()]


def add_event(
    session: Session,
    organisation: str,
    action: str,
    audit_id: str,
    version: int,
    revision: int,
    status: str,
    at: datetime,
) -> None:
    """Record the change `action` (a revision's action: created, updated, ...) in the
    current transaction.

    `seq` is drawn when the row is inserted, not when it commits; a feed read between two
    concurrent commits could pass over a lower `seq` that commits later. SQLite has one
    writer at a time, so insert order is commit order. On PostgreSQL a transaction-scoped
    advisory lock per organisation, taken just before the insert (the last statement before
    the commit), makes the organisation's writers draw and commit `seq` in turn."""
    if session.get_bind().dialect.name == "postgresql":
        key = zlib.crc32(organisation.encode())
        session.connection().execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})
    _INSERT.run(
        session,
        {
            "id": time_ordered_uuid(),
            "organisation": organisation,
            "type": f"audit.{action}",
            "audit_id": audit_id,
            "version": version,
            "revision": revision,
            "status": status,
            "occurred_at": at,
        },
    )


# Every write runs it: built once, run on the cursor like the audit INSERTs (app/core/prepared).
_TABLE = Event.__table__  # type: ignore[attr-defined]
_INSERT = Prepared(
    insert(_TABLE).values(
        {name: bindparam(name, type_=_TABLE.c[name].type) for name in EVENT_COLUMNS}
    )
)
