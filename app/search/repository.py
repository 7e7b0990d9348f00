"""Engine-specific full-text queries behind one interface."""

from typing import Any

from sqlalchemy import text
from sqlmodel import Session, delete

from app.search.models import SearchDocument


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def replace_all(session: Session, docs: list[SearchDocument]) -> None:
    session.exec(delete(SearchDocument))
    session.add_all(docs)
    session.flush()
    if not is_postgres(session):
        # External-content FTS5 table: rebuild from search_document in one statement.
        session.execute(text("INSERT INTO search_fts(search_fts) VALUES ('rebuild')"))


def query(
    session: Session, terms: list[str], type_: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    # CAST: PostgreSQL cannot infer the type of a bare NULL parameter in `IS NULL`.
    if is_postgres(session):
        sql = """
            SELECT d.type, d.slug, d.title, d.href,
                   ts_headline('english', d.body, q, 'StartSel=<mark>, StopSel=</mark>,
                               MaxWords=30, MinWords=10, MaxFragments=1') AS snippet,
                   ts_rank_cd(d.tsv, q) AS score
            FROM search_document d, plainto_tsquery('english', :q) q
            WHERE d.tsv @@ q AND (CAST(:type AS TEXT) IS NULL OR d.type = :type)
            ORDER BY score DESC, d.type, d.slug
            LIMIT :limit OFFSET :offset"""
        params: dict[str, Any] = {
            "q": " ".join(terms),
            "type": type_,
            "limit": limit,
            "offset": offset,
        }
    else:
        # Each term quoted: user input can never be read as FTS5 syntax.
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        sql = """
            SELECT d.type, d.slug, d.title, d.href,
                   snippet(search_fts, 1, '<mark>', '</mark>', '…', 24) AS snippet,
                   -bm25(search_fts, 8.0, 1.0) AS score
            FROM search_fts JOIN search_document d ON d.id = search_fts.rowid
            WHERE search_fts MATCH :match AND (CAST(:type AS TEXT) IS NULL OR d.type = :type)
            ORDER BY bm25(search_fts, 8.0, 1.0), d.type, d.slug
            LIMIT :limit OFFSET :offset"""
        params = {"match": match, "type": type_, "limit": limit, "offset": offset}
    return [dict(row._mapping) for row in session.execute(text(sql), params)]
