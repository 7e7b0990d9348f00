"""Facets: counts per value for a list's current filter, beside its page, for dashboards.

A collection defines each facet as a select of (row key, value) pairs over the whole
collection: one pair per value a row has (several for a multi-valued facet such as a
project's features; a NULL value for a row without one of a single-valued facet, so those
counts add up to the total). Counting a facet for a filter is one GROUP BY over the pairs whose
key the filter selects, the same SQL on SQLite and PostgreSQL.
"""

from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Generic, TypeVar, get_args, get_origin

from pydantic import BaseModel, Field
from pydantic_core import PydanticCustomError
from sqlalchemy import distinct, func
from sqlalchemy.sql import Select as KeySelect
from sqlmodel import Session, select
from sqlmodel.sql.expression import Select

from app.core.named_schemas import Named
from app.core.pagination import Page

# A facet's (row key, value) pairs.
Pairs = Select[Any, Any]

T = TypeVar("T")

FACETS_DESCRIPTION = (
    "Facets to count for the current filter (all filters applied, not the page), "
    "comma-separated (`facets=kind,outcome`) or repeated. Each answers in `facets` as "
    "`{value, count}` pairs, most frequent first; `value` null counts the rows without one."
)


class FacetCount(BaseModel):
    value: str | int | None = Field(examples=["reduced-risk"])
    count: int = Field(ge=0, examples=[12])


# One schema (and one SDK model) for every faceted list: facet name -> counts per value.
Facets = Annotated[dict[str, list[FacetCount]], Named("Facets")]


class FacetedPage(Page[T], Generic[T]):
    facets: Facets = Field(
        default_factory=dict,
        description="Present when `facets` was asked: for each facet named, the count of "
        "matching rows per value.",
    )


def facet_names(allowed: Any) -> Any:
    """A before-validator for a list's `facets`: comma-separated or repeated names, each one
    of `allowed` (a Literal, or Annotated over one), in `allowed`'s order, once each; an
    unknown name is a 422 that names it."""
    literal = get_args(allowed)[0] if get_origin(allowed) is Annotated else allowed
    names: tuple[str, ...] = get_args(literal)

    def validate(value: Any) -> Any:
        given = [value] if isinstance(value, str) else value
        if not isinstance(given, list):
            return value
        asked = {n.strip() for v in given for n in str(v).split(",") if n.strip()}
        unknown = sorted(asked - set(names))
        if unknown:
            raise PydanticCustomError(
                "unknown_facet",
                "Unknown facet '{facet}'; this list's facets are {names}.",
                {"facet": unknown[0], "names": ", ".join(names)},
            )
        return [n for n in names if n in asked]

    return validate


def count_facets(
    session: Session, defined: Mapping[str, Pairs], names: Sequence[str], keys: KeySelect[Any]
) -> dict[str, list[FacetCount]] | None:
    """Counts per value of each facet `names` asks for, over the rows whose key `keys` (a
    select of one column) selects; None when none is asked (the page then has no `facets`)."""
    if not names:
        return None
    return {name: _counts(session, defined[name], keys) for name in names}


def _counts(session: Session, pairs: Pairs, keys: KeySelect[Any]) -> list[FacetCount]:
    key, value = pairs.subquery().c
    rows = func.count(distinct(key))
    stmt = (
        select(value, rows)
        .where(key.in_(keys))
        .group_by(value)
        .order_by(rows.desc(), value.is_(None), value)
    )
    return [FacetCount(value=v, count=n) for v, n in session.exec(stmt).all()]
