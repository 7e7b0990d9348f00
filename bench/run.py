"""`make bench`: the served app against its ceiling, route by route, in one run.

    python -m bench.run [--duration 3] [--rounds 3] [--scales 1,100,1000]

1. A fresh database in a temp dir (SQLite, or BENCH_DATABASE_URL naming an empty PostgreSQL
   database): migrate, seed, then the bench data set grown to each scale, with a copy kept
   at each smaller one.
2. The app (one uvicorn worker, rate limit off) on the largest, one more on each copy for the
   tenant GETs, and the ceiling (bench/ceiling.py, bare Starlette on the same uvicorn stack)
   serving the bytes captured from the app for each route. The apps run as `make run` serves
   them: uvicorn with `make serve`'s flags and LOG_LEVEL=info, so every request writes its
   JSON access line through the app's real logging path (app/core/logs.py) into the server's
   log file in the temp dir. (They used to run at LOG_LEVEL=warning, with no access log: a
   configuration nobody gets by default, which hid what the access log cost.)
3. wrk from this separate process, 16 connections, on loopback, for a bounded time per
   round; app and ceiling alternate within each round so drift on a shared machine hits
   both, and a tenant route's scales share their rounds. Medians over rounds go to
   bench/results/latest.json and latest.md.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import platform
import re
import statistics
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from bench import pages, report, wrk
from bench.ceiling import fixture_key
from bench.servers import ROOT, Server, Workspace, database_copy, serve, workspace
from bench.steal import StealMeter

RESULTS = ROOT / "bench" / "results"
SEARCH_QUERY = "family group conference"
PACED_SHARE = 0.5  # the paced tenant run offers half the app's measured peak


@dataclass
class Case:
    name: str
    group: str  # catalogue | catalogue-304 | tenant-get | report-html | write
    method: str
    path: str
    script: str
    threads: int = 1
    scale: int | None = None
    # Builds the script afresh before each wrk run against the app (PATCH needs new drafts
    # and their current ETags every run); the ceiling keeps `script`.
    fresh: Callable[[], str] | None = None
    # Tenant GETs: the (path, headers) the script rotates over, to build a paced variant.
    requests: list[tuple[str, dict[str, str]]] | None = None

    @property
    def stem(self) -> str:
        """A file-name stem for this case's wrk scripts."""
        return f"{self.name.replace('/', '_').replace(' ', '_')}-{self.scale}"


@dataclass
class Measured:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    rounds: list[dict[str, float]] = field(default_factory=list)


@dataclass
class Row:
    name: str
    group: str
    method: str
    path: str
    scale: int | None
    app: Measured
    ceiling: Measured
    ratio: float
    # Tenant GETs only: the app with one connection, i.e. a request's own latency, which
    # tells service time apart from queueing behind 15 other connections; and 16
    # connections paced to PACED_SHARE of the app's peak rps (latency under load, not
    # queueing at saturation).
    single: Measured | None = None
    paced: Measured | None = None
    paced_target_rps: float | None = None
    # CPU steal (%) on this VM while the row was measured (bench/steal.py); None off Linux.
    steal_pct: float | None = None


