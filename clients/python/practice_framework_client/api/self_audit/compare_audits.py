from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_comparison import AuditComparison
from ...models.problem import Problem
from ...models.validation_problem import ValidationProblem
from ...types import Response


def _get_kwargs(
    audit_id: UUID,
    other_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audits/{audit_id}/compare/{other_id}".format(
            audit_id=quote(str(audit_id), safe=""),
            other_id=quote(str(other_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditComparison | Problem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = AuditComparison.from_dict(response.json())

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
) -> Response[AuditComparison | Problem | ValidationProblem]:
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
) -> Response[AuditComparison | Problem | ValidationProblem]:
    """Progress between two audits

     Condition by condition, how ratings and completeness moved from `{audit_id}` to
    `{other_id}` (two audits of the caller's organisation on the same template version).

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        other_id (UUID): The later audit to compare with.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditComparison | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        audit_id=audit_id,
        other_id=other_id,
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
) -> AuditComparison | Problem | ValidationProblem | None:
    """Progress between two audits

     Condition by condition, how ratings and completeness moved from `{audit_id}` to
    `{other_id}` (two audits of the caller's organisation on the same template version).

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        other_id (UUID): The later audit to compare with.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditComparison | Problem | ValidationProblem
    """

    return sync_detailed(
        audit_id=audit_id,
        other_id=other_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    audit_id: UUID,
    other_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AuditComparison | Problem | ValidationProblem]:
    """Progress between two audits

     Condition by condition, how ratings and completeness moved from `{audit_id}` to
    `{other_id}` (two audits of the caller's organisation on the same template version).

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        other_id (UUID): The later audit to compare with.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditComparison | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        audit_id=audit_id,
        other_id=other_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    audit_id: UUID,
    other_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AuditComparison | Problem | ValidationProblem | None:
    """Progress between two audits

     Condition by condition, how ratings and completeness moved from `{audit_id}` to
    `{other_id}` (two audits of the caller's organisation on the same template version).

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).
        other_id (UUID): The later audit to compare with.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditComparison | Problem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            audit_id=audit_id,
            other_id=other_id,
            client=client,
        )
    ).parsed
