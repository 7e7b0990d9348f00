"""Audits: the lifecycle (create, edit a draft, submit, amend), tenant isolation, optimistic
concurrency and the revision log. Services never commit; the request session does."""

import secrets
from typing import Any

from sqlmodel import Session

from app.audits import repository, templates
from app.audits.models import Audit, AuditRevision
from app.audits.representations import AUDIT
from app.audits.schemas import (
    PROMPT_KEYS,
    AuditCreate,
    AuditListQuery,
    AuditRevisionPublic,
    AuditUpdate,
    Completeness,
    ConditionResponse,
)
from app.audits.templates import Template
from app.core.conditional import ENTITY_TAGS
from app.core.db import utcnow
from app.core.errors import (
    Conflict,
    FieldError,
    Incomplete,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    ValidationFailed,
)
from app.core.ids import time_ordered_uuid
from app.core.pagination import ListParamsModel
from app.core.representations import JSON, Representation
from app.tenants.service import Caller

# -- identity, ETags, preconditions ----------------------------------------------------------


def new_etag_token() -> str:
    """128 random bits, drawn by every write: an ETag is never issued for two contents, even
    when a restore from a backup sets `version` back and writes run through it again."""
    return secrets.token_hex(16)


def etag_of(audit: Audit, representation: Representation = JSON) -> str:
    return etag_for(audit.etag_token, representation)


def etag_for(token: str, representation: Representation = JSON) -> str:
    """Each representation has its own ETag (API.md); all of one write share its token."""
    return representation.etag(token)


def check_if_match(
    audit: Audit, if_match: str | None, representation: Representation = JSON
) -> None:
    """428 without If-Match; 422 unless it is a list of entity tags; 412 unless it names `*`
    or the current ETag of the representation this request selects (RFC 9110 section 13.1.1),
    which is JSON unless its Accept asks for another: a client sends back the ETag of what it
    read, with the Accept it read it with."""
    if if_match is None or not if_match.strip():
        raise PreconditionRequired(
            "Send `If-Match` with the audit's current ETag (from GET /v1/audits/{id})."
        )
    if not ENTITY_TAGS.fullmatch(if_match.strip()):
        raise _invalid(
            [FieldError(pointer="#/header/If-Match", detail='Send an ETag, e.g. "0ac516d5...".')]
        )
    tags = {t.strip() for t in if_match.split(",")}
    if "*" in tags or etag_of(audit, representation) in tags:
        return
    other = next((r for r in AUDIT.representations if etag_of(audit, r) in tags), None)
    if other is not None:
        raise PreconditionFailed(
            f"That ETag is the current one of the audit's {other.media_type} representation, "
            f"and this request selects {representation.media_type}: send the ETag of that "
            "representation, or the Accept you read this ETag with."
        )
    raise PreconditionFailed(
        "The audit has changed since that ETag was issued; GET it again and reapply the change."
    )


# -- reading ---------------------------------------------------------------------------------


def get_owned(session: Session, caller: Caller, audit_id: str) -> Audit:
    """The caller's audit. Another organisation's answers exactly as a missing one does."""
    audit = repository.audit_of(session, caller.organisation, audit_id)
    if audit is None:
        raise NotFound(f"No audit with id '{audit_id}'.")
    return audit


def _answered(response: dict[str, Any]) -> bool:
    """All three prompts have non-blank text (stored answers are strings or None).
    Unrolled: it runs for every response of every audit on a page (12 x 20 per list)."""
    practice, change, plan = (response.get(key) for key in PROMPT_KEYS)
    return bool(
        practice and practice.strip() and change and change.strip() and plan and plan.strip()
    )


def completeness_of(template: Template, responses: list[dict[str, Any]]) -> Completeness:
    answered = {r["condition"] for r in responses if _answered(r)}
    missing = [slug for slug in template.conditions if slug not in answered]
    total = len(template.conditions)
    return Completeness(
        answered=total - len(missing), total=total, complete=not missing, missing=missing
    )


def current_etag_token(session: Session, caller: Caller, audit_id: str) -> str:
    """The caller's audit's ETag token; another organisation's is a 404, as a missing one."""
    token = repository.etag_token_of(session, caller.organisation, audit_id)
    if token is None:
        raise NotFound(f"No audit with id '{audit_id}'.")
    return token


