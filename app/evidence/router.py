"""Evidence endpoints: public, read-only, rendered once per content version."""

from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from app.core.db import SessionDep
from app.core.errors import ValidationFailed, problem_responses
from app.core.http import Rendered, csv_table, render_csv, render_json, serve_catalogue
from app.core.pagination import ListParams, Page
from app.core.representations import JSON, XLSX, Offers, Representation
from app.core.routing import ITEM_ERRORS, LIST_ERRORS, Slug, SlugFilter, page
from app.core.xlsx import Sheet, render_xlsx, xlsx_table
from app.evidence import repository, service
from app.evidence.schemas import (
    DESIGN_STRENGTH_RULE,
    FINDING_CSV_COLUMNS,
    FINDING_CSV_EXAMPLE,
    PROJECT_CSV_COLUMNS,
    PROJECT_CSV_EXAMPLE,
    EvaluationListQuery,
    EvaluationPage,
    EvaluationPublic,
    FindingListQuery,
    FindingPage,
    FindingPublic,
    GuidancePublic,
    ProgrammePublic,
    ProjectListQuery,
    ProjectPage,
    ProjectPublic,
)

router = APIRouter(prefix="/v1", tags=["Evidence"])

# CSV and XLSX: all matching rows, no pagination, the same columns.
PROJECTS = Offers(
    JSON,
    csv_table(PROJECT_CSV_COLUMNS, [PROJECT_CSV_EXAMPLE]),
    xlsx_table("a row per project"),
)
FINDINGS = Offers(
    JSON,
    csv_table(FINDING_CSV_COLUMNS, [FINDING_CSV_EXAMPLE]),
    xlsx_table("a row per finding"),
)


def _table(
    representation: Representation, name: str, columns: dict[str, str], rows: Iterable[Any]
) -> Rendered:
    """Every matching row as CSV or as XLSX (a sheet named after the collection)."""
    if representation is XLSX:
        return render_xlsx([Sheet(name, list(columns), rows)], f"{name}.xlsx")
    return render_csv(list(columns), rows, f"{name}.csv")


@router.get(
    "/programmes",
    response_model=Page[ProgrammePublic],
    summary="List programmes",
    responses=LIST_ERRORS,
)
def list_programmes(request: Request, session: SessionDep, params: ListParams) -> Response:
    """The Innovation Programme rounds and Strengthening Families, Protecting Children, with
    every figure the texts give (both, where they disagree)."""

    def render() -> Rendered:
        rows, cursor = repository.programme_page(session, params)
        return page(request, [service.programme_public(session, r) for r in rows], cursor)

    return serve_catalogue(request, render)


@router.get(
    "/programmes/{slug}",
    response_model=ProgrammePublic,
    summary="Get one programme",
    responses=ITEM_ERRORS,
)
def get_programme(request: Request, session: SessionDep, slug: Slug) -> Response:
    """One programme by slug, e.g. `innovation-programme-round-1`."""
    return serve_catalogue(request, lambda: render_json(service.get_programme(session, slug)))


@router.get(
    "/projects",
    response_model=ProjectPage,
    summary="List projects",
    responses={**problem_responses(ValidationFailed), **PROJECTS.responses()},
)
def list_projects(
    request: Request,
    session: SessionDep,
    query: Annotated[ProjectListQuery, Query()],
    representation: Annotated[Representation, PROJECTS.negotiated],
) -> Response:
    """Every project the texts describe, with programme, organisations, aims, practice models,
    features demonstrated, outcomes evidenced, evaluation and findings. Filters combine with
    AND, e.g. `?feature=group-case-discussion&outcome=reduced-risk`; `facets` counts the
    matching projects per programme, feature, outcome, ... (`?facets=programme,feature`). CSV
    with `Accept: text/csv` or `?format=csv`, XLSX with `?format=xlsx` (all matching rows, no
    pagination, no facets)."""
    query.bound_to(request)

    def render() -> Rendered:
        stmt = repository.projects_filtered(query)
        if representation is not JSON:
            rows = repository.projects_in_order(session, stmt)
            return _table(
                representation,
                "projects",
                PROJECT_CSV_COLUMNS,
                (service.project_csv_row(p) for p in service.projects_public(session, rows)),
            )
        rows, cursor = repository.project_page(session, stmt, query)
        return page(
            request,
            list(service.projects_public(session, rows)),
            cursor,
            repository.count(session, stmt),
            repository.facet_counts(session, stmt, query.facets),
        )

    return serve_catalogue(request, render, PROJECTS, representation)


