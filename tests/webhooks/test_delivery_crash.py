"""Deliveries across a crash and across workers, each test with a database of its own module
and no other deliverer on it (another would make the deliveries these tests expect to see
made again, or shared). On SQLite and PostgreSQL."""

import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.helpers import create_audit, operator_env, tenant
from tests.webhooks.receiver import Receiver, feed_ids, serve, subscribe, wait_for

pytestmark = pytest.mark.served


@pytest.fixture(scope="module", autouse=True)
def _operator() -> Iterator[None]:
    yield from operator_env()


def test_deliveries_survive_kill_9_and_repeats_keep_their_webhook_id(database_url: str) -> None:
    receiver = Receiver(delay=1.0).start()  # slow: the app dies mid-attempt
    server = serve(database_url)
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            headers = tenant(http)
            sub = subscribe(http, headers, receiver)
            for i in range(4):
                create_audit(http, headers, title=f"Before the crash {i}")
            wait_for(lambda: len(receiver.received) >= 1)
            os.kill(server.process.pid, signal.SIGKILL)
            server.process.wait()
            receiver.delay = 0.0
            restarted = time.monotonic()
            server = serve(database_url)
            http.base_url = httpx.URL(server.base_url)
            expected = set(feed_ids(http, headers))
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
    server = serve(database_url, workers=2)
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            headers = tenant(http)
            subscribe(http, headers, receiver)

            def create(i: int) -> None:
                with httpx.Client(base_url=server.base_url, timeout=30) as own:
                    create_audit(own, headers, title=f"Two workers {i}")

            with ThreadPoolExecutor(max_workers=4) as pool:
                list(pool.map(create, range(30)))
            expected = set(feed_ids(http, headers))
            assert len(expected) == 30
            wait_for(lambda: receiver.delivered_ids() >= expected)
        assert receiver.max_overlap == 1
        assert len(receiver.received) == 30, "each delivered exactly once without a crash"
    finally:
        server.stop()
        receiver.stop()
