"""Property-based fuzzing of the whole OpenAPI with schemathesis (all default checks, every phase)
against a served process, as an organisation key: 0 failures and never a 500.

The few per-operation status allowances are in schemathesis.toml beside this file, each with
the state it answers that the schema cannot express."""

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import ServedApp
from tests.tenants.helpers import tenant

pytestmark = pytest.mark.served
HERE = Path(__file__).parent
MAX_EXAMPLES = 30


def test_schemathesis_finds_no_failures(database_url: str, tmp_path: Path) -> None:
    server = ServedApp(database_url)
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            auth = tenant(http)["Authorization"]
        result = subprocess.run(
            [
                str(Path(sys.executable).parent / "schemathesis"),
                "--config-file",
                str(HERE / "schemathesis.toml"),
                "run",
                f"{server.base_url}/openapi.json",
                "--header",
                f"Authorization: {auth}",
                "--max-examples",
                str(MAX_EXAMPLES),
                "--seed",
                "20261123",
                "--workers",
                "2",
                "--no-color",
                "--generation-database",
                "none",
                "--report-dir",
                str(tmp_path),
            ],
            capture_output=True,
            text=True,
            timeout=420,
            cwd=tmp_path,  # its cache directory lands here, not in the checkout
        )
    finally:
        server.stop()
    output = result.stdout + result.stderr
    counts = re.search(r"(\d+) generated, (.*)", output)
    assert result.returncode == 0 and counts, output[-6000:]
    engine = "postgresql" if database_url.startswith("postgresql") else "sqlite"
    print(f"\nschemathesis on {engine}: {counts.group(0).strip()}")
    generated = int(counts.group(1))
    assert generated > 1000, "schemathesis ran too few cases to mean anything"
    assert f"{generated} passed" in counts.group(2)
