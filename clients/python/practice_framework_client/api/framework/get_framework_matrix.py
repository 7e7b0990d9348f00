from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.framework_matrix import FrameworkMatrix
from ...models.problem import Problem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/framework/matrix",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | FrameworkMatrix | Problem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = FrameworkMatrix.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[Any | FrameworkMatrix | Problem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | FrameworkMatrix | Problem | ValidationProblem]:
    """Features against outcomes, from the evidence

     For each of the seven features and each of the seven outcomes (49 cells), the projects
    that demonstrate the feature and evidence the outcome, and how many distinct findings do
    (one per fact, as `list_findings?distinct=true` counts them):
    the picture the framework's Table 1 draws, computed from the evidence. `table_1` marks the
    seven pairs Table 1 prints on one row. Cached and ETagged: send `If-None-Match` to get a
    `304`.

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FrameworkMatrix | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | FrameworkMatrix | Problem | ValidationProblem | None:
    """Features against outcomes, from the evidence

     For each of the seven features and each of the seven outcomes (49 cells), the projects
    that demonstrate the feature and evidence the outcome, and how many distinct findings do
    (one per fact, as `list_findings?distinct=true` counts them):
    the picture the framework's Table 1 draws, computed from the evidence. `table_1` marks the
    seven pairs Table 1 prints on one row. Cached and ETagged: send `If-None-Match` to get a
    `304`.

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FrameworkMatrix | Problem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | FrameworkMatrix | Problem | ValidationProblem]:
    """Features against outcomes, from the evidence

     For each of the seven features and each of the seven outcomes (49 cells), the projects
    that demonstrate the feature and evidence the outcome, and how many distinct findings do
    (one per fact, as `list_findings?distinct=true` counts them):
    the picture the framework's Table 1 draws, computed from the evidence. `table_1` marks the
    seven pairs Table 1 prints on one row. Cached and ETagged: send `If-None-Match` to get a
    `304`.

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FrameworkMatrix | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | FrameworkMatrix | Problem | ValidationProblem | None:
    """Features against outcomes, from the evidence

     For each of the seven features and each of the seven outcomes (49 cells), the projects
    that demonstrate the feature and evidence the outcome, and how many distinct findings do
    (one per fact, as `list_findings?distinct=true` counts them):
    the picture the framework's Table 1 draws, computed from the evidence. `table_1` marks the
    seven pairs Table 1 prints on one row. Cached and ETagged: send `If-None-Match` to get a
    `304`.

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FrameworkMatrix | Problem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
