"""Catalogue queries; the only place that selects from catalogue tables."""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, delete, select

from app.catalogue.models import (
    Enabler,
    Feature,
    FrameworkTable,
    Outcome,
    PracticeModel,
    Recommendation,
    Source,
)
from app.core.pagination import ListParamsModel, SortKey, keyset_page

CATALOGUE_TABLES = (
    Feature,
    Outcome,
    Enabler,
    Recommendation,
    PracticeModel,
    Source,
    FrameworkTable,
)


def delete_all(session: Session) -> None:
    for table in CATALOGUE_TABLES:
        session.exec(delete(table))


def get(session: Session, table: Any, slug: str) -> Any:
    return session.get(table, slug)


def features(session: Session) -> Sequence[Feature]:
    return session.exec(select(Feature).order_by(col(Feature.number))).all()


def feature_page(session: Session, params: ListParamsModel) -> tuple[list[Feature], str | None]:
    return keyset_page(
        session, select(Feature), [SortKey(col(Feature.number))], lambda f: [f.number], params
    )


def outcomes(session: Session, by_table: bool = False) -> Sequence[Outcome]:
    order = col(Outcome.table1_row) if by_table else col(Outcome.text_order)
    return session.exec(select(Outcome).order_by(order)).all()


def outcome_page(
    session: Session, params: ListParamsModel, by_table: bool
) -> tuple[list[Outcome], str | None]:
    if by_table:
        key = SortKey(col(Outcome.table1_row))
        return keyset_page(session, select(Outcome), [key], lambda o: [o.table1_row], params)
    key = SortKey(col(Outcome.text_order))
    return keyset_page(session, select(Outcome), [key], lambda o: [o.text_order], params)


def enablers(session: Session, enabler_set: str | None = None) -> Sequence[Enabler]:
    stmt = select(Enabler).order_by(col(Enabler.set), col(Enabler.position))
    if enabler_set:
        stmt = stmt.where(Enabler.set == enabler_set)
    return session.exec(stmt).all()


def enabler_page(
    session: Session, params: ListParamsModel, enabler_set: str | None
) -> tuple[list[Enabler], str | None]:
    stmt = select(Enabler)
    if enabler_set:
        stmt = stmt.where(Enabler.set == enabler_set)
    keys = [SortKey(col(Enabler.set)), SortKey(col(Enabler.position))]
    return keyset_page(session, stmt, keys, lambda e: [e.set, e.position], params)


def recommendation_page(
    session: Session, params: ListParamsModel
) -> tuple[list[Recommendation], str | None]:
    return keyset_page(
        session,
        select(Recommendation),
        [SortKey(col(Recommendation.number))],
        lambda r: [r.number],
        params,
    )


def practice_model_page(
    session: Session, params: ListParamsModel
) -> tuple[list[PracticeModel], str | None]:
    return keyset_page(
        session,
        select(PracticeModel),
        [SortKey(col(PracticeModel.slug))],
        lambda m: [m.slug],
        params,
    )


def source_page(
    session: Session, params: ListParamsModel, kind: str | None
) -> tuple[list[Source], str | None]:
    stmt = select(Source)
    if kind:
        stmt = stmt.where(Source.kind == kind)
    keys = [SortKey(col(Source.kind), descending=True), SortKey(col(Source.slug))]
    return keyset_page(session, stmt, keys, lambda s: [s.kind, s.slug], params)


def framework_table(session: Session) -> FrameworkTable | None:
    return session.exec(select(FrameworkTable)).first()


def titles(session: Session) -> dict[str, dict[str, str]]:
    """slug -> title for every catalogue kind (for building references)."""
    return {
        "feature": dict(session.exec(select(Feature.slug, Feature.title)).all()),
        "outcome": dict(session.exec(select(Outcome.slug, Outcome.title)).all()),
        "enabler": dict(session.exec(select(Enabler.slug, Enabler.title)).all()),
        "recommendation": dict(
            session.exec(select(Recommendation.slug, Recommendation.text)).all()
        ),
        "practice-model": dict(session.exec(select(PracticeModel.slug, PracticeModel.name)).all()),
        "source": dict(session.exec(select(Source.slug, Source.title)).all()),
    }
