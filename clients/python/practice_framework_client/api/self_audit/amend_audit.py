from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.amend_audit_format_type_0 import AmendAuditFormatType0
from ...models.audit_public import AuditPublic
from ...models.problem import Problem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    audit_id: UUID,
    *,
    format_: AmendAuditFormatType0 | None | Unset = UNSET,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, AmendAuditFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/audits/{audit_id}/amend".format(
            audit_id=quote(str(audit_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditPublic | Problem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = AuditPublic.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 422:
        response_422 = ValidationProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
    audit_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: AmendAuditFormatType0 | None | Unset = UNSET,
    if_match: str,
) -> Response[AuditPublic | Problem | ValidationProblem]:
    """Amend a submitted audit (opens a new draft revision)

     A submitted audit is never edited in place: this opens the next `revision` as a draft,
    starting from the submitted answers, which stay in `/revisions`. Needs `If-Match`.

    Needs the `audits:write` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        format_ (AmendAuditFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `fhir` is `application/fhir+json`, `csv` is `text/csv`, `xlsx` is
            `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`. It wins over
            `Accept`.
        if_match (str): The audit's current `ETag`. Required: `428` without it, `412` when stale.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPublic | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        audit_id=audit_id,
        format_=format_,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    audit_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: AmendAuditFormatType0 | None | Unset = UNSET,
    if_match: str,
) -> AuditPublic | Problem | ValidationProblem | None:
    """Amend a submitted audit (opens a new draft revision)

     A submitted audit is never edited in place: this opens the next `revision` as a draft,
    starting from the submitted answers, which stay in `/revisions`. Needs `If-Match`.

    Needs the `audits:write` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        format_ (AmendAuditFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `fhir` is `application/fhir+json`, `csv` is `text/csv`, `xlsx` is
            `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`. It wins over
            `Accept`.
        if_match (str): The audit's current `ETag`. Required: `428` without it, `412` when stale.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPublic | Problem | ValidationProblem
    """

    return sync_detailed(
        audit_id=audit_id,
        client=client,
        format_=format_,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    audit_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: AmendAuditFormatType0 | None | Unset = UNSET,
    if_match: str,
) -> Response[AuditPublic | Problem | ValidationProblem]:
    """Amend a submitted audit (opens a new draft revision)

     A submitted audit is never edited in place: this opens the next `revision` as a draft,
    starting from the submitted answers, which stay in `/revisions`. Needs `If-Match`.

    Needs the `audits:write` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        format_ (AmendAuditFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `fhir` is `application/fhir+json`, `csv` is `text/csv`, `xlsx` is
            `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`. It wins over
            `Accept`.
        if_match (str): The audit's current `ETag`. Required: `428` without it, `412` when stale.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPublic | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        audit_id=audit_id,
        format_=format_,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    audit_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: AmendAuditFormatType0 | None | Unset = UNSET,
    if_match: str,
) -> AuditPublic | Problem | ValidationProblem | None:
    """Amend a submitted audit (opens a new draft revision)

     A submitted audit is never edited in place: this opens the next `revision` as a draft,
    starting from the submitted answers, which stay in `/revisions`. Needs `If-Match`.

    Needs the `audits:write` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        format_ (AmendAuditFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `fhir` is `application/fhir+json`, `csv` is `text/csv`, `xlsx` is
            `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`. It wins over
            `Accept`.
        if_match (str): The audit's current `ETag`. Required: `428` without it, `412` when stale.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPublic | Problem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            audit_id=audit_id,
            client=client,
            format_=format_,
            if_match=if_match,
        )
    ).parsed
