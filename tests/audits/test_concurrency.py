"""Against a served uvicorn app, with one worker and with several (`make run WORKERS=N`):
optimistic concurrency is real (one of 20 concurrent PATCHes with the same ETag wins, 19 get
412), concurrent retries with one Idempotency-Key create one audit, and concurrent creates
never see "database is locked"."""

from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.conftest import ServedApp
from tests.helpers import tenant

pytestmark = pytest.mark.served
WRITERS = 20


@pytest.fixture(scope="module", params=[1, 3], ids=lambda n: f"{n}-worker")
def server(database_url: str, request: pytest.FixtureRequest) -> Iterator[ServedApp]:
    # Inherits ADMIN_TOKEN from this module's environment.
    served = ServedApp(database_url, workers=request.param)
    try:
        yield served
    finally:
        served.stop()


@pytest.fixture(scope="module")
def http(server: ServedApp) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=60) as client:
        yield client


def test_twenty_concurrent_patches_with_one_etag_one_wins(
    http: httpx.Client, server: ServedApp
) -> None:
    headers = tenant(http)
    created = http.post(
        "/v1/audits", json={"template_version": 1, "title": "Race"}, headers=headers
    )
    assert created.status_code == 201
    href, etag = created.json()["href"], created.headers["etag"]

    def patch(i: int) -> httpx.Response:
        with httpx.Client(base_url=server.base_url, timeout=60) as own:
            return own.patch(
                href, json={"title": f"Writer {i}"}, headers={**headers, "If-Match": etag}
            )

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        responses = list(pool.map(patch, range(WRITERS)))
    statuses = Counter(r.status_code for r in responses)
    assert statuses == {200: 1, 412: WRITERS - 1}, [
        r.text for r in responses if r.status_code not in (200, 412)
    ]
    assert all(
        r.json()["type"].endswith("/precondition-failed") for r in responses if r.status_code == 412
    )
    winner = next(r for r in responses if r.status_code == 200).json()["title"]

    current = http.get(href, headers=headers).json()
    assert current["title"] == winner and current["version"] == 2
    revisions = http.get(f"{href}/revisions", headers=headers).json()["items"]
    assert [(r["action"], r["title"]) for r in revisions] == [
        ("created", "Race"),
        ("updated", winner),
    ]


def test_concurrent_creates_never_surface_database_is_locked(
    http: httpx.Client, server: ServedApp
) -> None:
    headers = tenant(http)

    def create(i: int) -> httpx.Response:
        with httpx.Client(base_url=server.base_url, timeout=60) as own:
            return own.post(
                "/v1/audits",
                json={"template_version": 1, "title": f"Parallel {i}"},
                headers={**headers, "Idempotency-Key": f"parallel-{i}"},
            )

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        responses = list(pool.map(create, range(WRITERS)))
    assert [r.status_code for r in responses] == [201] * WRITERS, [r.text for r in responses]
    assert not any("locked" in r.text for r in responses)
    listed = http.get("/v1/audits", params={"limit": 200}, headers=headers).json()["items"]
    assert len(listed) == WRITERS


def test_concurrent_retries_with_one_idempotency_key_create_one_audit(
    http: httpx.Client, server: ServedApp
) -> None:
    """A client retrying over several connections (and so several workers): one audit; every
    answer is that audit, or a 409 asking to retry while the first is still being written."""
    headers = {**tenant(http), "Idempotency-Key": "retry-storm"}
    body = {"template_version": 1, "title": "Retried"}

    def create(_: int) -> httpx.Response:
        with httpx.Client(base_url=server.base_url, timeout=60) as own:
            return own.post("/v1/audits", json=body, headers=headers)

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        responses = list(pool.map(create, range(WRITERS)))
    assert {r.status_code for r in responses} <= {201, 409}, [r.text for r in responses]
    created_ids = {r.json()["id"] for r in responses if r.status_code == 201}
    assert len(created_ids) == 1
    listed = http.get("/v1/audits", params={"limit": 200}, headers=headers).json()["items"]
    assert [a["id"] for a in listed] == list(created_ids)
    retried = http.post("/v1/audits", json=body, headers=headers)
    assert retried.status_code == 201 and retried.json()["id"] in created_ids
    assert retried.headers["idempotent-replayed"] == "true"


def test_every_worker_serves_the_version_another_worker_wrote(
    http: httpx.Client, server: ServedApp
) -> None:
    """Workers keep rendered audit bodies (app/audits/rendering.py) keyed by write: after a
    write through one worker, no worker may answer with the body it kept from before."""
    headers = tenant(http)
    created = http.post(
        "/v1/audits", json={"template_version": 1, "title": "Before"}, headers=headers
    )
    href = created.json()["href"]

    def read(_: int) -> tuple[httpx.Response, httpx.Response]:
        with httpx.Client(base_url=server.base_url, timeout=60) as own:  # a new connection
            return own.get(href, headers=headers), own.get("/v1/audits", headers=headers)

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        warm = list(pool.map(read, range(WRITERS)))  # every worker renders and keeps "Before"
    assert {(one.json()["title"], page.json()["items"][0]["title"]) for one, page in warm} == {
        ("Before", "Before")
    }
    patched = http.patch(
        href, json={"title": "After"}, headers={**headers, "If-Match": created.headers["etag"]}
    )
    assert patched.status_code == 200
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        after = list(pool.map(read, range(WRITERS)))
    assert {(one.headers["etag"], one.json()["title"]) for one, _ in after} == {
        (patched.headers["etag"], "After")
    }
    assert {page.json()["items"][0]["title"] for _, page in after} == {"After"}
    # The page is the items' own bodies, byte for byte.
    one, page = after[0]
    assert page.content.startswith(b'{"items":[' + one.content)
