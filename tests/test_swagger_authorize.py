"""Swagger UI's Authorize button works: in a real headless Chromium, driven over the DevTools
protocol as a person would click, an organisation key is entered, `GET /v1/me` is executed and
its 200 shows on screen; the key is not written to the browser's storage (docs/security.md).
"""

import asyncio
import json
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets

from tests.conftest import ServedApp
from tests.helpers import operator_env, tenant
from tests.test_docs_browser import chromium_binary

pytestmark = [pytest.mark.browser, pytest.mark.any_database]


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


class Page:
    """One tab, driven with the DevTools protocol's Runtime.evaluate."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.next_id = 0

    async def evaluate(self, expression: str) -> Any:
        self.next_id += 1
        await self.socket.send(
            json.dumps(
                {
                    "id": self.next_id,
                    "method": "Runtime.evaluate",
                    "params": {"expression": expression, "returnByValue": True},
                }
            )
        )
        while True:
            message = json.loads(await self.socket.recv())
            if message.get("id") == self.next_id:
                return message["result"]["result"].get("value")

    async def wait_for(self, expression: str, timeout: float = 20) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.2)
        raise AssertionError(f"never true: {expression}")


def _devtools_port(profile: Path) -> int:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        marker = profile / "DevToolsActivePort"
        if marker.exists() and marker.read_text().strip():
            return int(marker.read_text().split()[0])
        time.sleep(0.1)
    raise AssertionError("Chromium did not open its DevTools port")


# Swagger UI is React: a value typed into an input must go through the native setter and an
# `input` event, as a keystroke would.
TYPE_INTO = """(selector, text) => {
  const input = document.querySelector(selector);
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setter.call(input, text);
  input.dispatchEvent(new Event('input', {bubbles: true}));
  return true;
}"""


async def _authorize_and_call_me(port: int, url: str, token: str) -> dict[str, Any]:
    target = httpx.put(f"http://127.0.0.1:{port}/json/new?{url}").json()
    async with websockets.connect(target["webSocketDebuggerUrl"], max_size=None) as socket:
        page = Page(socket)
        await page.wait_for("!!document.querySelector('.btn.authorize')")
        await page.evaluate("document.querySelector('.btn.authorize').click()")
        form = ".auth-container:has(h4 code) input"  # the first scheme: organisationKey
        await page.wait_for(f"!!document.querySelector('{form}')")
        scheme = await page.evaluate("document.querySelector('.auth-container h4 code').innerText")
        await page.evaluate(f"({TYPE_INTO})({json.dumps(form)}, {json.dumps(token)})")
        await page.evaluate(
            "document.querySelector('.auth-container .btn.modal-btn.auth.authorize').click()"
        )
        await page.wait_for("!!document.querySelector('.auth-container .btn-done')")
        await page.evaluate("document.querySelector('.btn-done').click()")

        me = "#operations-Tenants-get_me"
        await page.evaluate(f"document.querySelector('{me} .opblock-summary-control').click()")
        await page.wait_for(f"!!document.querySelector('{me} .try-out__btn')")
        await page.evaluate(f"document.querySelector('{me} .try-out__btn').click()")
        await page.wait_for(f"!!document.querySelector('{me} .btn.execute')")
        await page.evaluate(f"document.querySelector('{me} .btn.execute').click()")
        status = await page.wait_for(
            f"document.querySelector('{me} .live-responses-table tbody .response-col_status')"
            "?.innerText.trim()"
        )
        body = await page.evaluate(
            f"document.querySelector('{me} .live-responses-table .microlight')?.innerText"
        )
        stored = await page.evaluate("JSON.stringify(Object.assign({}, window.localStorage))")
        return {"scheme": scheme, "status": status, "body": body, "stored": stored}


def test_authorize_with_an_organisation_key_then_get_me(served: ServedApp) -> None:
    with httpx.Client(base_url=served.base_url, timeout=30) as http:
        token = tenant(http)["Authorization"].removeprefix("Bearer ")
    chromium = chromium_binary()
    with tempfile.TemporaryDirectory() as profile:
        browser = subprocess.Popen(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                f"--user-data-dir={profile}",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            port = _devtools_port(Path(profile))
            seen = asyncio.run(_authorize_and_call_me(port, served.base_url + "/docs", token))
        finally:
            browser.terminate()
            browser.wait(timeout=15)
    assert seen["scheme"] == "organisationKey", seen
    assert seen["status"] == "200", seen
    assert '"organisation"' in seen["body"], seen
    assert token not in seen["stored"], "the key must not persist in the browser's storage"
