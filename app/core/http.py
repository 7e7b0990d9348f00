"""HTTP conventions shared by every route: ETags, caching headers, CSV negotiation.

Catalogue reads are rendered once per content version: the route renders bytes and an ETag,
`CatalogueCache` keeps them, and `CachedReadMiddleware` (app/core/middleware.py) serves later
requests for the same URL without entering FastAPI at all.
"""

import csv
import hashlib
import io
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from cachetools import LRUCache
from fastapi import Query, Request, Response
from pydantic import BaseModel

from app.core.errors import NotAcceptable

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
JSON_MEDIA_TYPE = "application/json"
TENANT_CACHE_CONTROL = "private, no-store"


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


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


class CatalogueCache:
    """Rendered catalogue responses, least recently used out, emptied when the content version
    moves. Thread-safe: catalogue routes render in the thread pool."""

    def __init__(self, max_entries: int = 2048) -> None:
        self._entries: LRUCache[str, Rendered] = LRUCache(maxsize=max_entries)
        self._lock = threading.Lock()
        self.version: str | None = None
        self.cache_control = "public, max-age=300"

    def get(self, key: str) -> Rendered | None:
        with self._lock:
            return self._entries.get(key)

    def put(self, key: str, value: Rendered) -> None:
        with self._lock:
            self._entries[key] = value

    def set_version(self, version: str | None) -> None:
        with self._lock:
            if version != self.version:
                self._entries.clear()
                self.version = version

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


catalogue_cache = CatalogueCache()


def variant_of(accept: str | None, format_param: str | None) -> str:
    """Which representation a request asks for: `json`, `csv` or `fhir`."""
    if format_param:
        return format_param.lower()
    accept = (accept or "").lower()
    if "text/csv" in accept:
        return "csv"
    if "application/fhir+json" in accept:
        return "fhir"
    return "json"


def cache_key(path: str, query: str, variant: str) -> str:
    # Query order should not split the cache: sort the pairs.
    pairs = sorted(p for p in query.split("&") if p) if query else []
    return f"{variant} {path}?{'&'.join(pairs)}"


def request_cache_key(request: Request) -> str:
    variant = variant_of(request.headers.get("accept"), request.query_params.get("format"))
    return cache_key(request.url.path, request.url.query, variant)


def response_from(rendered: Rendered, if_none_match: str | None, cache_control: str) -> Response:
    headers = {"ETag": rendered.etag, "Cache-Control": cache_control, "Vary": "Accept"}
    headers.update(rendered.headers)
    if etag_matches(if_none_match, rendered.etag):
        return Response(status_code=304, headers=headers)
    return Response(rendered.body, media_type=rendered.media_type, headers=headers)


def serve_catalogue(request: Request, render: Callable[[], Rendered]) -> Response:
    """Render a public catalogue response once per content version and serve it with an ETag."""
    key = request_cache_key(request)
    rendered = catalogue_cache.get(key)
    if rendered is None:
        rendered = render()
        catalogue_cache.put(key, rendered)
    return response_from(
        rendered, request.headers.get("if-none-match"), catalogue_cache.cache_control
    )


def render_json(model: BaseModel, headers: Sequence[tuple[str, str]] = ()) -> Rendered:
    body = model.model_dump_json().encode()
    return Rendered(body, strong_etag(body), JSON_MEDIA_TYPE, tuple(headers))


def render_csv(columns: Sequence[str], rows: Iterable[dict[str, Any]], filename: str) -> Rendered:
    body = csv_bytes(columns, rows)
    disposition = ("Content-Disposition", f'attachment; filename="{filename}"')
    return Rendered(body, strong_etag(body), CSV_MEDIA_TYPE, (disposition,))


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
    if isinstance(value, list | tuple):
        value = ";".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(NEUTRALISED):
        return "'" + value
    return value


FormatParam = Annotated[
    str | None,
    Query(pattern="^(json|csv)$", description="`csv` is the same as `Accept: text/csv`."),
]


def want_csv(request: Request, fmt: str | None, csv_allowed: bool = True) -> bool:
    variant = variant_of(request.headers.get("accept"), fmt)
    if variant == "csv" and not csv_allowed:
        raise NotAcceptable("This resource is available as JSON only.")
    return variant == "csv"


def csv_doc(columns: dict[str, str]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entry describing a CSV variant and its columns."""
    listing = "\n".join(f"- `{name}`: {text}" for name, text in columns.items())
    return {
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "JSON by default; CSV with `Accept: text/csv` or "
            "`?format=csv`. CSV columns:\n" + listing,
        }
    }