class Bench:
    def __init__(self, ws: Workspace, duration: float, rounds: int) -> None:
        self.ws = ws
        self.duration = duration
        self.rounds = rounds
        self.wrk = wrk.ensure_installed()
        self.fixtures: dict[str, dict[str, Any]] = {}
        self.rows: list[Row] = []
        self.tokens_file = ws.dir / "tokens.json"

    # -- data -------------------------------------------------------------------------------

    def grow(self, orgs: int) -> None:
        self.ws.python(
            "-m", "bench.dataset", "--orgs", str(orgs), "--tokens", str(self.tokens_file)
        )

    def tokens(self) -> dict[str, str]:
        loaded: dict[str, str] = json.loads(self.tokens_file.read_text())
        return dict(sorted(loaded.items()))

    # -- fixtures for the ceiling -----------------------------------------------------------

    def capture(
        self,
        client: httpx.Client,
        method: str,
        path: str,
        headers: dict[str, str] | None = None,
        body: str | None = None,
        expect: int = 200,
    ) -> httpx.Response:
        response = client.request(method, path, headers=headers, content=body)
        if response.status_code != expect:
            raise RuntimeError(f"{method} {path}: {response.status_code} {response.text[:300]}")
        url = urlsplit(path)
        conditional = any(k.lower() == "if-none-match" for k in (headers or {}))
        key = fixture_key(method, url.path, url.query, conditional)
        self.fixtures[key] = {
            "status": response.status_code,
            "headers": [(k.decode(), v.decode()) for k, v in response.headers.raw],
            "body_b64": base64.b64encode(response.content).decode(),
        }
        return response

    # -- measuring --------------------------------------------------------------------------

    def measure(self, case: Case, app: Server, ceiling: Server) -> Row:
        return self.measure_together([(case, app)], ceiling)[0]

    def measure_together(self, cases: list[tuple[Case, Server]], ceiling: Server) -> list[Row]:
        """Each case against the ceiling, in rounds: within a round every case's app run is
        followed by a ceiling run, case after case, so cases measured together (a tenant route
        at each scale, each scale on its own server) meet the VM's drift in the same minutes.
        Each round starts one case further on, so that no case always runs first or last in a
        round (a host slowing down through a round read as a cost of the later scales)."""
        runners = [self._runner(case, app, ceiling) for case, app in cases]
        for once in runners:
            for target in ("app", "ceiling"):  # warm caches and connections first
                once(target, 1)
        runs: list[dict[str, list[wrk.WrkResult]]] = [{"app": [], "ceiling": []} for _ in cases]
        with StealMeter() as steal:
            for round_ in range(self.rounds):
                for i in range(len(cases)):
                    at = (round_ + i) % len(cases)
                    for target in ("app", "ceiling"):
                        runs[at][target].append(runners[at](target, self.duration))
        return [
            self._row(case, app, runs_of_case, steal.percent)
            for (case, app), runs_of_case in zip(cases, runs, strict=True)
        ]

    def _runner(
        self, case: Case, app: Server, ceiling: Server
    ) -> Callable[[str, float], wrk.WrkResult]:
        url = {"app": app.url + case.path, "ceiling": ceiling.url + case.path}

        def once(target: str, seconds: float) -> wrk.WrkResult:
            script = self.ws.dir / f"{case.stem}-{target}.lua"
            fresh = case.fresh if target == "app" else None
            script.write_text(fresh() if fresh else case.script)
            return wrk.run(self.wrk, url[target], script, seconds, case.threads)

        return once

    def _row(
        self,
        case: Case,
        app: Server,
        runs: dict[str, list[wrk.WrkResult]],
        steal_pct: float | None,
    ) -> Row:
        """`case`'s row from its rounds; for a tenant GET, its single-connection and paced
        runs are made now."""
        app_url = app.url + case.path
        app_m, ceil_m = (_median(runs[t]) for t in ("app", "ceiling"))
        single = paced = None
        if case.group == "tenant-get":
            script = self.ws.dir / f"{case.stem}-single.lua"
            script.write_text(case.script)
            one = wrk.run(self.wrk, app_url, script, self.duration, connections=1)
            single = _median([one])
            paced = self.paced(case, app_url, app_m.rps * PACED_SHARE, single.p50_ms)
        row = Row(
            case.name,
            case.group,
            case.method,
            case.path,
            case.scale,
            app_m,
            ceil_m,
            app_m.rps / ceil_m.rps if ceil_m.rps else 0.0,
            single,
            paced,
            app_m.rps * PACED_SHARE if paced else None,
            steal_pct,
        )
        print(
            f"{case.method:5} {case.name:34} orgs={case.scale or '-':>5} "
            f"app {app_m.rps:8.0f} rps p50 {app_m.p50_ms:6.2f} p99 {app_m.p99_ms:6.2f} ms "
            f"err {app_m.errors} | ceiling {ceil_m.rps:8.0f} | x{row.ratio:.2f} "
            f"| steal {report.percent(steal_pct)}",
            flush=True,
        )
        self.rows.append(row)
        return row

    def paced(self, case: Case, url: str, target_rps: float, latency_ms: float) -> Measured:
        assert case.requests, f"{case.name} has no requests to pace"
        requests = case.requests
        script = self.ws.dir / f"{case.stem}-paced.lua"
        wrk.calibrate_delay(
            self.wrk,
            url,
            script,
            lambda ms: wrk.rotating_script(requests, ms),
            target_rps,
            latency_ms,
            probe_seconds=self.duration,
            probes=1,
        )
        return _median([wrk.run(self.wrk, url, script, self.duration)])


