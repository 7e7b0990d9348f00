"""One row per searchable catalogue item; the engine-specific full-text index sits beside it
(SQLite: FTS5 table `search_fts`; PostgreSQL: a tsvector column + GIN index), created by the
migration."""

from sqlmodel import Field, SQLModel


class SearchDocument(SQLModel, table=True):
    __tablename__ = "search_document"

    id: int | None = Field(default=None, primary_key=True)
    type: str = Field(max_length=40)
    slug: str = Field(max_length=200)
    title: str
    body: str
    href: str = Field(max_length=300)
