"""Evidence queries; the only place that selects from evidence tables."""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import and_, distinct, exists, func, union
from sqlalchemy.orm import aliased
from sqlmodel import Session, SQLModel, col, delete, select
from sqlmodel.sql.expression import SelectOfScalar

from app.core.facets import FacetCount, Pairs, count_facets
from app.core.pagination import ListParamsModel, SortKey, keyset_page
from app.evidence.models import (
    Evaluation,
    Finding,
    FindingOutcome,
    Guidance,
    Programme,
    Project,
    ProjectLink,
)
from app.evidence.schemas import EvaluationListQuery, FindingListQuery, ProjectListQuery

Row = TypeVar("Row", bound=SQLModel)
# Children first, so foreign keys hold while the evidence is replaced.
EVIDENCE_TABLES = (FindingOutcome, Finding, ProjectLink, Evaluation, Project, Guidance, Programme)


def delete_all(session: Session) -> None:
    for table in EVIDENCE_TABLES:
        session.exec(delete(table))


def get(session: Session, table: type[Row], slug: str) -> Row | None:
    return session.get(table, slug)


def every(session: Session, table: type[Row]) -> Sequence[Row]:
    return session.exec(select(table)).all()


def programme_names(session: Session) -> dict[str, str]:
    return dict(session.exec(select(Programme.slug, Programme.name)).all())


def findings_by_slug(session: Session, slugs: Sequence[str]) -> Sequence[Finding]:
    if not slugs:
        return []
    return session.exec(select(Finding).where(col(Finding.slug).in_(slugs))).all()


def projects_in_order(session: Session, stmt: SelectOfScalar[Project]) -> list[Project]:
    """Every project `stmt` selects, by slug (the CSV, which is not paginated)."""
    return list(session.exec(stmt.order_by(col(Project.slug))).all())


def project_slugs_linked_to(
    session: Session, kind: str, targets: Sequence[str]
) -> dict[str, list[str]]:
    """target -> linked project slugs (sorted), for a whole page of targets in one query."""
    out: dict[str, list[str]] = {}
    if not targets:
        return out
    stmt = (
        select(ProjectLink.target, ProjectLink.project)
        .where(ProjectLink.kind == kind, col(ProjectLink.target).in_(targets))
        .order_by(col(ProjectLink.target), col(ProjectLink.project))
    )
    for target, project in session.exec(stmt).all():
        out.setdefault(str(target), []).append(str(project))
    return out


def links_of(session: Session, projects: Sequence[str]) -> Sequence[ProjectLink]:
    if not projects:
        return []
    return session.exec(select(ProjectLink).where(col(ProjectLink.project).in_(projects))).all()


def project_names(session: Session) -> dict[str, str]:
    return dict(session.exec(select(Project.slug, Project.name)).all())


# `ProjectListQuery` fields that filter on a project's links (ProjectLink.kind of the same name).
PROJECT_LINK_FILTERS = ("theme", "feature", "outcome", "model", "organisation")
# `FindingListQuery` fields that filter on the finding's column of the same name.
FINDING_COLUMN_FILTERS = ("project", "programme", "kind", "unit", "source")


def projects_filtered(query: ProjectListQuery) -> SelectOfScalar[Project]:
    stmt = select(Project)
    if query.programme:
        stmt = stmt.where(Project.programme == query.programme)
    for kind in PROJECT_LINK_FILTERS:
        target = getattr(query, kind)
        if target:
            stmt = stmt.where(
                exists().where(
                    col(ProjectLink.project) == col(Project.slug),
                    col(ProjectLink.kind) == kind,
                    col(ProjectLink.target) == target,
                )
            )
    if query.design_strength is not None:
        stmt = stmt.where(_evaluated_at(col(Project.evaluation), query.design_strength))
    if query.q:
        # Plain substring match over name and aims (case-insensitive); ranked search is /v1/search.
        stmt = stmt.where(col(Project.search_text).contains(query.q.lower(), autoescape=True))
    return stmt


def project_page(
    session: Session, stmt: SelectOfScalar[Project], params: ListParamsModel
) -> tuple[list[Project], str | None]:
    return keyset_page(session, stmt, [SortKey(col(Project.slug))], lambda p: [p.slug], params)


def count(session: Session, stmt: SelectOfScalar[Any]) -> int:
    return int(session.exec(select(func.count()).select_from(stmt.subquery())).one())


def evaluations_by_slug(session: Session, slugs: Sequence[str]) -> dict[str, Evaluation]:
    if not slugs:
        return {}
    rows = session.exec(select(Evaluation).where(col(Evaluation.slug).in_(slugs))).all()
    return {e.slug: e for e in rows}


def _evaluated_at(evaluation: Any, strength: int) -> Any:
    """The evaluation `evaluation` (a slug column) has design strength `strength`."""
    return exists().where(
        col(Evaluation.slug) == evaluation, col(Evaluation.design_strength) == strength
    )


