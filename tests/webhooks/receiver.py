"""A real webhook receiver on loopback: verifies every delivery with the `standardwebhooks`
package (never the app's own signing code), and can fail, be slow, or be down."""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from tests.conftest import ServedApp, free_port


@dataclass
class Received:
    webhook_id: str
    event: dict[str, Any]
    verified: bool
    started: float
    ended: float = 0.0


@dataclass
class Receiver:
    port: int = field(default_factory=free_port)
    secret: str = ""
    fail_first: int = 0  # answer 500 to this many requests first
    delay: float = 0.0  # seconds before answering
    received: list[Received] = field(default_factory=list)
    in_flight: dict[str, int] = field(default_factory=dict)
    max_overlap: int = 0  # most attempts of one webhook-id in flight at once
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def start(self) -> "Receiver":
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                receiver.handle(self, body)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def handle(self, request: BaseHTTPRequestHandler, body: bytes) -> None:
        headers = {k.lower(): v for k, v in request.headers.items()}
        try:
            Webhook(self.secret).verify(body, headers)
            verified = True
        except WebhookVerificationError:
            verified = False
        entry = Received(
            headers.get("webhook-id", ""), json.loads(body), verified, time.monotonic()
        )
        with self._lock:
            self.received.append(entry)
            count = self.in_flight.get(entry.webhook_id, 0) + 1
            self.in_flight[entry.webhook_id] = count
            self.max_overlap = max(self.max_overlap, count)
            failing = self.fail_first > 0
            if failing:
                self.fail_first -= 1
        time.sleep(self.delay)
        with self._lock:
            self.in_flight[entry.webhook_id] -= 1
            entry.ended = time.monotonic()
        status = 500 if failing else 200
        try:
            request.send_response(status)
            request.send_header("content-length", "2")
            request.end_headers()
            request.wfile.write(b"no" if failing else b"ok")
        except OSError:
            pass  # the sender went away (killed mid-attempt)

    def delivered_ids(self, since: float = 0.0) -> set[str]:
        """Events received with a valid signature (in requests that began after `since`)."""
        return {r.event["id"] for r in self.received if r.verified and r.started > since}


def wait_for(
    check: Any, timeout: float = 30.0, interval: float = 0.1, describe: Any = None
) -> None:
    """Until `check()`; on timeout, fail with what `describe()` says of the state."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting: {describe() if describe else ''}")
        time.sleep(interval)


DELIVERER = {
    "WEBHOOK_DELIVERER": "true",
    "WEBHOOK_ALLOW_PRIVATE_NETWORKS": "true",  # the receiver is on loopback
    "WEBHOOK_RETRY_SCHEDULE": "200ms,300ms,500ms,500ms,1s,1s,1s,1s,1s,1s",
    "WEBHOOK_TIMEOUT_SECONDS": "2",  # so a lease left by a killed worker runs out in 7 s
    "WEBHOOK_DISABLE_AFTER": "4s",
}


def serve(database_url: str, workers: int = 1) -> ServedApp:
    """The app as `make run` serves it, its deliverer on, sending to loopback receivers."""
    return ServedApp(database_url, extra_env=DELIVERER, workers=workers)


def subscribe(http: httpx.Client, headers: dict[str, str], receiver: Receiver) -> dict[str, Any]:
    created = http.post(
        "/v1/webhooks",
        json={"url": receiver.url, "events": ["audit.created", "audit.updated"]},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    receiver.secret = created.json()["secret"]
    return dict(created.json())


def feed_ids(http: httpx.Client, headers: dict[str, str]) -> list[str]:
    return [e["id"] for e in http.get("/v1/events?limit=200", headers=headers).json()["items"]]
