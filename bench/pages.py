"""The printable report (issue 20) in `make bench`: an audit's report as HTML, kept by the
audit's version as its JSON is (target: at least 100 requests/s on one worker), and as PDF,
made on each request: its p99, and a tenant GET's p99 alone and while PDFs are being made.

    python -m bench.pages [--duration 3]   # these rows alone, on a fresh workspace
"""

from __future__ import annotations

import argparse
import json
import threading
from typing import TYPE_CHECKING, Any

import httpx

from bench import wrk
from bench.servers import Server, serve, workspace

if TYPE_CHECKING:
    from bench.run import Bench, Case

HTML_RPS = 100.0
PDF_CONNECTIONS = 2  # one PDF made at a time per worker (PDF_MAX_CONCURRENT), one waiting
PDF_TIMEOUT_S = 60


def report_case(bench: Bench, client: httpx.Client, token: str) -> tuple[Case, str]:
    """The HTML report of a fresh audit with weak conditions (so the page cites findings), and
    that audit's report path."""
    from bench.run import Case, audit_body, auth

    headers = {**auth(token), "Content-Type": "application/json"}
    created = client.post("/v1/audits", headers=headers, content=audit_body(client))
    created.raise_for_status()
    path = f"/v1/audits/{created.json()['id']}/report"
    html = {**auth(token), "Accept": "text/html"}
    bench.capture(client, "GET", path, html)
    case = Case(
        f"{path.split('/v1/audits/')[0]}/v1/audits/{{id}}/report (HTML)",
        "report-html",
        "GET",
        path,
        wrk.static_script("GET", html),
    )
    return case, path


def measure_pdf(
    bench: Bench, app: Server, path: str, token: str, tenant_get: Case
) -> dict[str, Any]:
    """PDFs of the report back to back on PDF_CONNECTIONS connections, and beside them the
    tenant GET case flat out on 16: each one's rps, p50 and p99; and the tenant GET alone."""
    from bench.run import auth

    pdf_script = bench.ws.dir / "report-pdf.lua"
    pdf_script.write_text(wrk.static_script("GET", {**auth(token), "Accept": "application/pdf"}))
    get_script = bench.ws.dir / "tenant-get-beside-pdf.lua"
    get_script.write_text(tenant_get.script)
    get_url = app.url + tenant_get.path
    alone = wrk.run(bench.wrk, get_url, get_script, bench.duration)
    found: dict[str, wrk.WrkResult] = {}

    def pdfs() -> None:
        found["pdf"] = wrk.run(
            bench.wrk,
            app.url + path,
            pdf_script,
            bench.duration,
            timeout_s=PDF_TIMEOUT_S,
            connections=PDF_CONNECTIONS,
        )

    making = threading.Thread(target=pdfs)
    making.start()
    beside = wrk.run(bench.wrk, get_url, get_script, bench.duration)
    making.join()
    result = {
        "route": "GET /v1/audits/{id}/report (PDF)",
        "pdf": _figures(found["pdf"]),
        "tenant_get": tenant_get.name,
        "tenant_get_alone": _figures(alone),
        "tenant_get_beside_pdfs": _figures(beside),
    }
    print(f"PDF {json.dumps(result)}", flush=True)
    return result


def _figures(r: wrk.WrkResult) -> dict[str, float]:
    return {
        "rps": r.rps,
        "p50_ms": r.p50_ms,
        "p99_ms": r.p99_ms,
        "errors": r.errors,
        "requests": r.requests,
    }


def markdown(pdf: dict[str, Any] | None) -> list[str]:
    if not pdf:
        return []
    made, alone, beside = pdf["pdf"], pdf["tenant_get_alone"], pdf["tenant_get_beside_pdfs"]
    return [
        "",
        f"{pdf['route']}, made on each request, {PDF_CONNECTIONS} connections: "
        f"{made['rps']:.2f} PDFs/s, p50 {made['p50_ms']:.0f} ms, p99 {made['p99_ms']:.0f} ms, "
        f"{made['errors']} errors. Meanwhile {pdf['tenant_get']} on 16 connections: "
        f"p99 {beside['p99_ms']:.2f} ms at {beside['rps']:.0f} rps (alone: p99 "
        f"{alone['p99_ms']:.2f} ms at {alone['rps']:.0f} rps).",
    ]


def main() -> None:
    from bench.run import Bench, tenant_get_cases, writer_token

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=float, default=3)
    args = parser.parse_args()
    with workspace() as ws:
        bench = Bench(ws, args.duration, rounds=1)
        bench.grow(1)
        with (
            serve("app", "app.main:app", ws) as app,
            httpx.Client(base_url=app.url, timeout=60) as client,
        ):
            token = writer_token(ws, client)
            case, path = report_case(bench, client, token)
            html = wrk.run(bench.wrk, app.url + case.path, _script(bench, case), args.duration)
            print(
                f"HTML report: {html.rps:.0f} rps, p50 {html.p50_ms:.2f} ms, "
                f"p99 {html.p99_ms:.2f} ms, {html.errors} errors"
            )
            tenant = tenant_get_cases(bench, client, 1)[1]
            print("\n".join(markdown(measure_pdf(bench, app, path, token, tenant))))


def _script(bench: Bench, case: Case) -> Any:
    script = bench.ws.dir / f"{case.stem}.lua"
    script.write_text(case.script)
    return script


if __name__ == "__main__":
    main()
