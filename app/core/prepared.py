"""The few statements every tenant request runs (its API key, an audit's version, a page of
audit versions, audit INSERTs and the conditional UPDATE), straight on the DB-API cursor.

SQLAlchemy's Core `execute` cost ~120 us a statement on the bench VM (its cache key, execution
context and result metadata) for statements SQLite runs in ~10 us; a tenant read runs two of
them (API key, audit version), and they were a third of `GET /v1/audits/{id}` (measured in
bench/results/profiles.md). `Prepared` compiles its statement once per dialect and runs it on
the cursor of the session's own connection, so it stays inside the session's transaction (on
SQLite the writer gate's `BEGIN` still applies). Binds and rows go through the column types'
own processors, so values come back as SQLAlchemy would return them (aware datetimes from
`UTCDateTime`, say), and a driver error comes back as SQLAlchemy's `DBAPIError`.

What it skips: SQLAlchemy's execution events and echo. `STATEMENTS` counts what ran
here, for `/metrics` and for the N+1 test, which adds it to the events it counts.
"""

import collections
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Insert, Select, Update, exc
from sqlalchemy.engine import Dialect
from sqlmodel import Session

from app.core.db import statement_connection
from app.core.metrics import LabelledCounter

STATEMENTS = LabelledCounter(
    "db_prepared_statements_total",
    "Hot statements run on the DB-API cursor, outside SQLAlchemy's execute.",
    "kind",
    ("select", "insert", "update"),
)


T = TypeVar("T")
Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Compiled:
    sql: str
    positional: bool
    binds: tuple[tuple[str, Any, Processor], ...]  # in the SQL's order: name, default, processor
    required: frozenset[str]
    results: tuple[Processor, ...]  # one per column; empty when no column needs processing


class Prepared:
    """A Core statement with named `bindparam`s (an INSERT of a table: its columns), compiled
    once per dialect. A SELECT of columns gives named tuples of them; any other statement gives
    the count of rows it changed."""

    def __init__(self, statement: Select[*tuple[Any, ...]] | Insert | Update) -> None:
        self.statement = statement
        self._selected = list(statement.selected_columns) if isinstance(statement, Select) else []
        self.row: Any = collections.namedtuple("Row", [str(c.key) for c in self._selected])  # type: ignore[misc]
        self._compiled: dict[str, _Compiled] = {}
        self._kind = "select" if isinstance(statement, Select) else statement.__visit_name__

    def all(self, session: Session, params: Mapping[str, Any]) -> list[Any]:
        compiled, raw = self._execute(session, params, lambda cursor: cursor.fetchall())
        make = self.row._make
        if not compiled.results:
            return [make(r) for r in raw]
        return [make(_processed(r, compiled.results)) for r in raw]

    def run(self, session: Session, params: Mapping[str, Any]) -> int:
        """Run a statement that returns no rows; the number of rows it changed."""
        _, count = self._execute(session, params, lambda cursor: cursor.rowcount)
        return int(count)

    def _execute(
        self, session: Session, params: Mapping[str, Any], read: Callable[[Any], T]
    ) -> tuple[_Compiled, T]:
        dialect, driver, invalidate = statement_connection(session)
        compiled = self._for(dialect)
        if not compiled.required <= params.keys():
            raise exc.ArgumentError(f"missing bind parameters: {compiled.required - params.keys()}")
        values = [
            params.get(name, default) if process is None else process(params.get(name, default))
            for name, default, process in compiled.binds
        ]
        cursor = driver.cursor()
        try:
            if compiled.positional:
                cursor.execute(compiled.sql, values)
            else:
                named = {name: v for (name, _, _), v in zip(compiled.binds, values, strict=True)}
                cursor.execute(compiled.sql, named)
            result = read(cursor)
        except dialect.loaded_dbapi.Error as error:
            gone = dialect.is_disconnect(error, driver, cursor)
            if gone:
                invalidate(error)
            raise exc.DBAPIError.instance(
                compiled.sql,
                values,
                error,
                dialect.loaded_dbapi.Error,
                hide_parameters=True,  # audit text and key hashes stay out of messages and logs
                connection_invalidated=gone,
            ) from error
        finally:
            cursor.close()
        STATEMENTS.inc(self._kind)
        return compiled, result

    def first(self, session: Session, params: Mapping[str, Any]) -> Any | None:
        rows = self.all(session, params)
        return rows[0] if rows else None

    def scalar(self, session: Session, params: Mapping[str, Any]) -> Any | None:
        row = self.first(session, params)
        return None if row is None else row[0]

    def _for(self, dialect: Dialect) -> _Compiled:
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self._compiled[dialect.name] = self._compile(dialect)
        return compiled

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = self.statement.compile(dialect=dialect)
        if "POSTCOMPILE" in compiled.string:
            raise ValueError("Prepared takes no expanding (IN) or literal-execute parameters")
        if compiled.positional:
            pairs = [(name, compiled.binds[name]) for name in compiled.positiontup or ()]
        else:  # named as the SQL names them (`binds` also holds anonymous binds' keys)
            pairs = [(name, bind) for bind, name in compiled.bind_names.items()]
        binds = []
        for name, bind in pairs:
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            binds.append((name, bind.effective_value, process))
        results = tuple(
            column.type.dialect_impl(dialect).result_processor(dialect, None)
            for column in self._selected
        )
        return _Compiled(
            sql=compiled.string,
            positional=compiled.positional,
            binds=tuple(binds),
            required=frozenset(name for name, bind in pairs if bind.required),
            results=results if any(p is not None for p in results) else (),
        )


def _processed(row: Any, processors: tuple[Processor, ...]) -> list[Any]:
    return [v if p is None else p(v) for v, p in zip(row, processors, strict=True)]
