"""What an organisation API key may do. A key carries any of three scopes (all three unless
its creator chose fewer), so a dashboard can hold a key that reads audits and never writes.

Routes declare the scope they need with `needs(...)`; the OpenAPI description lists it in the
operation's security requirement (app/tenants/openapi.py reads it from the dependency)."""

from collections.abc import Sequence
from typing import Annotated, Literal, get_args

from app.core.named_schemas import Named

ScopeName = Literal["audits:read", "audits:write", "webhooks:manage"]
Scope = Annotated[ScopeName, Named("Scope")]
ALL_SCOPES: tuple[str, ...] = get_args(ScopeName)
SCOPE_MEANINGS = {
    "audits:read": "read the organisation's audits, reports, benchmarks and change feed",
    "audits:write": "create, edit, submit and amend audits",
    "webhooks:manage": "manage webhook subscriptions and their deliveries",
}


def stored(scopes: Sequence[str]) -> str:
    """The column's form: the scopes in a fixed order, space-separated."""
    return " ".join(s for s in ALL_SCOPES if s in scopes)


def parsed(column: str) -> frozenset[str]:
    return frozenset(column.split())
