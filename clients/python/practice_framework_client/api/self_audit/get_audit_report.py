from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_report import AuditReport
from ...models.problem import Problem
from ...models.validation_problem import ValidationProblem
from ...types import Response


def _get_kwargs(
    audit_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audits/{audit_id}/report".format(
            audit_id=quote(str(audit_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditReport | Problem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = AuditReport.from_dict(response.json())

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
) -> Response[AuditReport | Problem | ValidationProblem]:
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
) -> Response[AuditReport | Problem | ValidationProblem]:
    """Report: completeness, ratings and what to learn from

     Completeness and the rating distribution, and for each weak condition (rated 1 or 2)
    its recommendation, the features and enablers it bears on, the projects that demonstrate
    those features and their findings, each linked.

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditReport | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        audit_id=audit_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    audit_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AuditReport | Problem | ValidationProblem | None:
    """Report: completeness, ratings and what to learn from

     Completeness and the rating distribution, and for each weak condition (rated 1 or 2)
    its recommendation, the features and enablers it bears on, the projects that demonstrate
    those features and their findings, each linked.

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditReport | Problem | ValidationProblem
    """

    return sync_detailed(
        audit_id=audit_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    audit_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AuditReport | Problem | ValidationProblem]:
    """Report: completeness, ratings and what to learn from

     Completeness and the rating distribution, and for each weak condition (rated 1 or 2)
    its recommendation, the features and enablers it bears on, the projects that demonstrate
    those features and their findings, each linked.

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditReport | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        audit_id=audit_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    audit_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AuditReport | Problem | ValidationProblem | None:
    """Report: completeness, ratings and what to learn from

     Completeness and the rating distribution, and for each weak condition (rated 1 or 2)
    its recommendation, the features and enablers it bears on, the projects that demonstrate
    those features and their findings, each linked.

    Needs the `audits:read` scope.

    Args:
        audit_id (UUID): The audit's id (a UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditReport | Problem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            audit_id=audit_id,
            client=client,
        )
    ).parsed