def _median(results: list[wrk.WrkResult]) -> Measured:
    return Measured(
        rps=statistics.median(r.rps for r in results),
        p50_ms=statistics.median(r.p50_ms for r in results),
        p99_ms=statistics.median(r.p99_ms for r in results),
        errors=sum(r.errors for r in results),
        requests=sum(r.requests for r in results),
        rounds=[{"rps": r.rps, "p50_ms": r.p50_ms, "p99_ms": r.p99_ms} for r in results],
    )


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def catalogue_cases(bench: Bench, client: httpx.Client) -> list[Case]:
    cases: list[Case] = []
    paths = {
        "features": "/v1/features",
        "framework": "/v1/framework",
        "findings?limit=200": "/v1/findings?limit=200",
        "search": "/v1/search?q=" + SEARCH_QUERY.replace(" ", "+"),
    }
    for name, path in paths.items():
        first = bench.capture(client, "GET", path)
        etag = first.headers["etag"]
        bench.capture(client, "GET", path, {"If-None-Match": etag}, expect=304)
        cases.append(Case(name, "catalogue", "GET", path, wrk.static_script("GET", {})))
        cases.append(
            Case(
                name + " (304)",
                "catalogue-304",
                "GET",
                path,
                wrk.static_script("GET", {"If-None-Match": etag}),
            )
        )
    return cases


