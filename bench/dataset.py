"""Bench data set: tenant-only organisations with API keys, audits and their revisions.

    DATABASE_URL=sqlite:///... python -m bench.dataset --orgs 1000 --tokens tokens.json

Idempotent and incremental: run with --orgs 1, then 100, then 1000 and only the missing
organisations are added, so the bench can measure tenant routes at each size on one database.
Rows go in with bulk executemany INSERTs through the app's own table definitions (one
statement per batch, not one ORM flush per row), which loads 20,000 audits in seconds on
SQLite and on PostgreSQL alike (DATABASE_URL decides).

Organisations are `bench-org-0001`... with `in_evidence=False`: tenant-only, so they never
appear in public lists, search or benchmarks by name.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import app.models  # noqa: F401  (registers every table on the metadata)
from app.core.db import get_engine, utcnow
from app.core.ids import time_ordered_uuid
from app.core.sqlite_writer import sqlite_file
from app.tenants import tokens

SLUG_PREFIX = "bench-org-"
BATCH = 2000
PROMPTS = ("current_practice", "needed_change", "progress_plan")


def slug_of(n: int) -> str:
    return f"{SLUG_PREFIX}{n:04d}"


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _batches(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def _bulk(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    for batch in _batches(rows):
        conn.execute(insert(table), list(batch))


def _conditions(conn: Connection, template_version: int) -> list[str]:
    content = conn.execute(
        select(_table("audit_template").c.content).where(
            _table("audit_template").c.version == template_version
        )
    ).scalar_one()
    return [c["slug"] for c in content["conditions"]]


def _responses(conditions: list[str], rng: random.Random, count: int) -> list[dict[str, Any]]:
    return [
        {
            "condition": slug,
            "current_practice": f"Current practice for {slug}: " + "x" * rng.randint(40, 200),
            "needed_change": f"What needs to change for {slug}.",
            "progress_plan": f"Plan to progress {slug} within {rng.randint(1, 12)} months.",
            "rating": rng.randint(1, 4),
        }
        for slug in conditions[:count]
    ]


def existing_orgs(conn: Connection) -> int:
    org = _table("organisation")
    return int(
        conn.execute(
            select(func.count()).select_from(org).where(org.c.slug.like(f"{SLUG_PREFIX}%"))
        ).scalar_one()
    )


def generate(
    orgs: int,
    audits_per_org: int = 20,
    responses_per_audit: int = 12,
    template_version: int = 1,
    seed: int = 7,
) -> dict[str, str]:
    """Make sure `bench-org-0001..orgs` exist with their audits; return {slug: token} for the
    organisations added by this call (tokens are only ever shown once)."""
    engine = get_engine()
    created: dict[str, str] = {}
    with engine.begin() as conn:
        have = existing_orgs(conn)
        if have >= orgs:
            return created
        conditions = _conditions(conn, template_version)
        rng = random.Random(seed + have)
        now = utcnow()
        org_rows: list[dict[str, Any]] = []
        key_rows: list[dict[str, Any]] = []
        audit_rows: list[dict[str, Any]] = []
        revision_rows: list[dict[str, Any]] = []
        for n in range(have + 1, orgs + 1):
            slug = slug_of(n)
            token, prefix = tokens.new_token()
            created[slug] = token
            org_rows.append(
                {
                    "slug": slug,
                    "name": f"Bench organisation {n:04d}",
                    "kind": "other",
                    "in_evidence": False,
                    "is_tenant": True,
                    "created_at": now,
                    "data": {},
                }
            )
            key_rows.append(
                {
                    "organisation": slug,
                    "label": "bench",
                    "prefix": prefix,
                    "token_hash": tokens.hash_token(token),
                    "scopes": "audits:read audits:write webhooks:manage",
                    "created_at": now,
                }
            )
            for i in range(audits_per_org):
                at = now - timedelta(days=audits_per_org - i)
                submitted = i % 4 == 0  # a realistic mix: a quarter submitted
                audit = {
                    "id": time_ordered_uuid(),
                    "organisation": slug,
                    "template_version": template_version,
                    "title": f"Self-audit {n:04d}/{i + 1:02d}",
                    "status": "submitted" if submitted else "draft",
                    "revision": 1,
                    "version": 1,
                    "responses": _responses(conditions, rng, responses_per_audit),
                    "created_at": at,
                    "updated_at": at,
                    "submitted_at": at if submitted else None,
                }
                audit_rows.append(audit)
                revision_rows.append(
                    {
                        "audit_id": audit["id"],
                        "version": 1,
                        "revision": 1,
                        "action": "submitted" if submitted else "created",
                        "status": audit["status"],
                        "title": audit["title"],
                        "responses": audit["responses"],
                        "actor": f"api-key:{prefix} (bench)",
                        "recorded_at": at,
                    }
                )
        # Parents before children: the foreign keys are enforced on both engines.
        _bulk(conn, _table("organisation"), org_rows)
        _bulk(conn, _table("api_key"), key_rows)
        _bulk(conn, _table("audit"), audit_rows)
        _bulk(conn, _table("audit_revision"), revision_rows)
    return created


def settle_wal() -> None:
    """On SQLite, copy the WAL back into the database file and empty it. A load of a few large
    commits leaves the whole data set in the WAL (245 MB at 1,000 organisations), since the
    app's checkpointer counts commits; reads then go through the WAL's index, and the first
    checkpoint of a served app copied it all back in the middle of a measurement."""
    engine = get_engine()
    database = sqlite_file(str(engine.url))
    engine.dispose()
    if database is not None:
        with contextlib.closing(sqlite3.connect(database, timeout=30)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--audits", type=int, default=20)
    parser.add_argument("--responses", type=int, default=12)
    parser.add_argument("--tokens", type=Path, help="JSON file {slug: token}, merged into")
    args = parser.parse_args(argv)
    created = generate(args.orgs, args.audits, args.responses)
    settle_wal()
    if args.tokens:
        known: dict[str, str] = {}
        if args.tokens.exists():
            known = json.loads(args.tokens.read_text())
        args.tokens.write_text(json.dumps({**known, **created}, indent=1))
    print(json.dumps({"organisations_added": len(created), "total": args.orgs}))


if __name__ == "__main__":
    main()
