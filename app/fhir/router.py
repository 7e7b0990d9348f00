"""The FHIR R4 base, `/fhir`: public reads of what the audit templates publish (each
Questionnaire and its rating scale's CodeSystem, at their canonical URLs), the
CapabilityStatement, and `$validate` for a QuestionnaireResponse. Reads are rendered once per
content version and ETagged like the catalogue's; errors are OperationOutcomes
(app/core/operation_outcome.py)."""

import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Request, Response

from app.audits import fhir, templates
from app.audits.openapi import QUESTIONNAIRE_DOC
from app.core.config import get_settings
from app.core.db import SessionDep
from app.core.db_route import db_route
from app.core.errors import NotAcceptable, NotFound, UnsupportedMediaType, ValidationFailed
from app.core.http import JSON_MEDIA_TYPE, Rendered, serve_catalogue, strong_etag
from app.core.json_bodies import accepts
from app.core.negotiation import preferred
from app.fhir import capability, validation
from app.fhir.openapi import (
    CAPABILITY_DOC,
    CODE_SYSTEM_DOC,
    VALIDATE_BODY,
    VALIDATE_DOC,
    outcome_responses,
)

router = APIRouter(prefix="/fhir", tags=["FHIR"])

ResourceId = Annotated[
    str,
    Path(
        pattern=r"^[A-Za-z0-9\-.]{1,64}$",
        description="The resource's FHIR id.",
        examples=["self-audit-1"],
    ),
]
READ_ERRORS = outcome_responses(NotFound, NotAcceptable, ValidationFailed)


def _read(request: Request, document: Callable[[], dict[str, Any]]) -> Response:
    """A FHIR read, rendered once per content version, with its ETag (304 on a match)."""
    # FHIR JSON, which a client asking for plain JSON accepts too; anything else is a 406.
    if preferred(request.headers.get("accept"), (fhir.FHIR_MEDIA_TYPE, JSON_MEDIA_TYPE)) is None:
        raise NotAcceptable(f"Available as {fhir.FHIR_MEDIA_TYPE}.")

    def render() -> Rendered:
        body = json.dumps(document()).encode()
        return Rendered(body, strong_etag(body), fhir.FHIR_MEDIA_TYPE)

    return serve_catalogue(request, render)


@router.get(
    "/metadata",
    summary="The FHIR CapabilityStatement",
    response_class=Response,
    responses={
        200: {"description": "FHIR R4 4.0.1.", "content": CAPABILITY_DOC},
        **outcome_responses(NotAcceptable),
    },
)
def get_capability_statement(request: Request) -> Response:
    """What this FHIR base serves: Questionnaire and CodeSystem reads, and QuestionnaireResponse
    `$validate`. Public."""
    base = get_settings().public_base_url
    return _read(request, lambda: capability.statement(base, request.app.version))


@router.get(
    "/Questionnaire/{resource_id}",
    summary="An audit template as a FHIR Questionnaire",
    response_class=Response,
    responses={
        200: {"description": "The Questionnaire.", "content": QUESTIONNAIRE_DOC},
        **READ_ERRORS,
    },
)
@db_route
def get_questionnaire(request: Request, session: SessionDep, resource_id: ResourceId) -> Response:
    """The Questionnaire at its canonical URL, `self-audit-<version>`: the same document as
    `GET /v1/audit-templates/{version}` with `Accept: application/fhir+json`. Public."""
    version = fhir.version_in(resource_id, fhir.QUESTIONNAIRE_PREFIX)
    if version is None or templates.get(session, version) is None:
        raise NotFound(f"No Questionnaire '{resource_id}'.")
    return _read(
        request,
        lambda: fhir.questionnaire(templates.public(session, templates.require(session, version))),
    )


@router.get(
    "/CodeSystem/{resource_id}",
    summary="A template's rating scale as a FHIR CodeSystem",
    response_class=Response,
    responses={200: {"description": "The CodeSystem.", "content": CODE_SYSTEM_DOC}, **READ_ERRORS},
)
@db_route
def get_code_system(request: Request, session: SessionDep, resource_id: ResourceId) -> Response:
    """The rating scale of template `<version>`, `self-audit-rating-<version>`: the system of
    every rating coding in its Questionnaire and QuestionnaireResponses. Public."""
    version = fhir.version_in(resource_id, fhir.RATING_PREFIX)
    template = templates.get(session, version) if version is not None else None
    if template is None:
        raise NotFound(f"No CodeSystem '{resource_id}'.")
    return _read(request, lambda: fhir.code_system(template))


@router.post(
    "/QuestionnaireResponse/$validate",
    summary="Check a QuestionnaireResponse against its Questionnaire",
    response_class=Response,
    openapi_extra=VALIDATE_BODY,
    responses={
        200: {"description": "What was found; nothing is stored.", "content": VALIDATE_DOC},
        **outcome_responses(UnsupportedMediaType, ValidationFailed),
    },
)
@db_route
def validate_questionnaire_response(
    session: SessionDep,
    _media: Annotated[None, accepts(fhir.FHIR_MEDIA_TYPE, JSON_MEDIA_TYPE)],
    resource: Annotated[validation.FhirValidateBody, Body(media_type=fhir.FHIR_MEDIA_TYPE)],
) -> Response:
    """The issues `POST /v1/audits` would refuse, and those FHIR tools would flag: structure,
    linkIds the template does not have, ratings off its scale, answers over the length limits,
    a `completed` response that leaves a prompt unanswered. The body is the
    QuestionnaireResponse, or a `Parameters` resource with it as `resource`. `200` with an
    OperationOutcome (one `information` issue when all is well) for any such resource; nothing
    is stored. Public: it reads no organisation's data, and is rate-limited like any request."""
    templates_of = lambda v: templates.get(session, v)  # noqa: E731
    outcome = validation.validate(resource.model_dump(), templates_of)
    return Response(
        json.dumps(outcome).encode(),
        media_type=fhir.FHIR_MEDIA_TYPE,
        headers={"Cache-Control": "no-store"},
    )
