"""Webhook delivery end to end: a served app with its in-app deliverer, a real receiver on
loopback verifying every signature with the `standardwebhooks` package. On SQLite and
PostgreSQL (the suite's second phase)."""

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import ServedApp
from tests.helpers import create_audit, operator_env, tenant
from tests.webhooks.receiver import Receiver, feed_ids, serve, subscribe, wait_for

pytestmark = pytest.mark.served


@pytest.fixture(scope="module", autouse=True)
def _operator() -> Iterator[None]:
    yield from operator_env()


@pytest.fixture(scope="module")
def app_server(database_url: str) -> Iterator[ServedApp]:
    server = serve(database_url)
    yield server
    server.stop()


def test_failed_attempts_are_retried_then_delivered_once_and_logged(app_server: ServedApp) -> None:
    receiver = Receiver(fail_first=2).start()
    try:
        with httpx.Client(base_url=app_server.base_url, timeout=30) as http:
            headers = tenant(http)
            sub = subscribe(http, headers, receiver)
            audit = create_audit(http, headers).json()
            wait_for(
                lambda: any(
                    r.event["data"]["audit_id"] == audit["id"]
                    and not receiver.fail_first
                    and r.ended
                    for r in receiver.received[2:]
                )
            )
            assert all(r.verified for r in receiver.received), "every signature verifies"
            assert len({r.webhook_id for r in receiver.received}) == 1, "retries keep webhook-id"
            assert [r.event["type"] for r in receiver.received] == ["audit.created"] * 3

            def log() -> dict[str, Any]:
                page = http.get(f"/v1/webhooks/{sub['id']}/deliveries", headers=headers).json()
                return dict(page["items"][0])

            wait_for(lambda: log()["status"] == "delivered")
            delivery = log()
            assert delivery["id"] == receiver.received[0].webhook_id
            assert [a["status_code"] for a in delivery["attempt_log"]] == [500, 500, 200]
            assert delivery["attempt_log"][0]["next_attempt_at"] is not None
            assert delivery["attempt_log"][2]["response_excerpt"] == "ok"

            # By hand: once more, same webhook-id.
            retried = http.post(
                f"/v1/webhooks/{sub['id']}/deliveries/{delivery['id']}/retry", headers=headers
            )
            assert retried.status_code == 202, retried.text
            wait_for(lambda: len(receiver.received) == 4 and receiver.received[3].ended)
            assert receiver.received[3].webhook_id == delivery["id"]
            assert receiver.received[3].verified
    finally:
        receiver.stop()


def test_a_receiver_that_is_down_for_a_while_gets_everything_after(
    app_server: ServedApp,
) -> None:
    receiver = Receiver()  # not started: connections are refused
    with httpx.Client(base_url=app_server.base_url, timeout=30) as http:
        headers = tenant(http)
        subscribe(http, headers, receiver)
        for i in range(6):
            created = create_audit(http, headers, title=f"While down {i}")
            patched = http.patch(
                f"/v1/audits/{created.json()['id']}",
                json={"title": f"Renamed {i}"},
                headers={**headers, "If-Match": created.headers["ETag"]},
            )
            assert patched.status_code == 200
        time.sleep(1.5)  # several attempts fail meanwhile
        receiver.start()
        try:
            expected = set(feed_ids(http, headers))
            assert len(expected) == 12
            wait_for(lambda: receiver.delivered_ids() >= expected)
            assert receiver.delivered_ids() == expected
        finally:
            receiver.stop()


def test_a_subscription_failing_past_the_limit_is_disabled_and_says_why(
    app_server: ServedApp,
) -> None:
    receiver = Receiver(fail_first=10_000).start()
    try:
        with httpx.Client(base_url=app_server.base_url, timeout=30) as http:
            headers = tenant(http)
            sub = subscribe(http, headers, receiver)
            create_audit(http, headers)

            def state() -> dict[str, Any]:
                return dict(http.get(f"/v1/webhooks/{sub['id']}", headers=headers).json())

            wait_for(lambda: not state()["enabled"], timeout=30)
            disabled = state()
            assert (
                "failed" in disabled["disabled_reason"]
                and "HTTP 500" in disabled["disabled_reason"]
            )
            count = len(receiver.received)
            time.sleep(1.5)
            assert len(receiver.received) == count, "nothing is sent while disabled"
            enabled = http.patch(
                f"/v1/webhooks/{sub['id']}", json={"enabled": True}, headers=headers
            )
            assert enabled.json()["enabled"] is True and enabled.json()["disabled_reason"] is None
    finally:
        receiver.stop()
