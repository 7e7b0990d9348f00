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
PDF_SECONDS = 15.0  # at least: a PDF of the bench's audit (twelve weak conditions) takes seconds
PACED_RPS = 200.0  # a busy worker's tenant reads, well below its peak


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
    script = wrk.static_script("GET", html)
    case = Case("/v1/audits/{id}/report (HTML)", "report-html", "GET", path, script)
    return case, path


def measure_pdf(
    bench: Bench, app: Server, path: str, token: str, tenant_get: Case
) -> dict[str, Any]:
    """PDFs of the report back to back on PDF_CONNECTIONS connections, and beside them the
    tenant GET case on 16 connections, flat out and paced to PACED_RPS: each one's rps, p50
    and p99; and the tenant GET alone, both ways, for comparison."""
    from bench.run import auth

    pdf_script = bench.ws.dir / "report-pdf.lua"
    headers = {**auth(token), "Accept": "application/pdf"}
    pdf_script.write_text(wrk.static_script("GET", headers))
    scripts = {}
    for load, delay in (("paced", wrk.CONNECTIONS * 1000 / PACED_RPS), ("flat_out", 0.0)):
        scripts[load] = bench.ws.dir / f"tenant-get-{load}.lua"
        scripts[load].write_text(wrk.rotating_script(tenant_get.requests or [], delay))
    get_url = app.url + tenant_get.path
    seconds = max(bench.duration, PDF_SECONDS)
    # The first PDF starts the worker's PDF process: not what a PDF costs after.
    httpx.get(app.url + path, headers=headers, timeout=PDF_TIMEOUT_S).raise_for_status()
    result: dict[str, Any] = {"route": "GET /v1/audits/{id}/report (PDF)"}
    result["tenant_get"] = tenant_get.name
    made: list[wrk.WrkResult] = []
    for load, script in scripts.items():
        alone = wrk.run(bench.wrk, get_url, script, seconds)

        def pdfs() -> None:
            made.append(
                wrk.run(
                    bench.wrk,
                    app.url + path,
                    pdf_script,
                    seconds,
                    timeout_s=PDF_TIMEOUT_S,
                    connections=PDF_CONNECTIONS,
                )
            )

        making = threading.Thread(target=pdfs)
        making.start()
        beside = wrk.run(bench.wrk, get_url, script, seconds)
        making.join()
        result[f"tenant_get_{load}"] = {"alone": _figures(alone), "beside_pdfs": _figures(beside)}
    result["pdf"] = _figures(made[0])  # beside the paced load: the usual case
    result["pdf_beside_flat_out"] = _figures(made[1])
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
    lines = [
        "",
        f"{pdf['route']}, made on each request, {PDF_CONNECTIONS} connections, beside "
        f"{pdf['tenant_get']} on 16 connections (its p99 alone, then while PDFs are made):",
        "",
        "| tenant GET load | PDFs/s | PDF p50 ms | PDF p99 ms | PDF errors | GET rps alone "
        "| GET p99 ms alone | GET rps beside PDFs | GET p99 ms beside PDFs |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for load, made in (("paced", pdf["pdf"]), ("flat_out", pdf["pdf_beside_flat_out"])):
        get = pdf[f"tenant_get_{load}"]
        alone, beside = get["alone"], get["beside_pdfs"]
        label = f"paced to {PACED_RPS:g}/s" if load == "paced" else "flat out"
        lines.append(
            f"| {label} | {made['rps']:.2f} | {made['p50_ms']:.0f} | {made['p99_ms']:.0f} "
            f"| {made['errors']} | {alone['rps']:.0f} | {alone['p99_ms']:.2f} "
            f"| {beside['rps']:.0f} | {beside['p99_ms']:.2f} |"
        )
    return lines


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