def tenant_get_cases(bench: Bench, client: httpx.Client, scale: int) -> list[Case]:
    """Requests spread over up to 50 organisations across the whole set (not one hot tenant)
    and up to 4 audits of each."""
    tokens = bench.tokens()
    slugs = list(tokens)[:scale]
    step = max(1, len(slugs) // 50)
    lists: list[tuple[str, dict[str, str]]] = []
    ones: list[tuple[str, dict[str, str]]] = []
    for slug in slugs[::step][:50]:
        headers = auth(tokens[slug])
        listing = bench.capture(client, "GET", "/v1/audits", headers)
        lists.append(("/v1/audits", headers))
        for item in listing.json()["items"][:4]:
            path = f"/v1/audits/{item['id']}"
            bench.capture(client, "GET", path, headers)
            ones.append((path, headers))
    return [
        Case(
            "/v1/audits",
            "tenant-get",
            "GET",
            "/v1/audits",
            wrk.rotating_script(lists),
            1,
            scale,
            requests=lists,
        ),
        Case(
            "/v1/audits/{id}",
            "tenant-get",
            "GET",
            "/v1/audits",  # wrk needs a URL; the script chooses each request's path
            wrk.rotating_script(ones),
            1,
            scale,
            requests=ones,
        ),
    ]


def audit_body(client: httpx.Client) -> str:
    template = client.get("/v1/audit-templates/1").json()
    responses = [
        {
            "condition": c["slug"],
            "current_practice": "Weekly group supervision; case notes reviewed monthly.",
            "needed_change": "Shared practice standards across teams.",
            "progress_plan": "Practice leads to pilot by Q3.",
            "rating": 2,
        }
        for c in template["conditions"]
    ]
    return json.dumps({"template_version": 1, "title": "Bench self-audit", "responses": responses})


def writer_token(ws: Workspace, client: httpx.Client) -> str:
    """A tenant of its own for POSTs, so creates do not swell the audit lists that the
    tenant GETs read (`bench-writes` is outside the `bench-org-` data set)."""
    operator = auth(ws.env["ADMIN_TOKEN"])
    client.post(
        "/v1/organisations", headers=operator, json={"slug": "bench-writes", "name": "Bench writes"}
    ).raise_for_status()
    created = client.post(
        "/v1/organisations/bench-writes/api-keys", headers=operator, json={"label": "bench"}
    )
    created.raise_for_status()
    return str(created.json()["token"])


def write_cases(
    bench: Bench, app_url: str, post_token: str, patch_tokens: list[str], scale: int
) -> list[Case]:
    with httpx.Client(base_url=app_url, timeout=30) as client:
        body = audit_body(client)
        post_headers = {**auth(post_token), "Content-Type": "application/json"}
        bench.capture(client, "POST", "/v1/audits", post_headers, body, expect=201)
    condition = json.loads(body)["responses"][0]["condition"]
    patch = json.dumps({"responses": [{"condition": condition, "rating": 3}]})

    def patch_script() -> str:
        # One fresh draft per connection, spread over organisations: each wrk thread PATCHes
        # its own audit with that audit's current ETag, so every request is a winning write.
        targets: list[tuple[str, str, str]] = []
        with httpx.Client(base_url=app_url, timeout=30) as client:
            for i in range(wrk.CONNECTIONS):
                token = patch_tokens[i % len(patch_tokens)]
                headers = {**auth(token), "Content-Type": "application/json"}
                created = client.post("/v1/audits", headers=headers, content=body)
                created.raise_for_status()
                path = f"/v1/audits/{created.json()['id']}"
                targets.append((path, token, created.headers["etag"]))
            path, token, etag = targets[0]
            headers = {**auth(token), "Content-Type": "application/json", "If-Match": etag}
            changed = bench.capture(client, "PATCH", path, headers, patch)
        targets[0] = (path, token, changed.headers["etag"])
        return wrk.patch_script(targets, patch)

    return [
        Case(
            "/v1/audits",
            "write",
            "POST",
            "/v1/audits",
            wrk.static_script("POST", post_headers, body),
            1,
            scale,
        ),
        Case(
            "/v1/audits/{id}",
            "write",
            "PATCH",
            "/v1/audits",
            patch_script(),
            wrk.CONNECTIONS,  # one connection per thread: a per-connection ETag chain
            scale,
            fresh=patch_script,
        ),
    ]


def spread(tokens: dict[str, str], count: int) -> list[str]:
    """`count` tokens taken evenly across the organisations."""
    values = list(tokens.values())
    step = max(1, len(values) // count)
    return values[::step][:count]


FAST_READ_SERIES = re.compile(r'^audit_fast_reads_total\{[^}]*outcome="(\w+)"\} ([\d.e+]+)$', re.M)


def fast_read_outcomes(server: Server) -> dict[str, int]:
    """`audit_fast_reads_total` by outcome, from the server's /metrics."""
    text = httpx.get(server.url + "/metrics", timeout=30).text
    return {outcome: int(float(count)) for outcome, count in FAST_READ_SERIES.findall(text)}


def locked_errors(server: Server) -> int:
    # Line by line: with the access log on, the log holds a line per request.
    with server.log.open("rb") as lines:
        return sum(line.lower().count(b"database is locked") for line in lines)


def command() -> str:
    """The make target that ran this, with the settings overridden in the environment."""
    target = os.environ.get("BENCH_TARGET", "make bench")
    tuned = [f"{k}={os.environ[k]}" for k in TUNABLES if k in os.environ]
    return " ".join([*tuned, target])


TUNABLES = ("BENCH_DURATION", "BENCH_ROUNDS", "BENCH_SCALES")


def run(duration: float, rounds: int, scales: list[int], out: Path) -> dict[str, Any]:
    started = datetime.now(UTC)
    db_url = os.environ.get("BENCH_DATABASE_URL")
    with StealMeter() as steal, workspace(db_url) as ws, ExitStack() as stack:
        bench = Bench(ws, duration, rounds)
        # A database a scale, each served by an app of its own, so that a tenant route is
        # measured at every scale in the same minutes (measure_together): measured one scale
        # after another, the VM's drift between them was as large as the effect measured.
        # The largest scale is the workspace's own database.
        urls: dict[int, str] = {}
        for scale in scales:
            bench.grow(scale)
            if scale != scales[-1]:
                urls[scale] = stack.enter_context(database_copy(ws, f"orgs-{scale}"))
        app = stack.enter_context(serve("app", "app.main:app", ws))
        tenant_apps = {
            scale: stack.enter_context(
                serve(f"app-{scale}", "app.main:app", ws, {"DATABASE_URL": urls[scale]})
            )
            if scale in urls
            else app
            for scale in scales
        }
        with httpx.Client(base_url=app.url, timeout=30) as client:
            catalogue = catalogue_cases(bench, client)
            post_token = writer_token(ws, client)
            # The ceiling needs the writes' responses now; they are measured last.
            write_cases(bench, app.url, post_token, [post_token], scales[-1])
            report_html, report_path = pages.report_case(bench, client, post_token)
        tenant: dict[int, list[Case]] = {}
        for scale, server in tenant_apps.items():
            with httpx.Client(base_url=server.url, timeout=30) as client:
                tenant[scale] = tenant_get_cases(bench, client, scale)
        fixtures = ws.dir / "fixtures.json"
        fixtures.write_text(json.dumps(bench.fixtures))
        ceiling = stack.enter_context(
            serve("ceiling", "bench.ceiling:app", ws, {"BENCH_FIXTURES": str(fixtures)})
        )
        before = {scale: fast_read_outcomes(tenant_apps[scale]) for scale in scales}
        for route in range(len(tenant[scales[0]])):
            together = [(tenant[scale][route], tenant_apps[scale]) for scale in scales]
            bench.measure_together(together, ceiling)
        tenant_reads = {
            scale: {k: n - before[scale].get(k, 0) for k, n in fast_read_outcomes(server).items()}
            for scale, server in tenant_apps.items()
        }
        for case in catalogue:
            bench.measure(case, app, ceiling)
        bench.measure(report_html, app, ceiling)
        pdf = pages.measure_pdf(bench, app, report_path, post_token, tenant[scales[-1]][1])
        patch_tokens = spread(bench.tokens(), wrk.CONNECTIONS)
        for case in write_cases(bench, app.url, post_token, patch_tokens, scales[-1]):
            bench.measure(case, app, ceiling)
        servers = {server.url: server for server in (app, *tenant_apps.values())}
        locked = sum(locked_errors(server) for server in servers.values())
    result = {
        "date": started.strftime("%Y-%m-%d"),
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command(),
        "database": "postgresql" if db_url else "sqlite",
        # Which catalogue was loaded: the committed seed unless BENCH_SEED_DIR overrode it.
        "seed": os.environ.get("BENCH_SEED_DIR", "git HEAD:seed"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "settings": {
            "connections": wrk.CONNECTIONS,
            "duration_s": duration,
            "rounds": rounds,
            "scales": scales,
            "server": "uvicorn[standard] (uvloop, httptools), 1 worker, "
            "LOG_LEVEL=info (access log on, to a file)",
        },
        "database_locked": locked,
        # How the tenant GETs above were answered at each scale (audit_fast_reads_total).
        "tenant_read_outcomes": tenant_reads,
        "steal_pct": steal.percent,
        "rows": [asdict(r) for r in bench.rows],
        "pdf": pdf,
    }
    result["targets"] = report.targets(result)
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(result, indent=1) + "\n")
    (out / "latest.md").write_text(report.markdown(result))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="App against ceiling, route by route.")
    parser.add_argument(
        "--duration", type=float, default=float(os.environ.get("BENCH_DURATION", 3))
    )
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", 3)))
    parser.add_argument("--scales", default=os.environ.get("BENCH_SCALES", "1,100,1000"))
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    result = run(args.duration, args.rounds, scales, args.out)
    print(report.markdown(result))


if __name__ == "__main__":
    main()
