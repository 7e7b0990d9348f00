from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.search_page import SearchPage
from ...models.search_type_type_0 import SearchTypeType0
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str,
    type_: None | SearchTypeType0 | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, SearchTypeType0):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SearchPage | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = SearchPage.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = ValidationProblem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SearchPage | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: None | SearchTypeType0 | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[SearchPage | ValidationProblem]:
    """Search everything

     One ranked full-text search across features, outcomes, enablers, recommendations,
    practice models, sources, programmes, organisations, projects, evaluations, findings and
    guidance (SQLite FTS5 on the embedded database, PostgreSQL full-text search there).
    Each hit is typed and links to its resource.

    Args:
        q (str): Words to find. Punctuation and search operators are treated as plain text.
        type_ (None | SearchTypeType0 | Unset): Only hits of this type.
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SearchPage | ValidationProblem]
    """

    kwargs = _get_kwargs(
        q=q,
        type_=type_,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: None | SearchTypeType0 | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> SearchPage | ValidationProblem | None:
    """Search everything

     One ranked full-text search across features, outcomes, enablers, recommendations,
    practice models, sources, programmes, organisations, projects, evaluations, findings and
    guidance (SQLite FTS5 on the embedded database, PostgreSQL full-text search there).
    Each hit is typed and links to its resource.

    Args:
        q (str): Words to find. Punctuation and search operators are treated as plain text.
        type_ (None | SearchTypeType0 | Unset): Only hits of this type.
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SearchPage | ValidationProblem
    """

    return sync_detailed(
        client=client,
        q=q,
        type_=type_,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: None | SearchTypeType0 | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[SearchPage | ValidationProblem]:
    """Search everything

     One ranked full-text search across features, outcomes, enablers, recommendations,
    practice models, sources, programmes, organisations, projects, evaluations, findings and
    guidance (SQLite FTS5 on the embedded database, PostgreSQL full-text search there).
    Each hit is typed and links to its resource.

    Args:
        q (str): Words to find. Punctuation and search operators are treated as plain text.
        type_ (None | SearchTypeType0 | Unset): Only hits of this type.
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SearchPage | ValidationProblem]
    """

    kwargs = _get_kwargs(
        q=q,
        type_=type_,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: None | SearchTypeType0 | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> SearchPage | ValidationProblem | None:
    """Search everything

     One ranked full-text search across features, outcomes, enablers, recommendations,
    practice models, sources, programmes, organisations, projects, evaluations, findings and
    guidance (SQLite FTS5 on the embedded database, PostgreSQL full-text search there).
    Each hit is typed and links to its resource.

    Args:
        q (str): Words to find. Punctuation and search operators are treated as plain text.
        type_ (None | SearchTypeType0 | Unset): Only hits of this type.
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SearchPage | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            type_=type_,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
