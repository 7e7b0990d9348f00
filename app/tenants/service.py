"""Tenants' API keys: issuing, listing and revoking them, resolving a token, and `/v1/me`.
(The organisation a key belongs to is app/organisations.)"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session

from app.core.db import after_read, utcnow
from app.core.errors import NotFound
from app.organisations import service as organisations
from app.tenants import repository, scopes, tokens
from app.tenants.models import ApiKey
from app.tenants.schemas import ApiKeyCreated, ApiKeyPublic, Me

# `last_used_at` is a write; doing it on every request would serialise reads on SQLite.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class Caller:
    """Who a request is from: an organisation, through one of its keys."""

    organisation: str
    key_prefix: str
    key_label: str
    scopes: frozenset[str]

    @property
    def actor(self) -> str:
        return f"api-key:{self.key_prefix} ({self.key_label})"


def key_public(key: ApiKey) -> ApiKeyPublic:
    return ApiKeyPublic(
        prefix=key.prefix,
        label=key.label,
        organisation=key.organisation,
        scopes=sorted(scopes.parsed(key.scopes), key=scopes.ALL_SCOPES.index),
        created_at=key.created_at,
        revoked_at=key.revoked_at,
        last_used_at=key.last_used_at,
    )


def issue_key(session: Session, slug: str, label: str, granted: Sequence[str]) -> ApiKeyCreated:
    organisations.require_tenant(session, slug)
    token, prefix = tokens.new_token()
    key = ApiKey(
        organisation=slug,
        label=label,
        prefix=prefix,
        token_hash=tokens.hash_token(token),
        scopes=scopes.stored(granted),
        created_at=utcnow(),
    )
    repository.add_now(session, key)
    return ApiKeyCreated(**key_public(key).model_dump(), token=token)


def list_keys(session: Session, slug: str) -> list[ApiKeyPublic]:
    organisations.require_tenant(session, slug)
    return [key_public(k) for k in repository.keys_of(session, slug)]


def revoke_key(session: Session, slug: str, prefix: str) -> None:
    """Revoke a key; revoking a revoked key again is a no-op."""
    organisations.require_tenant(session, slug)
    key = repository.key_of(session, slug, prefix)
    if key is None:
        raise NotFound(f"Organisation '{slug}' has no API key with prefix '{prefix}'.")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        session.add(key)


def _live_key(session: Session, token: str) -> repository.KeyRow | None:
    """The key `token` is, if it is known, right and not revoked."""
    prefix = tokens.prefix_of(token)
    key = repository.tenant_key_by_prefix(session, prefix) if prefix else None
    if not tokens.token_matches(token, key.token_hash if key else None):
        return None
    assert key is not None
    return key if key.revoked_at is None else None


def key_is_live(session: Session, token: str) -> bool:
    """Whether `token` would authenticate as an organisation key; unlike `authenticate`, it
    records no use (the rate limiter asks, before the route does)."""
    return _live_key(session, token) is not None


def authenticate(session: Session, token: str) -> Caller | None:
    """The caller a token belongs to, or None if it is unknown, wrong or revoked."""
    key = _live_key(session, token)
    if key is None:
        return None
    now = utcnow()
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        after_read(session, lambda s: repository.touch(s, key.prefix, now))
    return Caller(
        organisation=key.organisation,
        key_prefix=key.prefix,
        key_label=key.label,
        scopes=scopes.parsed(key.scopes),
    )


def me(session: Session, caller: Caller) -> Me:
    key = repository.key_by_prefix(session, caller.key_prefix)
    assert key is not None
    return Me(
        organisation=organisations.get_tenant(session, caller.organisation), key=key_public(key)
    )