def audit_page(
    session: Session, caller: Caller, query: AuditListQuery
) -> tuple[list[Audit], str | None]:
    """One page of the caller's audits as rows (for CSV), paged as `rendering.rendered_page`."""
    tokens, cursor = repository.etag_token_page(session, caller.organisation, query)
    rows = repository.audits_by_id(session, caller.organisation, [i for i, _ in tokens])
    by_id = {audit.id: audit for audit in rows}
    return [by_id[audit_id] for audit_id, _ in tokens if audit_id in by_id], cursor


def revision_page(
    session: Session, caller: Caller, audit_id: str, params: ListParamsModel
) -> tuple[list[AuditRevisionPublic], str | None]:
    get_owned(session, caller, audit_id)
    rows, cursor = repository.revision_page(session, audit_id, params)
    return [_revision_public(r) for r in rows], cursor


def _revision_public(row: AuditRevision) -> AuditRevisionPublic:
    return AuditRevisionPublic.model_validate(row, from_attributes=True)


# -- writing ---------------------------------------------------------------------------------


def _invalid(errors: list[FieldError]) -> ValidationFailed:
    named = ", ".join(dict.fromkeys(e.pointer.removeprefix("#/") for e in errors))
    return ValidationFailed(f"The request has invalid fields: {named}.", errors=errors)


def _merge_responses(
    template: Template,
    stored: list[dict[str, Any]],
    incoming: list[ConditionResponse],
) -> list[dict[str, Any]]:
    """Apply `incoming` onto `stored` by condition, checking each against the template.
    Fields a response sends replace the stored ones; fields it leaves out are kept."""
    errors: list[FieldError] = []
    merged = {r["condition"]: dict(r) for r in stored}
    seen: set[str] = set()
    for i, response in enumerate(incoming):
        at = f"#/body/responses/{i}"
        if response.condition not in template.conditions:
            errors.append(
                FieldError(
                    pointer=f"{at}/condition",
                    detail=f"Unknown condition '{response.condition}' in template "
                    f"{template.version}.",
                )
            )
            continue
        if response.condition in seen:
            errors.append(
                FieldError(
                    pointer=f"{at}/condition",
                    detail=f"Condition '{response.condition}' appears more than once.",
                )
            )
            continue
        seen.add(response.condition)
        rating = response.rating
        if rating is not None and not template.rating_min <= rating <= template.rating_max:
            errors.append(
                FieldError(
                    pointer=f"{at}/rating",
                    detail=f"Rating must be between {template.rating_min} and "
                    f"{template.rating_max}.",
                )
            )
        blank = {"condition": response.condition, **dict.fromkeys((*PROMPT_KEYS, "rating"))}
        entry = merged.get(response.condition, blank)
        entry.update(response.model_dump(include=response.model_fields_set - {"condition"}))
        merged[response.condition] = entry
    if errors:
        raise _invalid(errors)
    return sorted(merged.values(), key=lambda r: template.number_of(r["condition"]))


def _template_for_create(session: Session, version: int) -> Template:
    template = templates.get(session, version)
    if template is None:
        raise _invalid(
            [
                FieldError(
                    pointer="#/body/template_version",
                    detail=f"No published audit template version {version}.",
                )
            ]
        )
    return template


# The audit's columns a revision keeps: every one the two tables share.
REVISED = tuple(name for name in AuditRevision.model_fields if name in Audit.model_fields)


def _revision_of(audit: Audit, action: str, caller: Caller) -> AuditRevision:
    # model_construct: see create(); a revision is only ever inserted.
    return AuditRevision.model_construct(
        **{name: getattr(audit, name) for name in REVISED},
        audit_id=audit.id,
        action=action,
        actor=caller.actor,
        recorded_at=audit.updated_at,
    )


def _record(session: Session, audit: Audit, action: str, caller: Caller) -> None:
    repository.add(session, _revision_of(audit, action, caller))
    _publish(session, audit, action)


def _publish(session: Session, audit: Audit, action: str) -> None:
    """The change's event, in the change's transaction (the outbox)."""
    repository.add_event(
        session,
        audit.organisation,
        action,
        audit.id,
        audit.version,
        audit.revision,
        audit.status,
        audit.updated_at,
    )


