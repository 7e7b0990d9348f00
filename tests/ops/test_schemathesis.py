"""Property-based testing of the whole OpenAPI description with schemathesis 4: every phase
(examples, coverage, fuzzing, stateful) and every default check, against a served process,
anonymously, as the operator and as an organisation: 0 failures and never a 500.

The allowances are in schemathesis.toml beside this file, each with the rule of the contract
that makes it and why no schema can say it."""

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.audits.openapi import EXAMPLE_FHIR_BASE
from tests.conftest import ServedApp
from tests.helpers import OPERATOR, tenant

pytestmark = pytest.mark.served
HERE = Path(__file__).parent
PHASES = "examples,coverage,fuzzing,stateful"
# The organisation reaches the most (audits, their lifecycle), so it gets the most examples.
# The organisation runs on both databases; the operator (who writes organisations and keys) on
# PostgreSQL and the anonymous caller (who writes nothing) on SQLite, so each phase of `make
# test`, which run side by side, carries two of the runs. A phase's runs go at once (each is
# mostly generating cases).
MAX_EXAMPLES = {"organisation": 15, "operator": 5, "anonymous": 5}
ON_POSTGRESQL = bool(os.environ.get("TEST_DATABASE_URL"))
IDENTITIES = ["organisation", "operator"] if ON_POSTGRESQL else ["organisation", "anonymous"]
EXAMPLE_BASE = EXAMPLE_FHIR_BASE.removesuffix("/fhir")

# CPython 3.11's parser can raise this spuriously (python/cpython#106905) inside hypothesis,
# which parses lambdas' source to describe them: the run never reached the app. One more run.
INTERPRETER_BUG = "AST constructor recursion depth mismatch"


@pytest.fixture(scope="module")
def runs(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Each identity's schemathesis output, all run against one served app."""
    # The description's FHIR examples name the default deployment's canonical URLs (they must
    # not vary with the port a test happens to get): serve as that deployment.
    server = ServedApp(database_url, extra_env={"PUBLIC_BASE_URL": EXAMPLE_BASE})
    try:
        work = tmp_path_factory.mktemp("schemathesis")
        args = {identity: _headers(server, identity) for identity in IDENTITIES}
        started = {i: _start(server.base_url, args[i], i, work / i) for i in IDENTITIES}
        outputs = {i: _finish(process) for i, process in started.items()}
        for identity, output in list(outputs.items()):
            if INTERPRETER_BUG in output:
                print(f"\nhypothesis tripped over CPython's parser as {identity}; once more")
                again = _start(server.base_url, args[identity], identity, work / f"{identity}-2")
                outputs[identity] = _finish(again)
        yield outputs
    finally:
        server.stop()


@pytest.mark.parametrize("identity", list(MAX_EXAMPLES))
def test_schemathesis_finds_no_failures(runs: dict[str, str], identity: str) -> None:
    if identity not in runs:
        pytest.skip("this identity runs in the other database's phase")
    output = runs[identity]
    counts = re.search(r"(\d+) generated, (.*)", output)
    assert counts and "exit status 0" in output, output[-6000:]
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert re.search(rf"✅ {phase}", output), f"{phase} did not pass:\n{output[-3000:]}"
    print(f"\nschemathesis as {identity}: {counts.group(0).strip()}")
    generated = int(counts.group(1))
    assert generated > 1000, "schemathesis ran too few cases to mean anything"
    assert f"{generated} passed" in counts.group(2)


def _headers(server: ServedApp, identity: str) -> list[str]:
    if identity == "anonymous":
        return []
    if identity == "operator":
        return ["--header", f"Authorization: {OPERATOR['Authorization']}"]
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        return ["--header", f"Authorization: {tenant(http)['Authorization']}"]


def _start(
    base_url: str, headers: list[str], identity: str, workdir: Path
) -> subprocess.Popen[str]:
    workdir.mkdir()
    return subprocess.Popen(
        [
            str(Path(sys.executable).parent / "schemathesis"),
            "--config-file",
            str(HERE / "schemathesis.toml"),
            "run",
            f"{base_url}/openapi.json",
            *headers,
            "--phases",
            PHASES,
            "--max-examples",
            str(MAX_EXAMPLES[identity]),
            "--seed",
            "20261123",
            "--workers",
            "2",
            "--no-color",
            "--generation-database",
            "none",
            "--report-dir",
            str(workdir),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=workdir,  # its cache directory lands here, not in the checkout
    )


def _finish(process: subprocess.Popen[str]) -> str:
    """Its output, with its exit status on the last line."""
    try:
        output, _ = process.communicate(timeout=480)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return f"{output}\nexit status {process.returncode}"
