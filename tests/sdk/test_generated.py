"""Issue 17, item 9: the committed clients are what the generators make of the committed
contract today. Each test regenerates into a temporary directory with the Makefile's own
command (`make sdk-python` / `make sdk-typescript`, pointed elsewhere) and compares."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.any_database

CLIENT = ROOT / "clients" / "python"
TYPES = ROOT / "clients" / "typescript" / "schema.d.ts"
STALE = "{what} is stale: run `make sdk` and commit the result ({details})"
# Left by tools, not generated: never committed (.gitignore), never compared.
NOT_GENERATED = {"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"}


def _make(target: str, **variables: str) -> None:
    # A make of our own, not a part of the `make test` that may be running this.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    assignments = [f"{name}={value}" for name, value in variables.items()]
    result = subprocess.run(
        ["make", "--no-print-directory", target, *assignments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"make {target} failed:\n{result.stdout}\n{result.stderr}"


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and not NOT_GENERATED & set(path.relative_to(root).parts)
        and not any(part.endswith(".egg-info") for part in path.relative_to(root).parts)
    }


def test_the_python_client_is_generated_from_the_contract(tmp_path: Path) -> None:
    fresh = tmp_path / "python"
    _make("sdk-python", SDK_PYTHON=str(fresh))
    committed, generated = _tree(CLIENT), _tree(fresh)
    assert generated, "the generator wrote nothing"
    details = {
        "missing": sorted(set(generated) - set(committed)),
        "not generated any more": sorted(set(committed) - set(generated)),
        "changed": sorted(
            p for p in set(committed) & set(generated) if committed[p] != generated[p]
        ),
    }
    assert not any(details.values()), STALE.format(what="clients/python", details=details)


def test_the_typescript_types_are_generated_from_the_contract(tmp_path: Path) -> None:
    fresh = tmp_path / "schema.d.ts"
    _make("sdk-typescript", SDK_TYPES=str(fresh))
    assert fresh.read_bytes() == TYPES.read_bytes(), STALE.format(
        what="clients/typescript/schema.d.ts", details="it differs from a fresh generation"
    )


def test_the_python_client_is_the_installed_one() -> None:
    """The SDK tests import the committed client (an editable install), not a stale copy."""
    import practice_framework_client

    assert Path(practice_framework_client.__file__).resolve().parent == CLIENT / (
        "practice_framework_client"
    )


def test_every_operation_is_in_the_python_client() -> None:
    contract = json.loads((ROOT / "clients" / "openapi.json").read_text())
    operations = {
        operation["operationId"]
        for operations in contract["paths"].values()
        for operation in operations.values()
    }
    generated = {path.stem for path in (CLIENT / "practice_framework_client" / "api").rglob("*.py")}
    assert operations - generated == set()
