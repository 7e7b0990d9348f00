"""PDF made from a page's HTML (app/core/pages.py) with WeasyPrint, off the event loop.

WeasyPrint takes tens to hundreds of milliseconds of CPU a page, so it runs in a pool of its
own (`PDF_MAX_CONCURRENT` threads per worker), never on the event loop and never in the pool
the database routes share. A request waits `PDF_TIMEOUT_SECONDS` at most for its PDF, queue
included, and at most `PDF_MAX_WAITING` requests wait: past either, a `503` with
`Retry-After`, never a 500. A render that outlives its request still holds its thread until it
ends, so the threads bound the work in progress whatever the clients do.

WeasyPrint fetches nothing: the page's stylesheets are read from page_assets/ once, and any
other URL is refused.
"""

import asyncio
import functools
import math
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from app.core.config import get_settings
from app.core.errors import ServiceUnavailable
from app.core.metrics import LabelledCounter
from app.core.pages import ASSET_PATH, ASSETS, STYLESHEETS
from app.core.representations import PDF

BASE_URL = "http://pages.invalid/"  # resolves the pages' root-relative links; never fetched
PDFS = LabelledCounter(
    "pdf_renders_total",
    "PDFs requested, by what became of them.",
    "outcome",
    ("made", "timed_out", "refused"),
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


class Renderer:
    """The pool of one worker process, and its count of requests in it (waiting or running)."""

    def __init__(self, threads: int, waiting: int, timeout: float) -> None:
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="pdf")
        self.capacity = threads + waiting
        self.timeout = timeout
        self.in_flight = 0  # touched on the event loop only

    async def render(self, html: str, write: Callable[[str], bytes] = _write_pdf) -> bytes:
        if self.in_flight >= self.capacity:
            PDFS.inc("refused")
            raise self._unavailable("Too many PDFs are being made right now.")
        self.in_flight += 1
        future = asyncio.get_running_loop().run_in_executor(self.pool, write, html)
        future.add_done_callback(self._done)
        try:
            # Shielded: a timeout stops the wait, not the render, which keeps its thread.
            pdf = await asyncio.wait_for(asyncio.shield(future), self.timeout)
        except TimeoutError:
            PDFS.inc("timed_out")
            raise self._unavailable("The PDF was not ready in time.") from None
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
    return Renderer(
        settings.pdf_max_concurrent, settings.pdf_max_waiting, settings.pdf_timeout_seconds
    )


class PdfResponse(Response):
    """The PDF of `html`, made when the response is sent (after the route has returned and its
    database session is closed); a `503` problem instead when it cannot be made in time."""

    media_type = PDF.content_type

    def __init__(self, html: str, headers: dict[str, str]) -> None:
        super().__init__(b"", headers=headers)
        self.html = html
        self.headers_given = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        pdf = await renderer().render(self.html)  # ServiceUnavailable is answered as a problem
        await Response(pdf, media_type=PDF.content_type, headers=self.headers_given)(
            scope, receive, send
        )
