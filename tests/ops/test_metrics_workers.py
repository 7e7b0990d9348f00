"""/metrics across workers (prometheus_client's multi-process mode) and behind METRICS_TOKEN,
against a served app with two workers, started by `python -m app.serve` as `make run` and the
container start it: the launcher gives the workers a temporary PROMETHEUS_MULTIPROC_DIR."""

import os
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from prometheus_client.mmap_dict import MmapedDict

from app.core import metrics
from tests.conftest import ServedApp, assert_problem
from tests.helpers import metric

pytestmark = pytest.mark.served

TOKEN = "metrics-scraper-token-0123456789abcdef"
SCRAPE = {"Authorization": f"Bearer {TOKEN}"}
CLOSE = {"Connection": "close"}
ROUTE = {"method": "GET", "route": "/v1/features/{slug}", "status": "404"}


@pytest.fixture(scope="module")
def two_workers(database_url: str) -> Iterator[ServedApp]:
    server = ServedApp(database_url, extra_env={"METRICS_TOKEN": TOKEN}, workers=2)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def multiproc_dir(two_workers: ServedApp) -> Path:
    """The directory the launcher gave its workers (read from a worker's environment)."""
    pid = two_workers.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    for child in children:
        environ = Path(f"/proc/{child}/environ").read_bytes().split(b"\0")
        for entry in environ:
            if entry.startswith(b"PROMETHEUS_MULTIPROC_DIR="):
                return Path(entry.split(b"=", 1)[1].decode())
    raise AssertionError(f"no worker of {pid} has PROMETHEUS_MULTIPROC_DIR")


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
    # A request is counted once its answer has gone, so the client can read the last answers
    # a moment before their worker's count moves (seen on a loaded host: 119 of 120).
    settle = time.monotonic() + 5
    while sum(served_by.values()) < sent and time.monotonic() < settle:
        time.sleep(0.05)
        served_by = _counts_by_worker(multiproc_dir)
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


def test_the_launcher_removes_its_metrics_directory(
    two_workers: ServedApp, multiproc_dir: Path
) -> None:
    assert multiproc_dir.is_dir() and list(multiproc_dir.glob("counter_*.db"))
    two_workers.stop()
    assert two_workers.process.returncode == 0, two_workers.output()[-2000:]
    assert not multiproc_dir.exists()


def test_a_configured_directory_is_emptied_at_start_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "counter_12345.db"
    stale.write_bytes(b"counts of a previous run")
    other = tmp_path / "notes.txt"  # only prometheus_client's files are removed
    other.write_text("kept")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    with metrics.shared_across_workers(workers=4):
        assert not stale.exists() and other.exists()
    assert tmp_path.is_dir()
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")
    with metrics.shared_across_workers(workers=1):  # one worker: in memory
        assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ
