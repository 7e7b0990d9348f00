"""The README's walk-throughs, run exactly as written (bash + curl) against a served app.

Only the address changes: the README says 127.0.0.1:8000 / localhost:8000, the test serves on
a free port. Each block runs under `set -euo pipefail`, so a command that fails stops it.
"""

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, ServedApp

ADMIN_TOKEN = "change-me"  # the token the README's walk-through exports


@pytest.fixture(scope="module")
def readme_server(database_url: str) -> Iterator[ServedApp]:
    server = ServedApp(database_url, {"ADMIN_TOKEN": ADMIN_TOKEN, "RATE_LIMIT_PER_MINUTE": "0"})
    yield server
    server.stop()


def shell_block(heading: str) -> str:
    """The first ```sh block under the README section `heading`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert match, f"no sh block under '{heading}'"
    return match.group(1)


def run_block(block: str, server: ServedApp, workdir: Path) -> list[str]:
    assert shutil.which("curl"), "the README's walk-throughs need curl"
    address = server.base_url.removeprefix("http://")
    script = block.replace("127.0.0.1:8000", address).replace("localhost:8000", address)
    result = subprocess.run(
        ["bash", "-c", "set -euo pipefail\n" + script],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr}\n{result.stdout}"
    assert "Internal Server Error" not in result.stdout
    return result.stdout.splitlines()


def test_the_catalogue_walk_through_works_as_written(
    readme_server: ServedApp, tmp_path: Path
) -> None:
    block = shell_block("A walk through the catalogue with curl")
    lines = run_block(block, readme_server, tmp_path)
    output = "\n".join(lines)
    # curl prints bodies without a final newline, so a status code ends the line before it
    assert any(line.endswith("}304") for line in lines)  # the conditional GET
    assert '"slug":"group-case-discussion"' in output
    assert output.count('"status":404') >= 1 and '"status":422' in output
    assert "statement" in output and "family-safeguarding-hertfordshire" in output


def test_the_self_audit_walk_through_works_as_written(
    readme_server: ServedApp, tmp_path: Path
) -> None:
    lines = run_block(shell_block("Self-audit walk-through"), readme_server, tmp_path)
    output = "\n".join(lines)
    assert lines[-1].endswith("}404")  # step 4: the other tenant
    assert '"status":"draft","revision":2' in output  # amend opened a second revision
    assert '"action":"amended"' in output  # and the revision log shows it
    # the FHIR QuestionnaireResponse of the reopened draft (amended: FHIR has no way back to
    # in-progress), and $validate finding nothing wrong with it
    assert re.search(r'"resourceType":\s*"QuestionnaireResponse"', output)
    assert re.search(r'"status":\s*"amended"', output)
    assert re.search(r'"severity":\s*"information"', output)
    assert re.search(r'"resourceType":\s*"CapabilityStatement"', output)
    assert '"weak_conditions"' in output  # the report
