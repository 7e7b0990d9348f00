"""A fresh database and the two servers (the app and its ceiling), on loopback, for one run."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import create_engine, make_url

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Workspace:
    dir: Path
    env: dict[str, str]

    @property
    def database_url(self) -> str:
        return self.env["DATABASE_URL"]

    def python(self, *args: str) -> None:
        subprocess.run([sys.executable, *args], cwd=ROOT, env=self.env, check=True)


def _seed_dir(tmp: Path) -> Path:
    """The committed seed (HEAD), so a run measures reviewed content rather than whatever a
    colleague has half-edited in the work tree; the work tree when this is not a checkout."""
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", "HEAD", "seed"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return ROOT / "seed"
    target = tmp / "snapshot"
    target.mkdir()
    tar_path = tmp / "seed.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(target, filter="data")
    return target / "seed"


@contextmanager
def workspace(database_url: str | None = None) -> Iterator[Workspace]:
    """A temp dir with a migrated, seeded database (SQLite in the temp dir unless
    `database_url` names an empty PostgreSQL database)."""
    tmp = Path(tempfile.mkdtemp(prefix="pfa-bench-"))
    seed_dir = Path(os.environ["BENCH_SEED_DIR"]) if "BENCH_SEED_DIR" in os.environ else None
    env = {
        **os.environ,
        "DATABASE_URL": database_url or f"sqlite:///{tmp / 'bench.db'}",
        "SEED_DIR": str(seed_dir or _seed_dir(tmp)),
        # make run's default: the access log on, written to each server's log file.
        "LOG_LEVEL": "info",
        "RATE_LIMIT_PER_MINUTE": "0",  # measure the service, not the limiter's 429s
        "ADMIN_TOKEN": "bench-operator-token-" + os.urandom(8).hex(),
        "PYTHONPATH": str(ROOT),
    }
    ws = Workspace(tmp, env)
    try:
        subprocess.run(
            [str(Path(sys.executable).parent / "alembic"), "upgrade", "head"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        ws.python("-m", "app.seeding")
        yield ws
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def database_copy(ws: Workspace, name: str) -> Iterator[str]:
    """The URL of a copy of the workspace's database as it is now, removed afterwards: a
    SQLite backup in the temp dir, or a PostgreSQL database made with the workspace's as its
    template (which nothing may be connected to meanwhile)."""
    url = make_url(ws.database_url)
    if url.get_backend_name() == "sqlite":
        target = ws.dir / f"{name}.db"
        source, copy = sqlite3.connect(str(url.database)), sqlite3.connect(target)
        with closing(source), closing(copy):
            source.backup(copy)
        yield f"sqlite:///{target}"
        return  # the temp dir goes with the workspace
    # CREATE and DROP DATABASE run outside a transaction, from another database.
    admin = create_engine(url.set(database="template1"), isolation_level="AUTOCOMMIT")
    copy_name = f"{url.database}_{name}".replace("-", "_")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{copy_name}" TEMPLATE "{url.database}"')
        yield url.set(database=copy_name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{copy_name}" WITH (FORCE)')
    finally:
        admin.dispose()


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid


@contextmanager
def serve(
    name: str, target: str, ws: Workspace, extra_env: dict[str, str] | None = None
) -> Iterator[Server]:
    """One uvicorn worker (uvloop + httptools from uvicorn[standard]) on a free loopback port,
    started as `make serve` starts it (app/serve.py); what it prints (the app's access log
    too) goes to `log`."""
    port = free_port()
    log = ws.dir / f"{name}.log"
    cmd = [sys.executable, "-m", "app.serve", target]  # `make serve`'s server and limits
    env = {**ws.env, "HOST": HOST, "PORT": str(port), "WORKERS": "1", **(extra_env or {})}
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=out)
    server = Server(name, f"http://{HOST}:{port}", process, log)
    try:
        _wait_ready(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_ready(server: Server, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited: {server.log.read_text()[-2000:]}")
        try:
            httpx.get(server.url + "/healthz", timeout=1)
            return  # any answer (even the ceiling's 599) means it is listening
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"{server.name} did not start in {timeout_s}s")


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")
