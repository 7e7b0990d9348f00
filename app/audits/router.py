"""Self-audit endpoints: templates (public), audits and their lifecycle, reports, comparisons
and benchmarks (organisation API key; tenant data is `Cache-Control: private, no-store`)."""

import json
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response

from app.audits import (
    bodies,
    fhir,
    fhir_in,
    idempotency,
    report_responses,
    responses,
    service,
    templates,
)
from app.audits.idempotency import StoredResponse
from app.audits.openapi import CREATE_BODY, links
from app.audits.representations import AUDIT, AUDITS, BENCHMARK, COMPARISON, REPORT, TEMPLATE
from app.audits.schemas import (
    MAX_TEMPLATE_VERSION,
    AuditComparison,
    AuditListQuery,
    AuditPublic,
    AuditReport,
    AuditRevisionPublic,
    AuditUpdate,
    Benchmark,
    TemplateList,
    TemplatePublic,
)
from app.core.db import SessionDep
from app.core.db_route import db_route
from app.core.errors import (
    Conflict,
    Forbidden,
    Incomplete,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    ServiceUnavailable,
    Unauthorized,
    UnsupportedMediaType,
    ValidationFailed,
    problem_responses,
)
from app.core.http import (
    JSON_MEDIA_TYPE,
    Rendered,
    etag_matches,
    render_body,
    render_json,
    serve_catalogue,
)
from app.core.json_bodies import MERGE_PATCH_MEDIA_TYPE, accepts
from app.core.openapi_statuses import response_headers
from app.core.pagination import ListParams, Page
from app.core.representations import FHIR, JSON, Representation
from app.tenants.dependencies import AuditReader, AuditWriter

router = APIRouter(prefix="/v1", tags=["Self-audit"])

AUTH = (Unauthorized, Forbidden)
AuditId = Annotated[uuid.UUID, Path(description="The audit's id (a UUID).")]
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="The audit's current `ETag`. Required: `428` without it, `412` when stale.",
    ),
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
        description="Any unique string (a UUID is ideal). A retry with the same key and body "
        "returns the first response; the same key with another body is a `409`. Kept 24 h.",
    ),
]


async def _raw_body(request: Request) -> bytes:
    return await request.body()


RawBody = Annotated[bytes, Depends(_raw_body)]

TemplateRepresentation = Annotated[Representation, TEMPLATE.negotiated]
AuditRepresentation = Annotated[Representation, AUDIT.negotiated]
AuditsRepresentation = Annotated[Representation, AUDITS.negotiated]
ReportRepresentation = Annotated[Representation, REPORT.negotiated]
ComparisonRepresentation = Annotated[Representation, COMPARISON.negotiated]
BenchmarkRepresentation = Annotated[Representation, BENCHMARK.negotiated]

# -- templates -------------------------------------------------------------------------------


@router.get(
    "/audit-templates",
    response_model=TemplateList,
    summary="List audit templates",
    responses=problem_responses(ValidationFailed),
)
@db_route
def list_templates(request: Request, session: SessionDep) -> Response:
    """Published versions of the self-audit tool (Appendix 2 of the thematic report). Public.
    Templates are immutable once published; a change is a new version."""
    return serve_catalogue(
        request,
        lambda: render_json(TemplateList(items=templates.summaries(session))),
    )


@router.get(
    "/audit-templates/{version}",
    response_model=TemplatePublic,
    summary="Get one audit template (JSON or FHIR Questionnaire)",
    responses={
        **problem_responses(NotFound, ValidationFailed),
        **TEMPLATE.responses(description="The template as JSON."),
    },
)
@db_route
def get_template(
    request: Request,
    representation: TemplateRepresentation,
    session: SessionDep,
    version: Annotated[int, Path(ge=1, le=MAX_TEMPLATE_VERSION, examples=[1])],
) -> Response:
    """The twelve conditions which promote good practice, verbatim, each with its three prompts,
    its recommendation, and the features and enablers it bears on (a mapping curated by this
    project, each entry with a rationale), plus the optional 1-4 rating scale (this project's,
    not the source's). `Accept: application/fhir+json` returns a FHIR R4 `Questionnaire`."""

    def render() -> Rendered:
        document = templates.public(session, templates.require(session, version))
        if representation is FHIR:
            return render_body(json.dumps(fhir.questionnaire(document)).encode(), FHIR)
        return render_json(document)

    return serve_catalogue(request, render, TEMPLATE, representation)


