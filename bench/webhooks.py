"""`make bench`, webhook rows: what the deliverer costs and how fast it delivers.

    python -m bench.webhooks [--duration 5] [--rounds 3] [--latency-seconds 20]

Against one served worker (as `make run` serves it, deliverer inside) on a fresh database, with
receivers in this process on loopback (WEBHOOK_ALLOW_PRIVATE_NETWORKS=true):

1. Create rate, two tenants in alternating wrk rounds: one with no subscription, one with
   three. Between runs the delivery backlog drains, so each run pays for its own deliveries
   and the next starts clean. Target: with three subscriptions, at least 0.8 of the rate.
2. Commit-to-delivery latency at 50 creates/s: paced creates from this process; latency is
   the receiver's arrival time minus the time the 201 (sent after the commit) arrived, on
   one clock. Target: p99 under 1 s.
Writes bench/results/webhooks.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from bench import wrk
from bench.servers import ROOT, free_port, serve, workspace

RESULTS = ROOT / "bench" / "results"
BODY = json.dumps({"template_version": 1, "title": "Bench webhooks"})
RATE = 50.0  # creates per second for the latency row


@dataclass
class Receiver:
    """Counts deliveries and notes when each audit's `audit.created` first arrived."""

    port: int = field(default_factory=free_port)
    count: int = 0
    arrived: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> ThreadingHTTPServer:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                now = time.monotonic()
                with receiver.lock:
                    receiver.count += 1
                    receiver.arrived.setdefault(body["data"]["audit_id"], now)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


def _tenant(client: httpx.Client, operator: dict[str, str], slug: str) -> dict[str, str]:
    client.post("/v1/organisations", headers=operator, json={"slug": slug, "name": slug})
    key = client.post(f"/v1/organisations/{slug}/api-keys", headers=operator, json={"label": "b"})
    return {"Authorization": f"Bearer {key.json()['token']}", "Content-Type": "application/json"}


def _subscribe(client: httpx.Client, headers: dict[str, str], receiver: Receiver) -> None:
    url = f"http://127.0.0.1:{receiver.port}/hook"
    created = client.post(
        "/v1/webhooks", headers=headers, json={"url": url, "events": ["audit.created"]}
    )
    created.raise_for_status()


def _drain(receiver: Receiver, expected: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while receiver.count < expected:
        if time.monotonic() > deadline:
            raise RuntimeError(f"backlog did not drain: {receiver.count} of {expected}")
        time.sleep(0.1)


def create_rates(
    app_url: str,
    client: httpx.Client,
    operator: dict[str, str],
    ws_dir: Path,
    duration: float,
    rounds: int,
) -> dict[str, Any]:
    tool = wrk.ensure_installed()
    quiet = _tenant(client, operator, "bench-no-webhooks")
    busy = _tenant(client, operator, "bench-three-webhooks")
    receivers = [Receiver() for _ in range(3)]
    servers = [r.start() for r in receivers]
    for receiver in receivers:
        _subscribe(client, busy, receiver)
    scripts = {}
    for name, headers in (("none", quiet), ("three", busy)):
        scripts[name] = ws_dir / f"create-{name}.lua"
        scripts[name].write_text(wrk.static_script("POST", headers, BODY))
    runs: dict[str, list[float]] = {"none": [], "three": []}
    delivered = 0
    for _ in range(rounds):
        for name in ("none", "three"):
            result = wrk.run(tool, app_url + "/v1/audits", scripts[name], duration)
            if result.errors:
                raise RuntimeError(f"{name}: {result.errors} errors")
            runs[name].append(result.rps)
            if name == "three":
                delivered += result.requests
                for receiver in receivers:
                    _drain(receiver, delivered)
    for server in servers:
        server.shutdown()
    none, three = statistics.median(runs["none"]), statistics.median(runs["three"])
    return {"none_rps": none, "three_rps": three, "ratio": three / none, "runs": runs}


def latency(client: httpx.Client, operator: dict[str, str], seconds: float) -> dict[str, Any]:
    headers = _tenant(client, operator, "bench-latency")
    receiver = Receiver()
    server = receiver.start()
    _subscribe(client, headers, receiver)
    committed: dict[str, float] = {}
    start = time.monotonic()
    for i in range(int(seconds * RATE)):
        time.sleep(max(0.0, start + i / RATE - time.monotonic()))
        response = client.post("/v1/audits", headers=headers, content=BODY)
        response.raise_for_status()
        committed[response.json()["id"]] = time.monotonic()
    _drain(receiver, len(committed), timeout=60)
    server.shutdown()
    waits = sorted((receiver.arrived[a] - t) * 1000 for a, t in committed.items())
    achieved = len(committed) / (time.monotonic() - start)
    return {
        "creates": len(committed),
        "offered_rps": RATE,
        "p50_ms": waits[len(waits) // 2],
        "p99_ms": waits[int(len(waits) * 0.99) - 1],
        "max_ms": waits[-1],
        "achieved_rps": achieved,
    }


def markdown(result: dict[str, Any]) -> str:
    rates, lat = result["create_rate"], result["latency"]
    ok_ratio = "met" if rates["ratio"] >= 0.8 else "MISSED"
    ok_p99 = "met" if lat["p99_ms"] < 1000 else "MISSED"
    return "\n".join(
        [
            "# Webhook bench",
            "",
            f"{result['when']}, `python -m bench.webhooks` (one worker, SQLite unless noted: "
            f"{result['database']}).",
            "",
            "| row | figure | target |",
            "|---|---|---|",
            f"| POST /v1/audits, no subscription | {rates['none_rps']:.0f} req/s | |",
            f"| POST /v1/audits, 3 subscriptions | {rates['three_rps']:.0f} req/s | |",
            f"| ratio, 3 subscriptions / none | {rates['ratio']:.2f} | >= 0.8 ({ok_ratio}) |",
            f"| commit -> delivery p50 at {lat['offered_rps']:.0f} creates/s | "
            f"{lat['p50_ms']:.0f} ms | |",
            f"| commit -> delivery p99 at {lat['offered_rps']:.0f} creates/s | "
            f"{lat['p99_ms']:.0f} ms | < 1000 ms ({ok_p99}) |",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--latency-seconds", type=float, default=20.0)
    args = parser.parse_args()
    env = {"WEBHOOK_ALLOW_PRIVATE_NETWORKS": "true", "WEBHOOK_DELIVERER": "true"}
    with workspace() as ws, serve("app", "app.main:app", ws, env) as app:
        operator = {"Authorization": f"Bearer {ws.env['ADMIN_TOKEN']}"}
        with httpx.Client(base_url=app.url, timeout=30) as client:
            result = {
                "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                "database": ws.database_url.split(":")[0],
                "create_rate": create_rates(
                    app.url, client, operator, ws.dir, args.duration, args.rounds
                ),
                "latency": latency(client, operator, args.latency_seconds),
            }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "webhooks.json").write_text(json.dumps(result, indent=1) + "\n")
    text = markdown(result)
    (RESULTS / "webhooks.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
