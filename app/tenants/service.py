"""Tenants: registering organisations, issuing and revoking API keys, resolving a token."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from app.core.db import after_read, utcnow
from app.core.errors import NotFound
from app.core.pagination import ListParamsModel
from app.evidence import service as evidence_service
from app.evidence.models import Organisation
from app.tenants import repository, tokens
from app.tenants.models import ApiKey
from app.tenants.schemas import ApiKeyCreated, ApiKeyPublic, Me, TenantPublic

# `last_used_at` is a write; doing it on every request would serialise reads on SQLite.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class Caller:
    """Who a request is from: an organisation, through one of its keys."""

    organisation: str
    key_prefix: str
    key_label: str
    # When this key's `last_used_at` is next due to be written: until then a kept answer
    # (app/audits/kept_answers.py) may stand in for this check.
    next_touch: datetime

    @property
    def actor(self) -> str:
        return f"api-key:{self.key_prefix} ({self.key_label})"


def tenant_public(org: Organisation) -> TenantPublic:
    return TenantPublic(
        slug=org.slug, name=org.name, in_evidence=org.in_evidence, created_at=org.created_at
    )


def key_public(key: ApiKey) -> ApiKeyPublic:
    return ApiKeyPublic(
        prefix=key.prefix,
        label=key.label,
        organisation=key.organisation,
        created_at=key.created_at,
        revoked_at=key.revoked_at,
        last_used_at=key.last_used_at,
    )


def register(session: Session, slug: str, name: str) -> TenantPublic:
    return tenant_public(evidence_service.register_tenant(session, slug, name))


def get_tenant(session: Session, slug: str) -> TenantPublic:
    return tenant_public(_tenant(session, slug))


def tenant_page(session: Session, params: ListParamsModel) -> tuple[list[TenantPublic], str | None]:
    rows, cursor = evidence_service.tenant_page(session, params)
    return [tenant_public(r) for r in rows], cursor


def _tenant(session: Session, slug: str) -> Organisation:
    org = evidence_service.tenant(session, slug)
    if org is None:
        raise NotFound(f"No tenant organisation with slug '{slug}'.")
    return org


def issue_key(session: Session, slug: str, label: str) -> ApiKeyCreated:
    _tenant(session, slug)
    token, prefix = tokens.new_token()
    key = ApiKey(
        organisation=slug,
        label=label,
        prefix=prefix,
        token_hash=tokens.hash_token(token),
        created_at=utcnow(),
    )
    session.add(key)
    session.flush()
    return ApiKeyCreated(**key_public(key).model_dump(), token=token)


def list_keys(session: Session, slug: str) -> list[ApiKeyPublic]:
    _tenant(session, slug)
    return [key_public(k) for k in repository.keys_of(session, slug)]


def revoke_key(session: Session, slug: str, prefix: str) -> None:
    """Revoke a key; revoking a revoked key again is a no-op."""
    _tenant(session, slug)
    key = repository.key_of(session, slug, prefix)
    if key is None:
        raise NotFound(f"Organisation '{slug}' has no API key with prefix '{prefix}'.")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        session.add(key)


def authenticate(session: Session, token: str) -> Caller | None:
    """The caller a token belongs to, or None if it is unknown, wrong or revoked."""
    prefix = tokens.prefix_of(token)
    key = repository.tenant_key_by_prefix(session, prefix) if prefix else None
    if not tokens.token_matches(token, key.token_hash if key else None):
        return None
    assert key is not None
    if key.revoked_at is not None:
        return None
    now = last_used = utcnow()
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        after_read(session, lambda s: repository.touch(s, key.prefix, now))
    else:
        last_used = key.last_used_at
    return Caller(
        organisation=key.organisation,
        key_prefix=key.prefix,
        key_label=key.label,
        next_touch=last_used + LAST_USED_RESOLUTION,
    )


def me(session: Session, caller: Caller) -> Me:
    key = repository.key_by_prefix(session, caller.key_prefix)
    assert key is not None
    return Me(organisation=get_tenant(session, caller.organisation), key=key_public(key))
