"""Reading `seed/`: every YAML file, merged by kind and slug, and the content version.

A record may be described in several files (one per source document). Lists are unioned,
scalars must agree: a conflict is a seed error, not a silent overwrite.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import JSON, Column
from sqlmodel import Field, Session, SQLModel, select

from app.core.db import UTCDateTime, utcnow

Record = dict[str, Any]
# Kinds that are plain lists rather than records keyed by slug.
UNKEYED_KINDS = {"exclusions", "audit_prompts"}


class SeedError(ValueError):
    pass


class ContentVersion(SQLModel, table=True):
    __tablename__ = "content_version"

    id: int = Field(default=1, primary_key=True)
    version: str = Field(max_length=64)
    loaded_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    counts: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


def _merge_value(kind: str, slug: str, key: str, old: Any, new: Any) -> Any:
    if old is None:
        return new
    if new is None:
        return old
    if isinstance(old, list) and isinstance(new, list):
        merged = list(old)
        seen = {json.dumps(v, sort_keys=True) for v in old}
        for item in new:
            marker = json.dumps(item, sort_keys=True)
            if marker not in seen:
                seen.add(marker)
                merged.append(item)
        return merged
    if isinstance(old, dict) and isinstance(new, dict) and key != "":
        return {
            k: _merge_value(kind, slug, f"{key}.{k}", old.get(k), new.get(k))
            for k in {**old, **new}
        }
    if old != new:
        raise SeedError(f"{kind} '{slug}': conflicting values for '{key}': {old!r} vs {new!r}")
    return old


@dataclass
class SeedData:
    records: dict[str, dict[str, Record]] = field(default_factory=dict)  # kind -> slug -> record
    lists: dict[str, list[Any]] = field(default_factory=dict)  # plain lists, e.g. audit_prompts
    # kind -> slug -> the files that describe it, so a refusal can name where to look.
    files: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def of(self, kind: str) -> list[Record]:
        return list(self.records.get(kind, {}).values())

    def where(self, kind: str, slug: str) -> str:
        return ", ".join(self.files.get(kind, {}).get(slug, [])) or "seed"


def read_seed(seed_dir: Path) -> SeedData:
    """All seed files merged by kind and slug, records in first-seen order."""
    seed = SeedData()
    merged = seed.records
    files = sorted(seed_dir.rglob("*.yaml"))
    if not files:
        raise SeedError(f"no seed files under {seed_dir}")
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise SeedError(f"{path}: top level must be a mapping of kind -> records")
        for kind, records in data.items():
            if not isinstance(records, list):
                raise SeedError(f"{path}: '{kind}' must be a list")
            if kind in UNKEYED_KINDS or (records and not all(isinstance(r, dict) for r in records)):
                seed.lists.setdefault(kind, [])
                seed.lists[kind] += [r for r in records if r not in seed.lists[kind]]
                continue
            bucket = merged.setdefault(kind, {})
            for index, record in enumerate(records):
                slug = record.get("slug")
                if not slug:
                    raise SeedError(f"{path}: {kind}[{index}] has no slug")
                name = path.relative_to(seed_dir).as_posix()
                seed.files.setdefault(kind, {}).setdefault(slug, []).append(name)
                if slug in bucket:
                    bucket[slug] = {
                        k: _merge_value(kind, slug, k, bucket[slug].get(k), record.get(k))
                        for k in {**bucket[slug], **record}
                    }
                else:
                    bucket[slug] = dict(record)
    return seed


def fingerprint(seed_dir: Path, loader_version: str = "") -> str:
    """The content version: the seed files' digest, and the loader's version when given."""
    digest = hashlib.sha256(loader_version.encode())
    for path in sorted(seed_dir.rglob("*.yaml")):
        digest.update(path.relative_to(seed_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def current_version(session: Session) -> ContentVersion | None:
    return session.exec(select(ContentVersion)).first()


def record_version(session: Session, version: str, counts: dict[str, int]) -> None:
    row = session.get(ContentVersion, 1)
    if row is None:
        row = ContentVersion(id=1, version=version, loaded_at=utcnow(), counts=counts)
    else:
        row.version, row.loaded_at, row.counts = version, utcnow(), counts
    session.add(row)
