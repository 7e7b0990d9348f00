"""No N+1: the SQL statements a list request runs do not grow with `limit`.

Each request is counted with SQLAlchemy's `before_cursor_execute` on the app's engine, plus the
hot statements that run on the DB-API cursor outside it (`app.core.prepared.STATEMENTS`), with the
catalogue and audit body caches emptied first, so the count measures
real reads and rendering, not the kept bytes.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from app.audits import rendering
from app.core import prepared
from app.core.db import get_engine
from app.core.http import catalogue_cache
from tests.helpers import operator_env, tenant

LIMITS = (1, 5, 50)
CATALOGUE_LISTS = (
    "/v1/projects",
    "/v1/findings",
    "/v1/features",
    "/v1/outcomes",
    "/v1/practice-models",
)


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


class StatementCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_: Any) -> None:
        self.count += 1


def statements(client: TestClient, path: str, headers: dict[str, str] | None = None) -> int:
    """Statements for one uncached GET; the least of two tries, so the content-version poll
    (a background task that may land inside one request) cannot add to the count."""
    counts = []
    for _ in range(2):
        catalogue_cache.clear()
        rendering.body_cache().clear()
        counter = StatementCounter()
        prepared_before = sum(prepared.STATEMENTS.counts().values())
        event.listen(get_engine(), "before_cursor_execute", counter)
        try:
            response = client.get(path, headers=headers)
        finally:
            event.remove(get_engine(), "before_cursor_execute", counter)
        assert response.status_code == 200, response.text
        counts.append(counter.count + sum(prepared.STATEMENTS.counts().values()) - prepared_before)
    return min(counts)


def items(client: TestClient, path: str, headers: dict[str, str] | None = None) -> int:
    return len(client.get(path, headers=headers).json()["items"])


def assert_flat(client: TestClient, path: str, headers: dict[str, str] | None = None) -> None:
    sep = "&" if "?" in path else "?"
    counts = {n: statements(client, f"{path}{sep}limit={n}", headers) for n in LIMITS}
    # The page must really grow with the limit, or a flat count proves nothing.
    sizes = {n: items(client, f"{path}{sep}limit={n}", headers) for n in LIMITS}
    assert sizes[1] == 1 and sizes[5] > 1, sizes
    # One more is allowed: a batched query that a page only needs when it holds such rows
    # (e.g. evaluations, which the first projects lack). A per-item query adds dozens.
    assert max(counts.values()) - counts[1] <= 1, f"{path}: {counts} for {sizes}"


@pytest.mark.parametrize("path", CATALOGUE_LISTS)
def test_catalogue_list_statements_do_not_grow_with_limit(client: TestClient, path: str) -> None:
    assert_flat(client, path)


def test_audit_list_statements_do_not_grow_with_limit(client: TestClient) -> None:
    headers = tenant(client)
    body = {
        "template_version": 1,
        "title": "Self-audit",
        "responses": [{"condition": "good-use-of-data", "rating": 2}],
    }
    template = client.get("/v1/audit-templates/1").json()
    body["responses"][0]["condition"] = template["conditions"][0]["slug"]
    for _ in range(51):
        assert client.post("/v1/audits", json=body, headers=headers).status_code == 201
    assert items(client, "/v1/audits?limit=50", headers) == 50
    assert_flat(client, "/v1/audits", headers)