# -- audits ----------------------------------------------------------------------------------


def _stored(response: Response) -> StoredResponse:
    return StoredResponse(
        response.status_code, bytes(response.body), {k: v for k, v in response.headers.items()}
    )


@router.post(
    "/audits",
    status_code=201,
    response_model=AuditPublic,
    summary="Start an audit (JSON or FHIR QuestionnaireResponse)",
    openapi_extra=CREATE_BODY,
    responses={
        **problem_responses(*AUTH, Conflict, UnsupportedMediaType, ValidationFailed),
        **AUDIT.responses(
            201,
            "The new draft audit, with its ETag.",
            **response_headers("Location", "ETag", "Idempotent-Replayed"),
            **links("GetAudit", "UpdateAudit", "SubmitAudit", "ListRevisions", "GetAuditReport"),
        ),
    },
)
@db_route
def create_audit(
    request: Request,
    representation: AuditRepresentation,
    caller: AuditWriter,
    session: SessionDep,
    raw: RawBody,
    _media: Annotated[None, accepts(JSON_MEDIA_TYPE, fhir.FHIR_MEDIA_TYPE)],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Creates a draft audit for the caller's organisation, from JSON or from a FHIR
    `QuestionnaireResponse` (`Content-Type: application/fhir+json`; status `in-progress`
    creates a draft, `completed` creates and submits). Unknown or repeated conditions, ratings
    off the template's scale, wrong types, a missing or unknown `template_version` and text
    over the limits (title 200, answers 4,000 characters) are `422` and nothing is stored.
    Send `Idempotency-Key` to make retries safe."""
    media = (request.headers.get("content-type") or JSON_MEDIA_TYPE).split(";")[0].strip().lower()
    parsed = bodies.parsed(raw)
    request_hash = idempotency.fingerprint(media, parsed) if idempotency_key else ""
    if idempotency_key:
        previous = idempotency.replay(session, caller.organisation, idempotency_key, request_hash)
        if previous is not None:
            return responses.private(
                previous.body,
                previous.headers.get("content-type", JSON_MEDIA_TYPE),
                previous.status_code,
                {
                    **{k: v for k, v in previous.headers.items() if k != "content-type"},
                    "Idempotent-Replayed": "true",
                },
            )
    submit = False
    if media == fhir.FHIR_MEDIA_TYPE:
        parsed, submit = fhir_in.to_audit_create(parsed, lambda v: templates.get(session, v))
    audit = service.create(session, caller, bodies.audit_create(parsed))
    if submit:
        try:
            audit = service.submit(session, caller, audit.id, service.etag_of(audit))
        except Incomplete as exc:  # a body that says `completed` and is not: the body's fault
            raise ValidationFailed(exc.detail, errors=exc.errors) from exc
    response = responses.audit_response(
        session, audit, representation, 201, extra={"Location": f"/v1/audits/{audit.id}"}
    )
    if idempotency_key:
        idempotency.remember(
            session, caller.organisation, idempotency_key, request_hash, _stored(response)
        )
    return response


@router.get(
    "/audits",
    response_model=Page[AuditPublic],
    summary="List the organisation's audits (JSON or CSV of responses)",
    responses={
        **problem_responses(*AUTH, ValidationFailed),
        **AUDITS.responses(description="A page of audits as JSON."),
    },
)
@db_route
def list_audits(
    request: Request,
    representation: AuditsRepresentation,
    caller: AuditReader,
    session: SessionDep,
    query: Annotated[AuditListQuery, Query()],
) -> Response:
    """The caller's audits, keyset-paginated (`limit`, `cursor`, `Link`) with `total`, newest
    first unless `sort` says otherwise, filtered by `status`, `template_version` and
    `updated_since`. For an incremental sync: `?updated_since=<last sync>&sort=updated_at`,
    page to the end, and keep the time you started as the next `updated_since` (or follow
    `GET /v1/events`). An unknown query parameter is `422`, so a typo never widens a sync.
    Other organisations' audits are never listed. `Accept: text/csv` (or `?format=csv`) gives
    the responses of this page's audits as CSV, `?format=xlsx` as an XLSX sheet with the same
    rows."""
    query.bound_to(request)
    if representation is JSON:
        return responses.audit_page_json(request, session, caller, query)
    return responses.audit_page_table(request, session, caller, query, representation)


@router.get(
    "/audits/{audit_id}",
    response_model=AuditPublic,
    summary="Get an audit (JSON, FHIR QuestionnaireResponse or CSV)",
    responses={
        **problem_responses(*AUTH, NotFound, ValidationFailed),
        **AUDIT.responses(
            description="The audit, with its ETag.",
            **response_headers("ETag"),
            **links("UpdateAudit", "SubmitAudit", "AmendAudit", "ListRevisions", "GetAuditReport"),
        ),
    },
)
@db_route
def get_audit(
    representation: AuditRepresentation,
    request: Request,
    audit_id: AuditId,
    caller: AuditReader,
    session: SessionDep,
) -> Response:
    """One audit with a strong `ETag` (send it as `If-Match` to change the audit;
    `If-None-Match` answers `304`). `Accept: application/fhir+json` gives a FHIR R4
    `QuestionnaireResponse` (status `in-progress`, `completed` or `amended`). Another
    organisation's audit is `404`, exactly as a missing one."""
    key = str(audit_id)
    if_none_match = request.headers.get("if-none-match")
    if representation is JSON:
        return responses.audit_json(session, caller, key, if_none_match)
    etag = service.etag_for(service.current_etag_token(session, caller, key), representation)
    if etag_matches(if_none_match, etag):
        return responses.not_modified(etag)
    return responses.audit_response(
        session, service.get_owned(session, caller, key), representation
    )


WRITE_ERRORS = {
    **problem_responses(
        *AUTH, NotFound, Conflict, PreconditionFailed, PreconditionRequired, ValidationFailed
    ),
    **AUDIT.responses(
        description="The audit as it now is, with its ETag.",
        **response_headers("ETag"),
        **links("GetAudit", "UpdateAudit", "SubmitAudit", "AmendAudit", "GetAuditReport"),
    ),
}
PATCH_ERRORS = {**WRITE_ERRORS, **problem_responses(UnsupportedMediaType)}
# JSON Merge Patch (RFC 7396) is the same document here: members left out are unchanged, null
# clears one; `responses`, keyed by `condition`, merges per condition.
PATCH_BODY = {
    "requestBody": {
        "content": {
            MERGE_PATCH_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/AuditUpdate"}}
        }
    }
}


@router.patch(
    "/audits/{audit_id}",
    response_model=AuditPublic,
    summary="Edit a draft audit",
    responses=PATCH_ERRORS,
    openapi_extra=PATCH_BODY,
)
@db_route
def update_audit(
    representation: AuditRepresentation,
    audit_id: AuditId,
    patch: AuditUpdate,
    caller: AuditWriter,
    session: SessionDep,
    _media: Annotated[None, accepts(JSON_MEDIA_TYPE, MERGE_PATCH_MEDIA_TYPE)],
    if_match: IfMatch = None,
) -> Response:
    """Changes the title and/or responses of a draft. Responses merge by `condition`: the
    fields you send replace the stored ones. Needs `If-Match`: `428` without it, `412` if the
    audit changed since (exactly one of several concurrent writers with the same ETag wins).
    A submitted audit is `409`: amend it first. The body is `application/json` or
    `application/merge-patch+json` (the same document); any other type is `415`."""
    audit = service.update(session, caller, str(audit_id), if_match, patch, representation)
    return responses.audit_response(session, audit, representation)


@router.post(
    "/audits/{audit_id}/submit",
    response_model=AuditPublic,
    summary="Submit a draft audit",
    responses=WRITE_ERRORS,
)
@db_route
def submit_audit(
    representation: AuditRepresentation,
    audit_id: AuditId,
    caller: AuditWriter,
    session: SessionDep,
    if_match: IfMatch = None,
) -> Response:
    """Submits the draft once every condition has all three prompts answered (ratings are
    optional); otherwise `409` (`audit-incomplete`) listing the conditions still missing. Needs
    `If-Match`."""
    audit = service.submit(session, caller, str(audit_id), if_match, representation)
    return responses.audit_response(session, audit, representation)


@router.post(
    "/audits/{audit_id}/amend",
    response_model=AuditPublic,
    summary="Amend a submitted audit (opens a new draft revision)",
    responses=WRITE_ERRORS,
)
@db_route
def amend_audit(
    representation: AuditRepresentation,
    audit_id: AuditId,
    caller: AuditWriter,
    session: SessionDep,
    if_match: IfMatch = None,
) -> Response:
    """A submitted audit is never edited in place: this opens the next `revision` as a draft,
    starting from the submitted answers, which stay in `/revisions`. Needs `If-Match`."""
    audit = service.amend(session, caller, str(audit_id), if_match, representation)
    return responses.audit_response(session, audit, representation)


@router.get(
    "/audits/{audit_id}/revisions",
    response_model=Page[AuditRevisionPublic],
    summary="Every saved state of an audit",
    responses=problem_responses(*AUTH, NotFound, ValidationFailed),
)
@db_route
def list_revisions(
    request: Request,
    audit_id: AuditId,
    caller: AuditReader,
    session: SessionDep,
    params: ListParams,
) -> Response:
    """Append-only history, oldest first: one row per saved change (created, updated,
    submitted, amended) with the full state, who saved it (API key prefix and label) and when."""
    items, cursor = service.revision_page(session, caller, str(audit_id), params)
    page = Page[AuditRevisionPublic](items=items, next_cursor=cursor)
    return responses.json_response(page, headers=responses.link_header(request, cursor))


PRINTABLE_ERRORS = problem_responses(*AUTH, NotFound, ValidationFailed, ServiceUnavailable)


@router.get(
    "/audits/{audit_id}/report",
    response_model=AuditReport,
    summary="Report: completeness, ratings and what to learn from (JSON, HTML or PDF)",
    responses={
        **PRINTABLE_ERRORS,
        **REPORT.responses(description="The report as JSON.", **response_headers("ETag")),
    },
)
@db_route
def get_audit_report(
    request: Request,
    representation: ReportRepresentation,
    audit_id: AuditId,
    caller: AuditReader,
    session: SessionDep,
) -> Response:
    """Completeness and the rating distribution, and for each weak condition (rated 1 or 2)
    its recommendation, the features and enablers it bears on, the projects that demonstrate
    those features and their findings, each linked. `Accept: text/html` (or `?format=html`)
    gives a printable page: the audit's details, its ratings charted, each condition's answers
    and, for weak ones, what to learn from, each figure's source in numbered notes;
    `?format=pdf` the same page as PDF."""
    return report_responses.report_response(
        session, caller, str(audit_id), representation, request.headers.get("if-none-match")
    )


@router.get(
    "/audits/{audit_id}/compare/{other_id}",
    response_model=AuditComparison,
    summary="Progress between two audits (JSON, HTML or PDF)",
    responses={
        **PRINTABLE_ERRORS,
        **COMPARISON.responses(description="The comparison as JSON.", **response_headers("ETag")),
    },
)
@db_route
def compare_audits(
    request: Request,
    representation: ComparisonRepresentation,
    audit_id: AuditId,
    other_id: Annotated[uuid.UUID, Path(description="The later audit to compare with.")],
    caller: AuditReader,
    session: SessionDep,
) -> Response:
    """Condition by condition, how ratings and completeness moved from `{audit_id}` to
    `{other_id}` (two audits of the caller's organisation on the same template version).
    `Accept: text/html` or `application/pdf` gives a printable page charting the change."""
    return report_responses.comparison_response(
        session,
        caller,
        str(audit_id),
        str(other_id),
        representation,
        request.headers.get("if-none-match"),
    )


@router.get(
    "/benchmarks/{template_version}",
    response_model=Benchmark,
    summary="Rating distribution across organisations (JSON, HTML or PDF)",
    responses={
        **PRINTABLE_ERRORS,
        **BENCHMARK.responses(description="The benchmarks as JSON.", **response_headers("ETag")),
    },
)
@db_route
def get_benchmark(
    request: Request,
    representation: BenchmarkRepresentation,
    template_version: Annotated[int, Path(ge=1, le=MAX_TEMPLATE_VERSION)],
    caller: AuditReader,
    session: SessionDep,
) -> Response:
    """Per condition, how many organisations rated it 1, 2, 3 or 4 in their latest submitted
    audit on this template. Suppressed (no counts at all) while fewer than five organisations
    have submitted, so no organisation can be singled out. Organisations are never named.
    `Accept: text/html` or `application/pdf` gives a printable page charting the distribution
    (suppressed alike)."""
    return report_responses.benchmark_response(
        session, template_version, representation, request.headers.get("if-none-match")
    )
