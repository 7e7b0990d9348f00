"""The report, a comparison and the benchmarks as responses: JSON, or the printable page as
HTML or PDF (app/audits/pages.py), each with its own ETag and `If-None-Match` answered first.

An audit's report page is kept, as its JSON is (rendering.py), under the audit's ETag token and
the content version (the evidence it cites), so the page a leadership team opens again and
again is made once per change."""

import hashlib
from collections.abc import Callable

from fastapi import Response
from pydantic import BaseModel
from sqlmodel import Session

from app.audits import pages, rendering, report, service
from app.audits.responses import PRIVATE, json_response, not_modified, private
from app.core.http import catalogue_cache, etag_matches
from app.core.pdf import PdfResponse
from app.core.representations import HTML, JSON, PDF, Representation
from app.tenants.service import Caller


def _content() -> str:
    """The content version's first characters: the evidence a page cites moves with it."""
    return (catalogue_cache.version or "none")[:12]


def _digest(*parts: str) -> str:
    return hashlib.sha256(":".join(parts).encode()).hexdigest()[:32]


def _answer(
    representation: Representation,
    etag: str,
    model: Callable[[], BaseModel],
    html: Callable[[], bytes],
    filename: str,
) -> Response:
    headers = {"ETag": etag}
    if representation is JSON:
        return json_response(model(), headers=headers)
    if representation is PDF:
        disposition = {"Content-Disposition": f'inline; filename="{filename}.pdf"'}
        return PdfResponse(html().decode(), {**PRIVATE, **headers, **disposition})
    return private(html(), HTML.content_type, headers=headers)


def report_response(
    session: Session,
    caller: Caller,
    audit_id: str,
    representation: Representation,
    if_none_match: str | None,
) -> Response:
    token = _digest(service.current_etag_token(session, caller, audit_id), _content())
    etag = representation.etag(token)
    if etag_matches(if_none_match, etag):
        return not_modified(etag)
    audit = service.get_owned(session, caller, audit_id)
    # As read now: a write since the token was read is served under its own token.
    token = _digest(audit.etag_token, _content())

    def html() -> bytes:
        return rendering.kept(
            session,
            audit,
            "report.html",
            token,
            lambda: pages.report_html(session, audit, report.report_of(session, audit)).encode(),
        )

    return _answer(
        representation,
        representation.etag(token),
        lambda: report.report_of(session, audit),
        html,
        f"audit-report-{audit.id}",
    )


def comparison_response(
    session: Session,
    caller: Caller,
    audit_id: str,
    other_id: str,
    representation: Representation,
    if_none_match: str | None,
) -> Response:
    tokens = (service.current_etag_token(session, caller, i) for i in (audit_id, other_id))
    etag = representation.etag(_digest(*tokens, _content()))
    if etag_matches(if_none_match, etag):
        return not_modified(etag)
    first = service.get_owned(session, caller, audit_id)
    second = service.get_owned(session, caller, other_id)
    comparison = report.compare_of(session, first, second)
    return _answer(
        representation,
        representation.etag(_digest(first.etag_token, second.etag_token, _content())),
        lambda: comparison,
        lambda: pages.comparison_html(session, first, second, comparison).encode(),
        f"audit-comparison-{first.id}-{second.id}",
    )


def benchmark_response(
    session: Session,
    template_version: int,
    representation: Representation,
    if_none_match: str | None,
) -> Response:
    benchmark = report.benchmark(session, template_version)
    etag = representation.etag(_digest(benchmark.model_dump_json(), _content()))
    if etag_matches(if_none_match, etag):
        return not_modified(etag)
    return _answer(
        representation,
        etag,
        lambda: benchmark,
        lambda: pages.benchmark_html(session, benchmark).encode(),
        f"benchmarks-{template_version}",
    )
