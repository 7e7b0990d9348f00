"""One ranked search across the catalogue and the evidence."""

import re
from collections.abc import Iterable
from typing import Any

from sqlmodel import Session

from app.core.errors import FieldError, ValidationFailed
from app.core.pagination import ListParamsModel
from app.search import repository
from app.search.models import SearchDocument
from app.search.schemas import SearchHit, SearchPage

WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 32


def _flatten(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in ("citations", "href", "slug", "quote", "locator"):
                yield from _flatten(v)
    elif isinstance(value, list):
        for v in value:
            yield from _flatten(v)


def reindex(session: Session, documents: Iterable[tuple[str, str, str, Any, str]]) -> int:
    """documents: (type, slug, title, content to flatten, href)."""
    docs = [
        SearchDocument(type=t, slug=s, title=title, body=" ".join(_flatten(content)), href=h)
        for t, s, title, content, h in documents
    ]
    repository.replace_all(session, docs)
    return len(docs)


def terms_of(q: str) -> list[str]:
    return [t.lower() for t in WORD.findall(q)][:MAX_TERMS]


def search(session: Session, q: str, type_: str | None, params: ListParamsModel) -> SearchPage:
    terms = terms_of(q)
    if not q.strip():
        raise ValidationFailed(
            "The query is empty.", errors=[FieldError(pointer="#/query/q", detail="empty query")]
        )
    offset = int(params.cursor_key(1)[0]) if params.cursor else 0
    if offset < 0:
        raise ValidationFailed(
            "Invalid cursor.", errors=[FieldError(pointer="#/query/cursor", detail="invalid")]
        )
    if not terms:
        return SearchPage(items=[], next_cursor=None)
    rows = repository.query(session, terms, type_, params.limit + 1, offset)
    more = len(rows) > params.limit
    hits = [SearchHit(**{**r, "score": round(float(r["score"]), 6)}) for r in rows[: params.limit]]
    return SearchPage(
        items=hits, next_cursor=params.cursor_after([offset + params.limit]) if more else None
    )
