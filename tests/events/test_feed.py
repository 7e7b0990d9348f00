"""The change feed: commit order, nothing lost or repeated under concurrent writers, an
exact resume, 410 for a cursor of another organisation, and no event for a failed write."""

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.conftest import ServedApp, assert_problem
from tests.helpers import create_audit, operator_env, tenant

WRITERS = 8


@pytest.fixture(scope="module", autouse=True)
def _operator() -> Iterator[None]:
    yield from operator_env()


def _read_all(
    http: httpx.Client | TestClient, headers: dict[str, str], after: str | None
) -> tuple[list[dict], str]:
    events: list[dict] = []
    while True:
        params = {"limit": 7, **({"after": after} if after else {})}
        page = http.get("/v1/events", params=params, headers=headers)
        assert page.status_code == 200, page.text
        body = page.json()
        events += body["items"]
        after = body["next_cursor"]
        if not body["has_more"]:
            return events, after


def test_each_saved_change_is_one_event_in_order(client: TestClient) -> None:
    headers = tenant(client)
    created = create_audit(client, headers)
    audit = created.json()
    stale = created.headers["ETag"]
    moved = client.patch(
        f"/v1/audits/{audit['id']}",
        json={"title": "Renamed"},
        headers={**headers, "If-Match": stale},
    )
    assert moved.status_code == 200
    refused = client.patch(  # a write that fails publishes nothing
        f"/v1/audits/{audit['id']}", json={"title": "Lost"}, headers={**headers, "If-Match": stale}
    )
    assert refused.status_code == 412
    events, cursor = _read_all(client, headers, None)
    assert [(e["type"], e["data"]["version"]) for e in events] == [
        ("audit.created", 1),
        ("audit.updated", 2),
    ]
    assert events[1]["data"] == {
        "audit_id": audit["id"],
        "version": 2,
        "revision": 1,
        "status": "draft",
    }
    again, same = _read_all(client, headers, cursor)
    assert again == [] and same == cursor, "resuming at the end gives nothing, and the same cursor"
    assert (
        client.get("/v1/events", params={"after": cursor, "limit": 1}, headers=headers).json()[
            "items"
        ]
        == []
    )


def test_another_organisations_cursor_is_410_and_garbage_is_422(client: TestClient) -> None:
    mine, theirs = tenant(client), tenant(client)
    create_audit(client, theirs)
    cursor = client.get("/v1/events", headers=theirs).json()["next_cursor"]
    gone = assert_problem(client.get("/v1/events", params={"after": cursor}, headers=mine), 410)
    assert "updated_since" in gone["detail"]
    bad = assert_problem(client.get("/v1/events", params={"after": "nope"}, headers=mine), 422)
    assert bad["errors"][0]["pointer"] == "#/query/after"
    assert_problem(client.get("/v1/events", params={"afer": cursor}, headers=mine), 422)


@pytest.mark.served
def test_concurrent_writers_lose_and_repeat_nothing_and_a_poller_sees_commit_order(
    served: ServedApp,
) -> None:
    with httpx.Client(base_url=served.base_url, timeout=60) as http:
        headers = tenant(http)
        done = threading.Event()
        polled: list[dict] = []

        def poll() -> None:  # a consumer reading while the writers write
            cursor = None
            while True:
                last_round = done.is_set()
                events, cursor = _read_all(http, headers, cursor)
                polled.extend(events)
                if last_round:
                    return

        def write(i: int) -> None:
            with httpx.Client(base_url=served.base_url, timeout=60) as own:
                created = create_audit(own, headers, title=f"Writer {i}")
                own.patch(
                    f"/v1/audits/{created.json()['id']}",
                    json={"title": f"Writer {i}, again"},
                    headers={**headers, "If-Match": created.headers["ETag"]},
                ).raise_for_status()

        poller = threading.Thread(target=poll)
        poller.start()
        with ThreadPoolExecutor(max_workers=WRITERS) as pool:
            list(pool.map(write, range(WRITERS * 3)))
        done.set()
        poller.join(timeout=60)
        everything, _ = _read_all(http, headers, None)
    assert len(everything) == WRITERS * 3 * 2
    assert [e["id"] for e in polled] == [e["id"] for e in everything], (
        "the poller, resuming with each cursor while writes committed, saw every event once, "
        "in the order of the whole feed"
    )
    per_audit: dict[str, list[int]] = {}
    for e in everything:
        per_audit.setdefault(e["data"]["audit_id"], []).append(e["data"]["version"])
    assert all(versions == [1, 2] for versions in per_audit.values())


def test_a_cursor_before_pruned_events_is_410(client: TestClient) -> None:
    """Last in this module: pruning empties the module's feed."""
    from datetime import timedelta

    from app.core.db import utcnow, write_session
    from app.events import repository

    headers = tenant(client)
    create_audit(client, headers)
    start = client.get("/v1/events", params={"limit": 1}, headers=headers).json()
    create_audit(client, headers)
    with write_session() as session:
        assert repository.prune(session, utcnow() + timedelta(seconds=1)) >= 2
        session.commit()
    gone = client.get("/v1/events", params={"after": start["next_cursor"]}, headers=headers)
    assert "retention" in assert_problem(gone, 410)["detail"]
    fresh = client.get("/v1/events", headers=headers).json()
    assert fresh["items"] == [] and fresh["has_more"] is False
