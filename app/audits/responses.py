"""Audits as HTTP responses: JSON, CSV, XLSX and FHIR, with their ETags and tenant caching headers.
The routes and their fast path (fast_reads.py) answer through these, so both send the same."""

import json
from typing import Any

from fastapi import Request, Response
from pydantic import BaseModel
from pydantic_core import to_json
from sqlmodel import Session

from app.audits import fhir, rendering, repository, service, templates
from app.audits.models import Audit
from app.audits.representations import AUDIT_CSV_COLUMNS, AUDIT_SHEET
from app.audits.schemas import AuditListQuery
from app.core.http import TENANT_CACHE_CONTROL, csv_bytes, etag_matches
from app.core.pagination import next_link
from app.core.representations import CSV, FHIR, JSON, XLSX, Representation
from app.core.xlsx import Sheet, xlsx_bytes
from app.tenants.service import Caller

# Tenant data: kept by no shared cache; negotiated.
PRIVATE = {"Cache-Control": TENANT_CACHE_CONTROL, "Vary": "Accept"}


def private(
    body: bytes, media_type: str, status_code: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        body, status_code=status_code, media_type=media_type, headers={**PRIVATE, **(headers or {})}
    )


def json_response(
    content: BaseModel | dict[str, Any],
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    body = (
        content.model_dump_json().encode() if isinstance(content, BaseModel) else to_json(content)
    )
    return private(body, JSON.content_type, status_code, headers)


def not_modified(etag: str) -> Response:
    # With the Vary of the 200 it stands for (RFC 9110 section 15.4.5).
    return Response(status_code=304, headers={"ETag": etag, **PRIVATE})


def link_header(request: Request, cursor: str | None) -> dict[str, str]:
    link = next_link(request, cursor)
    return {"Link": link} if link else {}


def csv_rows(session: Session, audits: list[Audit]) -> list[dict[str, Any]]:
    """The rows of the CSV and of the XLSX sheet, typed (times as datetimes): each writer
    formats them."""
    rows = []
    for audit in audits:
        template = templates.require(session, audit.template_version)
        for r in audit.responses:
            rows.append(
                {
                    "audit_id": audit.id,
                    "audit_title": audit.title,
                    "template_version": audit.template_version,
                    "status": audit.status,
                    "revision": audit.revision,
                    "condition_number": template.number_of(r["condition"]),
                    **r,
                    "created_at": audit.created_at,
                    "updated_at": audit.updated_at,
                    "submitted_at": audit.submitted_at,
                }
            )
    return rows


def audit_response(
    session: Session,
    audit: Audit,
    representation: Representation,
    status_code: int = 200,
    extra: dict[str, str] | None = None,
) -> Response:
    """The audit in the negotiated representation (`representations.AUDIT`), with that
    representation's ETag."""
    headers = {"ETag": service.etag_of(audit, representation), **(extra or {})}
    if representation is FHIR:
        template = templates.require(session, audit.template_version)
        body = json.dumps(fhir.questionnaire_response(audit, template)).encode()
    elif representation in (CSV, XLSX):
        body = table_bytes(representation, csv_rows(session, [audit]))
    else:
        body = rendering.public_json(session, audit)
    return private(body, representation.content_type, status_code, headers)


def audit_json(session: Session, caller: Caller, key: str, if_none_match: str | None) -> Response:
    """`GET /v1/audits/{id}` as JSON: the ETag token first, then a 304 or the kept body."""
    token = service.current_etag_token(session, caller, key)
    etag = service.etag_for(token)
    if etag_matches(if_none_match, etag):
        return not_modified(etag)
    token, body = rendering.rendered_one(session, caller, key, token)
    return private(body, JSON.content_type, headers={"ETag": service.etag_for(token)})


def audit_page_json(
    request: Request, session: Session, caller: Caller, query: AuditListQuery
) -> Response:
    """`GET /v1/audits` as JSON, from each audit's kept body."""
    items, cursor = rendering.rendered_page(session, caller, query)
    total = repository.audit_count(session, caller.organisation, query)
    # Joined, not added: each `+` of a page (up to 200 bodies) would be another copy.
    body = b"".join(
        (
            b'{"items":[',
            b",".join(items),
            b'],"next_cursor":',
            to_json(cursor),
            b',"total":',
            to_json(total),
            b"}",
        )
    )
    return private(body, JSON.content_type, headers=link_header(request, cursor))


def table_bytes(representation: Representation, rows: list[dict[str, Any]]) -> bytes:
    columns = list(AUDIT_CSV_COLUMNS)
    if representation is XLSX:
        return xlsx_bytes([Sheet(AUDIT_SHEET, columns, rows)])
    return csv_bytes(columns, rows)


def audit_page_table(
    request: Request,
    session: Session,
    caller: Caller,
    query: AuditListQuery,
    representation: Representation,
) -> Response:
    """`GET /v1/audits` as CSV or XLSX: the responses of this page's audits, a row each."""
    rows, cursor = service.audit_page(session, caller, query)
    body = table_bytes(representation, csv_rows(session, rows))
    return private(body, representation.content_type, headers=link_header(request, cursor))
