"""HTTP conventions shared by every route: ETags, caching headers, CSV.

Catalogue reads are rendered once per content version and representation: the route renders
bytes and an ETag, `CatalogueCache` keeps them by URL with the route's `Offers`, and
`CachedReadMiddleware` (app/core/middleware.py) negotiates later requests for the same URL
against those offers and serves them without entering FastAPI at all.
"""

import csv
import hashlib
import io
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cachetools import LRUCache
from fastapi import Request, Response
from pydantic import BaseModel

from app.core.representations import CSV, JSON, JSON_ONLY, Offered, Offers, Representation

JSON_MEDIA_TYPE = JSON.media_type
TENANT_CACHE_CONTROL = "private, no-store"


def strong_etag(body: bytes, representation: Representation = JSON) -> str:
    """A digest of the body, marked with its representation (so JSON and CSV never share
    one, even should their bytes)."""
    return representation.etag(hashlib.sha256(body).hexdigest()[:32])


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header value, else None: the one
    reading of it, for the auth dependencies and the rate limiter alike."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 If-None-Match: weak comparison over a list, or `*`."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(t.strip().removeprefix("W/") == wanted for t in if_none_match.split(","))


@dataclass(frozen=True)
class Rendered:
    body: bytes
    etag: str
    media_type: str
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class CachedResource:
    """One catalogue URL: the representations its route offers, and those rendered so far."""

    offers: Offers
    variants: dict[str, Rendered]


class CatalogueCache:
    """Rendered catalogue responses by URL, least recently used out, emptied when the content
    version moves. Thread-safe: catalogue routes render in the thread pool."""

    def __init__(self, max_entries: int = 2048) -> None:
        self._entries: LRUCache[str, CachedResource] = LRUCache(maxsize=max_entries)
        self._lock = threading.Lock()
        self.version: str | None = None
        self.cache_control = "public, max-age=300"

    def get(self, key: str) -> CachedResource | None:
        with self._lock:
            return self._entries.get(key)

    def rendered(self, key: str, representation: Representation) -> Rendered | None:
        entry = self.get(key)
        return None if entry is None else entry.variants.get(representation.format)

    def put(
        self, key: str, offers: Offers, representation: Representation, value: Rendered
    ) -> None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self._entries[key] = CachedResource(offers, {representation.format: value})
            else:
                entry.variants[representation.format] = value

    def set_version(self, version: str | None) -> None:
        with self._lock:
            if version != self.version:
                self._entries.clear()
                self.version = version

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


catalogue_cache = CatalogueCache()


def catalogue_key(path: str, query: str) -> tuple[str, list[str]]:
    """A catalogue URL's cache key, and the `format` values in its query. The key leaves
    `format` out (it picks a representation, as `Accept` does) and sorts the other pairs, so
    their order does not split the cache."""
    pairs, formats = [], []
    for pair in query.split("&") if query else ():
        if pair.startswith("format="):
            formats.append(pair[7:])
        elif pair:
            pairs.append(pair)
    return f"{path}?{'&'.join(sorted(pairs))}", formats


def response_from(rendered: Rendered, if_none_match: str | None, cache_control: str) -> Response:
    headers = {"ETag": rendered.etag, "Cache-Control": cache_control, "Vary": "Accept"}
    headers.update(rendered.headers)
    if etag_matches(if_none_match, rendered.etag):
        return Response(status_code=304, headers=headers)
    return Response(rendered.body, media_type=rendered.media_type, headers=headers)


def serve_catalogue(
    request: Request,
    render: Callable[[], Rendered],
    offers: Offers = JSON_ONLY,
    representation: Representation = JSON,
) -> Response:
    """Render a public catalogue response once per content version and representation, and
    serve it with that representation's ETag (`CachedReadMiddleware` serves it next time)."""
    key, _ = catalogue_key(request.url.path, request.url.query)
    rendered = catalogue_cache.rendered(key, representation)
    if rendered is None:
        rendered = render()
        catalogue_cache.put(key, offers, representation, rendered)
    return response_from(
        rendered, request.headers.get("if-none-match"), catalogue_cache.cache_control
    )


def render_body(
    body: bytes, representation: Representation, headers: Sequence[tuple[str, str]] = ()
) -> Rendered:
    return Rendered(
        body, strong_etag(body, representation), representation.content_type, tuple(headers)
    )


def render_json(model: BaseModel, headers: Sequence[tuple[str, str]] = ()) -> Rendered:
    return render_body(model.model_dump_json().encode(), JSON, headers)


def render_csv(columns: Sequence[str], rows: Iterable[dict[str, Any]], filename: str) -> Rendered:
    disposition = ("Content-Disposition", f'attachment; filename="{filename}"')
    return render_body(csv_bytes(columns, rows), CSV, (disposition,))


# A text cell that starts with one of the first six may run as a formula in a spreadsheet
# (OWASP, CSV injection); a leading quote is escaped too, so a reader recovers every value by
# dropping the one quote this adds (docs/security.md).
NEUTRALISED = ("=", "+", "-", "@", "\t", "\r", "'")


def csv_bytes(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> bytes:
    """Text cells neutralised and always quoted (a spreadsheet that splits on `;` keeps
    `a;=b` one cell); numbers stay bare numbers."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(columns)
    writer = csv.DictWriter(
        buffer,
        fieldnames=list(columns),
        extrasaction="ignore",
        lineterminator="\r\n",
        quoting=csv.QUOTE_NONNUMERIC,
    )
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    # A BOM so spreadsheet programs read UTF-8 (curly quotes, £) correctly.
    return ("\ufeff" + buffer.getvalue()).encode()


def csv_cell(value: Any) -> Any:
    """A row's value as CSV (and XLSX, for text) writes it: a list `;`-joined, a boolean
    `true`/`false` as in JSON, a time ISO 8601, text neutralised."""
    if isinstance(value, list | tuple):
        value = ";".join(str(v) for v in value)
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(NEUTRALISED):
        return "'" + value
    return value


def csv_table(columns: Mapping[str, str], example_rows: Sequence[dict[str, Any]]) -> Offered:
    """CSV as a route offers it: its columns described, and an example made by `csv_bytes`
    itself from realistic rows."""
    listing = "; ".join(f"`{name}`: {text}" for name, text in columns.items())
    example = csv_bytes(list(columns), example_rows).decode().removeprefix("\ufeff")
    note = f"CSV with `Accept: {CSV.media_type}` or `?format=csv`, columns: {listing}."
    return Offered(CSV, {"schema": {"type": "string"}, "example": example}, note)
