"""The report, a comparison and the benchmarks as HTML and PDF (issue 20): negotiated, each
with its own ETag; text escaped; every condition's title in each PDF (read with pdftotext) and
the report's citations as notes at its end; benchmarks still suppressed below five
organisations; a PDF not made in time is a 503 with Retry-After. The pages in a browser:
test_pages_browser.py."""

import asyncio
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core import pdf
from app.core.errors import ServiceUnavailable
from tests.conftest import assert_problem
from tests.helpers import rated_audit, submit, tenant

HOSTILE = "<script>alert('owned')</script> & <b>bold</b>"
RATINGS = [1, 2, 3, 4, 2, 3, 1, 4, 3, 2, None, 3]


@pytest.fixture(scope="module")
def council(client: TestClient) -> dict[str, Any]:
    headers = tenant(client)
    first = rated_audit(client, headers, RATINGS, "Self-audit <i>2024</i>", HOSTILE)
    submit(client, headers, first)
    second = rated_audit(client, headers, [3] * len(RATINGS), "Self-audit 2025")
    template = client.get("/v1/audit-templates/1").json()
    href = first.json()["href"]
    return {
        "headers": headers,
        "conditions": [c["text"] for c in template["conditions"]],
        "report": f"{href}/report",
        "comparison": f"{href}/compare/{second.json()['id']}",
    }


def _pdf_text(body: bytes) -> str:
    assert body.startswith(b"%PDF-")
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext is missing: make install-dev installs poppler-utils"
    done = subprocess.run([tool, "-", "-"], input=body, capture_output=True, check=True)
    return _flat(done.stdout.decode())


def _flat(text: str) -> str:
    """Lines joined (titles wrap), hyphens left out (pdftotext drops one that ends a line)."""
    return " ".join(text.replace("-", "").split())


def test_benchmarks_stay_suppressed_below_five_organisations(
    client: TestClient, council: dict[str, Any]
) -> None:
    page = client.get("/v1/benchmarks/1?format=html", headers=council["headers"])
    assert page.status_code == 200
    assert "Fewer than 5 organisations" in page.text
    assert "govuk-table" not in page.text and "app-chart" not in page.text


def test_the_report_page_escapes_text_and_holds_every_condition(
    client: TestClient, council: dict[str, Any]
) -> None:
    page = client.get(council["report"], headers={**council["headers"], "Accept": "text/html"})
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.headers["cache-control"] == "private, no-store"
    assert "script-src 'self'" in page.headers["content-security-policy"]
    html = page.text
    assert "<script" not in html and " style=" not in html  # the CSP allows neither inline
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold" in html
    assert "Self-audit &lt;i&gt;2024&lt;/i&gt;" in html
    for text in council["conditions"]:
        assert _flat(str(text).replace("'", "&#39;")) in _flat(html)
    assert html.count('class="app-chart"') == 1 and 'id="note-1"' in html
    for href in ("/page-assets/govuk-frontend.min.css", "/page-assets/pages.css"):
        assert f'href="{href}"' in html
        asset = client.get(href)
        assert asset.status_code == 200 and asset.headers["content-type"].startswith("text/css")


def test_each_representation_has_its_own_etag_and_304(
    client: TestClient, council: dict[str, Any]
) -> None:
    headers = council["headers"]
    for path in (council["report"], council["comparison"], "/v1/benchmarks/1"):
        etags = {}
        for media in ("application/json", "text/html"):
            response = client.get(path, headers={**headers, "Accept": media})
            assert response.status_code == 200, (path, response.text)
            assert response.headers["content-type"].startswith(media)
            etags[media] = response.headers["etag"]
            again = client.get(
                path, headers={**headers, "Accept": media, "If-None-Match": etags[media]}
            )
            assert again.status_code == 304 and again.headers["etag"] == etags[media]
        # The PDF's ETag is known without making it: a 304 costs no render.
        pdf_etag = etags["text/html"].replace("-html", "-pdf")
        cached = client.get(f"{path}?format=pdf", headers={**headers, "If-None-Match": pdf_etag})
        assert cached.status_code == 304 and cached.headers["etag"] == pdf_etag
        assert len({*etags.values(), pdf_etag}) == 3
    refused = client.get(council["report"], headers={**headers, "Accept": "text/csv"})
    problem = assert_problem(refused, 406, "not-acceptable")
    assert problem["offered"] == ["application/json", "text/html", "application/pdf"]


