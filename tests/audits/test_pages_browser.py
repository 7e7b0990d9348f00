"""The report, comparison and benchmark pages in a real headless Chromium (Debian's package),
one browser and one served, seeded app for the module: each renders with the GOV.UK styles
under the API's own Content-Security-Policy, with no console error and no request to any host
but the server; an answer holding `<script>` shows as text; print media hides the navigation;
axe-core (the npm package, injected into the page) finds no serious or critical violation; and
a screenshot of each is taken (kept in docs/img/ for the README: written there when missing or
with UPDATE_SCREENSHOTS=1)."""

import asyncio
import base64
import os
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.browser import Page, devtools, new_tab
from tests.conftest import ROOT, ServedApp
from tests.helpers import rated_audit, submit, tenant

pytestmark = [pytest.mark.browser, pytest.mark.any_database]

AXE = ROOT / "clients" / "typescript" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "img"
HOSTILE = "<script>document.title='owned'</script> Weekly group supervision & case review."
RATINGS = [1, 2, 3, 4, 2, 3, 1, 4, 3, 2, None, 3]
LATER = [2, 3, 3, 4, 3, 3, 2, 4, 4, 2, 3, 4]


@pytest.fixture(scope="module")
def pages(served: ServedApp) -> dict[str, Any]:
    """A council's audit and a later one, and five other councils' submitted audits (so the
    benchmarks show figures): the three pages' URLs and the council's key."""
    with httpx.Client(base_url=served.base_url, timeout=30) as http:
        headers = tenant(http)
        title = "Children's services self-audit"
        first = rated_audit(http, headers, RATINGS, f"{title} 2024", HOSTILE)
        submit(http, headers, first)
        second = rated_audit(http, headers, LATER, f"{title} 2025")
        for n in range(5):
            other = tenant(http)
            ratings: list[int | None] = [1 + (n + i) % 4 for i in range(len(RATINGS))]
            submit(http, other, rated_audit(http, other, ratings, "Another council's"))
    first_href, second_id = first.json()["href"], second.json()["id"]
    return {
        "headers": headers,
        "urls": {
            "report": f"{served.base_url}{first_href}/report",
            "comparison": f"{served.base_url}{first_href}/compare/{second_id}",
            "benchmarks": f"{served.base_url}/v1/benchmarks/1",
        },
    }


@pytest.fixture(scope="module")
def browser() -> Iterator[int]:
    with devtools() as port:
        yield port


def _errors(page: Page) -> list[Any]:
    logged = [e["entry"] for e in page.seen("Log.entryAdded") if e["entry"]["level"] == "error"]
    thrown = page.seen("Runtime.exceptionThrown")
    console = [e for e in page.seen("Runtime.consoleAPICalled") if e["type"] == "error"]
    failed = page.seen("Network.loadingFailed")
    return [*logged, *thrown, *console, *failed]


async def _visit(port: int, url: str, key: dict[str, str]) -> dict[str, Any]:
    async with new_tab(port) as socket:
        page = Page(socket)
        for domain in ("Page", "Network", "Runtime", "Log"):
            await page.send(f"{domain}.enable")
        # A browser cannot send the API key by itself: the tab adds it to its requests.
        await page.send("Network.setExtraHTTPHeaders", headers=key)
        await page.send(
            "Emulation.setDeviceMetricsOverride",
            width=1100,
            height=1400,
            deviceScaleFactor=1,
            mobile=False,
        )
        await page.send("Page.navigate", url=url)
        await page.wait_event("Page.loadEventFired")
        seen: dict[str, Any] = {
            "title": await page.evaluate("document.title"),
            "text": await page.evaluate("document.body.innerText"),
            "scripts": await page.evaluate("document.scripts.length"),
            "charts": await page.evaluate("document.querySelectorAll('svg.app-chart').length"),
            # GOV.UK Frontend's styles applied: its heading class sets the h1's weight and size.
            "h1": await page.evaluate(
                "(s => s.fontWeight + ' ' + s.fontSize)"
                "(getComputedStyle(document.querySelector('h1')))"
            ),
        }
        shot = await page.send("Page.captureScreenshot", format="png")
        seen["screenshot"] = base64.b64decode(shot["data"])
        await page.send("Emulation.setEmulatedMedia", media="print")
        seen["nav_in_print"] = await page.evaluate(
            "getComputedStyle(document.querySelector('header')).display"
        )
        await page.send("Emulation.setEmulatedMedia", media="screen")
        seen["requests"] = [e["request"]["url"] for e in page.seen("Network.requestWillBeSent")]
        seen["errors"] = _errors(page)
        await page.evaluate(AXE.read_text())
        seen["violations"] = await page.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
            "v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length})))",
            await_promise=True,
        )
        return seen


def _keep(name: str, png: bytes) -> None:
    target = SCREENSHOTS / f"{name}.png"
    if os.environ.get("UPDATE_SCREENSHOTS") == "1" or not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)


@pytest.mark.parametrize("name", ["report", "comparison", "benchmarks"])
def test_each_page_renders_alone_and_accessibly(
    browser: int, served: ServedApp, pages: dict[str, Any], name: str
) -> None:
    seen = asyncio.run(_visit(browser, pages["urls"][name], pages["headers"]))
    assert seen["errors"] == [], seen["errors"]
    assert seen["requests"] and all(
        u.startswith(served.base_url + "/") for u in seen["requests"]
    ), seen["requests"]
    assert any("/page-assets/govuk-frontend.min.css" in u for u in seen["requests"])
    assert seen["scripts"] == 0 and seen["charts"] == 1
    assert seen["h1"].startswith("700 "), seen["h1"]
    assert seen["nav_in_print"] == "none"
    serious = [v for v in seen["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
    assert seen["screenshot"].startswith(b"\x89PNG") and len(seen["screenshot"]) > 10_000
    _keep(name, seen["screenshot"])
    if name == "report":
        assert seen["title"] != "owned"
        assert HOSTILE in seen["text"]
        assert "Notes" in seen["text"]
