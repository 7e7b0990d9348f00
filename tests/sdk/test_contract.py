"""Issue 17, item 9: the published contract. `clients/openapi.json` is what the app serves, so a
change to the description is a reviewed diff with a CHANGELOG.md entry, and the exporter that
writes it needs no database."""

import difflib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from app.openapi_export import CONTRACT, render
from tests.conftest import ROOT

CHANGELOG = ROOT / "CHANGELOG.md"
STALE = (
    "clients/openapi.json differs from the description the app serves: run `make sdk`, review "
    "the diff, and add a CHANGELOG.md entry (bump info.version in app/main.py by semver)."
)


def _diff(committed: str, served: str, lines: int = 40) -> str:
    diff = difflib.unified_diff(
        committed.splitlines(), served.splitlines(), "committed", "served", lineterm=""
    )
    return "\n".join(list(diff)[:lines])


def test_the_committed_contract_is_what_the_app_serves(client: TestClient) -> None:
    served = render(client.get("/openapi.json").json())
    committed = CONTRACT.read_text(encoding="utf-8")
    assert served == committed, f"{STALE}\n{_diff(committed, served)}"


def test_the_changelog_has_an_entry_for_the_served_version(client: TestClient) -> None:
    version = client.get("/openapi.json").json()["info"]["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), version  # semver, no suffix
    headings = re.findall(r"^## \[([^\]]+)\]", CHANGELOG.read_text(encoding="utf-8"), re.M)
    assert version in headings, (
        f"CHANGELOG.md has no `## [{version}]` heading (it has {headings}): describe what "
        "changed in the contract for this version."
    )


def test_the_exporter_needs_no_database(tmp_path: Path) -> None:
    """A fresh clone has no database file; the app refuses to start without one, the exporter
    does not (and the file it writes is byte for byte the committed one)."""
    out = tmp_path / "openapi.json"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'missing' / 'none.db'}"}
    result = subprocess.run(
        [sys.executable, "-m", "app.openapi_export", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "missing").exists()
    assert out.read_text(encoding="utf-8") == CONTRACT.read_text(encoding="utf-8"), STALE


def test_the_contract_file_is_in_its_canonical_form() -> None:
    """A hand edit shows: the file is exactly what the exporter writes for its own content."""
    text = CONTRACT.read_text(encoding="utf-8")
    assert render(json.loads(text)) == text, STALE
