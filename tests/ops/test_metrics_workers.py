"""/metrics across workers (prometheus_client's multi-process mode) and behind METRICS_TOKEN,
against a served app with two workers sharing PROMETHEUS_MULTIPROC_DIR, as `make run` and the
container entrypoint start it."""

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from prometheus_client.mmap_dict import MmapedDict

from tests.conftest import ServedApp, assert_problem
from tests.helpers import metric

pytestmark = pytest.mark.served

TOKEN = "metrics-scraper-token-0123456789abcdef"
SCRAPE = {"Authorization": f"Bearer {TOKEN}"}
CLOSE = {"Connection": "close"}
ROUTE = {"method": "GET", "route": "/v1/features/{slug}", "status": "404"}


@pytest.fixture(scope="module")
def multiproc_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("prometheus")


@pytest.fixture(scope="module")
def two_workers(database_url: str, multiproc_dir: Path) -> Iterator[ServedApp]:
    env = {"PROMETHEUS_MULTIPROC_DIR": str(multiproc_dir), "METRICS_TOKEN": TOKEN}
    server = ServedApp(database_url, extra_env=env, workers=2)
    try:
        yield server
    finally:
        server.stop()


def _counts_by_worker(directory: Path) -> dict[str, float]:
    """Each worker's own count of ROUTE, read from the file it writes."""
    counts: dict[str, float] = {}
    for path in directory.glob("counter_*.db"):
        pid = path.stem.removeprefix("counter_")
        for key, value, _, _ in MmapedDict.read_all_values_from_file(str(path)):
            if '"http_requests_total"' in key and all(f'"{v}"' in key for v in ROUTE.values()):
                counts[pid] = counts.get(pid, 0) + value
    return counts


def test_one_scrape_counts_the_requests_of_every_worker(
    two_workers: ServedApp, multiproc_dir: Path
) -> None:
    sent = 0
    deadline = time.monotonic() + 30
    # A connection per request, so the kernel hands each to either worker.
    with (
        httpx.Client(base_url=two_workers.base_url, headers=CLOSE, timeout=30) as http,
        ThreadPoolExecutor(8) as pool,
    ):
        while True:
            paths = ["/v1/features/no-such-feature"] * 40
            statuses = [r.status_code for r in pool.map(http.get, paths)]
            assert set(statuses) == {404}
            sent += len(statuses)
            served_by = _counts_by_worker(multiproc_dir)
            if sum(1 for n in served_by.values() if n > 0) >= 2:
                break
            assert time.monotonic() < deadline, f"one worker served everything: {served_by}"
    assert sum(served_by.values()) == sent
    # Whichever worker answers the scrape, it reports what both served.
    with httpx.Client(base_url=two_workers.base_url, headers=SCRAPE | CLOSE) as scraper:
        scrapes = [scraper.get("/metrics").text for _ in range(6)]
    for text in scrapes:
        assert metric(text, "http_requests_total", **ROUTE) == sent
        timed = {"method": "GET", "route": ROUTE["route"]}
        assert metric(text, "http_request_duration_seconds_count", **timed) >= sent
    assert "pid=" not in text  # summed over the workers, not one series each


def test_metrics_need_the_token_when_it_is_set(two_workers: ServedApp) -> None:
    url = two_workers.base_url + "/metrics"
    for headers in ({}, {"Authorization": "Bearer not-the-token"}, {"Authorization": TOKEN}):
        refused = httpx.get(url, headers=headers, timeout=30)
        assert_problem(refused, 401, "unauthorized")
        assert refused.headers["www-authenticate"].startswith("Bearer")
        assert "http_requests_total" not in refused.text
    allowed = httpx.get(url, headers=SCRAPE, timeout=30)
    assert allowed.status_code == 200
    assert "# TYPE http_requests_total counter" in allowed.text
