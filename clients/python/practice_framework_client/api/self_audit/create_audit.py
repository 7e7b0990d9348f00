from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_create import AuditCreate
from ...models.audit_public import AuditPublic
from ...models.create_audit_format_type_0 import CreateAuditFormatType0
from ...models.fhir_questionnaire_response_create import FhirQuestionnaireResponseCreate
from ...models.problem import Problem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AuditCreate | FhirQuestionnaireResponseCreate | Unset = UNSET,
    format_: CreateAuditFormatType0 | None | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, CreateAuditFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/audits",
        "params": params,
    }

    if isinstance(body, AuditCreate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, FhirQuestionnaireResponseCreate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/fhir+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditPublic | Problem | ValidationProblem | None:
    if response.status_code == 201:
        response_201 = AuditPublic.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ValidationProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())

        return response_431

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AuditPublic | Problem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AuditCreate | FhirQuestionnaireResponseCreate | Unset = UNSET,
    format_: CreateAuditFormatType0 | None | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[AuditPublic | Problem | ValidationProblem]:
    """Start an audit (JSON or FHIR QuestionnaireResponse)

     Creates a draft audit for the caller's organisation, from JSON or from a FHIR
    `QuestionnaireResponse` (`Content-Type: application/fhir+json`; status `in-progress`
    creates a draft, `completed` creates and submits). Unknown or repeated conditions, ratings
    off the template's scale, wrong types, a missing or unknown `template_version` and text
    over the limits (title 200, answers 4,000 characters) are `422` and nothing is stored.
    Send `Idempotency-Key` to make retries safe.

    Needs the `audits:write` scope.

    Args:
        format_ (CreateAuditFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `fhir` is `application/fhir+json`, `csv` is `text/csv`, `xlsx` is
            `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`. It wins over
            `Accept`.
        idempotency_key (str | Unset): Any unique string (a UUID is ideal). A retry with the same
            key and body returns the first response; the same key with another body is a `409`. Kept
            24 h.
        body (AuditCreate):
        body (FhirQuestionnaireResponseCreate): A FHIR R4 QuestionnaireResponse
            (https://hl7.org/fhir/R4/questionnaireresponse.html) answering a published audit
            template's Questionnaire: `in-progress` makes a draft, `completed` a submitted audit. Each
            condition's group at most once; a `completed` one answers every condition's three prompts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPublic | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        format_=format_,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: AuditCreate | FhirQuestionnaireResponseCreate | Unset = UNSET,
    format_: CreateAuditFormatType0 | None | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> AuditPublic | Problem | ValidationProblem | None:
    """Start an audit (JSON or FHIR QuestionnaireResponse)

     Creates a draft audit for the caller's organisation, from JSON or from a FHIR
    `QuestionnaireResponse` (`Content-Type: application/fhir+json`; status `in-progress`
    creates a draft, `completed` creates and submits). Unknown or repeated conditions, ratings
    off the template's scale, wrong types, a missing or unknown `template_version` and text
    over the limits (title 200, answers 4,000 characters) are `422` and nothing is stored.
    Send `Idempotency-Key` to make retries safe.

    Needs the `audits:write` scope.

    Args:
        format_ (CreateAuditFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `fhir` is `application/fhir+json`, `csv` is `text/csv`, `xlsx` is
            `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`. It wins over
            `Accept`.
        idempotency_key (str | Unset): Any unique string (a UUID is ideal). A retry with the same
            key and body returns the first response; the same key with another body is a `409`. Kept
            24 h.
        body (AuditCreate):
        body (FhirQuestionnaireResponseCreate): A FHIR R4 QuestionnaireResponse
            (https://hl7.org/fhir/R4/questionnaireresponse.html) answering a published audit
            template's Questionnaire: `in-progress` makes a draft, `completed` a submitted audit. Each
            condition's group at most once; a `completed` one answers every condition's three prompts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPublic | Problem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        format_=format_,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AuditCreate | FhirQuestionnaireResponseCreate | Unset = UNSET,
    format_: CreateAuditFormatType0 | None | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[AuditPublic | Problem | ValidationProblem]:
    """Start an audit (JSON or FHIR QuestionnaireResponse)

     Creates a draft audit for the caller's organisation, from JSON or from a FHIR
    `QuestionnaireResponse` (`Content-Type: application/fhir+json`; status `in-progress`
    creates a draft, `completed` creates and submits). Unknown or repeated conditions, ratings
    off the template's scale, wrong types, a missing or unknown `template_version` and text
    over the limits (title 200, answers 4,000 characters) are `422` and nothing is stored.
    Send `Idempotency-Key` to make retries safe.

    Needs the `audits:write` scope.

    Args:
        format_ (CreateAuditFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `fhir` is `application/fhir+json`, `csv` is `text/csv`, `xlsx` is
            `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`. It wins over
            `Accept`.
        idempotency_key (str | Unset): Any unique string (a UUID is ideal). A retry with the same
            key and body returns the first response; the same key with another body is a `409`. Kept
            24 h.
        body (AuditCreate):
        body (FhirQuestionnaireResponseCreate): A FHIR R4 QuestionnaireResponse
            (https://hl7.org/fhir/R4/questionnaireresponse.html) answering a published audit
            template's Questionnaire: `in-progress` makes a draft, `completed` a submitted audit. Each
            condition's group at most once; a `completed` one answers every condition's three prompts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPublic | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        format_=format_,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AuditCreate | FhirQuestionnaireResponseCreate | Unset = UNSET,
    format_: CreateAuditFormatType0 | None | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> AuditPublic | Problem | ValidationProblem | None:
    """Start an audit (JSON or FHIR QuestionnaireResponse)

     Creates a draft audit for the caller's organisation, from JSON or from a FHIR
    `QuestionnaireResponse` (`Content-Type: application/fhir+json`; status `in-progress`
    creates a draft, `completed` creates and submits). Unknown or repeated conditions, ratings
    off the template's scale, wrong types, a missing or unknown `template_version` and text
    over the limits (title 200, answers 4,000 characters) are `422` and nothing is stored.
    Send `Idempotency-Key` to make retries safe.

    Needs the `audits:write` scope.

    Args:
        format_ (CreateAuditFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `fhir` is `application/fhir+json`, `csv` is `text/csv`, `xlsx` is
            `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`. It wins over
            `Accept`.
        idempotency_key (str | Unset): Any unique string (a UUID is ideal). A retry with the same
            key and body returns the first response; the same key with another body is a `409`. Kept
            24 h.
        body (AuditCreate):
        body (FhirQuestionnaireResponseCreate): A FHIR R4 QuestionnaireResponse
            (https://hl7.org/fhir/R4/questionnaireresponse.html) answering a published audit
            template's Questionnaire: `in-progress` makes a draft, `completed` a submitted audit. Each
            condition's group at most once; a `completed` one answers every condition's three prompts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPublic | Problem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            format_=format_,
            idempotency_key=idempotency_key,
        )
    ).parsed
