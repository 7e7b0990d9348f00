"""What `MetricsMiddleware` costs per request, in CPU time: the middleware around an app that
sends an empty 200, less that app alone, with the series in memory (one worker) and in
prometheus_client's multi-process files (several workers). Median of 15 batches of 50,000
requests each, in a process of its own per mode.

    .venv/bin/python -m bench.metrics_cost
"""

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

REQUESTS = 50_000
BATCHES = 15


async def _empty_200(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b""})


class _Route:
    path = "/v1/features/{slug}"


SCOPE = {"type": "http", "method": "GET", "path": "/v1/features/x", "route": _Route()}


async def _discard(message: Any) -> None:
    pass


async def _per_request(app: Any) -> float:
    started = time.process_time()
    for _ in range(REQUESTS):
        await app(SCOPE, None, _discard)
    return (time.process_time() - started) / REQUESTS * 1e6


async def _measure() -> float:
    from app.core.metrics import MetricsMiddleware  # after the mode is fixed by the environment

    wrapped = MetricsMiddleware(_empty_200, openapi=lambda: {"paths": {}})
    await _per_request(wrapped)  # warm up: the series exist
    costs = [await _per_request(wrapped) - await _per_request(_empty_200) for _ in range(BATCHES)]
    return statistics.median(costs)


def main() -> None:
    if sys.argv[1:] == ["--child"]:
        print(f"{asyncio.run(_measure()):.2f}")
        return
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    with tempfile.TemporaryDirectory() as directory:
        for mode, extra in (
            ("in memory", {}),
            ("multi-process", {"PROMETHEUS_MULTIPROC_DIR": directory}),
        ):
            command = [sys.executable, "-m", "bench.metrics_cost", "--child"]
            out = subprocess.run(command, env={**env, **extra}, capture_output=True, text=True)
            out.check_returncode()
            print(f"{mode}: {out.stdout.strip()} µs of CPU per request")


if __name__ == "__main__":
    main()
