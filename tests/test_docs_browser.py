"""Swagger UI and ReDoc render in a real headless Chromium with no network but the server, under
the served Content-Security-Policy (no 'unsafe-inline'), with no CSP violation in the console.

Chromium comes from Debian's package; the test installs it when missing (CI runs as root).
"""

import subprocess
import tempfile
from collections.abc import Iterator

import pytest

from tests.browser import FLAGS, chromium_binary
from tests.conftest import ServedApp

pytestmark = [pytest.mark.browser, pytest.mark.any_database]


@pytest.fixture(scope="module")
def chromium() -> Iterator[str]:
    yield chromium_binary()


# ReDoc's footer always shows Redocly's logo from their CDN: refused, as any other host is (the
# image hides itself when it fails). Nothing else may be refused; seeing this one refusal also
# shows the console is read.
CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def render(chromium: str, url: str) -> tuple[str, list[str]]:
    """The DOM after the page's scripts ran, and its console's CSP violations."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                chromium,
                *FLAGS,
                "--disable-quic",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--virtual-time-budget=15000",
                "--enable-logging=stderr",  # the page's console, among Chromium's own lines
                "--v=0",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    refused = [line for line in console if "Content Security Policy" in line]
    return result.stdout, refused


def test_swagger_ui_renders_the_operations(chromium: str, served: ServedApp) -> None:
    dom, refused = render(chromium, served.base_url + "/docs")
    assert refused == []
    assert "swagger-ui" in dom
    assert dom.count('class="opblock ') >= 10, dom[:2000]
    for summary in ("List the seven features", "Search everything", "Get one project"):
        assert summary in dom


def test_redoc_renders_the_operations(chromium: str, served: ServedApp) -> None:
    dom, refused = render(chromium, served.base_url + "/redoc")
    assert refused and all(CDN_LOGO in line for line in refused), refused
    assert "List the seven features" in dom
    assert "Search everything" in dom
