from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.organisation_create import OrganisationCreate
from ...models.problem import Problem
from ...models.tenant_public import TenantPublic
from ...models.validation_problem import ValidationProblem
from ...types import Response


def _get_kwargs(
    *,
    body: OrganisationCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/organisations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TenantPublic | ValidationProblem | None:
    if response.status_code == 201:
        response_201 = TenantPublic.from_dict(response.json())

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
) -> Response[Problem | TenantPublic | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OrganisationCreate,
) -> Response[Problem | TenantPublic | ValidationProblem]:
    """Register a tenant organisation (operator)

     Registers an organisation as a tenant of the self-audit API. Needs the operator token
    (`ADMIN_TOKEN`). Registering the slug of an organisation the evidence already names (e.g.
    `hertfordshire`) makes that same organisation a tenant; any other slug creates a tenant that
    is never shown in public lists, search or benchmarks. `409` if the slug is already a tenant.

    Args:
        body (OrganisationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantPublic | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: OrganisationCreate,
) -> Problem | TenantPublic | ValidationProblem | None:
    """Register a tenant organisation (operator)

     Registers an organisation as a tenant of the self-audit API. Needs the operator token
    (`ADMIN_TOKEN`). Registering the slug of an organisation the evidence already names (e.g.
    `hertfordshire`) makes that same organisation a tenant; any other slug creates a tenant that
    is never shown in public lists, search or benchmarks. `409` if the slug is already a tenant.

    Args:
        body (OrganisationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantPublic | ValidationProblem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OrganisationCreate,
) -> Response[Problem | TenantPublic | ValidationProblem]:
    """Register a tenant organisation (operator)

     Registers an organisation as a tenant of the self-audit API. Needs the operator token
    (`ADMIN_TOKEN`). Registering the slug of an organisation the evidence already names (e.g.
    `hertfordshire`) makes that same organisation a tenant; any other slug creates a tenant that
    is never shown in public lists, search or benchmarks. `409` if the slug is already a tenant.

    Args:
        body (OrganisationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantPublic | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OrganisationCreate,
) -> Problem | TenantPublic | ValidationProblem | None:
    """Register a tenant organisation (operator)

     Registers an organisation as a tenant of the self-audit API. Needs the operator token
    (`ADMIN_TOKEN`). Registering the slug of an organisation the evidence already names (e.g.
    `hertfordshire`) makes that same organisation a tenant; any other slug creates a tenant that
    is never shown in public lists, search or benchmarks. `409` if the slug is already a tenant.

    Args:
        body (OrganisationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantPublic | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
