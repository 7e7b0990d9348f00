"""Keyset pagination: `limit`, an opaque `cursor`, `next_cursor` and a `Link: rel="next"` header.

The cursor holds the sort key of the last row served, so a page costs the same however deep it
is; it is signed and bound to the list that issued it (app/core/cursors.py).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query, Request, Response
from pydantic import BaseModel, Field, PrivateAttr
from sqlalchemy import Integer, and_, bindparam, or_
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session
from sqlmodel.sql.expression import SelectOfScalar

from app.core import cursors
from app.core.prepared import Prepared

T = TypeVar("T")
MAX_LIMIT = 200


class ListParamsModel(BaseModel):
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Page size, 1 to 200.")
    cursor: str | None = Field(
        None, max_length=512, description="Opaque cursor from a previous page's `next_cursor`."
    )
    # What this list's cursors are bound to (cursors.scope_of); set from the request.
    _scope: str = PrivateAttr(default="")

    def bound_to(self, request: Request) -> "ListParamsModel":
        self._scope = cursors.scope_of(request)
        return self

    def cursor_key(self, width: int) -> list[Any]:
        """The key in `cursor` (a 422 unless this list issued it)."""
        assert self.cursor is not None
        return cursors.decode(self.cursor, width, self._scope)

    def cursor_after(self, key: Sequence[Any]) -> str:
        return cursors.encode(key, self._scope)


# Async although it does no I/O: FastAPI runs a sync dependency in the thread pool, a hop
# per list request.
async def _list_params(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size, 1 to 200.")] = 50,
    cursor: Annotated[
        str | None,
        Query(max_length=512, description="Opaque cursor from a previous page's `next_cursor`."),
    ] = None,
) -> ListParamsModel:
    return ListParamsModel(limit=limit, cursor=cursor).bound_to(request)


ListParams = Annotated[ListParamsModel, Depends(_list_params)]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )
    total: int | None = Field(None, description="Rows matching the filters, across all pages.")


@dataclass(frozen=True)
class SortKey:
    """One column of a keyset order; `column` must never be NULL (coalesce nullable ones)."""

    column: Any  # a column or SQL expression (ColumnElement / Mapped attribute)
    descending: bool = False


def _after(keys: Sequence[SortKey], values: Sequence[Any]) -> ColumnElement[bool]:
    # (a, b, c) > (x, y, z) spelt out, so mixed directions work on SQLite and PostgreSQL.
    clauses = []
    for i, key in enumerate(keys):
        equal_prefix = [keys[j].column == values[j] for j in range(i)]
        step = key.column < values[i] if key.descending else key.column > values[i]
        clauses.append(and_(*equal_prefix, step))
    return or_(*clauses)


def keyset_page(
    session: Session,
    stmt: SelectOfScalar[Any],
    keys: Sequence[SortKey],
    key_of: Any,
    params: ListParamsModel,
) -> tuple[list[Any], str | None]:
    """Run `stmt` ordered by `keys`, after `params.cursor`; `key_of(row)` gives a row's key."""
    if params.cursor:
        stmt = stmt.where(_after(keys, params.cursor_key(len(keys))))
    order = [k.column.desc() if k.descending else k.column.asc() for k in keys]
    rows = list(session.exec(stmt.order_by(*order).limit(params.limit + 1)).all())
    return _split_page(rows, params, key_of)


def _split_page(
    rows: list[Any], params: ListParamsModel, key_of: Any
) -> tuple[list[Any], str | None]:
    """`limit + 1` rows fetched -> the page and the cursor after it (None on the last page)."""
    if len(rows) <= params.limit:
        return rows, None
    rows = rows[: params.limit]
    return rows, params.cursor_after(key_of(rows[-1]))


class KeysetQuery:
    """`keyset_page` for a hot list, built once: `base` (a select of columns, run on the
    cursor as `Prepared`) ordered by `keys`, with the cursor's values and the page size as
    bind parameters. Building the statement per request cost as much as running it (py-spy
    of GET /v1/audits)."""

    def __init__(
        self,
        base: Any,
        keys: Sequence[SortKey],
        key_of: Any,
        parse: Sequence[Callable[[Any], Any]] | None = None,
    ) -> None:
        order = [k.column.desc() if k.descending else k.column.asc() for k in keys]
        limit = bindparam("page_limit", type_=Integer)
        cursor_values: list[Any] = [bindparam(f"cursor_{i}") for i in range(len(keys))]
        self.width = len(keys)
        self.key_of = key_of
        # What turns each cursor value back into a bind value (a timestamp kept as ISO text).
        self.parse = parse or [lambda value: value] * len(keys)
        self.first = Prepared(base.order_by(*order).limit(limit))
        self.after = Prepared(base.where(_after(keys, cursor_values)).order_by(*order).limit(limit))

    def page(
        self, session: Session, params: ListParamsModel, binds: dict[str, Any]
    ) -> tuple[list[Any], str | None]:
        binds = {**binds, "page_limit": params.limit + 1}
        stmt = self.first
        if params.cursor:
            key = params.cursor_key(self.width)
            binds.update(
                {
                    f"cursor_{i}": parse(value)
                    for i, (parse, value) in enumerate(zip(self.parse, key, strict=True))
                }
            )
            stmt = self.after
        rows = stmt.all(session, binds)
        return _split_page(rows, params, self.key_of)


def next_link(request: Request, next_cursor: str | None) -> str | None:
    if next_cursor is None:
        return None
    url = request.url.include_query_params(cursor=next_cursor)
    return f'<{url.path}?{url.query}>; rel="next"'


def set_link(request: Request, response: Response, next_cursor: str | None) -> None:
    link = next_link(request, next_cursor)
    if link:
        response.headers["Link"] = link
