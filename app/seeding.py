"""Load `seed/` into the database: idempotent, versioned, same order every time.

Run after `alembic upgrade head`:  python -m app.seeding
A second run with unchanged seed files does nothing; a changed file reloads the catalogue
(upsert by slug) and records the new content version, which invalidates served caches.
"""

import logging
import sys
from pathlib import Path

from sqlalchemy import make_url
from sqlmodel import Session

from app.audits import templates
from app.catalogue import service as catalogue
from app.core.config import get_settings
from app.core.content import (
    SeedError,
    current_version,
    fingerprint,
    read_seed,
    record_version,
)
from app.core.database_file import DatabaseFileError, check, database_path
from app.core.db import get_engine
from app.evidence import loading as evidence_loading
from app.evidence import service as evidence
from app.organisations import service as organisations
from app.search import service as search_service

# Moves when the loaders store the same seed differently, so a database loaded by an older
# loader is loaded again (2: titles of linked resources and the curated mapping kept with rows).
LOADER_VERSION = "2"

log = logging.getLogger("app.seeding")


def seed(session: Session, seed_dir: Path, force: bool = False) -> tuple[str, bool]:
    """Returns (content version, whether anything was loaded)."""
    version = fingerprint(seed_dir, LOADER_VERSION)
    current = current_version(session)
    if current is not None and current.version == version and not force:
        return version, False
    data = read_seed(seed_dir)
    # Templates first: the catalogue keeps the curated mapping of the latest one.
    templates.load(session, data)
    catalogue.load(session, data, templates.curated_links(session))
    organisations.load(session, data)
    evidence_loading.load(session, data)
    documents = [
        *catalogue.search_documents(session),
        *evidence.search_documents(session),
        *organisations.search_documents(session),
    ]
    indexed = search_service.reindex(session, documents)
    counts = {kind: len(records) for kind, records in data.records.items()}
    counts["search_documents"] = indexed
    record_version(session, version, counts)
    return version, True


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = get_settings()
    path = database_path(settings.database_url)
    target = path or make_url(settings.database_url).render_as_string(hide_password=True)
    try:
        if path is not None:
            check(path)  # a missing or broken file: one line, not a traceback
        with Session(get_engine()) as session:
            version, loaded = seed(session, settings.seed_dir, force="--force" in argv)
            session.commit()
            row = current_version(session)
    except DatabaseFileError as exc:
        log.error("cannot seed: the database file %s", exc)
        return 1
    except SeedError as exc:
        log.error("seed failed: %s", exc)
        return 1
    state = "loaded" if loaded else "unchanged"
    counts = row.counts if row else ""
    log.info("seeded %s: content version %s %s %s", target, version, state, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
