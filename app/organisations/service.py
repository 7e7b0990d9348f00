"""Organisations: loading the ones the evidence names, registering tenants, and the public
documents of both. One row serves both sides (same slug)."""

from typing import Any

from sqlmodel import Session

from app.core.content import SeedData
from app.core.db import utcnow
from app.core.errors import Conflict, NotFound
from app.core.links import href
from app.core.pagination import ListParamsModel
from app.evidence import service as evidence_service
from app.organisations import repository
from app.organisations.models import Organisation
from app.organisations.schemas import OrganisationPublic, TenantPublic


def load(session: Session, seed: SeedData) -> None:
    """Upsert named organisations, keeping tenant state of any that are also tenants."""
    named = {r["slug"]: r for r in seed.of("organisations")}
    for org in repository.every(session):
        if org.slug not in named:
            if org.is_tenant:
                org.in_evidence = False
                repository.save(session, org)
            else:
                repository.delete(session, org)
    for slug, r in named.items():
        data = OrganisationPublic.model_validate(r).model_dump(mode="json", exclude={"projects"})
        org = repository.get(session, slug) or Organisation(slug=slug, name=data["name"])
        org.name, org.kind, org.in_evidence, org.data = data["name"], data["kind"], True, data
        repository.save(session, org)


# -- as the evidence names them ----------------------------------------------------------------


def organisation_public(session: Session, row: Organisation) -> OrganisationPublic:
    return OrganisationPublic.model_validate(
        {
            **row.data,
            "projects": evidence_service.project_refs(session, "organisation", row.slug),
            "href": href("organisation", row.slug),
        }
    )


def named_page(
    session: Session, params: ListParamsModel, kind: str | None
) -> tuple[list[OrganisationPublic], str | None]:
    rows, cursor = repository.named_page(session, params, kind)
    return [organisation_public(session, r) for r in rows], cursor


def get_named(session: Session, slug: str) -> OrganisationPublic:
    row = repository.get(session, slug)
    if row is None or not row.in_evidence:
        raise NotFound(f"No organisation with slug '{slug}'.")
    return organisation_public(session, row)


def search_documents(session: Session) -> list[tuple[str, str, str, Any, str]]:
    return [
        ("organisation", o.slug, o.name, o.name, href("organisation", o.slug))
        for o in repository.named(session)
    ]


# -- as tenants --------------------------------------------------------------------------------


def tenant_public(org: Organisation) -> TenantPublic:
    return TenantPublic(
        slug=org.slug, name=org.name, in_evidence=org.in_evidence, created_at=org.created_at
    )


def register_tenant(session: Session, slug: str, name: str) -> TenantPublic:
    """Make `slug` a tenant. An organisation the evidence already names becomes a tenant as
    well, keeping its evidence name; anything else is created as a tenant only (never listed
    publicly). 409 when `slug` is already a tenant."""
    already = Conflict(f"Organisation '{slug}' is already registered as a tenant.")
    org = repository.get(session, slug)
    if org is not None and org.is_tenant:
        raise already
    if org is None:
        org = Organisation(slug=slug, name=name, kind="other", in_evidence=False)
    org.is_tenant = True
    org.created_at = org.created_at or utcnow()
    if not repository.save_now(session, org):  # a concurrent registration of the slug won
        raise already
    return tenant_public(org)


def require_tenant(session: Session, slug: str) -> Organisation:
    org = repository.get(session, slug)
    if org is None or not org.is_tenant:
        raise NotFound(f"No tenant organisation with slug '{slug}'.")
    return org


def get_tenant(session: Session, slug: str) -> TenantPublic:
    return tenant_public(require_tenant(session, slug))


def tenant_page(session: Session, params: ListParamsModel) -> tuple[list[TenantPublic], str | None]:
    rows, cursor = repository.tenant_page(session, params)
    return [tenant_public(r) for r in rows], cursor
