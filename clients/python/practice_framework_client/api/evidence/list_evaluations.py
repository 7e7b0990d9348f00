from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evaluation_design import EvaluationDesign
from ...models.evaluation_facet import EvaluationFacet
from ...models.evaluation_page import EvaluationPage
from ...models.problem import Problem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    design: EvaluationDesign | None | Unset = UNSET,
    design_strength: int | None | Unset = UNSET,
    programme: None | str | Unset = UNSET,
    facets: list[EvaluationFacet] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_design: None | str | Unset
    if isinstance(design, Unset):
        json_design = UNSET
    elif isinstance(design, EvaluationDesign):
        json_design = design.value
    else:
        json_design = design
    params["design"] = json_design

    json_design_strength: int | None | Unset
    if isinstance(design_strength, Unset):
        json_design_strength = UNSET
    else:
        json_design_strength = design_strength
    params["design_strength"] = json_design_strength

    json_programme: None | str | Unset
    if isinstance(programme, Unset):
        json_programme = UNSET
    else:
        json_programme = programme
    params["programme"] = json_programme

    json_facets: list[str] | Unset = UNSET
    if not isinstance(facets, Unset):
        json_facets = []
        for facets_item_data in facets:
            facets_item = facets_item_data.value
            json_facets.append(facets_item)

    params["facets"] = json_facets

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/evaluations",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | EvaluationPage | Problem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = EvaluationPage.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[Any | EvaluationPage | Problem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    design: EvaluationDesign | None | Unset = UNSET,
    design_strength: int | None | Unset = UNSET,
    programme: None | str | Unset = UNSET,
    facets: list[EvaluationFacet] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | EvaluationPage | Problem | ValidationProblem]:
    """List evaluations

     Evaluation designs, methods, samples, duration and limitations, strongest design first; `facets`
    counts them per design, design strength or programme (`?facets=design_strength`).

    `design_strength` is derived from `design` alone by a rule of this API, not by the sources, which do
    not grade projects: randomised controlled trial = 4; quasi-experimental or historic case matching (a
    comparison group) = 3; pre/post or mixed methods without a comparison group = 2; qualitative only =
    1; unknown = 0.

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        design (EvaluationDesign | None | Unset):
        design_strength (int | None | Unset):
        programme (None | str | Unset): Evaluations of this programme's projects.
        facets (list[EvaluationFacet] | Unset): Facets to count for the current filter (all
            filters applied, not the page), comma-separated (`facets=kind,outcome`) or repeated. Each
            answers in `facets` as `{value, count}` pairs, most frequent first; `value` null counts
            the rows without one.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EvaluationPage | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        design=design,
        design_strength=design_strength,
        programme=programme,
        facets=facets,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    design: EvaluationDesign | None | Unset = UNSET,
    design_strength: int | None | Unset = UNSET,
    programme: None | str | Unset = UNSET,
    facets: list[EvaluationFacet] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | EvaluationPage | Problem | ValidationProblem | None:
    """List evaluations

     Evaluation designs, methods, samples, duration and limitations, strongest design first; `facets`
    counts them per design, design strength or programme (`?facets=design_strength`).

    `design_strength` is derived from `design` alone by a rule of this API, not by the sources, which do
    not grade projects: randomised controlled trial = 4; quasi-experimental or historic case matching (a
    comparison group) = 3; pre/post or mixed methods without a comparison group = 2; qualitative only =
    1; unknown = 0.

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        design (EvaluationDesign | None | Unset):
        design_strength (int | None | Unset):
        programme (None | str | Unset): Evaluations of this programme's projects.
        facets (list[EvaluationFacet] | Unset): Facets to count for the current filter (all
            filters applied, not the page), comma-separated (`facets=kind,outcome`) or repeated. Each
            answers in `facets` as `{value, count}` pairs, most frequent first; `value` null counts
            the rows without one.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EvaluationPage | Problem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        design=design,
        design_strength=design_strength,
        programme=programme,
        facets=facets,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    design: EvaluationDesign | None | Unset = UNSET,
    design_strength: int | None | Unset = UNSET,
    programme: None | str | Unset = UNSET,
    facets: list[EvaluationFacet] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | EvaluationPage | Problem | ValidationProblem]:
    """List evaluations

     Evaluation designs, methods, samples, duration and limitations, strongest design first; `facets`
    counts them per design, design strength or programme (`?facets=design_strength`).

    `design_strength` is derived from `design` alone by a rule of this API, not by the sources, which do
    not grade projects: randomised controlled trial = 4; quasi-experimental or historic case matching (a
    comparison group) = 3; pre/post or mixed methods without a comparison group = 2; qualitative only =
    1; unknown = 0.

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        design (EvaluationDesign | None | Unset):
        design_strength (int | None | Unset):
        programme (None | str | Unset): Evaluations of this programme's projects.
        facets (list[EvaluationFacet] | Unset): Facets to count for the current filter (all
            filters applied, not the page), comma-separated (`facets=kind,outcome`) or repeated. Each
            answers in `facets` as `{value, count}` pairs, most frequent first; `value` null counts
            the rows without one.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EvaluationPage | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        design=design,
        design_strength=design_strength,
        programme=programme,
        facets=facets,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    design: EvaluationDesign | None | Unset = UNSET,
    design_strength: int | None | Unset = UNSET,
    programme: None | str | Unset = UNSET,
    facets: list[EvaluationFacet] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | EvaluationPage | Problem | ValidationProblem | None:
    """List evaluations

     Evaluation designs, methods, samples, duration and limitations, strongest design first; `facets`
    counts them per design, design strength or programme (`?facets=design_strength`).

    `design_strength` is derived from `design` alone by a rule of this API, not by the sources, which do
    not grade projects: randomised controlled trial = 4; quasi-experimental or historic case matching (a
    comparison group) = 3; pre/post or mixed methods without a comparison group = 2; qualitative only =
    1; unknown = 0.

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        design (EvaluationDesign | None | Unset):
        design_strength (int | None | Unset):
        programme (None | str | Unset): Evaluations of this programme's projects.
        facets (list[EvaluationFacet] | Unset): Facets to count for the current filter (all
            filters applied, not the page), comma-separated (`facets=kind,outcome`) or repeated. Each
            answers in `facets` as `{value, count}` pairs, most frequent first; `value` null counts
            the rows without one.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EvaluationPage | Problem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            design=design,
            design_strength=design_strength,
            programme=programme,
            facets=facets,
            if_none_match=if_none_match,
        )
    ).parsed
