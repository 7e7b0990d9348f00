"""Alembic environment: the app's own engine (same pragmas, same URL) and metadata."""

from logging.config import fileConfig
from typing import Any

from alembic import context

import app.models  # noqa: F401  (registers every table on the metadata)
from app.core.config import get_settings
from app.core.database_file import prepare
from app.core.db import build_engine, metadata

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

# Full-text index objects are engine-specific and created by hand in the migration.
FTS_OBJECTS = {
    "search_fts",
    "search_fts_data",
    "search_fts_idx",
    "search_fts_docsize",
    "search_fts_config",
    "search_fts_content",
}


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    if type_ == "table" and name in FTS_OBJECTS:
        return False
    if type_ == "column" and name == "tsv":
        return False
    return not (type_ == "index" and name == "ix_search_document_tsv")


def run_migrations_online() -> None:
    url = config.attributes.get("database_url")
    prepare(url or get_settings().database_url)  # names it; creates a missing SQLite file
    engine = build_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=include_object,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
