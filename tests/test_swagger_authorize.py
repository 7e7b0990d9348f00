"""Swagger UI's Authorize button works: in a real headless Chromium, driven over the DevTools
protocol as a person would click, an organisation key is entered, `GET /v1/me` is executed and
its 200 shows on screen; the key is not written to the browser's storage (docs/security.md).
"""

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.browser import Page, devtools, new_tab
from tests.conftest import ServedApp
from tests.helpers import operator_env, tenant

pytestmark = [pytest.mark.browser, pytest.mark.any_database]


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


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
    async with new_tab(port, url) as socket:
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
    with devtools() as port:
        seen = asyncio.run(_authorize_and_call_me(port, served.base_url + "/docs", token))
    assert seen["scheme"] == "organisationKey", seen
    assert seen["status"] == "200", seen
    assert '"organisation"' in seen["body"], seen
    assert token not in seen["stored"], "the key must not persist in the browser's storage"
