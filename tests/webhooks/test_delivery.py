"""Webhook delivery end to end: a served app with its in-app deliverer, a real receiver on
loopback verifying every signature with the `standardwebhooks` package. On SQLite and
PostgreSQL (the suite's second phase)."""

import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.conftest import ServedApp
from tests.helpers import create_audit, operator_env, tenant
from tests.webhooks.receiver import Receiver, wait_for

pytestmark = pytest.mark.served

DELIVERER = {
    "WEBHOOK_DELIVERER": "true",
    "WEBHOOK_ALLOW_PRIVATE_NETWORKS": "true",  # the receiver is on loopback
    "WEBHOOK_RETRY_SCHEDULE": "200ms,300ms,500ms,500ms,1s,1s,1s,1s,1s,1s",
    "WEBHOOK_TIMEOUT_SECONDS": "2",  # so a lease left by a killed worker runs out in 7 s
    "WEBHOOK_DISABLE_AFTER": "4s",
}


@pytest.fixture(scope="module", autouse=True)
def _operator() -> Iterator[None]:
    yield from operator_env()


def _serve(database_url: str, workers: int = 1) -> ServedApp:
    return ServedApp(database_url, extra_env=DELIVERER, workers=workers)


@pytest.fixture(scope="module")
def app_server(database_url: str) -> Iterator[ServedApp]:
    server = _serve(database_url)
    yield server
    server.stop()


def _subscribe(http: httpx.Client, headers: dict[str, str], receiver: Receiver) -> dict[str, Any]:
    created = http.post(
        "/v1/webhooks",
        json={"url": receiver.url, "events": ["audit.created", "audit.updated"]},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    receiver.secret = created.json()["secret"]
    return dict(created.json())


def _feed_ids(http: httpx.Client, headers: dict[str, str]) -> list[str]:
    return [e["id"] for e in http.get("/v1/events?limit=200", headers=headers).json()["items"]]


def test_failed_attempts_are_retried_then_delivered_once_and_logged(app_server: ServedApp) -> None:
    receiver = Receiver(fail_first=2).start()
    try:
        with httpx.Client(base_url=app_server.base_url, timeout=30) as http:
            headers = tenant(http)
            sub = _subscribe(http, headers, receiver)
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
        _subscribe(http, headers, receiver)
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
            expected = set(_feed_ids(http, headers))
            assert len(expected) == 12
            wait_for(lambda: receiver.delivered_ids() >= expected)
            assert receiver.delivered_ids() == expected
        finally:
            receiver.stop()


def test_deliveries_survive_kill_9_and_repeats_keep_their_webhook_id(database_url: str) -> None:
    receiver = Receiver(delay=1.0).start()  # slow: the app dies mid-attempt
    server = _serve(database_url)
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            headers = tenant(http)
            sub = _subscribe(http, headers, receiver)
            for i in range(4):
                create_audit(http, headers, title=f"Before the crash {i}")
            wait_for(lambda: len(receiver.received) >= 1)
            os.kill(server.process.pid, signal.SIGKILL)
            server.process.wait()
            receiver.delay = 0.0
            restarted = time.monotonic()
            server = _serve(database_url)
            http.base_url = httpx.URL(server.base_url)
            expected = set(_feed_ids(http, headers))
            assert len(expected) == 4

            def state() -> str:
                log = http.get(f"/v1/webhooks/{sub['id']}/deliveries", headers=headers).text
                output = server.output()[-3000:]
                return f"deliveries: {log}\nreceived: {receiver.received}\nserver: {output}"

            wait_for(
                lambda: receiver.delivered_ids(since=restarted) >= expected,
                timeout=60,
                describe=state,
            )
        by_event: dict[str, set[str]] = {}
        for r in receiver.received:
            by_event.setdefault(r.event["id"], set()).add(r.webhook_id)
        assert all(len(ids) == 1 for ids in by_event.values()), "a repeat has the same webhook-id"
        assert len(receiver.received) > len(expected), (
            "the attempt cut off by the kill was made again"
        )
    finally:
        server.stop()
        receiver.stop()


def test_two_workers_never_attempt_one_delivery_at_once(database_url: str) -> None:
    receiver = Receiver(delay=0.1).start()
    server = _serve(database_url, workers=2)
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            headers = tenant(http)
            _subscribe(http, headers, receiver)

            def create(i: int) -> None:
                with httpx.Client(base_url=server.base_url, timeout=30) as own:
                    create_audit(own, headers, title=f"Two workers {i}")

            with ThreadPoolExecutor(max_workers=4) as pool:
                list(pool.map(create, range(30)))
            expected = set(_feed_ids(http, headers))
            assert len(expected) == 30
            wait_for(lambda: receiver.delivered_ids() >= expected)
        assert receiver.max_overlap == 1
        assert len(receiver.received) == 30, "each delivered exactly once without a crash"
    finally:
        server.stop()
        receiver.stop()


def test_a_subscription_failing_past_the_limit_is_disabled_and_says_why(
    app_server: ServedApp,
) -> None:
    receiver = Receiver(fail_first=10_000).start()
    try:
        with httpx.Client(base_url=app_server.base_url, timeout=30) as http:
            headers = tenant(http)
            sub = _subscribe(http, headers, receiver)
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
