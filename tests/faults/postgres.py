"""A private PostgreSQL cluster that a fault test may stop, freeze and start again.

scripts/with-postgres.sh starts one server for the whole suite; stopping that one would break
every other module, so fault tests start their own the same way: initdb and pg_ctl from
/usr/lib/postgresql/*/bin, as the `postgres` user when we are root, on a free loopback port.
Used only when TEST_DATABASE_URL is set (the PostgreSQL phase of `make test`, which has the
binaries)."""

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import free_port


def _bin_dir() -> Path | None:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "pg_ctl").exists() and (candidate / "initdb").exists():
            return candidate
    return None


class Cluster:
    """initdb'd in a temporary directory; `url` is its superuser's `postgres` database."""

    def __init__(self) -> None:
        bin_dir = _bin_dir()
        if bin_dir is None:
            pytest.skip("PostgreSQL's initdb/pg_ctl are not installed")
        self.bin = bin_dir
        self.work = Path(tempfile.mkdtemp(prefix="pgfaults."))
        self.work.chmod(0o755)
        self.data = self.work / "data"
        (self.work / "sock").mkdir()
        self.run_as: list[str] = []
        self.user = "postgres"
        if os.getuid() == 0:
            self.run_as = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.work, "postgres")
            shutil.chown(self.work / "sock", "postgres")
        else:
            self.user = os.environ.get("USER", "postgres")
        self.port = free_port()
        self._pg(
            "initdb", "-D", str(self.data), "-U", self.user, "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        self.start()
        self.url = f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/postgres"

    def _pg(self, tool: str, *args: str) -> None:
        subprocess.run([*self.run_as, str(self.bin / tool), *args], check=True, capture_output=True)

    def start(self) -> None:
        self._pg(
            "pg_ctl", "-D", str(self.data), "-l", str(self.work / "server.log"), "-w", "-t", "60",
            "start", "-o", f"-h 127.0.0.1 -p {self.port} -k {self.work / 'sock'} "
            "-c max_connections=100 -c shared_buffers=32MB -c fsync=off",
        )  # fmt: skip

    def stop(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def processes(self) -> list[int]:
        """The postmaster and every process it started."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, IndexError, ValueError):
                # The fields after the command name (in parentheses) start with state, ppid.
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == postmaster:
                    children.append(int(stat.parent.name))
        return [postmaster, *children]

    @contextlib.contextmanager
    def frozen(self) -> Iterator[None]:
        """SIGSTOP the postmaster and its backends; SIGCONT them on the way out."""
        stopped = self.processes()
        for pid in stopped:
            os.kill(pid, signal.SIGSTOP)
        try:
            yield
        finally:
            for pid in stopped:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGCONT)

    def execute(self, *statements: str) -> None:
        """Statements as the superuser, on one connection, each in a transaction of its own
        (ALTER SYSTEM needs that)."""
        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                for statement in statements:
                    conn.execute(text(statement))
        finally:
            engine.dispose()

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.work, ignore_errors=True)


def wait_until(condition: object, timeout: float, step: float = 0.2) -> bool:
    """Call `condition` until it is true or `timeout` seconds have gone; whether it was."""
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return bool(condition())


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """A private cluster for this module (PostgreSQL phase only)."""
    if not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("PostgreSQL faults run in the PostgreSQL phase (TEST_DATABASE_URL)")
    server = Cluster()
    try:
        yield server
    finally:
        server.remove()