def test_a_write_moves_the_report_pages_etag(client: TestClient, council: dict[str, Any]) -> None:
    headers = {**council["headers"], "Accept": "text/html"}
    before = client.get(council["comparison"], headers=headers)
    later = council["comparison"].rsplit("/", 1)[1]
    audit = client.get(f"/v1/audits/{later}", headers=council["headers"])
    changed = client.patch(
        f"/v1/audits/{later}",
        json={"title": "Self-audit 2025, revised"},
        headers={**council["headers"], "If-Match": audit.headers["etag"]},
    )
    assert changed.status_code == 200
    after = client.get(council["comparison"], headers=headers)
    assert after.headers["etag"] != before.headers["etag"]
    assert "Self-audit 2025, revised" in after.text


def test_the_report_pdf_holds_every_condition_and_its_notes_at_the_end(
    client: TestClient, council: dict[str, Any]
) -> None:
    response = client.get(f"{council['report']}?format=pdf", headers=council["headers"])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["etag"].endswith('-pdf"')
    assert int(response.headers["content-length"]) == len(response.content)
    text = _pdf_text(response.content)
    for condition in council["conditions"]:
        assert _flat(condition) in text
    assert _flat(HOSTILE) in text  # shown as text, not run or formatted
    notes = text.rindex("Notes")
    assert notes > text.index(_flat(council["conditions"][-1]))
    cited = client.get(council["report"], headers=council["headers"]).json()
    assert cited["weak_conditions"], "the audit has weak conditions, so findings to cite"
    for source in ("What have we learned about good social work systems", "Appendix 2"):
        assert text.index(source, notes) > notes


def test_the_comparison_and_benchmark_pdfs_hold_every_condition(
    client: TestClient, council: dict[str, Any]
) -> None:
    for _ in range(5):  # the benchmarks show figures from five organisations
        other = tenant(client)
        submit(client, other, rated_audit(client, other, [2] * len(RATINGS), "Elsewhere"))
    for path in (council["comparison"], "/v1/benchmarks/1"):
        response = client.get(path, headers={**council["headers"], "Accept": "application/pdf"})
        assert response.status_code == 200, response.text
        text = _pdf_text(response.content)
        for condition in council["conditions"]:
            assert _flat(condition) in text, (path, condition)
    assert "Fewer than" not in text and "Organisations giving each rating" in text


def test_a_pdf_not_ready_in_time_is_a_503_with_retry_after(
    client: TestClient, council: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    hurried = pdf.Renderer(lambda: ThreadPoolExecutor(1), capacity=1, timeout=0.001)
    monkeypatch.setattr(pdf, "renderer", lambda: hurried)
    response = client.get(f"{council['report']}?format=pdf", headers=council["headers"])
    problem = assert_problem(response, 503, "service-unavailable")
    assert response.headers["retry-after"] == "1"
    assert "HTML" in problem["detail"]


def _slow(html: str) -> bytes:
    time.sleep(0.3)
    return html.encode()


def _failing(html: str) -> bytes:
    raise MemoryError  # as a render past PDF_MAX_MEMORY_BYTES fails


@pytest.mark.any_database
def test_the_renderer_bounds_waiting_and_running_renders() -> None:
    async def three_at_once() -> list[Any]:
        renderer = pdf.Renderer(lambda: ThreadPoolExecutor(1), capacity=2, timeout=2, write=_slow)
        calls = [renderer.render(f"<p>{n}</p>") for n in range(3)]
        results = await asyncio.gather(*calls, return_exceptions=True)
        assert renderer.in_flight == 0
        return results

    results = asyncio.run(three_at_once())
    assert results[:2] == [b"<p>0</p>", b"<p>1</p>"]
    assert isinstance(results[2], ServiceUnavailable)
    assert results[2].headers["Retry-After"] == "2"

    async def timed_out() -> tuple[Any, int]:
        renderer = pdf.Renderer(lambda: ThreadPoolExecutor(1), 1, timeout=0.05, write=_slow)
        with pytest.raises(ServiceUnavailable):
            await renderer.render("<p>late</p>")
        held = renderer.in_flight  # the render goes on, holding its place
        await asyncio.sleep(0.4)
        return held, renderer.in_flight

    assert asyncio.run(timed_out()) == (1, 0)

    async def failed() -> None:
        renderer = pdf.Renderer(lambda: ThreadPoolExecutor(1), 1, timeout=1, write=_failing)
        with pytest.raises(ServiceUnavailable, match="could not be made"):
            await renderer.render("<p>huge</p>")

    asyncio.run(failed())
