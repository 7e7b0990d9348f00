"""Who is calling: `CurrentOrg` (an organisation API key) and `Operator` (the ADMIN_TOKEN).

Both read `Authorization: Bearer <token>`. No token is a 401; an unknown or revoked token is a
401; an organisation key on an operator route is a 403, and so is the operator token on an
organisation route. With no ADMIN_TOKEN configured, operator routes answer 403 to any token.
"""

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.core import http
from app.core.config import get_settings
from app.core.db import SessionDep, in_read_session, read_first
from app.core.errors import Forbidden, InsufficientScope, Unauthorized
from app.tenants import service, tokens
from app.tenants.scopes import SCOPE_MEANINGS, ScopeName
from app.tenants.service import Caller

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="practice-framework"'}
# The two bearer schemes as the OpenAPI names them (Swagger UI's Authorize button offers both).
# They only declare: the token is read and checked below, with this module's own answers.
ORGANISATION_KEY = HTTPBearer(
    scheme_name="organisationKey",
    description="An organisation's API key (`pfa_...`), issued by the operator.",
    auto_error=False,
)
OPERATOR_TOKEN = HTTPBearer(
    scheme_name="operatorToken",
    description="The operator token (`ADMIN_TOKEN`), for organisations and their keys.",
    auto_error=False,
)
Declared = Annotated[HTTPAuthorizationCredentials | None, Depends(ORGANISATION_KEY)]
DeclaredOperator = Annotated[HTTPAuthorizationCredentials | None, Depends(OPERATOR_TOKEN)]


def bearer_token(request: Request) -> str | None:
    return http.bearer_token(request.headers.get("authorization"))


def _require_token(request: Request) -> str:
    token = bearer_token(request)
    if token is None:
        raise Unauthorized("Send `Authorization: Bearer <token>`.", headers=CHALLENGE)
    return token


async def current_org(request: Request, session: SessionDep, _: Declared) -> Caller:
    token = _require_token(request)
    caller = await read_first(session, lambda reader: service.authenticate(reader, token))
    if caller is None:
        if tokens.operator_token_matches(token, get_settings().admin_token):
            raise Forbidden("The operator token cannot act for an organisation; use its API key.")
        raise Unauthorized("The API key is not valid or has been revoked.", headers=CHALLENGE)
    # The access log reads this (never the token).
    request.state.organisation = caller.organisation
    return caller


async def require_operator(request: Request, session: SessionDep, _: DeclaredOperator) -> None:
    token = _require_token(request)
    admin_token = get_settings().admin_token
    if tokens.operator_token_matches(token, admin_token):
        request.state.organisation = "operator"
        return
    if await read_first(session, lambda reader: service.authenticate(reader, token)) is not None:
        raise Forbidden("This route needs the operator token; an organisation key cannot use it.")
    if not admin_token:
        raise Forbidden("Operator routes are disabled: the server has no ADMIN_TOKEN set.")
    raise Unauthorized("The operator token is not valid.", headers=CHALLENGE)


async def token_authenticates(token: str) -> bool:
    """Whether `token` is the operator token or a live organisation key: asked by the rate
    limiter (app/core/ratelimit.py), which gives such a token a budget of its own and counts
    every other request against its client address."""
    if tokens.operator_token_matches(token, get_settings().admin_token):
        return True
    if tokens.prefix_of(token) is None:
        return False  # not shaped like a key: no query
    return await in_read_session(lambda reader: service.key_is_live(reader, token))


CurrentOrg = Annotated[Caller, Depends(current_org)]


class ScopeRequired:
    """A dependency: the caller, if its key has `scope`; a 403 naming the scope otherwise.
    The OpenAPI description reads `scope` from it (app/tenants/openapi.py)."""

    def __init__(self, scope: ScopeName) -> None:
        self.scope = scope

    async def __call__(self, caller: CurrentOrg) -> Caller:
        if self.scope not in caller.scopes:
            raise InsufficientScope(
                f"This API key lacks the `{self.scope}` scope, needed to "
                f"{SCOPE_MEANINGS[self.scope]}. Ask the operator for a key with it.",
                extensions={"required_scope": self.scope},
            )
        return caller


AuditReader = Annotated[Caller, Depends(ScopeRequired("audits:read"))]
AuditWriter = Annotated[Caller, Depends(ScopeRequired("audits:write"))]
WebhookManager = Annotated[Caller, Depends(ScopeRequired("webhooks:manage"))]
Operator = Annotated[None, Depends(require_operator)]
