"""Organisations the evidence names: public, read-only, rendered once per content version.
(Registering a tenant is the operator's: app/tenants/router.py.)"""

from fastapi import APIRouter, Request, Response

from app.core.db import SessionDep
from app.core.http import Rendered, render_json, serve_catalogue
from app.core.pagination import ListParams, Page
from app.core.routing import ITEM_ERRORS, LIST_ERRORS, Slug, SlugFilter, page
from app.organisations import service
from app.organisations.schemas import OrganisationPublic

router = APIRouter(prefix="/v1", tags=["Evidence"])


@router.get(
    "/organisations",
    response_model=Page[OrganisationPublic],
    summary="List organisations named by the evidence",
    responses=LIST_ERRORS,
)
def list_organisations(
    request: Request,
    session: SessionDep,
    params: ListParams,
    kind: SlugFilter = None,
) -> Response:
    """Local authorities, trusts and other bodies the source texts name, with their projects.
    Organisations that exist only as API tenants are never listed here."""

    def render() -> Rendered:
        items, cursor = service.named_page(session, params, kind)
        return page(request, items, cursor)

    return serve_catalogue(request, render)


@router.get(
    "/organisations/{slug}",
    response_model=OrganisationPublic,
    summary="Get one named organisation",
    responses=ITEM_ERRORS,
)
def get_organisation(request: Request, session: SessionDep, slug: Slug) -> Response:
    """One organisation the evidence names, e.g. `hertfordshire`."""
    return serve_catalogue(request, lambda: render_json(service.get_named(session, slug)))