@router.get(
    "/projects/{slug}",
    response_model=ProjectPublic,
    summary="Get one project",
    responses=ITEM_ERRORS,
)
def get_project(request: Request, session: SessionDep, slug: Slug) -> Response:
    """One project by slug, with its evaluation's design and limitations."""
    return serve_catalogue(request, lambda: render_json(service.get_project(session, slug)))


@router.get(
    "/evaluations",
    response_model=EvaluationPage,
    summary="List evaluations",
    description="Evaluation designs, methods, samples, duration and limitations, "
    "strongest design first; `facets` counts them per design, design strength or programme "
    "(`?facets=design_strength`).\n\n" + DESIGN_STRENGTH_RULE,
    responses=LIST_ERRORS,
)
def list_evaluations(
    request: Request, session: SessionDep, query: Annotated[EvaluationListQuery, Query()]
) -> Response:
    query.bound_to(request)

    def render() -> Rendered:
        stmt = repository.evaluations_filtered(query)
        rows, cursor = repository.evaluation_page(session, stmt, query)
        return page(
            request,
            [service.evaluation_public(session, r) for r in rows],
            cursor,
            repository.count(session, stmt),
            repository.facet_counts(session, stmt, query.facets),
        )

    return serve_catalogue(request, render)


@router.get(
    "/evaluations/{slug}",
    response_model=EvaluationPublic,
    summary="Get one evaluation",
    responses=ITEM_ERRORS,
    description="One evaluation by slug.\n\n" + DESIGN_STRENGTH_RULE,
)
def get_evaluation(request: Request, session: SessionDep, slug: Slug) -> Response:
    return serve_catalogue(request, lambda: render_json(service.get_evaluation(session, slug)))


@router.get(
    "/findings",
    response_model=FindingPage,
    summary="List quantitative findings",
    responses={**problem_responses(ValidationFailed), **FINDINGS.responses()},
)
def list_findings(
    request: Request,
    session: SessionDep,
    query: Annotated[FindingListQuery, Query()],
    representation: Annotated[Representation, FINDINGS.negotiated],
) -> Response:
    """Every quantitative result in the texts as one row: project, outcomes, kind, metric,
    baseline and result with units and periods, comparison, sample, significance, the
    verbatim statement and its citation. Figures the texts state differently are separate
    rows. `facets` counts the matching findings per kind, outcome, feature, ... for a
    dashboard (`?facets=kind,outcome`). CSV with `Accept: text/csv` or `?format=csv`, XLSX
    with `?format=xlsx` (all matching rows, no pagination, no facets)."""
    query.bound_to(request)

    def render() -> Rendered:
        stmt = repository.findings_filtered(query)
        if representation is not JSON:
            rows = list(repository.finding_rows(session, stmt))
            return _table(
                representation,
                "findings",
                FINDING_CSV_COLUMNS,
                (service.finding_csv_row(f) for f in service.findings_public(session, rows)),
            )
        rows, cursor = repository.finding_page(session, stmt, query.sort, query)
        return page(
            request,
            list(service.findings_public(session, rows)),
            cursor,
            repository.count(session, stmt),
            repository.facet_counts(session, stmt, query.facets),
        )

    return serve_catalogue(request, render, FINDINGS, representation)


@router.get(
    "/findings/{slug}",
    response_model=FindingPublic,
    summary="Get one finding",
    responses=ITEM_ERRORS,
)
def get_finding(request: Request, session: SessionDep, slug: Slug) -> Response:
    """One finding by slug."""
    return serve_catalogue(request, lambda: render_json(service.get_finding(session, slug)))


@router.get(
    "/guidance",
    response_model=Page[GuidancePublic],
    summary="List practical guidance",
    responses=LIST_ERRORS,
)
def list_guidance(
    request: Request,
    session: SessionDep,
    params: ListParams,
    kind: SlugFilter = None,
) -> Response:
    """The practical lists: each learning summary's "five things to consider", Lancashire's
    six pillars, tips from parents, and the core principles the projects share."""

    def render() -> Rendered:
        rows, cursor = repository.guidance_page(session, params, kind)
        return page(request, [service.guidance_public(r) for r in rows], cursor)

    return serve_catalogue(request, render)


@router.get(
    "/guidance/{slug}",
    response_model=GuidancePublic,
    summary="Get one guidance list",
    responses=ITEM_ERRORS,
)
def get_guidance(request: Request, session: SessionDep, slug: Slug) -> Response:
    """One guidance list by slug."""
    return serve_catalogue(request, lambda: render_json(service.get_guidance(session, slug)))
