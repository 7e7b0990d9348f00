"""Opaque cursors: the sort key of the last row served, signed with a server secret and bound
to the list, sort and filters that issued it (the path and the query, less `cursor`, `limit`,
`format` and `facets`). Anything else, including a cursor from another sort or filter, is a 422
naming `cursor`, never a value that reaches a query."""

import base64
import binascii
import hashlib
import hmac
import json
import math
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request

from app.core.config import get_settings
from app.core.errors import FieldError, ValidationFailed

# Query parameters a cursor may travel across: the page size, the representation and the
# facets counted beside the page (none of them changes which rows the list holds).
UNBOUND = frozenset({"cursor", "limit", "format", "facets"})
MAC_BYTES = 16


def scope_of(request: Request) -> str:
    """What a cursor is bound to: the path and the other query parameters, in a fixed order."""
    pairs = sorted((k, v) for k, v in request.query_params.multi_items() if k not in UNBOUND)
    return f"{request.url.path}?{urlencode(pairs)}"


def _secret() -> bytes:
    settings = get_settings()
    if settings.cursor_secret:
        return settings.cursor_secret.encode()
    # Every worker and host that shares the operator token derives the same key.
    seed = settings.admin_token or settings.database_url
    return hashlib.sha256(b"practice-framework cursor key\n" + seed.encode()).digest()


def _mac(scope: str, payload: bytes) -> bytes:
    message = scope.encode() + b"\n" + payload
    return hmac.new(_secret(), message, hashlib.sha256).digest()[:MAC_BYTES]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode("ascii"))


def encode(key: Sequence[Any], scope: str) -> str:
    payload = json.dumps(list(key), separators=(",", ":")).encode()
    return f"{_b64(payload)}.{_b64(_mac(scope, payload))}"


def decode(cursor: str, width: int, scope: str, pointer: str = "#/query/cursor") -> list[Any]:
    """The key a cursor holds, if this server issued it for `scope` with `width` values;
    a 422 at `pointer` (the query parameter that carried it) otherwise."""
    payload_text, _, mac_text = cursor.partition(".")
    try:
        payload, mac = _unb64(payload_text), _unb64(mac_text)
        issued = hmac.compare_digest(mac, _mac(scope, payload))
        key = json.loads(payload) if issued else None
    except (ValueError, binascii.Error, UnicodeError):
        key = None
    if not isinstance(key, list) or len(key) != width or not all(map(_plain, key)):
        raise ValidationFailed(
            "The cursor is not one this API issued for this list, sort and filters; "
            "start again without it.",
            errors=[FieldError(pointer=pointer, detail="invalid cursor")],
        )
    return key


def _plain(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, str | int)
