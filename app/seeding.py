"""Load `seed/` into the database: idempotent, versioned, same order every time.

Run after `alembic upgrade head`:  python -m app.seeding
A second run with unchanged seed files does nothing; a changed file reloads the catalogue
(upsert by slug) and records the new content version, which invalidates served caches.
"""

import logging
import sys
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from app.audits import service as audits_service
from app.catalogue import repository as catalogue_repository
from app.catalogue import service as catalogue_service
from app.core.config import get_settings
from app.core.content import (
    ContentVersion,
    SeedError,
    current_version,
    fingerprint,
    read_seed,
    record_version,
)
from app.core.db import get_engine
from app.core.links import href
from app.evidence import service as evidence_service
from app.evidence.models import Evaluation, Finding, Guidance, Organisation, Programme, Project
from app.search import service as search_service

log = logging.getLogger("app.seeding")


def seed(session: Session, seed_dir: Path, force: bool = False) -> tuple[str, bool]:
    """Returns (content version, whether anything was loaded)."""
    version = fingerprint(seed_dir)
    current = current_version(session)
    if current is not None and current.version == version and not force:
        return version, False
    data = read_seed(seed_dir)
    catalogue_service.load(session, data)
    evidence_service.load(session, data)
    audits_service.load_templates(session, data)
    indexed = search_service.reindex(session, _search_documents(session))
    counts = {kind: len(records) for kind, records in data.records.items()}
    counts["search_documents"] = indexed
    record_version(session, version, counts)
    return version, True


def _search_documents(session: Session) -> list[tuple[str, str, str, Any, str]]:
    docs: list[tuple[str, str, str, Any, str]] = []
    for f in catalogue_repository.features(session):
        docs.append(("feature", f.slug, f.title, f.data, href("feature", f.slug)))
    for o in catalogue_repository.outcomes(session):
        docs.append(("outcome", o.slug, o.title, o.data, href("outcome", o.slug)))
    for e in catalogue_repository.enablers(session):
        docs.append(("enabler", e.slug, e.title, e.data, href("enabler", e.slug)))
    titles = catalogue_repository.titles(session)
    for slug, text in titles["recommendation"].items():
        docs.append(("recommendation", slug, text, text, href("recommendation", slug)))
    for kind, table in (("practice-model", "practice-model"), ("source", "source")):
        for slug, title in titles[table].items():
            docs.append((kind, slug, title, title, href(kind, slug)))
    for p in session.exec(select(Programme)).all():
        docs.append(("programme", p.slug, p.name, p.data, href("programme", p.slug)))
    for j in session.exec(select(Project)).all():
        docs.append(("project", j.slug, j.name, j.data, href("project", j.slug)))
    for ev in session.exec(select(Evaluation)).all():
        docs.append(("evaluation", ev.slug, ev.slug, ev.data, href("evaluation", ev.slug)))
    for fi in session.exec(select(Finding)).all():
        docs.append(("finding", fi.slug, fi.metric, fi.data, href("finding", fi.slug)))
    for g in session.exec(select(Guidance)).all():
        docs.append(("guidance", g.slug, g.title, g.data, href("guidance", g.slug)))
    for org in session.exec(select(Organisation).where(Organisation.in_evidence == True)).all():  # noqa: E712
        docs.append(("organisation", org.slug, org.name, org.name, href("organisation", org.slug)))
    return docs


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = get_settings()
    try:
        with Session(get_engine()) as session:
            version, loaded = seed(session, settings.seed_dir, force="--force" in argv)
            session.commit()
            row = session.get(ContentVersion, 1)
    except SeedError as exc:
        log.error("seed failed: %s", exc)
        return 1
    state = "loaded" if loaded else "unchanged"
    log.info("content version %s %s %s", version, state, row.counts if row else "")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
