"""The address check runs at every delivery, not only when a subscription is saved: a URL
that now resolves to a private address is refused before any connection, and logged."""

import asyncio
import contextlib
import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from app.core import config
from app.webhooks import deliverer
from app.webhooks.models import WebhookDelivery, WebhookSubscription
from tests.conftest import free_port

pytestmark = pytest.mark.any_database


def _subscription(url: str) -> WebhookSubscription:
    now = datetime.now(UTC)
    return WebhookSubscription(
        id="s",
        organisation="o",
        url=url,
        events="audit.created",
        secret="whsec_" + "A" * 44,
        created_at=now,
        updated_at=now,
    )


def _delivery() -> WebhookDelivery:
    return WebhookDelivery(
        id="d",
        subscription_id="s",
        organisation="o",
        event_type="audit.created",
        event_id="e",
        payload="{}",
        status="pending",
        created_at=datetime.now(UTC),
    )


@contextlib.contextmanager
def _receiver(answer: Any, allow_private: bool) -> Iterator[int]:
    """A loopback server whose POST handler is `answer`, and the setting for the test."""

    class Handler(BaseHTTPRequestHandler):
        do_POST = answer

        def log_message(self, *args: Any) -> None:
            pass

    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    os.environ["WEBHOOK_ALLOW_PRIVATE_NETWORKS"] = str(allow_private).lower()
    config.get_settings.cache_clear()
    try:
        yield port
    finally:
        os.environ.pop("WEBHOOK_ALLOW_PRIVATE_NETWORKS")
        config.get_settings.cache_clear()
        server.shutdown()


def _attempt(url: str) -> tuple[int | None, str | None, str | None]:
    async def attempt() -> tuple[int | None, str | None, str | None]:
        async with httpx.AsyncClient(follow_redirects=False, trust_env=False) as client:
            return await deliverer._post(client, _delivery(), _subscription(url))

    return asyncio.run(attempt())


@pytest.mark.parametrize("allow_private", [False, True])
def test_a_private_address_is_refused_at_delivery_unless_allowed(allow_private: bool) -> None:
    hits: list[str] = []

    def answer(handler: BaseHTTPRequestHandler) -> None:
        hits.append(handler.headers["webhook-id"])
        handler.send_response(204)
        handler.end_headers()

    with _receiver(answer, allow_private) as port:
        # `localhost`, as DNS could turn a public name into a loopback address after saving;
        # https when refused, so that it is refused for its address, not its scheme.
        scheme = "http" if allow_private else "https"
        status, error, _ = _attempt(f"{scheme}://localhost:{port}/hooks")
    if allow_private:
        assert (status, error, hits) == (204, None, ["d"])
    else:
        assert status is None and error and error.startswith("refused:") and "not a public" in error
        assert hits == [], "no connection was made"


def test_a_redirect_is_not_followed() -> None:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(307)
        handler.send_header("Location", "http://169.254.169.254/latest")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    with _receiver(answer, allow_private=True) as port:
        status, error, _ = _attempt(f"http://127.0.0.1:{port}/")
    assert status == 307 and error and "not followed" in error
