"""PDF made from a page's HTML (app/core/pages.py) with WeasyPrint, off the event loop.

WeasyPrint takes about a tenth of a second of CPU a page, in pure Python: run in a thread, it
held the GIL from the event loop, and a tenant GET's p99 rose tenfold while PDFs were made
(docs/performance.md). So it runs in a pool of its own processes (`PDF_MAX_CONCURRENT` per
worker, started on the first PDF), each capped at `PDF_MAX_MEMORY_BYTES` of address space. A
request waits `PDF_TIMEOUT_SECONDS` at most for its PDF, queue included, and at most
`PDF_MAX_WAITING` requests wait: past either, or when a render fails (out of memory), a `503`
with `Retry-After`, never a 500. A render that outlives its request still holds its process
until it ends, so the pool bounds the work in progress whatever the clients do.

WeasyPrint fetches nothing: the page's stylesheets are read from page_assets/ once, and any
other URL is refused.
"""

import asyncio
import functools
import logging
import math
import multiprocessing
import resource
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from app.core.config import get_settings
from app.core.errors import ServiceUnavailable
from app.core.metrics import LabelledCounter
from app.core.pages import ASSET_PATH, ASSETS, STYLESHEETS
from app.core.representations import PDF

BASE_URL = "http://pages.invalid/"  # resolves the pages' root-relative links; never fetched
log = logging.getLogger(__name__)
PDFS = LabelledCounter(
    "pdf_renders_total",
    "PDFs requested, by what became of them.",
    "outcome",
    ("made", "timed_out", "refused", "failed"),
)


@functools.cache
def _weasyprint() -> tuple[Any, Any, list[Any]]:
    """WeasyPrint, imported on the first PDF (its import loads Pango); a URL fetcher that
    refuses every URL; and the pages' stylesheets, parsed once (a third of a PDF's time when
    parsed each time), for the page's own links to them to stand for."""
    import weasyprint
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    linked = {f"{BASE_URL.rstrip('/')}{ASSET_PATH}/{name}" for name in STYLESHEETS}

    class NothingFetched(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            if url in linked:  # applied already, parsed
                return URLFetcherResponse(url, b"", {"Content-Type": "text/css"})
            raise ValueError(f"a PDF fetches nothing from {url}")

    fetcher = NothingFetched()
    sheets = [weasyprint.CSS(filename=ASSETS / name, url_fetcher=fetcher) for name in STYLESHEETS]
    return weasyprint, fetcher, sheets


def _write_pdf(html: str) -> bytes:
    weasyprint, fetcher, stylesheets = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return bytes(document.write_pdf(stylesheets=stylesheets))


def _cap_memory(max_bytes: int) -> None:
    """A pool process's initializer: its address space capped (a render past it fails)."""
    if max_bytes > 0:
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


class Renderer:
    """One worker process's pool (made by `make_pool`, and made again should a process of it
    die), and its count of requests in it, waiting or running."""

    def __init__(
        self,
        make_pool: Callable[[], Executor],
        capacity: int,
        timeout: float,
        write: Callable[[str], bytes] = _write_pdf,
    ) -> None:
        self.make_pool = make_pool
        self.pool: Executor | None = None
        self.capacity = capacity
        self.timeout = timeout
        self.write = write  # module-level, for a process pool to pickle
        self.in_flight = 0  # touched on the event loop only

    async def render(self, html: str) -> bytes:
        if self.in_flight >= self.capacity:
            PDFS.inc("refused")
            raise self._unavailable("Too many PDFs are being made right now.")
        self.pool = self.pool or self.make_pool()
        self.in_flight += 1
        future = asyncio.get_running_loop().run_in_executor(self.pool, self.write, html)
        future.add_done_callback(self._done)
        try:
            # Shielded: a timeout stops the wait, not the render, which keeps its place.
            pdf = await asyncio.wait_for(asyncio.shield(future), self.timeout)
        except TimeoutError:
            PDFS.inc("timed_out")
            raise self._unavailable("The PDF was not ready in time.") from None
        except Exception as exc:
            if isinstance(exc, BrokenProcessPool):
                self.pool = None  # a process died (killed, say): the next PDF starts a pool
            log.exception("a PDF could not be made")
            PDFS.inc("failed")
            raise self._unavailable("The PDF could not be made.") from None
        PDFS.inc("made")
        return pdf

    def _done(self, _: object) -> None:
        self.in_flight -= 1

    def _unavailable(self, why: str) -> ServiceUnavailable:
        retry = max(1, math.ceil(self.timeout))
        return ServiceUnavailable(
            f"{why} Try again in {retry} seconds, or ask for the page as HTML and print it.",
            headers={"Retry-After": str(retry)},
        )


@functools.cache
def renderer() -> Renderer:
    settings = get_settings()

    def make_pool() -> Executor:
        # Spawned, not forked: a fork of a worker with threads running can inherit held locks.
        return ProcessPoolExecutor(
            max_workers=settings.pdf_max_concurrent,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_cap_memory,
            initargs=(settings.pdf_max_memory_bytes,),
        )

    capacity = settings.pdf_max_concurrent + settings.pdf_max_waiting
    return Renderer(make_pool, capacity, settings.pdf_timeout_seconds)


class PdfResponse(Response):
    """The PDF of `html`, made when the response is sent (after the route has returned and its
    database session is closed); a `503` problem instead when it cannot be made in time."""

    media_type = PDF.content_type

    def __init__(self, html: str, headers: dict[str, str]) -> None:
        super().__init__(b"", headers=headers)
        self.html = html

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.body = await renderer().render(self.html)  # a 503 problem when it cannot be
        # The headers as the route and FastAPI left them, with the PDF's length.
        self.raw_headers = [
            *((k, v) for k, v in self.raw_headers if k != b"content-length"),
            (b"content-length", str(len(self.body)).encode()),
        ]
        await super().__call__(scope, receive, send)
