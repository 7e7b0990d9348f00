from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_comparison import AuditComparison
from ...models.compare_audits_format_type_0 import CompareAuditsFormatType0
from ...models.problem import Problem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    audit_id: UUID,
    other_id: UUID,
    *,
    format_: CompareAuditsFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, CompareAuditsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audits/{audit_id}/compare/{other_id}".format(
            audit_id=quote(str(audit_id), safe=""),
            other_id=quote(str(other_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | AuditComparison | Problem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = AuditComparison.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Any | AuditComparison | Problem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    audit_id: UUID,
    other_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: CompareAuditsFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | AuditComparison | Problem | ValidationProblem]:
    """Progress between two audits (JSON, HTML or PDF)

     Condition by condition, how ratings and completeness moved from `{audit_id}` to
    `{other_id}` (two audits of the caller's organisation on the same template version).
    `Accept: text/html` or `application/pdf` gives a printable page charting the change.

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        other_id (UUID): The later audit to compare with.
        format_ (CompareAuditsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `html` is `text/html`, `pdf` is `application/pdf`. It wins over
            `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AuditComparison | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        audit_id=audit_id,
        other_id=other_id,
        format_=format_,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    audit_id: UUID,
    other_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: CompareAuditsFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | AuditComparison | Problem | ValidationProblem | None:
    """Progress between two audits (JSON, HTML or PDF)

     Condition by condition, how ratings and completeness moved from `{audit_id}` to
    `{other_id}` (two audits of the caller's organisation on the same template version).
    `Accept: text/html` or `application/pdf` gives a printable page charting the change.

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        other_id (UUID): The later audit to compare with.
        format_ (CompareAuditsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `html` is `text/html`, `pdf` is `application/pdf`. It wins over
            `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AuditComparison | Problem | ValidationProblem
    """

    return sync_detailed(
        audit_id=audit_id,
        other_id=other_id,
        client=client,
        format_=format_,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    audit_id: UUID,
    other_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: CompareAuditsFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | AuditComparison | Problem | ValidationProblem]:
    """Progress between two audits (JSON, HTML or PDF)

     Condition by condition, how ratings and completeness moved from `{audit_id}` to
    `{other_id}` (two audits of the caller's organisation on the same template version).
    `Accept: text/html` or `application/pdf` gives a printable page charting the change.

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        other_id (UUID): The later audit to compare with.
        format_ (CompareAuditsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `html` is `text/html`, `pdf` is `application/pdf`. It wins over
            `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AuditComparison | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        audit_id=audit_id,
        other_id=other_id,
        format_=format_,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    audit_id: UUID,
    other_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: CompareAuditsFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | AuditComparison | Problem | ValidationProblem | None:
    """Progress between two audits (JSON, HTML or PDF)

     Condition by condition, how ratings and completeness moved from `{audit_id}` to
    `{other_id}` (two audits of the caller's organisation on the same template version).
    `Accept: text/html` or `application/pdf` gives a printable page charting the change.

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        other_id (UUID): The later audit to compare with.
        format_ (CompareAuditsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `html` is `text/html`, `pdf` is `application/pdf`. It wins over
            `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AuditComparison | Problem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            audit_id=audit_id,
            other_id=other_id,
            client=client,
            format_=format_,
            if_none_match=if_none_match,
        )
    ).parsed
