from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_evaluations_design_type_0 import ListEvaluationsDesignType0
from ...models.page_evaluation_public import PageEvaluationPublic
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    design: ListEvaluationsDesignType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_design: None | str | Unset
    if isinstance(design, Unset):
        json_design = UNSET
    elif isinstance(design, ListEvaluationsDesignType0):
        json_design = design.value
    else:
        json_design = design
    params["design"] = json_design

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
        "url": "/v1/evaluations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageEvaluationPublic | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = PageEvaluationPublic.from_dict(response.json())

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
) -> Response[PageEvaluationPublic | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    design: ListEvaluationsDesignType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageEvaluationPublic | ValidationProblem]:
    """List evaluations

     Evaluation designs, methods, samples, duration and limitations, strongest design first.

    `design_strength` is derived from `design` alone by a rule of this API, not by the sources, which do
    not grade projects: randomised controlled trial = 4; quasi-experimental or historic case matching (a
    comparison group) = 3; pre/post or mixed methods without a comparison group = 2; qualitative only =
    1; unknown = 0.

    Args:
        design (ListEvaluationsDesignType0 | None | Unset):
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEvaluationPublic | ValidationProblem]
    """

    kwargs = _get_kwargs(
        design=design,
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
    design: ListEvaluationsDesignType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageEvaluationPublic | ValidationProblem | None:
    """List evaluations

     Evaluation designs, methods, samples, duration and limitations, strongest design first.

    `design_strength` is derived from `design` alone by a rule of this API, not by the sources, which do
    not grade projects: randomised controlled trial = 4; quasi-experimental or historic case matching (a
    comparison group) = 3; pre/post or mixed methods without a comparison group = 2; qualitative only =
    1; unknown = 0.

    Args:
        design (ListEvaluationsDesignType0 | None | Unset):
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEvaluationPublic | ValidationProblem
    """

    return sync_detailed(
        client=client,
        design=design,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    design: ListEvaluationsDesignType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageEvaluationPublic | ValidationProblem]:
    """List evaluations

     Evaluation designs, methods, samples, duration and limitations, strongest design first.

    `design_strength` is derived from `design` alone by a rule of this API, not by the sources, which do
    not grade projects: randomised controlled trial = 4; quasi-experimental or historic case matching (a
    comparison group) = 3; pre/post or mixed methods without a comparison group = 2; qualitative only =
    1; unknown = 0.

    Args:
        design (ListEvaluationsDesignType0 | None | Unset):
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEvaluationPublic | ValidationProblem]
    """

    kwargs = _get_kwargs(
        design=design,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    design: ListEvaluationsDesignType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageEvaluationPublic | ValidationProblem | None:
    """List evaluations

     Evaluation designs, methods, samples, duration and limitations, strongest design first.

    `design_strength` is derived from `design` alone by a rule of this API, not by the sources, which do
    not grade projects: randomised controlled trial = 4; quasi-experimental or historic case matching (a
    comparison group) = 3; pre/post or mixed methods without a comparison group = 2; qualitative only =
    1; unknown = 0.

    Args:
        design (ListEvaluationsDesignType0 | None | Unset):
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEvaluationPublic | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            design=design,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
