"""Tenant endpoints: the operator registers organisations and manages their API keys;
an organisation asks `/v1/me` who its key is."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.core.db import SessionDep
from app.core.db_route import db_route
from app.core.errors import (
    Conflict,
    Forbidden,
    NotFound,
    Unauthorized,
    UnsupportedMediaType,
    ValidationFailed,
    problem_responses,
)
from app.core.http import TENANT_CACHE_CONTROL
from app.core.json_bodies import JsonBody
from app.core.openapi_statuses import response_headers
from app.core.pagination import ListParams, Page, set_link
from app.organisations import service as organisations
from app.organisations.schemas import OrganisationCreate, TenantPublic
from app.tenants import service
from app.tenants.dependencies import CurrentOrg, Operator
from app.tenants.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyList, Me

router = APIRouter(prefix="/v1", tags=["Tenants"])

OrgSlug = Annotated[
    str,
    Path(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=200, examples=["hertfordshire"]),
]
KeyPrefix = Annotated[str, Path(pattern=r"^[0-9a-f]{12}$", examples=["3f9a1c0b7d2e"])]
AUTH_ERRORS = (Unauthorized, Forbidden)


def _private(response: Response) -> None:
    response.headers["Cache-Control"] = TENANT_CACHE_CONTROL


@router.post(
    "/organisations",
    status_code=201,
    response_model=TenantPublic,
    summary="Register a tenant organisation (operator)",
    responses={
        **problem_responses(*AUTH_ERRORS, Conflict, UnsupportedMediaType, ValidationFailed),
        201: {
            "description": "The new tenant.",
            **response_headers("Location"),
            "links": {
                "CreateApiKey": {
                    "operationId": "create_api_key",
                    "parameters": {"slug": "$response.body#/slug"},
                    "description": "Issue the tenant's first API key.",
                },
                "GetTenant": {
                    "operationId": "get_tenant",
                    "parameters": {"slug": "$response.body#/slug"},
                    "description": "Read the tenant back.",
                },
            },
        },
    },
)
@db_route
def create_organisation(
    body: OrganisationCreate,
    session: SessionDep,
    response: Response,
    _: Operator,
    _media: JsonBody,
) -> TenantPublic:
    """Registers an organisation as a tenant of the self-audit API. Needs the operator token
    (`ADMIN_TOKEN`). Registering the slug of an organisation the evidence already names (e.g.
    `hertfordshire`) makes that same organisation a tenant; any other slug creates a tenant that
    is never shown in public lists, search or benchmarks. `409` if the slug is already a tenant."""
    tenant = organisations.register_tenant(session, body.slug, body.name)
    _private(response)
    response.headers["Location"] = f"/v1/tenants/{tenant.slug}"
    return tenant


@router.get(
    "/tenants",
    response_model=Page[TenantPublic],
    summary="List tenant organisations (operator)",
    responses=problem_responses(*AUTH_ERRORS, ValidationFailed),
)
@db_route
def list_tenants(
    request: Request, session: SessionDep, params: ListParams, response: Response, _: Operator
) -> Page[TenantPublic]:
    """Every organisation registered as a tenant, by slug, including those that exist only as
    tenants. Operator only."""
    items, cursor = organisations.tenant_page(session, params)
    _private(response)
    set_link(request, response, cursor)
    return Page[TenantPublic](items=items, next_cursor=cursor)


@router.get(
    "/tenants/{slug}",
    response_model=TenantPublic,
    summary="Get one tenant organisation (operator)",
    responses=problem_responses(*AUTH_ERRORS, NotFound, ValidationFailed),
)
@db_route
def get_tenant(slug: OrgSlug, session: SessionDep, response: Response, _: Operator) -> TenantPublic:
    """One tenant organisation by slug. Operator only."""
    _private(response)
    return organisations.get_tenant(session, slug)


@router.post(
    "/organisations/{slug}/api-keys",
    status_code=201,
    response_model=ApiKeyCreated,
    summary="Issue an API key (operator)",
    responses={
        **problem_responses(*AUTH_ERRORS, NotFound, UnsupportedMediaType, ValidationFailed),
        201: {
            "description": "The key, shown this once.",
            "links": {
                "RevokeApiKey": {
                    "operationId": "revoke_api_key",
                    "parameters": {
                        "slug": "$request.path.slug",
                        "prefix": "$response.body#/prefix",
                    },
                    "description": "Revoke the key just issued.",
                }
            },
        },
    },
)
@db_route
def create_api_key(
    slug: OrgSlug,
    body: ApiKeyCreate,
    session: SessionDep,
    response: Response,
    _: Operator,
    _media: JsonBody,
) -> ApiKeyCreated:
    """Issues an API key for a tenant organisation. The `token` is in this response only: it
    is stored as a SHA-256 hash and cannot be shown again. Keep the `prefix` to revoke it.
    `scopes` limits what the key may do (all three by default); an operation the key has no
    scope for answers `403` naming the scope it needs."""
    created = service.issue_key(session, slug, body.label, body.scopes)
    _private(response)
    return created


@router.get(
    "/organisations/{slug}/api-keys",
    response_model=ApiKeyList,
    summary="List an organisation's API keys (operator)",
    responses=problem_responses(*AUTH_ERRORS, NotFound, ValidationFailed),
)
@db_route
def list_api_keys(
    slug: OrgSlug, session: SessionDep, response: Response, _: Operator
) -> ApiKeyList:
    """The organisation's keys by prefix and label, with when each was created, last used and
    revoked. Tokens are never shown."""
    _private(response)
    return ApiKeyList(items=service.list_keys(session, slug))


@router.delete(
    "/organisations/{slug}/api-keys/{prefix}",
    status_code=204,
    summary="Revoke an API key (operator)",
    responses=problem_responses(*AUTH_ERRORS, NotFound, ValidationFailed),
)
@db_route
def revoke_api_key(slug: OrgSlug, prefix: KeyPrefix, session: SessionDep, _: Operator) -> Response:
    """Revokes the key at once: its next request gets `401`. Revoking it again is a no-op."""
    service.revoke_key(session, slug, prefix)
    return Response(status_code=204, headers={"Cache-Control": TENANT_CACHE_CONTROL})


@router.get(
    "/me",
    response_model=Me,
    summary="Who this API key is",
    responses=problem_responses(*AUTH_ERRORS),
)
@db_route
def get_me(caller: CurrentOrg, session: SessionDep, response: Response) -> Me:
    """The organisation and key behind the bearer token, including organisations that exist
    only as tenants."""
    _private(response)
    return service.me(session, caller)
