"""Kept answers (app/audits/kept_answers.py): on SQLite a repeated fast audit read is answered
from memory while the database is unchanged, and never once anything has been committed, by
this process or another; on PostgreSQL every read reads."""

import sqlite3
import subprocess
import sys
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from app.audits import kept_answers as kept_module
from app.tenants import tokens
from tests.tenants.helpers import OPERATOR, create_audit, fast_read_counts, issue_key, register

Headers = dict[str, str]


def sqlite_path(database_url: str) -> str | None:
    url = make_url(database_url)
    return str(url.database) if url.get_backend_name() == "sqlite" else None


@pytest.fixture
def sqlite_database(database_url: str) -> str:
    """The SQLite file under test; PostgreSQL keeps no answers, so such tests skip there."""
    database = sqlite_path(database_url)
    if database is None:
        pytest.skip("kept answers are SQLite's (PRAGMA data_version)")
    return database


@pytest.fixture
def key(client: TestClient) -> tuple[str, dict[str, str]]:
    """A fresh tenant with one audit: its slug, and its key's auth headers."""
    slug = register(client)
    token = issue_key(client, slug)["token"]
    headers = {"Authorization": f"Bearer {token}"}
    create_audit(client, headers, title="First")  # a write, and the key's first use recorded
    return slug, headers


def read(client: TestClient, path: str, headers: Headers) -> tuple[str, int, bytes]:
    """(outcome, status, body) of one GET: which counter of /metrics moved."""
    before = fast_read_counts(client)
    response = client.get(path, headers=headers)
    after = fast_read_counts(client)
    (outcome,) = [k for k in after if after[k] != before.get(k, 0)]
    return outcome, response.status_code, response.content


def test_a_repeated_read_is_kept_until_a_write(
    client: TestClient, database_url: str, key: tuple[str, Headers]
) -> None:
    _, headers = key
    paths = ("/v1/audits", "/v1/audits?limit=5")
    for path in paths:
        first = read(client, path, headers)
        again = read(client, path, headers)
        assert first[0] == "answered" and first[1:] == again[1:] == (200, first[2])
        assert again[0] == ("kept" if sqlite_path(database_url) else "answered")
    create_audit(client, headers, title="Second")  # another tenant's write would do as well
    for path in paths:  # every answer goes, not only the first one asked for
        after_write = read(client, path, headers)
        assert after_write[0] == "answered" and b'"title":"Second"' in after_write[2]


def test_a_key_revoked_is_refused_at_once(client: TestClient, key: tuple[str, Headers]) -> None:
    slug, headers = key
    read(client, "/v1/audits", headers)
    assert read(client, "/v1/audits", headers)[1] == 200
    prefix = tokens.prefix_of(headers["Authorization"].removeprefix("Bearer "))
    revoked = client.delete(f"/v1/organisations/{slug}/api-keys/{prefix}", headers=OPERATOR)
    assert revoked.status_code == 204
    assert read(client, "/v1/audits", headers)[:2] == ("handed_on", 401)


def test_a_commit_by_another_process_is_seen_at_once(
    client: TestClient, sqlite_database: str, key: tuple[str, Headers]
) -> None:
    _, headers = key
    read(client, "/v1/audits", headers)
    assert read(client, "/v1/audits", headers)[:2] == ("kept", 200)
    prefix = tokens.prefix_of(headers["Authorization"].removeprefix("Bearer "))
    # Another worker revokes the key: a process of its own with a connection of its own.
    revoke = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute(\"UPDATE api_key SET revoked_at = '2026-01-01 00:00:00' WHERE prefix = ?\","
        " (sys.argv[2],)); c.commit()"
    )
    subprocess.run([sys.executable, "-c", revoke, sqlite_database, str(prefix)], check=True)
    with sqlite3.connect(sqlite_database) as check:
        (revoked,) = check.execute(
            "SELECT revoked_at FROM api_key WHERE prefix = ?", (prefix,)
        ).fetchone()
    assert revoked is not None
    assert read(client, "/v1/audits", headers)[:2] == ("handed_on", 401)


def test_an_answer_is_kept_no_longer_than_its_keys_use_may_go_unrecorded(
    client: TestClient,
    sqlite_database: str,
    key: tuple[str, Headers],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, headers = key
    read(client, "/v1/audits", headers)
    assert read(client, "/v1/audits", headers)[0] == "kept"
    later = kept_module.utcnow() + timedelta(minutes=1, seconds=1)
    monkeypatch.setattr(kept_module, "utcnow", lambda: later)
    assert read(client, "/v1/audits", headers)[:2] == ("answered", 200)


def test_a_watcher_that_cannot_answer_keeps_nothing(
    client: TestClient,
    sqlite_database: str,
    key: tuple[str, Headers],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept = kept_module.kept_answers()
    assert kept is not None
    _, headers = key
    broken = sqlite3.connect(":memory:")
    broken.close()  # asking it raises sqlite3.ProgrammingError, as a busy database would raise
    monkeypatch.setattr(kept, "_watcher", broken)
    outcomes = [read(client, "/v1/audits", headers)[:2] for _ in range(2)]
    assert outcomes == [("answered", 200)] * 2
