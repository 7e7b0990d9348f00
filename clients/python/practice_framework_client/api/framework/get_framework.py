from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.framework_public import FrameworkPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/framework",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FrameworkPublic | Problem | None:
    if response.status_code == 200:
        response_200 = FrameworkPublic.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[FrameworkPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[FrameworkPublic | Problem]:
    """The whole framework

     The seven features of practice, the seven outcomes (in the order the text presents
    them) and both sets of enablers, with Table 1's alignment, in one document for embedding.
    Cached and ETagged: send `If-None-Match` to get a `304`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkPublic | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> FrameworkPublic | Problem | None:
    """The whole framework

     The seven features of practice, the seven outcomes (in the order the text presents
    them) and both sets of enablers, with Table 1's alignment, in one document for embedding.
    Cached and ETagged: send `If-None-Match` to get a `304`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkPublic | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[FrameworkPublic | Problem]:
    """The whole framework

     The seven features of practice, the seven outcomes (in the order the text presents
    them) and both sets of enablers, with Table 1's alignment, in one document for embedding.
    Cached and ETagged: send `If-None-Match` to get a `304`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkPublic | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> FrameworkPublic | Problem | None:
    """The whole framework

     The seven features of practice, the seven outcomes (in the order the text presents
    them) and both sets of enablers, with Table 1's alignment, in one document for embedding.
    Cached and ETagged: send `If-None-Match` to get a `304`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
