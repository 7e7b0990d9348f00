"""Catalogue endpoints: public, read-only, rendered once per content version."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from sqlmodel import Session

from app.catalogue import repository, service
from app.catalogue.schemas import (
    EnablerPublic,
    EnablerSet,
    FeaturePublic,
    FrameworkMatrix,
    FrameworkPublic,
    OutcomePublic,
    PracticeModelPublic,
    RecommendationPublic,
    SourcePublic,
)
from app.core.content import current_version
from app.core.db import SessionDep
from app.core.errors import NotFound, problem_responses
from app.core.http import Rendered, render_json, serve_catalogue
from app.core.pagination import ListParams, Page
from app.core.routing import ITEM_ERRORS, LIST_ERRORS, Slug, page

router = APIRouter(prefix="/v1", tags=["Framework"])


def _loaded_version(session: Session) -> str:
    version = current_version(session)
    if version is None:
        raise NotFound("The framework has not been loaded; run the seed step.")
    return version.version


@router.get(
    "/framework",
    response_model=FrameworkPublic,
    summary="The whole framework",
    responses=problem_responses(NotFound),
)
def get_framework(request: Request, session: SessionDep) -> Response:
    """The seven features of practice, the seven outcomes (in the order the text presents
    them) and both sets of enablers, with Table 1's alignment, in one document for embedding.
    Cached and ETagged: send `If-None-Match` to get a `304`."""

    def render() -> Rendered:
        return render_json(service.framework(session, _loaded_version(session)))

    return serve_catalogue(request, render)


@router.get(
    "/framework/matrix",
    response_model=FrameworkMatrix,
    summary="Features against outcomes, from the evidence",
    responses=problem_responses(NotFound),
)
def get_framework_matrix(request: Request, session: SessionDep) -> Response:
    """For each of the seven features and each of the seven outcomes (49 cells), the projects
    that demonstrate the feature and evidence the outcome, and how many distinct findings do
    (one per fact, as `list_findings?distinct=true` counts them):
    the picture the framework's Table 1 draws, computed from the evidence. `table_1` marks the
    seven pairs Table 1 prints on one row. Cached and ETagged: send `If-None-Match` to get a
    `304`."""

    def render() -> Rendered:
        return render_json(service.framework_matrix(session, _loaded_version(session)))

    return serve_catalogue(request, render)


@router.get(
    "/features",
    response_model=Page[FeaturePublic],
    summary="List the seven features",
    responses=LIST_ERRORS,
)
def list_features(request: Request, session: SessionDep, params: ListParams) -> Response:
    """The seven features of practice in number order, each with its definition, benefits
    ("what difference does it make?"), potential pitfalls, quotations and citations."""

    def render() -> Rendered:
        rows, cursor = repository.feature_page(session, params)
        return page(
            request,
            service.features_public(session, rows),
            cursor,
            len(repository.features(session)),
        )

    return serve_catalogue(request, render)


@router.get(
    "/features/{slug}",
    response_model=FeaturePublic,
    summary="Get one feature",
    responses=ITEM_ERRORS,
)
def get_feature(request: Request, session: SessionDep, slug: Slug) -> Response:
    """One feature of practice by slug, e.g. `skilled-direct-work`."""
    return serve_catalogue(request, lambda: render_json(service.get_feature(session, slug)))


@router.get(
    "/outcomes",
    response_model=Page[OutcomePublic],
    summary="List the seven outcomes",
    responses=LIST_ERRORS,
)
def list_outcomes(
    request: Request,
    session: SessionDep,
    params: ListParams,
    order: Annotated[
        str,
        Query(
            pattern="^(text|table-1)$",
            description="`text`: as the framework presents them; `table-1`: Table 1's row order.",
        ),
    ] = "text",
) -> Response:
    """The seven outcomes with their evidence statements and figures, linked findings and
    projects. The text and Table 1 order them differently; both positions are given."""

    def render() -> Rendered:
        rows, cursor = repository.outcome_page(session, params, order == "table-1")
        return page(
            request,
            service.outcomes_public(session, rows),
            cursor,
            len(repository.outcomes(session)),
        )

    return serve_catalogue(request, render)


@router.get(
    "/outcomes/{slug}",
    response_model=OutcomePublic,
    summary="Get one outcome",
    responses=ITEM_ERRORS,
)
def get_outcome(request: Request, session: SessionDep, slug: Slug) -> Response:
    """One outcome by slug, e.g. `reduced-risk`."""
    return serve_catalogue(request, lambda: render_json(service.get_outcome(session, slug)))


@router.get(
    "/enablers", response_model=Page[EnablerPublic], summary="List enablers", responses=LIST_ERRORS
)
def list_enablers(
    request: Request,
    session: SessionDep,
    params: ListParams,
    set: Annotated[
        EnablerSet | None,
        Query(
            description="`isos`: the seven ISOS enablers of "
            "improvement; `innovation-programme`: the four the evaluations identified."
        ),
    ] = None,
) -> Response:
    """Enablers of improvement: the seven ISOS enablers (with their actions) and the four
    enablers the Innovation Programme evaluations identified."""

    def render() -> Rendered:
        rows, cursor = repository.enabler_page(session, params, set)
        return page(
            request,
            [service.enabler_public(r) for r in rows],
            cursor,
            len(repository.enablers(session, set)),
        )

    return serve_catalogue(request, render)


@router.get(
    "/enablers/{slug}",
    response_model=EnablerPublic,
    summary="Get one enabler",
    responses=ITEM_ERRORS,
)
def get_enabler(request: Request, session: SessionDep, slug: Slug) -> Response:
    """One enabler by slug, e.g. `strategic-approach`."""
    return serve_catalogue(request, lambda: render_json(service.get_enabler(session, slug)))


@router.get(
    "/recommendations",
    response_model=Page[RecommendationPublic],
    summary="List the twelve recommendations",
    responses=LIST_ERRORS,
)
def list_recommendations(request: Request, session: SessionDep, params: ListParams) -> Response:
    """The twelve recommendations of the Rees Centre thematic report, in order, each linked to
    the self-audit condition that asks about it."""

    def render() -> Rendered:
        rows, cursor = repository.recommendation_page(session, params)
        return page(request, [service.recommendation_public(r) for r in rows], cursor)

    return serve_catalogue(request, render)


@router.get(
    "/recommendations/{slug}",
    response_model=RecommendationPublic,
    summary="Get one recommendation",
    responses=ITEM_ERRORS,
)
def get_recommendation(request: Request, session: SessionDep, slug: Slug) -> Response:
    """One recommendation by slug."""
    return serve_catalogue(request, lambda: render_json(service.get_recommendation(session, slug)))


@router.get(
    "/practice-models",
    response_model=Page[PracticeModelPublic],
    summary="List practice models",
    responses=LIST_ERRORS,
)
def list_practice_models(request: Request, session: SessionDep, params: ListParams) -> Response:
    """Practice models the texts describe (systemic practice, Signs of Safety, restorative
    practice, ...) with the projects that use them."""

    def render() -> Rendered:
        rows, cursor = repository.practice_model_page(session, params)
        return page(request, service.practice_models_public(session, rows), cursor)

    return serve_catalogue(request, render)


@router.get(
    "/practice-models/{slug}",
    response_model=PracticeModelPublic,
    summary="Get one practice model",
    responses=ITEM_ERRORS,
)
def get_practice_model(request: Request, session: SessionDep, slug: Slug) -> Response:
    """One practice model by slug, e.g. `signs-of-safety`."""
    return serve_catalogue(request, lambda: render_json(service.get_practice_model(session, slug)))


@router.get(
    "/sources",
    response_model=Page[SourcePublic],
    summary="List sources",
    responses=LIST_ERRORS,
    tags=["Provenance"],
)
def list_sources(
    request: Request,
    session: SessionDep,
    params: ListParams,
    kind: Annotated[str | None, Query(pattern="^(source-text|evaluation-report)$")] = None,
) -> Response:
    """The five source texts every citation quotes, and the evaluation reports their
    footnotes cite."""

    def render() -> Rendered:
        rows, cursor = repository.source_page(session, params, kind)
        return page(request, [service.source_public(r) for r in rows], cursor)

    return serve_catalogue(request, render)


@router.get(
    "/sources/{slug}",
    response_model=SourcePublic,
    summary="Get one source",
    responses=ITEM_ERRORS,
    tags=["Provenance"],
)
def get_source(request: Request, session: SessionDep, slug: Slug) -> Response:
    """One source document by slug."""
    return serve_catalogue(request, lambda: render_json(service.get_source(session, slug)))
