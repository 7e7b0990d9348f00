"""Writes the published contract, `clients/openapi.json`, from the app's routes (`make sdk`).

The description needs no database: an in-memory SQLite URL, never connected, satisfies the
start-up check that refuses a missing database file, so a fresh clone exports without
`make migrate`. Usage: `python -m app.openapi_export [PATH]`.
"""

import json
import os
import sys
from pathlib import Path
from typing import Any

from app.core.config import PROJECT_ROOT, get_settings

CONTRACT = PROJECT_ROOT / "clients" / "openapi.json"


def render(document: dict[str, Any]) -> str:
    """The file's text: FastAPI's key order (paths in routing order), stable from run to run;
    two-space indent, UTF-8 rather than escapes, a final newline; diffs read line by line."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def describe() -> dict[str, Any]:
    """The description `/openapi.json` serves, built without a database."""
    os.environ["DATABASE_URL"] = "sqlite://"
    get_settings.cache_clear()
    # Imported here, after DATABASE_URL: importing app.main builds the app.
    from app.main import app

    return app.openapi()


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else CONTRACT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(describe()), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
