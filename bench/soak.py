"""`make soak`: a mixed load at 50% of peak for 10 minutes, watching the app's resident memory.

    python -m bench.soak [--seconds 600]

Same set-up as `make bench` (fresh database, 1,000 organisations, one uvicorn worker). The mix
is catalogue GETs and their 304s, tenant GETs over 50 organisations and audit creates. Peak is
measured first (wrk flat out, 10 s); the soak then paces each connection with wrk's `delay()`
so the rate is half of it. RSS is read from /proc every 5 s. Growth is measured from the end of
the first minute (caches, pools and the allocator have filled by then) to the end, and is also
reported from the first sample.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

from bench import wrk
from bench.run import (
    RESULTS,
    SEARCH_QUERY,
    Bench,
    audit_body,
    auth,
    fast_read_outcomes,
    locked_errors,
    writer_token,
)
from bench.servers import rss_kib, serve, workspace

MAX_GROWTH = 0.10
WARM_UP_S = 60


def mix(
    bench: Bench, client: httpx.Client, post_token: str
) -> list[tuple[str, str, dict[str, str], str | None]]:
    requests: list[tuple[str, str, dict[str, str], str | None]] = []
    catalogue = [
        "/v1/features",
        "/v1/framework",
        "/v1/findings?limit=200",
        "/v1/search?q=" + SEARCH_QUERY.replace(" ", "+"),
    ]
    for path in catalogue:
        etag = client.get(path).headers["etag"]
        requests += [("GET", path, {}, None)] * 3
        requests.append(("GET", path, {"If-None-Match": etag}, None))
    tokens = list(bench.tokens().values())
    for token in tokens[:: max(1, len(tokens) // 50)][:50]:
        listing = client.get("/v1/audits", headers=auth(token)).json()
        requests.append(("GET", "/v1/audits", auth(token), None))
        requests.append(("GET", f"/v1/audits/{listing['items'][0]['id']}", auth(token), None))
    body = audit_body(client)
    post = {**auth(post_token), "Content-Type": "application/json"}
    requests += [("POST", "/v1/audits", post, body)] * 5
    return requests


class RssSampler(threading.Thread):
    def __init__(self, pid: int, every_s: float = 5) -> None:
        super().__init__(daemon=True)
        self.pid, self.every_s = pid, every_s
        self.samples: list[tuple[float, int]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        started = time.monotonic()
        while not self.stop.is_set():
            self.samples.append((round(time.monotonic() - started, 1), rss_kib(self.pid)))
            self.stop.wait(self.every_s)


def soak(seconds: int, out: Path) -> dict[str, object]:
    started = datetime.now(UTC)
    with workspace() as ws:
        bench = Bench(ws, duration=seconds, rounds=1)
        bench.grow(1000)
        with serve("app", "app.main:app", ws) as app:
            with httpx.Client(base_url=app.url, timeout=30) as client:
                requests = mix(bench, client, writer_token(ws, client))
            script = ws.dir / "mix.lua"
            script.write_text(wrk.rotating_script(requests))
            wrk.run(bench.wrk, app.url, script, 3)  # warm
            peak = wrk.run(bench.wrk, app.url, script, 10)
            target = peak.rps / 2
            delay = wrk.calibrate_delay(
                bench.wrk,
                app.url,
                script,
                lambda ms: wrk.rotating_script(requests, ms),
                target,
                peak.p50_ms,
                probe_seconds=10,
            )
            sampler = RssSampler(app.pid)
            before = fast_read_outcomes(app)
            sampler.start()
            result = wrk.run(bench.wrk, app.url, script, seconds)
            sampler.stop.set()
            sampler.join()
            after = fast_read_outcomes(app)
            locked = locked_errors(app)
    samples = sampler.samples
    first = samples[0][1]
    warm_up = min(WARM_UP_S, seconds / 4)  # short trial runs keep a meaningful window
    baseline = statistics.median(kib for t, kib in samples if abs(t - warm_up) <= 10)
    last = statistics.median(kib for _, kib in samples[-4:])
    growth = last / baseline - 1
    report: dict[str, object] = {
        "date": started.strftime("%Y-%m-%d"),
        "started_at": started.isoformat(timespec="seconds"),
        "command": "make soak",
        "seconds": seconds,
        "peak_rps": round(peak.rps, 1),
        "target_rps": round(target, 1),
        "achieved_rps": round(result.rps, 1),
        "delay_ms_per_connection": round(delay),
        "p50_ms": round(result.p50_ms, 2),
        "p99_ms": round(result.p99_ms, 2),
        "requests": result.requests,
        "errors": result.errors,
        "database_locked": locked,
        # How its tenant GETs were answered: before routing, or by the route.
        "tenant_read_outcomes": {k: after[k] - before.get(k, 0) for k in after},
        "rss_kib": {"first": first, "after_warm_up": baseline, "last": last},
        "rss_growth_after_warm_up": round(growth, 4),
        "rss_growth_from_first_sample": round(last / first - 1, 4),
        "target_max_growth": MAX_GROWTH,
        "met": growth <= MAX_GROWTH and result.errors == 0,
        "samples": samples,
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "soak.json").write_text(json.dumps(report, indent=1) + "\n")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description="Mixed load at 50% of peak; RSS growth.")
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    report = soak(args.seconds, args.out)
    print(json.dumps({k: v for k, v in report.items() if k != "samples"}, indent=1))


if __name__ == "__main__":
    main()
