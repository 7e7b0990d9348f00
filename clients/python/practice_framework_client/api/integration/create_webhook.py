from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.validation_problem import ValidationProblem
from ...models.webhook_create import WebhookCreate
from ...models.webhook_created import WebhookCreated
from ...types import Response


def _get_kwargs(
    *,
    body: WebhookCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ValidationProblem | WebhookCreated | None:
    if response.status_code == 201:
        response_201 = WebhookCreated.from_dict(response.json())

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
) -> Response[Problem | ValidationProblem | WebhookCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,
) -> Response[Problem | ValidationProblem | WebhookCreated]:
    """Subscribe to events

     Subscribes `url` to the organisation's events of the listed types. Each event is POSTed
    as JSON (the `GET /v1/events` document), signed as the Standard Webhooks specification
    says with the `secret` in this response, which is not shown again (rotate it to get a new
    one). Delivery is at least once: retried on `WEBHOOK_RETRY_SCHEDULE` (5 s, 5 min, 30 min,
    2 h, 5 h, 10 h, 10 h by default) until the receiver answers 2xx within 10 s; a repeat has
    the same `webhook-id`. After 5 days of continuous failure the subscription is disabled.
    The url must be `https`, to a public address, without credentials: anything else is
    `422`; redirects are never followed.

    Needs the `webhooks:manage` scope.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ValidationProblem | WebhookCreated]
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
    body: WebhookCreate,
) -> Problem | ValidationProblem | WebhookCreated | None:
    """Subscribe to events

     Subscribes `url` to the organisation's events of the listed types. Each event is POSTed
    as JSON (the `GET /v1/events` document), signed as the Standard Webhooks specification
    says with the `secret` in this response, which is not shown again (rotate it to get a new
    one). Delivery is at least once: retried on `WEBHOOK_RETRY_SCHEDULE` (5 s, 5 min, 30 min,
    2 h, 5 h, 10 h, 10 h by default) until the receiver answers 2xx within 10 s; a repeat has
    the same `webhook-id`. After 5 days of continuous failure the subscription is disabled.
    The url must be `https`, to a public address, without credentials: anything else is
    `422`; redirects are never followed.

    Needs the `webhooks:manage` scope.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ValidationProblem | WebhookCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,
) -> Response[Problem | ValidationProblem | WebhookCreated]:
    """Subscribe to events

     Subscribes `url` to the organisation's events of the listed types. Each event is POSTed
    as JSON (the `GET /v1/events` document), signed as the Standard Webhooks specification
    says with the `secret` in this response, which is not shown again (rotate it to get a new
    one). Delivery is at least once: retried on `WEBHOOK_RETRY_SCHEDULE` (5 s, 5 min, 30 min,
    2 h, 5 h, 10 h, 10 h by default) until the receiver answers 2xx within 10 s; a repeat has
    the same `webhook-id`. After 5 days of continuous failure the subscription is disabled.
    The url must be `https`, to a public address, without credentials: anything else is
    `422`; redirects are never followed.

    Needs the `webhooks:manage` scope.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ValidationProblem | WebhookCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,
) -> Problem | ValidationProblem | WebhookCreated | None:
    """Subscribe to events

     Subscribes `url` to the organisation's events of the listed types. Each event is POSTed
    as JSON (the `GET /v1/events` document), signed as the Standard Webhooks specification
    says with the `secret` in this response, which is not shown again (rotate it to get a new
    one). Delivery is at least once: retried on `WEBHOOK_RETRY_SCHEDULE` (5 s, 5 min, 30 min,
    2 h, 5 h, 10 h, 10 h by default) until the receiver answers 2xx within 10 s; a repeat has
    the same `webhook-id`. After 5 days of continuous failure the subscription is disabled.
    The url must be `https`, to a public address, without credentials: anything else is
    `422`; redirects are never followed.

    Needs the `webhooks:manage` scope.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ValidationProblem | WebhookCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
