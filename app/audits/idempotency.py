"""`Idempotency-Key` for creates: the first response is stored with a hash of the request and
replayed to retries for 24 hours; the same key with another request is a 409."""

import base64
import hashlib
import json
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.audits import repository
from app.audits.models import IdempotencyRecord
from app.core.db import utcnow
from app.core.errors import Conflict

KEPT_FOR = timedelta(hours=24)
REPLAYED_HEADERS = ("location", "etag", "content-type")


@dataclass(frozen=True)
class StoredResponse:
    status_code: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def fingerprint(content_type: str, parsed_body: Any) -> str:
    """Same media type and same JSON value (whatever the key order or spacing) -> same hash."""
    canonical = json.dumps(parsed_body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{content_type}\n{canonical}".encode()).hexdigest()


def replay(
    session: Session, organisation: str, key: str, request_hash: str
) -> StoredResponse | None:
    record = repository.idempotency_record(session, organisation, key)
    if record is None:
        return None
    if utcnow() - record.created_at > KEPT_FOR:
        repository.forget_idempotency_record(session, record)
        return None
    if record.request_hash != request_hash:
        raise Conflict(
            "This Idempotency-Key was already used with a different request; "
            "use a new key for a new audit."
        )
    return StoredResponse(record.status_code, _body_of(record.body), dict(record.headers))


# The body column is text: a binary representation (XLSX) is kept as base64 behind this
# prefix, which no text body the API sends (JSON, CSV with its BOM) starts with.
BINARY = "base64:"


def _stored_body(body: bytes) -> str:
    try:
        text = body.decode()
    except UnicodeDecodeError:
        return BINARY + base64.b64encode(body).decode()
    return text if "\x00" not in text else BINARY + base64.b64encode(body).decode()


def _body_of(stored: str) -> bytes:
    if stored.startswith(BINARY):
        return base64.b64decode(stored.removeprefix(BINARY))
    return stored.encode()


def remember(
    session: Session, organisation: str, key: str, request_hash: str, response: StoredResponse
) -> None:
    headers = {k.lower(): v for k, v in response.headers.items() if k.lower() in REPLAYED_HEADERS}
    record = IdempotencyRecord(
        organisation=organisation,
        key=key,
        request_hash=request_hash,
        status_code=response.status_code,
        body=_stored_body(response.body),
        headers=headers,
        created_at=utcnow(),
    )
    try:
        repository.add(session, record)
    except IntegrityError as exc:  # a concurrent request with the same key got there first
        raise Conflict(
            "A request with this Idempotency-Key is being processed; retry it shortly."
        ) from exc
