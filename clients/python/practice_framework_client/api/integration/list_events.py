from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_feed import EventFeed
from ...models.problem import Problem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_after: None | str | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    else:
        json_after = after
    params["after"] = json_after

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EventFeed | Problem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = EventFeed.from_dict(response.json())

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

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())

        return response_410

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
) -> Response[EventFeed | Problem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[EventFeed | Problem | ValidationProblem]:
    """The change feed: the organisation's audit events in commit order

     Every `audit.created`, `audit.updated`, `audit.submitted` and `audit.amended` of the
    caller's organisation, oldest first, in the order the changes were committed. Each event
    is written in the same transaction as its change, so a change that was acknowledged is
    never missing here. Poll with the last `next_cursor` as `after` to read exactly what is
    new. Events are kept for `EVENT_RETENTION_DAYS` (90 by default); a cursor older than
    that, or another organisation's, is `410 Gone`: resync with
    `GET /v1/audits?updated_since=`. Needs the `audits:read` scope.

    Args:
        after (None | str | Unset): The `next_cursor` of the page read last; leave out to start at
            the oldest event kept.
        limit (int | Unset): Page size, 1 to 200. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventFeed | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> EventFeed | Problem | ValidationProblem | None:
    """The change feed: the organisation's audit events in commit order

     Every `audit.created`, `audit.updated`, `audit.submitted` and `audit.amended` of the
    caller's organisation, oldest first, in the order the changes were committed. Each event
    is written in the same transaction as its change, so a change that was acknowledged is
    never missing here. Poll with the last `next_cursor` as `after` to read exactly what is
    new. Events are kept for `EVENT_RETENTION_DAYS` (90 by default); a cursor older than
    that, or another organisation's, is `410 Gone`: resync with
    `GET /v1/audits?updated_since=`. Needs the `audits:read` scope.

    Args:
        after (None | str | Unset): The `next_cursor` of the page read last; leave out to start at
            the oldest event kept.
        limit (int | Unset): Page size, 1 to 200. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventFeed | Problem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        after=after,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[EventFeed | Problem | ValidationProblem]:
    """The change feed: the organisation's audit events in commit order

     Every `audit.created`, `audit.updated`, `audit.submitted` and `audit.amended` of the
    caller's organisation, oldest first, in the order the changes were committed. Each event
    is written in the same transaction as its change, so a change that was acknowledged is
    never missing here. Poll with the last `next_cursor` as `after` to read exactly what is
    new. Events are kept for `EVENT_RETENTION_DAYS` (90 by default); a cursor older than
    that, or another organisation's, is `410 Gone`: resync with
    `GET /v1/audits?updated_since=`. Needs the `audits:read` scope.

    Args:
        after (None | str | Unset): The `next_cursor` of the page read last; leave out to start at
            the oldest event kept.
        limit (int | Unset): Page size, 1 to 200. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventFeed | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> EventFeed | Problem | ValidationProblem | None:
    """The change feed: the organisation's audit events in commit order

     Every `audit.created`, `audit.updated`, `audit.submitted` and `audit.amended` of the
    caller's organisation, oldest first, in the order the changes were committed. Each event
    is written in the same transaction as its change, so a change that was acknowledged is
    never missing here. Poll with the last `next_cursor` as `after` to read exactly what is
    new. Events are kept for `EVENT_RETENTION_DAYS` (90 by default); a cursor older than
    that, or another organisation's, is `410 Gone`: resync with
    `GET /v1/audits?updated_since=`. Needs the `audits:read` scope.

    Args:
        after (None | str | Unset): The `next_cursor` of the page read last; leave out to start at
            the oldest event kept.
        limit (int | Unset): Page size, 1 to 200. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventFeed | Problem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            limit=limit,
        )
    ).parsed