def create(session: Session, caller: Caller, payload: AuditCreate) -> Audit:
    template = _template_for_create(session, payload.template_version)
    responses = _merge_responses(template, [], payload.responses)
    now = utcnow()
    # model_construct, not Audit(...): a table model's __init__ validates nothing either, but
    # sets up ORM state for a row that is inserted with Core and never joins the session
    # (repository.add). The values were validated as AuditCreate.
    audit = Audit.model_construct(
        **payload.model_dump(exclude={"responses"}),
        id=time_ordered_uuid(),
        organisation=caller.organisation,
        status="draft",
        etag_token=new_etag_token(),
        responses=responses,
        created_at=now,
        updated_at=now,
    )
    # One transaction for both rows, the audit first (the revision refers to it).
    repository.add(session, audit, _revision_of(audit, "created", caller))
    _publish(session, audit, "created")
    return audit


def _save(
    session: Session, caller: Caller, audit: Audit, values: dict[str, Any], action: str
) -> Audit:
    """Write `values` only if nobody else has written since we read `audit`."""
    values = {**values, "updated_at": utcnow(), "etag_token": new_etag_token()}
    if not repository.update_if_version(session, audit, audit.version, values):
        raise PreconditionFailed(
            "The audit was changed by another request; GET it again and reapply the change."
        )
    # The row as the UPDATE left it, without reading it back: nobody else can have written it
    # since (the version matched, and this transaction holds the row until it commits).
    saved = Audit.model_construct(**{**audit.model_dump(), **values, "version": audit.version + 1})
    _record(session, saved, action, caller)
    return saved


def update(
    session: Session,
    caller: Caller,
    audit_id: str,
    if_match: str | None,
    patch: AuditUpdate,
    representation: Representation = JSON,
) -> Audit:
    audit = get_owned(session, caller, audit_id)
    check_if_match(audit, if_match, representation)
    if audit.status != "draft":
        raise Conflict(
            "Only a draft can be edited and this audit is submitted; "
            f"POST /v1/audits/{audit.id}/amend opens a new draft revision."
        )
    values = patch.model_dump(exclude_unset=True, exclude={"responses"})
    nulls = [name for name, value in values.items() if value is None]
    if nulls:
        raise _invalid(
            [FieldError(pointer=f"#/body/{n}", detail=f"The {n} cannot be null.") for n in nulls]
        )
    if patch.responses is not None:
        template = templates.require(session, audit.template_version)
        values["responses"] = _merge_responses(template, audit.responses, patch.responses)
    if all(getattr(audit, name) == value for name, value in values.items()):
        return audit  # changes nothing: no write, so version, ETag and revisions stay
    return _save(session, caller, audit, values, "updated")


def submit(
    session: Session,
    caller: Caller,
    audit_id: str,
    if_match: str | None,
    representation: Representation = JSON,
) -> Audit:
    audit = get_owned(session, caller, audit_id)
    check_if_match(audit, if_match, representation)
    if audit.status != "draft":
        raise Conflict("This audit is already submitted.")
    completeness = completeness_of(
        templates.require(session, audit.template_version), audit.responses
    )
    if not completeness.complete:
        raise Incomplete(
            f"The audit is incomplete: {len(completeness.missing)} of {completeness.total} "
            "conditions lack an answer to all three prompts.",
            errors=[
                FieldError(
                    pointer="#/responses",
                    detail=f"Condition '{slug}' needs current_practice, needed_change and "
                    "progress_plan.",
                )
                for slug in completeness.missing
            ],
        )
    now = utcnow()
    return _save(session, caller, audit, {"status": "submitted", "submitted_at": now}, "submitted")


def amend(
    session: Session,
    caller: Caller,
    audit_id: str,
    if_match: str | None,
    representation: Representation = JSON,
) -> Audit:
    audit = get_owned(session, caller, audit_id)
    check_if_match(audit, if_match, representation)
    if audit.status != "submitted":
        raise Conflict("Only a submitted audit can be amended; this one is still a draft.")
    values = {"status": "draft", "revision": audit.revision + 1, "submitted_at": None}
    return _save(session, caller, audit, values, "amended")