def evaluations_filtered(query: EvaluationListQuery) -> SelectOfScalar[Evaluation]:
    stmt = select(Evaluation)
    if query.design:
        stmt = stmt.where(Evaluation.design == query.design)
    if query.design_strength is not None:
        stmt = stmt.where(Evaluation.design_strength == query.design_strength)
    if query.programme:
        # The programme of the evaluated project, as the `programme` facet counts it.
        stmt = stmt.where(
            exists().where(
                col(Project.slug) == col(Evaluation.project),
                col(Project.programme) == query.programme,
            )
        )
    return stmt


def evaluation_page(
    session: Session, stmt: SelectOfScalar[Evaluation], params: ListParamsModel
) -> tuple[list[Evaluation], str | None]:
    keys = [
        SortKey(col(Evaluation.design_strength), descending=True),
        SortKey(col(Evaluation.slug)),
    ]
    return keyset_page(session, stmt, keys, lambda e: [e.design_strength, e.slug], params)


def findings_of_projects(session: Session, projects: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if not projects:
        return out
    stmt = (
        select(Finding.project, Finding.slug)
        .where(col(Finding.project).in_(projects))
        .order_by(col(Finding.slug))
    )
    for project, slug in session.exec(stmt).all():
        out.setdefault(str(project), []).append(slug)
    return out


def finding_slugs_for_outcomes(session: Session, outcomes: Sequence[str]) -> dict[str, list[str]]:
    """outcome -> finding slugs (sorted), for a whole page of outcomes in one query."""
    out: dict[str, list[str]] = {}
    if not outcomes:
        return out
    stmt = (
        select(FindingOutcome.outcome, FindingOutcome.finding)
        .where(col(FindingOutcome.outcome).in_(outcomes))
        .order_by(col(FindingOutcome.outcome), col(FindingOutcome.finding))
    )
    for outcome, finding in session.exec(stmt).all():
        out.setdefault(str(outcome), []).append(str(finding))
    return out


def finding_outcomes(session: Session, findings: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if not findings:
        return out
    stmt = select(FindingOutcome).where(col(FindingOutcome.finding).in_(findings))
    for row in session.exec(stmt).all():
        out.setdefault(row.finding, []).append(row.outcome)
    return out


def findings_of_programme(session: Session, programme: str) -> list[str]:
    stmt = select(Finding.slug).where(Finding.programme == programme).order_by(col(Finding.slug))
    return list(session.exec(stmt).all())


def projects_of_programme(session: Session, programme: str) -> Sequence[Project]:
    return session.exec(
        select(Project).where(Project.programme == programme).order_by(col(Project.slug))
    ).all()


def programme_page(session: Session, params: ListParamsModel) -> tuple[list[Programme], str | None]:
    return keyset_page(
        session, select(Programme), [SortKey(col(Programme.slug))], lambda p: [p.slug], params
    )


def guidance_page(
    session: Session, params: ListParamsModel, kind: str | None
) -> tuple[list[Guidance], str | None]:
    stmt = select(Guidance)
    if kind:
        stmt = stmt.where(Guidance.kind == kind)
    return keyset_page(session, stmt, [SortKey(col(Guidance.slug))], lambda g: [g.slug], params)


FINDING_SORTS: dict[str, Callable[[], Any]] = {
    "slug": lambda: col(Finding.slug),
    "kind": lambda: col(Finding.kind),
    "metric": lambda: col(Finding.metric),
    "project": lambda: func.coalesce(Finding.project, ""),
    "result_value": lambda: func.coalesce(Finding.result_value, -1e300),
    "baseline_value": lambda: func.coalesce(Finding.baseline_value, -1e300),
}


def findings_filtered(query: FindingListQuery) -> SelectOfScalar[Finding]:
    stmt = select(Finding)
    for name in FINDING_COLUMN_FILTERS:
        value = getattr(query, name)
        if value:
            stmt = stmt.where(getattr(Finding, name) == value)
    if query.outcome:
        stmt = stmt.where(
            exists().where(
                col(FindingOutcome.finding) == col(Finding.slug),
                col(FindingOutcome.outcome) == query.outcome,
            )
        )
    if query.feature:
        stmt = stmt.where(
            exists().where(
                col(ProjectLink.project) == col(Finding.project),
                col(ProjectLink.kind) == "feature",
                col(ProjectLink.target) == query.feature,
            )
        )
    if query.design_strength is not None:
        # The evaluation of the project that reports the finding, as the facet counts it.
        stmt = stmt.where(
            exists().where(
                col(Project.slug) == col(Finding.project),
                _evaluated_at(col(Project.evaluation), query.design_strength),
            )
        )
    if query.q:
        stmt = stmt.where(col(Finding.search_text).contains(query.q.lower(), autoescape=True))
    if query.distinct:
        stmt = stmt.where(col(Finding.canonical))
    return stmt


def finding_page(
    session: Session, stmt: SelectOfScalar[Finding], sort: str, params: ListParamsModel
) -> tuple[list[Finding], str | None]:
    descending = sort.startswith("-")
    field = sort.removeprefix("-")
    keys = [SortKey(FINDING_SORTS[field](), descending)]
    if field != "slug":
        keys.append(SortKey(col(Finding.slug)))

    def key_of(f: Finding) -> list[Any]:
        value = getattr(f, field)
        if value is None:
            value = -1e300 if field.endswith("_value") else ""
        return [value, f.slug] if field != "slug" else [f.slug]

    return keyset_page(session, stmt, keys, key_of, params)


def finding_rows(session: Session, stmt: SelectOfScalar[Finding]) -> Sequence[Finding]:
    return session.exec(stmt.order_by(col(Finding.slug))).all()


# -- the feature x outcome matrix ---------------------------------------------------------------


def feature_outcome_projects(session: Session) -> list[tuple[str, str, str]]:
    """(feature, outcome, project) for each project that demonstrates the feature and evidences
    the outcome, by its own link to the outcome or by a finding of that outcome."""
    feature, outcome = aliased(ProjectLink), aliased(ProjectLink)
    by_link = (
        select(feature.target, outcome.target, feature.project)
        .join(
            outcome,
            and_(col(outcome.project) == col(feature.project), col(outcome.kind) == "outcome"),
        )
        .where(feature.kind == "feature")
    )
    by_finding = (
        select(feature.target, FindingOutcome.outcome, feature.project)
        .join(Finding, col(Finding.project) == col(feature.project))
        .join(FindingOutcome, col(FindingOutcome.finding) == col(Finding.slug))
        .where(feature.kind == "feature")
    )
    feature_slug, outcome_slug, project = union(by_link, by_finding).subquery().c
    rows = session.exec(select(feature_slug, outcome_slug, project)).all()
    return sorted((str(f), str(o), str(p)) for f, o, p in rows)


def feature_outcome_finding_counts(session: Session) -> dict[tuple[str, str], int]:
    """(feature, outcome) -> distinct findings (one per fact: the canonical one) of that outcome
    reported by projects that demonstrate the feature."""
    stmt = (
        select(ProjectLink.target, FindingOutcome.outcome, func.count(distinct(col(Finding.slug))))
        .join(Finding, col(Finding.project) == col(ProjectLink.project))
        .join(FindingOutcome, col(FindingOutcome.finding) == col(Finding.slug))
        .where(ProjectLink.kind == "feature", col(Finding.canonical))
        .group_by(col(ProjectLink.target), col(FindingOutcome.outcome))
    )
    return {(str(f), str(o)): int(n) for f, o, n in session.exec(stmt).all()}


# -- facets: each a select of (row key, value) pairs, counted by app/core/facets.py ----------


def _project_links(kind: str) -> Pairs:
    return select(ProjectLink.project, ProjectLink.target).where(ProjectLink.kind == kind)


def _strength_of_project() -> Pairs:
    """(project, its evaluation's design strength), NULL for a project not evaluated."""
    return select(Project.slug, Evaluation.design_strength).outerjoin(
        Evaluation, col(Evaluation.slug) == col(Project.evaluation)
    )


FINDING_FACETS: dict[str, Pairs] = {
    **{name: select(Finding.slug, getattr(Finding, name)) for name in FINDING_COLUMN_FILTERS},
    "outcome": select(FindingOutcome.finding, FindingOutcome.outcome),
    # A finding shows the features and the evaluation of the project that reports it.
    "feature": select(Finding.slug, ProjectLink.target).join(
        ProjectLink,
        (col(ProjectLink.project) == col(Finding.project)) & (col(ProjectLink.kind) == "feature"),
    ),
    "design_strength": select(Finding.slug, Evaluation.design_strength)
    .outerjoin(Project, col(Project.slug) == col(Finding.project))
    .outerjoin(Evaluation, col(Evaluation.slug) == col(Project.evaluation)),
}
PROJECT_FACETS: dict[str, Pairs] = {
    "programme": select(Project.slug, Project.programme),
    **{kind: _project_links(kind) for kind in PROJECT_LINK_FILTERS},
    "design_strength": _strength_of_project(),
}
EVALUATION_FACETS: dict[str, Pairs] = {
    "design": select(Evaluation.slug, Evaluation.design),
    "design_strength": select(Evaluation.slug, Evaluation.design_strength),
    "programme": select(Evaluation.slug, Project.programme).outerjoin(
        Project, col(Project.slug) == col(Evaluation.project)
    ),
}

FACETS: dict[type[SQLModel], dict[str, Pairs]] = {
    Finding: FINDING_FACETS,
    Project: PROJECT_FACETS,
    Evaluation: EVALUATION_FACETS,
}


def facet_counts(
    session: Session, stmt: SelectOfScalar[Any], names: Sequence[str]
) -> dict[str, list[FacetCount]] | None:
    """The facets `names` over the rows `stmt` selects (a filtered select of findings,
    projects or evaluations, whose slug is the key of its facets' pairs)."""
    table = stmt.column_descriptions[0]["entity"]
    return count_facets(session, FACETS[table], names, stmt.with_only_columns(col(table.slug)))
