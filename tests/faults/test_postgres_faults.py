"""PostgreSQL's faults, against a served app on a private cluster (tests/faults/postgres.py):
the server stopped, frozen (SIGSTOP) and read-only. Each is a 503 problem with Retry-After on
the same keep-alive connection, within the timeouts; /readyz says so within its own; nothing
acknowledged is lost, and service resumes when the server does."""

import contextlib
import time
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.conftest import ServedApp
from tests.faults.db_fault_checks import (
    assert_fault,
    create,
    fault_count,
    fault_lines,
    local_address,
    prepare,
    served,
)
from tests.faults.postgres import Cluster, cluster, wait_until
from tests.helpers import tenant

__all__ = ["cluster"]  # the fixture
pytestmark = pytest.mark.served

# Short timeouts, so the frozen case takes seconds: a server round trip is given up after
# 1 s + 2 s, a connection attempt after 2 s, /readyz answers within 1 s.
TIMEOUTS = {
    "DB_CONNECT_TIMEOUT_SECONDS": "2",
    "DB_STATEMENT_TIMEOUT_MS": "1000",
    "DB_POOL_TIMEOUT_SECONDS": "2",
    "READY_TIMEOUT_SECONDS": "1",
}


@pytest.fixture(scope="module")
def url(cluster: Cluster) -> str:
    prepare(cluster.url)
    return cluster.url


def titles(http: httpx.Client, headers: dict[str, str]) -> set[str]:
    listed = http.get("/v1/audits", params={"limit": 200}, headers=headers)
    assert listed.status_code == 200, listed.text
    return {audit["title"] for audit in listed.json()["items"]}


@contextlib.contextmanager
def _serving_a_tenant(
    url: str, first_title: str
) -> Iterator[tuple[ServedApp, httpx.Client, dict[str, str], httpx.Response]]:
    """The app served with short timeouts, a client, a tenant, and its first audit, stored."""
    with (
        served(url, **TIMEOUTS) as server,
        httpx.Client(base_url=server.base_url, timeout=30) as http,
    ):
        headers = tenant(http)
        first = create(http, headers, first_title)
        assert first.status_code == 201, first.text
        yield server, http, headers, first


def test_a_stopped_server_is_a_503_at_once_and_service_resumes_when_it_starts(
    cluster: Cluster, url: str
) -> None:
    with _serving_a_tenant(url, "before the stop") as (server, http, headers, first):
        cluster.stop()
        try:
            started = time.monotonic()
            answer = create(http, headers, "while stopped")
            assert_fault(answer, "database-unavailable", retry_after="5")
            assert time.monotonic() - started < 2
            connection = local_address(answer)
            read = http.get(f"/v1/audits/{first.json()['id']}", headers=headers)
            assert_fault(read)
            ready = http.get("/readyz")
            assert ready.status_code == 503
            assert ready.json()["database"] == "unreachable"
            assert fault_count(http.get("/metrics").text, "unavailable") >= 2
        finally:
            cluster.start()
        after = create(http, headers, "after the start")
        assert after.status_code == 201, after.text
        assert local_address(after) == connection, "the keep-alive connection was dropped"
        assert wait_until(lambda: http.get("/readyz").status_code == 200, timeout=5)
        assert titles(http, headers) == {"before the stop", "after the start"}
    assert "Traceback" not in server.output()


def test_a_frozen_server_is_a_503_within_the_timeouts_and_service_resumes_after_it(
    cluster: Cluster, url: str
) -> None:
    with _serving_a_tenant(url, "before the freeze") as (server, http, headers, _first):
        with cluster.frozen():
            started = time.monotonic()
            answer = create(http, headers, "while frozen")
            waited = time.monotonic() - started
            body = assert_fault(answer, "database-unavailable", retry_after="5")
            assert "did not answer in time" in body["detail"]
            # A pooled connection's ping given up (3 s), then a new connection's (2 s).
            assert waited < 8, waited
            connection = local_address(answer)
            started = time.monotonic()
            ready = http.get("/readyz")
            assert ready.status_code == 503
            assert ready.json()["database"] == "timeout"
            assert time.monotonic() - started < 2.5
        assert wait_until(
            lambda: create(http, headers, "after the thaw").status_code == 201, timeout=10
        )
        assert local_address(http.get("/healthz")) == connection
        assert wait_until(lambda: http.get("/readyz").status_code == 200, timeout=10)
        assert titles(http, headers) == {"before the freeze", "after the thaw"}
        assert fault_count(http.get("/metrics").text, "timeout") >= 1
    assert "Traceback" not in server.output()


