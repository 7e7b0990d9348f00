from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.benchmark import Benchmark
from ...models.get_benchmark_format_type_0 import GetBenchmarkFormatType0
from ...models.problem import Problem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    template_version: int,
    *,
    format_: GetBenchmarkFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, GetBenchmarkFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/benchmarks/{template_version}".format(
            template_version=quote(str(template_version), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Benchmark | Problem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = Benchmark.from_dict(response.json())

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
) -> Response[Any | Benchmark | Problem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    template_version: int,
    *,
    client: AuthenticatedClient,
    format_: GetBenchmarkFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Benchmark | Problem | ValidationProblem]:
    """Rating distribution across organisations (JSON, HTML or PDF)

     Per condition, how many organisations rated it 1, 2, 3 or 4 in their latest submitted
    audit on this template. Suppressed (no counts at all) while fewer than five organisations
    have submitted, so no organisation can be singled out. Organisations are never named.
    `Accept: text/html` or `application/pdf` gives a printable page charting the distribution
    (suppressed alike).

    Needs the `audits:read` scope.

    Args:
        template_version (int):
        format_ (GetBenchmarkFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `html` is `text/html`, `pdf` is `application/pdf`. It wins over
            `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Benchmark | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        template_version=template_version,
        format_=format_,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_version: int,
    *,
    client: AuthenticatedClient,
    format_: GetBenchmarkFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Benchmark | Problem | ValidationProblem | None:
    """Rating distribution across organisations (JSON, HTML or PDF)

     Per condition, how many organisations rated it 1, 2, 3 or 4 in their latest submitted
    audit on this template. Suppressed (no counts at all) while fewer than five organisations
    have submitted, so no organisation can be singled out. Organisations are never named.
    `Accept: text/html` or `application/pdf` gives a printable page charting the distribution
    (suppressed alike).

    Needs the `audits:read` scope.

    Args:
        template_version (int):
        format_ (GetBenchmarkFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `html` is `text/html`, `pdf` is `application/pdf`. It wins over
            `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Benchmark | Problem | ValidationProblem
    """

    return sync_detailed(
        template_version=template_version,
        client=client,
        format_=format_,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    template_version: int,
    *,
    client: AuthenticatedClient,
    format_: GetBenchmarkFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Benchmark | Problem | ValidationProblem]:
    """Rating distribution across organisations (JSON, HTML or PDF)

     Per condition, how many organisations rated it 1, 2, 3 or 4 in their latest submitted
    audit on this template. Suppressed (no counts at all) while fewer than five organisations
    have submitted, so no organisation can be singled out. Organisations are never named.
    `Accept: text/html` or `application/pdf` gives a printable page charting the distribution
    (suppressed alike).

    Needs the `audits:read` scope.

    Args:
        template_version (int):
        format_ (GetBenchmarkFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `html` is `text/html`, `pdf` is `application/pdf`. It wins over
            `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Benchmark | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        template_version=template_version,
        format_=format_,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_version: int,
    *,
    client: AuthenticatedClient,
    format_: GetBenchmarkFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Benchmark | Problem | ValidationProblem | None:
    """Rating distribution across organisations (JSON, HTML or PDF)

     Per condition, how many organisations rated it 1, 2, 3 or 4 in their latest submitted
    audit on this template. Suppressed (no counts at all) while fewer than five organisations
    have submitted, so no organisation can be singled out. Organisations are never named.
    `Accept: text/html` or `application/pdf` gives a printable page charting the distribution
    (suppressed alike).

    Needs the `audits:read` scope.

    Args:
        template_version (int):
        format_ (GetBenchmarkFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `html` is `text/html`, `pdf` is `application/pdf`. It wins over
            `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Benchmark | Problem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            template_version=template_version,
            client=client,
            format_=format_,
            if_none_match=if_none_match,
        )
    ).parsed
