"""Audit JSON bodies: rendered by `AuditPublic`, once per write, and kept in a bounded LRU
(one per process).

An audit's JSON is a function of its row as one write left it (templates are immutable), and
every write draws a new random `etag_token`, so `(database, organisation, id, etag_token)` names
one body for ever, in every worker and on every host, even across a restore from a backup (which
sets `version` back, but never brings back a token with other content). Reads look the token up
(a one-column query) and render only on a miss; only reads fill the cache, so it never holds a
write that was not committed. The organisation is in the key so that a body is only ever served
to its own organisation, whatever the caller checked before.
"""

import functools
import threading
from collections.abc import Callable

from cachetools import LRUCache
from sqlmodel import Session

from app.audits import repository, templates
from app.audits.models import Audit
from app.audits.schemas import AuditListQuery, AuditPublic
from app.audits.service import completeness_of
from app.core.config import get_settings
from app.core.db import database_key
from app.core.errors import NotFound
from app.core.metrics import counter, gauge
from app.tenants.service import Caller

Key = tuple[str, str, str, str]  # (database, organisation, audit id, ETag token)

CACHE_HITS = counter("audit_body_cache_hits_total", "Audit reads served a kept body.")
CACHE_MISSES = counter("audit_body_cache_misses_total", "Audit reads that rendered.")
# Summed over the running workers: each keeps its own cache.
CACHE_BYTES = gauge("audit_body_cache_bytes", "Size of the kept bodies.")
CACHE_ENTRIES = gauge("audit_body_cache_entries", "Kept bodies.")


def public(session: Session, audit: Audit) -> AuditPublic:
    """The audit as the API shows it: the one serializer of an audit."""
    template = templates.require(session, audit.template_version)
    return AuditPublic.model_validate(
        {
            **audit.model_dump(),
            "completeness": completeness_of(template, audit.responses),
            "href": f"/v1/audits/{audit.id}",
        }
    )


def public_json(session: Session, audit: Audit) -> bytes:
    return public(session, audit).model_dump_json().encode()


class RenderedAudits:
    """Rendered bodies, least recently used first out, bounded by their total size.
    Thread-safe: SQLite reads run on the event loop, PostgreSQL reads in the thread pool."""

    def __init__(self, max_bytes: int) -> None:
        self._bodies: LRUCache[Key, bytes] = LRUCache(maxsize=max_bytes, getsizeof=len)
        self._lock = threading.Lock()

    def get(self, key: Key) -> bytes | None:
        with self._lock:
            body = self._bodies.get(key)
            (CACHE_MISSES if body is None else CACHE_HITS).inc()
            return body

    def put(self, key: Key, body: bytes) -> None:
        if len(body) > self._bodies.maxsize:
            return  # larger than the whole cache: not kept
        with self._lock:
            self._bodies[key] = body
            self._report()

    def clear(self) -> None:
        with self._lock:
            self._bodies.clear()
            self._report()

    def _report(self) -> None:
        CACHE_BYTES.set(self.size)
        CACHE_ENTRIES.set(len(self))

    def __len__(self) -> int:
        return len(self._bodies)

    @property
    def size(self) -> int:
        return int(self._bodies.currsize)


@functools.cache
def body_cache() -> RenderedAudits:
    return RenderedAudits(get_settings().audit_cache_bytes)


def rendered(
    session: Session, organisation: str, tokens: list[tuple[str, str]]
) -> dict[str, tuple[str, bytes]]:
    """id -> (ETag token, JSON body) for each `(id, token)` of `organisation`: kept bodies
    where the token matches, the rest rendered from one query (as that query reads them, which
    a concurrent write may have moved on). An id whose row has gone is left out."""
    cache, db = body_cache(), database_key(session)
    found: dict[str, tuple[str, bytes]] = {}
    for audit_id, token in tokens:
        body = cache.get((db, organisation, audit_id, token))
        if body is not None:
            found[audit_id] = (token, body)
    missing = [audit_id for audit_id, _ in tokens if audit_id not in found]
    if missing:
        for audit in repository.audits_by_id(session, organisation, missing):
            body = public_json(session, audit)
            cache.put((db, organisation, audit.id, audit.etag_token), body)
            found[audit.id] = (audit.etag_token, body)
    return found


def rendered_one(session: Session, caller: Caller, audit_id: str, token: str) -> tuple[str, bytes]:
    """(ETag token, JSON body) of the caller's audit, as the write that drew `token` left it
    or (if a write has just moved it on) as it now is."""
    found = rendered(session, caller.organisation, [(audit_id, token)]).get(audit_id)
    if found is None:
        raise NotFound(f"No audit with id '{audit_id}'.")
    return found


def rendered_page(
    session: Session, caller: Caller, query: AuditListQuery
) -> tuple[list[bytes], str | None]:
    """One page of the caller's audits as JSON bodies, newest first."""
    tokens, cursor = repository.etag_token_page(session, caller.organisation, query)
    found = rendered(session, caller.organisation, tokens)
    return [found[audit_id][1] for audit_id, _ in tokens if audit_id in found], cursor


def kept(
    session: Session, audit: Audit, view: str, token: str, render: Callable[[], bytes]
) -> bytes:
    """Another rendering of `audit` (`view`, e.g. its report page), kept beside its JSON in the
    same cache under the token that names both the audit's state and what else the view
    reads (`token`)."""
    cache = body_cache()
    key = (database_key(session), audit.organisation, f"{audit.id}/{view}", token)
    body = cache.get(key)
    if body is None:
        body = render()
        cache.put(key, body)
    return body