def test_a_read_only_server_refuses_writes_with_a_503_and_readyz_says_so(
    cluster: Cluster, url: str
) -> None:
    with _serving_a_tenant(url, "before read-only") as (server, http, headers, first):
        kept = {"before read-only"}
        cluster.execute(
            "ALTER SYSTEM SET default_transaction_read_only = on", "SELECT pg_reload_conf()"
        )
        try:
            # Each backend reloads its settings before its next command: a write may still pass.
            def refused() -> bool:
                answer = create(http, headers, title := f"during read-only {len(kept)}")
                if answer.status_code == 201:
                    kept.add(title)
                    return False
                assert_fault(answer, "database-unavailable", retry_after="30")
                assert "read-only" in answer.json()["detail"]
                return True

            assert wait_until(refused, timeout=5)
            ready = http.get("/readyz")
            assert ready.status_code == 503
            assert (ready.json()["database"], ready.json()["writes"]) == ("ok", "read-only")
            read = http.get(f"/v1/audits/{first.json()['id']}", headers=headers)
            assert read.status_code == 200, "reads go on"
        finally:
            cluster.execute(
                "SET default_transaction_read_only = off",
                "ALTER SYSTEM RESET default_transaction_read_only",
                "SELECT pg_reload_conf()",
            )
        assert wait_until(
            lambda: create(http, headers, "after read-only").status_code == 201, timeout=5
        )
        assert wait_until(lambda: http.get("/readyz").status_code == 200, timeout=5)
        assert titles(http, headers) == {*kept, "after read-only"}
        assert fault_count(http.get("/metrics").text, "read_only") >= 1
    lines = [line for line in fault_lines(server.output()) if "(read_only" in line]
    assert len(lines) <= 2, lines


def test_a_statement_held_up_by_a_lock_is_cut_off_by_the_statement_timeout(
    cluster: Cluster, url: str
) -> None:
    with (
        served(url, **TIMEOUTS) as server,
        httpx.Client(base_url=server.base_url, timeout=30) as http,
    ):
        headers = tenant(http)
        locker = create_engine(cluster.url)
        try:
            with locker.connect() as conn:
                conn.execute(text("LOCK TABLE audit IN ACCESS EXCLUSIVE MODE"))
                started = time.monotonic()
                answer = create(http, headers, "behind the lock")
                waited = time.monotonic() - started
                conn.rollback()
        finally:
            locker.dispose()
        body = assert_fault(answer, "database-unavailable", retry_after="5")
        assert "did not answer in time" in body["detail"]
        assert 1 <= waited < 3, waited  # DB_STATEMENT_TIMEOUT_MS=1000, on the server
        after = create(http, headers, "after the lock")
        assert after.status_code == 201, after.text
        assert titles(http, headers) == {"after the lock"}


@pytest.mark.heavy
def test_with_the_default_timeouts_a_frozen_server_fails_requests_in_seconds(
    cluster: Cluster, url: str
) -> None:
    """No timeout set: a pooled connection's ping is given up after 5 + 2 s, a new connection's
    attempt after 5 s; /readyz answers within its 2 s."""
    with served(url) as server, httpx.Client(base_url=server.base_url, timeout=60) as http:
        headers = tenant(http)
        assert create(http, headers, "before the freeze").status_code == 201
        with cluster.frozen():
            started = time.monotonic()
            answer = create(http, headers, "while frozen")
            waited = time.monotonic() - started
            assert_fault(answer, "database-unavailable", retry_after="5")
            assert waited < 15, waited
            started = time.monotonic()
            assert http.get("/readyz").status_code == 503
            assert time.monotonic() - started < 3.5
            print(f"\nfrozen PostgreSQL, default timeouts: a write answered 503 in {waited:.1f} s")
        assert wait_until(
            lambda: create(http, headers, "after the thaw").status_code == 201, timeout=20
        )
        assert titles(http, headers) == {"before the freeze", "after the thaw"}
