"""Catalogue: loading seed records, and building the public documents."""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from app.catalogue import repository
from app.catalogue.curated import CuratedLinks
from app.catalogue.models import (
    Enabler,
    Feature,
    FrameworkTable,
    Outcome,
    PracticeModel,
    Recommendation,
    Source,
)
from app.catalogue.schemas import (
    EnablerPublic,
    FeaturePublic,
    FrameworkMatrix,
    FrameworkPublic,
    MatrixCell,
    MatrixRow,
    OutcomePublic,
    PracticeModelPublic,
    RecommendationPublic,
    SourcePublic,
    Table1Row,
)
from app.core.content import Record, SeedData, SeedError
from app.core.errors import NotFound
from app.core.links import Ref, href, ref
from app.evidence import service as evidence_service

# -- seeding ---------------------------------------------------------------------------------

LINK_FIELDS = {
    "related_outcomes",
    "related_enablers",
    "projects",
    "findings",
    "href",
    "audit_condition",
}


def _clean(record: Record) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in LINK_FIELDS}


def _validated(schema: Any, record: Record) -> dict[str, Any]:
    try:
        return dict(
            schema.model_validate(_clean(record)).model_dump(
                mode="json", exclude_defaults=False, exclude=LINK_FIELDS
            )
        )
    except ValueError as exc:
        raise SeedError(f"{schema.__name__} '{record.get('slug')}': {exc}") from exc


# Kept in a row's `data` from the curated mapping (see curated.py); never searched as such.
CURATED_ENABLERS = "curated_enablers"


def load(session: Session, seed: SeedData, curated: CuratedLinks) -> None:
    """Replace the catalogue with the seed's (the catalogue is read-only between seeds)."""
    repository.delete_all(session)
    for r in seed.of("sources"):
        data = _validated(SourcePublic, r)
        session.add(Source(slug=r["slug"], kind=data["kind"], title=data["title"], data=data))
    for r in seed.of("features"):
        data = _validated(FeaturePublic, r)
        data[CURATED_ENABLERS] = curated.enablers_by_feature.get(r["slug"], [])
        session.add(Feature(slug=r["slug"], number=data["number"], title=data["title"], data=data))
    for r in seed.of("outcomes"):
        data = _validated(OutcomePublic, r)
        session.add(
            Outcome(
                slug=r["slug"],
                title=data["title"],
                text_order=data["text_order"],
                table1_row=data["table1_row"],
                data=data,
            )
        )
    for r in seed.of("enablers"):
        data = _validated(EnablerPublic, r)
        session.add(
            Enabler(
                slug=r["slug"],
                set=data["set"],
                title=data["title"],
                position=data["number"] or _position(seed, r),
                data=data,
            )
        )
    for r in seed.of("recommendations"):
        data = _validated(RecommendationPublic, r)
        condition = curated.condition_by_recommendation.get(r["slug"])
        data["audit_condition"] = condition.model_dump() if condition else None
        session.add(
            Recommendation(slug=r["slug"], number=data["number"], text=data["text"], data=data)
        )
    for r in seed.of("practice_models"):
        data = _validated(PracticeModelPublic, r)
        session.add(PracticeModel(slug=r["slug"], name=data["name"], data=data))
    for r in seed.of("framework"):
        session.add(FrameworkTable(slug=r["slug"], data=dict(r)))
    session.flush()


def _position(seed: SeedData, record: Record) -> int:
    same_set = [r["slug"] for r in seed.of("enablers") if r.get("set") == record.get("set")]
    return same_set.index(record["slug"]) + 1


# -- reading ---------------------------------------------------------------------------------


def _refs(kind: str, slugs: list[str], titles: dict[str, str]) -> list[Any]:
    return [ref(kind, s, titles[s]) for s in slugs if s in titles]


# The list renderers take a whole page and run a fixed number of queries for it (no N+1,
# tests/test_no_n_plus_one.py); the single-item renderers are a page of one.


def feature_public(session: Session, row: Feature) -> FeaturePublic:
    return features_public(session, [row])[0]


def features_public(session: Session, rows: Sequence[Feature]) -> list[FeaturePublic]:
    titles = repository.titles(session)
    projects = evidence_service.project_refs_by_target(session, "feature", [r.slug for r in rows])
    every_project = sorted({p.slug for found in projects.values() for p in found})
    outcomes = evidence_service.outcomes_by_project(session, every_project)
    out = []
    for row in rows:
        mine = projects[row.slug]
        outcome_slugs = sorted({o for p in mine for o in outcomes.get(p.slug, ())})
        out.append(
            FeaturePublic.model_validate(
                {
                    **row.data,
                    "projects": mine,
                    "related_outcomes": _refs("outcome", outcome_slugs, titles["outcome"]),
                    "related_enablers": _refs(
                        "enabler", row.data.get(CURATED_ENABLERS, []), titles["enabler"]
                    ),
                    "href": href("feature", row.slug),
                }
            )
        )
    return out


def outcome_public(session: Session, row: Outcome) -> OutcomePublic:
    return outcomes_public(session, [row])[0]


def outcomes_public(session: Session, rows: Sequence[Outcome]) -> list[OutcomePublic]:
    slugs = [r.slug for r in rows]
    findings = evidence_service.finding_refs_by_outcome(session, slugs)
    projects = evidence_service.project_refs_by_target(session, "outcome", slugs)
    return [
        OutcomePublic.model_validate(
            {
                **row.data,
                "findings": findings[row.slug],
                "projects": projects[row.slug],
                "href": href("outcome", row.slug),
            }
        )
        for row in rows
    ]


