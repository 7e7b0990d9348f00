"""wrk, driven from Python: Lua scripts for headers, bodies and per-connection ETags, and a
`done()` hook that prints the figures as one JSON line so nothing is scraped from wrk's text."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CONNECTIONS = 16
REPORT_MARK = "BENCH-JSON "

# Latencies are in microseconds in wrk's Lua API.
DONE = f"""
function done(summary, latency, requests)
  local e = summary.errors
  io.write("{REPORT_MARK}" .. string.format(
    '{{"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"mean_us":%f,' ..
    '"errors":{{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal here


def lua_headers(headers: dict[str, str]) -> str:
    return "{" + ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items()) + "}"


def static_script(method: str, headers: dict[str, str], body: str | None = None) -> str:
    """One fixed request, pre-formatted once per thread (the cheapest wrk mode)."""
    lines = [f"wrk.method = {lua_string(method)}"]
    lines += [f"wrk.headers[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items()]
    if body is not None:
        lines.append(f"wrk.body = {lua_string(body)}")
    return "\n".join(lines) + "\n" + DONE


def rotating_script(
    requests: list[tuple[str, dict[str, str]]] | list[tuple[str, str, dict[str, str], str | None]],
    delay_ms: float = 0,
) -> str:
    """Requests spread over many (path, headers), or (method, path, headers, body): many
    tenants and audits rather than one hot row, or a mixed load for the soak. `delay_ms`
    paces each connection (wrk's `delay()` hook, jittered) for a load below peak."""
    items = []
    for r in requests:
        method, path, headers, body = ("GET", r[0], r[1], None) if len(r) == 2 else r
        body_lua = lua_string(body) if body is not None else "nil"
        items.append(
            f"  wrk.format({lua_string(method)}, {lua_string(path)}, {lua_headers(headers)}, "
            f"{body_lua})"
        )
    # wrk reads the delay as whole milliseconds. Jittered (uniform, +-50%, same mean) so the
    # connections do not fall into step and arrive as bursts of 16, which made p99 measure
    # the bursts rather than the service.
    low, high = round(delay_ms * 0.5), round(delay_ms * 1.5)
    pacing = f"function delay() return math.random({low}, {high}) end" if delay_ms > 0 else ""
    joined = ",\n".join(items)
    return f"""
local reqs = nil
local i = 0
function init(args)
  reqs = {{
{joined}
  }}
  i = math.random(#reqs)
end
function request()
  i = i % #reqs + 1
  return reqs[i]
end
{pacing}
{DONE}"""


def patch_script(targets: list[tuple[str, str, str]], body: str) -> str:
    """PATCH with If-Match. Run with one connection per thread (-t = -c), so each thread's
    Lua state is one connection's: it owns one draft audit and carries that audit's ETag
    from each response to its next request, as a real client does. A 412 would show up as
    a status error and a lost ETag, so the chain stays honest."""
    rows = ",\n".join(
        f"  {{{lua_string(path)}, {lua_string(token)}, {lua_string(etag)}}}"
        for path, token, etag in targets
    )
    return f"""
local targets = {{
{rows}
}}
local counter = 0
function setup(thread)
  counter = counter + 1
  local t = targets[(counter - 1) % #targets + 1]
  thread:set("path", t[1])
  thread:set("token", t[2])
  thread:set("etag", t[3])
end
function request()
  return wrk.format("PATCH", path, {{
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["If-Match"] = etag,
  }}, {lua_string(body)})
end
function response(status, headers, body)
  local tag = headers["etag"] or headers["ETag"]
  if tag then etag = tag end
end
{DONE}"""


@dataclass(frozen=True)
class WrkResult:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def ensure_installed() -> str:
    """Path to wrk, installing Debian's package when it is missing (the bench runs as root)."""
    found = shutil.which("wrk")
    if found:
        return found
    env = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
    install = ["apt-get", "install", "-y", "-q", "wrk"]
    if subprocess.run(install, env=env, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, check=True)
        subprocess.run(install, env=env, check=True)
    found = shutil.which("wrk")
    if not found:
        raise RuntimeError("wrk is not installed and apt-get could not install it")
    return found


def run(
    wrk: str,
    url: str,
    script: Path,
    seconds: float,
    threads: int = 1,
    timeout_s: int = 5,
    connections: int = CONNECTIONS,
) -> WrkResult:
    cmd = [
        wrk,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        f"--timeout={timeout_s}s",
        "-s",
        str(script),
        url,
    ]
    # Bounded: wrk stops itself after -d; the subprocess timeout is a backstop.
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30, check=True)
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith(REPORT_MARK))
    data = json.loads(line.removeprefix(REPORT_MARK))
    errors = sum(data["errors"].values())
    return WrkResult(
        rps=data["requests"] / (data["duration_us"] / 1e6),
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        requests=data["requests"],
        errors=errors,
    )


def calibrate_delay(
    wrk: str,
    url: str,
    script: Path,
    build: Callable[[float], str],
    target_rps: float,
    latency_ms: float,
    probe_seconds: float,
    probes: int = 2,
) -> float:
    """The per-connection `delay()` (ms) at which `build(delay)` runs at about `target_rps`,
    from Little's law (each connection sends every delay + latency) and `probes` short runs
    that correct it. Leaves `script` holding the calibrated script."""
    delay = max(1.0, CONNECTIONS * 1000 / target_rps - latency_ms)
    for _ in range(probes):
        script.write_text(build(delay))
        probe = run(wrk, url, script, probe_seconds)
        delay = max(1.0, delay * probe.rps / target_rps)
    script.write_text(build(delay))
    return delay
