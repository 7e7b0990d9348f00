"""The layout's rules, checked on the code itself (the import-linter contracts in pyproject.toml
cover which package may import which; `make lint` runs them):
- no import cycle between any two modules of `app`, imports inside functions counted;
- no module of `app` over 500 lines;
- queries only in repositories (and the few core modules that are the database layer)."""

import ast
from pathlib import Path

import grimp

from tests.conftest import ROOT

APP = ROOT / "app"
MAX_LINES = 500
# Core modules that are the database layer itself, not a domain's queries.
DATABASE_LAYER = {
    "app/core/db.py",  # sessions and engines
    "app/core/prepared.py",  # runs the statements repositories build
    "app/core/pagination.py",  # runs a repository's statement page by page
    "app/core/facets.py",  # runs a repository's statement grouped by each facet
    "app/core/content.py",  # the content-version row every process polls
    "app/core/health.py",  # /readyz: SELECT 1 and the migration head
    "app/core/sqlite_writer.py",  # the WAL checkpoint
    "app/core/database_file.py",  # the SQLite file's start-up check and creation
    "app/backup.py",  # VACUUM INTO, pg_stat_activity: the database as a whole, not a domain's
}
QUERY_BUILDERS = {"select", "insert", "update", "delete", "text", "exists"}
SESSION_QUERIES = {"exec", "execute", "get", "scalar", "scalars", "query", "delete"}


def _modules() -> list[Path]:
    return sorted(APP.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_no_import_cycles_between_modules() -> None:
    graph = grimp.build_graph("app")
    cycles = [
        (a, b)
        for a in sorted(graph.modules)
        for b in graph.find_modules_directly_imported_by(a)
        if a != b and graph.chain_exists(importer=b, imported=a)
    ]
    assert not cycles, cycles


def test_no_module_is_over_500_lines() -> None:
    long = {_name(p): n for p in _modules() if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert not long, long


def _queries(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("sqlmodel", "sqlalchemy"):
            found += [f"imports {a.name}" for a in node.names if a.name in QUERY_BUILDERS]
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SESSION_QUERIES
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("session", "connection", "reader")
        ):
            found.append(f"line {node.lineno}: {node.func.value.id}.{node.func.attr}()")
    return found


def test_queries_live_in_repositories() -> None:
    outside = {
        _name(p): found
        for p in _modules()
        if p.name != "repository.py" and _name(p) not in DATABASE_LAYER
        if (found := _queries(ast.parse(p.read_text())))
    }
    assert not outside, outside


def test_the_query_check_finds_a_query() -> None:
    # The check above is only as good as this: it must see the two shapes a query takes.
    tree = ast.parse("from sqlmodel import select\ndef f(session):\n    session.exec(select(X))\n")
    assert _queries(tree) == ["imports select", "line 3: session.exec()"]