def enabler_public(row: Enabler) -> EnablerPublic:
    return EnablerPublic.model_validate({**row.data, "href": href("enabler", row.slug)})


def recommendation_public(row: Recommendation) -> RecommendationPublic:
    return RecommendationPublic.model_validate(
        {**row.data, "href": href("recommendation", row.slug)}
    )


def practice_model_public(session: Session, row: PracticeModel) -> PracticeModelPublic:
    return practice_models_public(session, [row])[0]


def practice_models_public(
    session: Session, rows: Sequence[PracticeModel]
) -> list[PracticeModelPublic]:
    projects = evidence_service.project_refs_by_target(session, "model", [r.slug for r in rows])
    return [
        PracticeModelPublic.model_validate(
            {**row.data, "projects": projects[row.slug], "href": href("practice-model", row.slug)}
        )
        for row in rows
    ]


def source_public(row: Source) -> SourcePublic:
    return SourcePublic.model_validate(row.data)


def _get(session: Session, table: Any, slug: str, label: str) -> Any:
    row = repository.get(session, table, slug)
    if row is None:
        raise NotFound(f"No {label} with slug '{slug}'.")
    return row


def get_feature(session: Session, slug: str) -> FeaturePublic:
    return feature_public(session, _get(session, Feature, slug, "feature"))


def get_outcome(session: Session, slug: str) -> OutcomePublic:
    return outcome_public(session, _get(session, Outcome, slug, "outcome"))


def get_enabler(session: Session, slug: str) -> EnablerPublic:
    return enabler_public(_get(session, Enabler, slug, "enabler"))


def get_recommendation(session: Session, slug: str) -> RecommendationPublic:
    return recommendation_public(_get(session, Recommendation, slug, "recommendation"))


def get_practice_model(session: Session, slug: str) -> PracticeModelPublic:
    return practice_model_public(session, _get(session, PracticeModel, slug, "practice model"))


def get_source(session: Session, slug: str) -> SourcePublic:
    return source_public(_get(session, Source, slug, "source"))


def titles(session: Session) -> dict[str, dict[str, str]]:
    return repository.titles(session)


def framework(session: Session, content_version: str) -> FrameworkPublic:
    features = features_public(session, repository.features(session))
    outcomes = outcomes_public(session, repository.outcomes(session))
    enablers = [enabler_public(e) for e in repository.enablers(session)]
    by_row = {o.table1_row: o for o in outcomes}
    isos = {e.number: e for e in enablers if e.set == "isos"}
    rows = [
        Table1Row(
            number=f.number,
            feature=ref("feature", f.slug, f.title),
            outcome=ref("outcome", by_row[f.number].slug, by_row[f.number].table1_title),
            enabler=ref("enabler", isos[f.number].slug, isos[f.number].title),
        )
        for f in features
        if f.number in by_row and f.number in isos
    ]
    table = repository.framework_table(session)
    extra = table.data if table else {}
    return FrameworkPublic(
        content_version=content_version,
        title=str(extra.get("framework_title") or "Seven features of practice and seven outcomes"),
        summary=extra.get("summary"),
        table_1=rows,
        features=features,
        outcomes=outcomes,
        enablers=enablers,
        citations=list(extra.get("citations", [])),
    )


def framework_matrix(session: Session, content_version: str) -> FrameworkMatrix:
    features = repository.features(session)
    outcomes = repository.outcomes(session, by_table=True)
    evidence = evidence_service.evidence_by_feature_and_outcome(session)
    return FrameworkMatrix(
        content_version=content_version,
        outcomes=[ref("outcome", o.slug, o.title) for o in outcomes],
        rows=[
            MatrixRow(
                feature=ref("feature", f.slug, f.title),
                cells=[_cell(f, o, evidence.get((f.slug, o.slug), ([], 0))) for o in outcomes],
            )
            for f in features
        ],
    )


def _cell(feature: Feature, outcome: Outcome, evidence: tuple[list[Ref], int]) -> MatrixCell:
    projects, finding_count = evidence
    return MatrixCell(
        outcome=ref("outcome", outcome.slug, outcome.title),
        table_1=feature.number == outcome.table1_row,
        projects=projects,
        finding_count=finding_count,
    )


def search_documents(session: Session) -> list[tuple[str, str, str, Any, str]]:
    """(type, slug, title, content, href) of every catalogue row, for the search index."""

    def content(data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k != CURATED_ENABLERS}

    docs: list[tuple[str, str, str, Any, str]] = []
    for f in repository.features(session):
        docs.append(("feature", f.slug, f.title, content(f.data), href("feature", f.slug)))
    for o in repository.outcomes(session):
        docs.append(("outcome", o.slug, o.title, o.data, href("outcome", o.slug)))
    for e in repository.enablers(session):
        docs.append(("enabler", e.slug, e.title, e.data, href("enabler", e.slug)))
    titles = repository.titles(session)
    for slug, text in titles["recommendation"].items():
        docs.append(("recommendation", slug, text, text, href("recommendation", slug)))
    for kind in ("practice-model", "source"):
        for slug, title in titles[kind].items():
            docs.append((kind, slug, title, title, href(kind, slug)))
    return docs
