"""Headless Chromium from Debian's package, for the browser tests: the binary (installed when
missing; CI runs as root), the flags every test starts it with (no network but the server),
and a tab driven over the DevTools protocol that keeps the events it receives."""

import asyncio
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import websockets

# Only the server is reachable: any other host (a CDN) fails to resolve.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def chromium_binary() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, check=True)
        subprocess.run(install, env=env, capture_output=True, check=True)
    found = shutil.which("chromium")
    assert found, "chromium could not be installed"
    return found


def _devtools_port(profile: Path) -> int:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        marker = profile / "DevToolsActivePort"
        if marker.exists() and marker.read_text().strip():
            return int(marker.read_text().split()[0])
        time.sleep(0.1)
    raise AssertionError("Chromium did not open its DevTools port")


@contextmanager
def devtools() -> Iterator[int]:
    """A headless Chromium for the test's whole use; its DevTools port."""
    with tempfile.TemporaryDirectory() as profile:
        browser = subprocess.Popen(
            [
                chromium_binary(),
                *FLAGS,
                f"--user-data-dir={profile}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            yield _devtools_port(Path(profile))
        finally:
            browser.terminate()
            browser.wait(timeout=15)


class Page:
    """One tab, driven with DevTools commands; the events it sends are kept in `events`."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        await self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(await self.socket.recv())
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                result: dict[str, Any] = message["result"]
                return result
            self.events.append(message)

    async def wait_event(self, method: str, timeout: float = 30) -> dict[str, Any]:
        """The next event `method` (kept in `events` too)."""
        async with asyncio.timeout(timeout):
            while True:
                message = json.loads(await self.socket.recv())
                if "method" in message:
                    self.events.append(message)
                    if message["method"] == method:
                        return message

    def seen(self, method: str) -> list[dict[str, Any]]:
        """The parameters of each event `method` so far."""
        return [e["params"] for e in self.events if e.get("method") == method]

    async def evaluate(self, expression: str, await_promise: bool = False) -> Any:
        result = await self.send(
            "Runtime.evaluate",
            expression=expression,
            returnByValue=True,
            awaitPromise=await_promise,
        )
        return result["result"].get("value")

    async def wait_for(self, expression: str, timeout: float = 20) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.2)
        raise AssertionError(f"never true: {expression}")


def new_tab(port: int, url: str = "about:blank") -> Any:
    """A websocket to a new tab at `url` (use as `async with`)."""
    target = httpx.put(f"http://127.0.0.1:{port}/json/new?{url}").json()
    return websockets.connect(target["webSocketDebuggerUrl"], max_size=None)
