from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.finding_facet import FindingFacet
from ...models.finding_kind import FindingKind
from ...models.finding_page import FindingPage
from ...models.list_findings_format_type_0 import ListFindingsFormatType0
from ...models.problem import Problem
from ...models.unit import Unit
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    project: None | str | Unset = UNSET,
    programme: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    feature: None | str | Unset = UNSET,
    kind: FindingKind | None | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    source: None | str | Unset = UNSET,
    design_strength: int | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    distinct: bool | Unset = False,
    sort: str | Unset = "slug",
    facets: list[FindingFacet] | Unset = UNSET,
    format_: ListFindingsFormatType0 | None | Unset = UNSET,
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

    json_project: None | str | Unset
    if isinstance(project, Unset):
        json_project = UNSET
    else:
        json_project = project
    params["project"] = json_project

    json_programme: None | str | Unset
    if isinstance(programme, Unset):
        json_programme = UNSET
    else:
        json_programme = programme
    params["programme"] = json_programme

    json_outcome: None | str | Unset
    if isinstance(outcome, Unset):
        json_outcome = UNSET
    else:
        json_outcome = outcome
    params["outcome"] = json_outcome

    json_feature: None | str | Unset
    if isinstance(feature, Unset):
        json_feature = UNSET
    else:
        json_feature = feature
    params["feature"] = json_feature

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, FindingKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_unit: None | str | Unset
    if isinstance(unit, Unset):
        json_unit = UNSET
    elif isinstance(unit, Unit):
        json_unit = unit.value
    else:
        json_unit = unit
    params["unit"] = json_unit

    json_source: None | str | Unset
    if isinstance(source, Unset):
        json_source = UNSET
    else:
        json_source = source
    params["source"] = json_source

    json_design_strength: int | None | Unset
    if isinstance(design_strength, Unset):
        json_design_strength = UNSET
    else:
        json_design_strength = design_strength
    params["design_strength"] = json_design_strength

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["distinct"] = distinct

    params["sort"] = sort

    json_facets: list[str] | Unset = UNSET
    if not isinstance(facets, Unset):
        json_facets = []
        for facets_item_data in facets:
            facets_item = facets_item_data.value
            json_facets.append(facets_item)

    params["facets"] = json_facets

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ListFindingsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/findings",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | FindingPage | Problem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = FindingPage.from_dict(response.json())

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
) -> Response[Any | FindingPage | Problem | ValidationProblem]:
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
    project: None | str | Unset = UNSET,
    programme: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    feature: None | str | Unset = UNSET,
    kind: FindingKind | None | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    source: None | str | Unset = UNSET,
    design_strength: int | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    distinct: bool | Unset = False,
    sort: str | Unset = "slug",
    facets: list[FindingFacet] | Unset = UNSET,
    format_: ListFindingsFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | FindingPage | Problem | ValidationProblem]:
    """List quantitative findings

     Every quantitative result in the texts as one row: project, outcomes, kind, metric,
    baseline and result with units and periods, comparison, sample, significance, the
    verbatim statement and its citation. Figures the texts state differently are separate
    rows. `facets` counts the matching findings per kind, outcome, feature, ... for a
    dashboard (`?facets=kind,outcome`). CSV with `Accept: text/csv` or `?format=csv`, XLSX
    with `?format=xlsx` (all matching rows, no pagination, no facets).

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        project (None | str | Unset):
        programme (None | str | Unset):
        outcome (None | str | Unset):
        feature (None | str | Unset): Findings of projects that demonstrate this feature.
        kind (FindingKind | None | Unset):
        unit (None | Unit | Unset):
        source (None | str | Unset):
        design_strength (int | None | Unset): Findings of projects whose evaluation has this
            `design_strength` (0-4; see the rule).
        q (None | str | Unset): Case-insensitive substring filter.
        distinct (bool | Unset): One finding per fact: only the canonical one of each
            `same_fact_as` group. Default: False.
        sort (str | Unset): Sort field; prefix `-` for descending. Missing values sort lowest.
            Default: 'slug'.
        facets (list[FindingFacet] | Unset): Facets to count for the current filter (all filters
            applied, not the page), comma-separated (`facets=kind,outcome`) or repeated. Each answers
            in `facets` as `{value, count}` pairs, most frequent first; `value` null counts the rows
            without one.
        format_ (ListFindingsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `csv` is `text/csv`, `xlsx` is `application/vnd.openxmlformats-
            officedocument.spreadsheetml.sheet`. It wins over `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FindingPage | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        project=project,
        programme=programme,
        outcome=outcome,
        feature=feature,
        kind=kind,
        unit=unit,
        source=source,
        design_strength=design_strength,
        q=q,
        distinct=distinct,
        sort=sort,
        facets=facets,
        format_=format_,
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
    project: None | str | Unset = UNSET,
    programme: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    feature: None | str | Unset = UNSET,
    kind: FindingKind | None | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    source: None | str | Unset = UNSET,
    design_strength: int | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    distinct: bool | Unset = False,
    sort: str | Unset = "slug",
    facets: list[FindingFacet] | Unset = UNSET,
    format_: ListFindingsFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | FindingPage | Problem | ValidationProblem | None:
    """List quantitative findings

     Every quantitative result in the texts as one row: project, outcomes, kind, metric,
    baseline and result with units and periods, comparison, sample, significance, the
    verbatim statement and its citation. Figures the texts state differently are separate
    rows. `facets` counts the matching findings per kind, outcome, feature, ... for a
    dashboard (`?facets=kind,outcome`). CSV with `Accept: text/csv` or `?format=csv`, XLSX
    with `?format=xlsx` (all matching rows, no pagination, no facets).

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        project (None | str | Unset):
        programme (None | str | Unset):
        outcome (None | str | Unset):
        feature (None | str | Unset): Findings of projects that demonstrate this feature.
        kind (FindingKind | None | Unset):
        unit (None | Unit | Unset):
        source (None | str | Unset):
        design_strength (int | None | Unset): Findings of projects whose evaluation has this
            `design_strength` (0-4; see the rule).
        q (None | str | Unset): Case-insensitive substring filter.
        distinct (bool | Unset): One finding per fact: only the canonical one of each
            `same_fact_as` group. Default: False.
        sort (str | Unset): Sort field; prefix `-` for descending. Missing values sort lowest.
            Default: 'slug'.
        facets (list[FindingFacet] | Unset): Facets to count for the current filter (all filters
            applied, not the page), comma-separated (`facets=kind,outcome`) or repeated. Each answers
            in `facets` as `{value, count}` pairs, most frequent first; `value` null counts the rows
            without one.
        format_ (ListFindingsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `csv` is `text/csv`, `xlsx` is `application/vnd.openxmlformats-
            officedocument.spreadsheetml.sheet`. It wins over `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FindingPage | Problem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        project=project,
        programme=programme,
        outcome=outcome,
        feature=feature,
        kind=kind,
        unit=unit,
        source=source,
        design_strength=design_strength,
        q=q,
        distinct=distinct,
        sort=sort,
        facets=facets,
        format_=format_,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    project: None | str | Unset = UNSET,
    programme: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    feature: None | str | Unset = UNSET,
    kind: FindingKind | None | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    source: None | str | Unset = UNSET,
    design_strength: int | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    distinct: bool | Unset = False,
    sort: str | Unset = "slug",
    facets: list[FindingFacet] | Unset = UNSET,
    format_: ListFindingsFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | FindingPage | Problem | ValidationProblem]:
    """List quantitative findings

     Every quantitative result in the texts as one row: project, outcomes, kind, metric,
    baseline and result with units and periods, comparison, sample, significance, the
    verbatim statement and its citation. Figures the texts state differently are separate
    rows. `facets` counts the matching findings per kind, outcome, feature, ... for a
    dashboard (`?facets=kind,outcome`). CSV with `Accept: text/csv` or `?format=csv`, XLSX
    with `?format=xlsx` (all matching rows, no pagination, no facets).

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        project (None | str | Unset):
        programme (None | str | Unset):
        outcome (None | str | Unset):
        feature (None | str | Unset): Findings of projects that demonstrate this feature.
        kind (FindingKind | None | Unset):
        unit (None | Unit | Unset):
        source (None | str | Unset):
        design_strength (int | None | Unset): Findings of projects whose evaluation has this
            `design_strength` (0-4; see the rule).
        q (None | str | Unset): Case-insensitive substring filter.
        distinct (bool | Unset): One finding per fact: only the canonical one of each
            `same_fact_as` group. Default: False.
        sort (str | Unset): Sort field; prefix `-` for descending. Missing values sort lowest.
            Default: 'slug'.
        facets (list[FindingFacet] | Unset): Facets to count for the current filter (all filters
            applied, not the page), comma-separated (`facets=kind,outcome`) or repeated. Each answers
            in `facets` as `{value, count}` pairs, most frequent first; `value` null counts the rows
            without one.
        format_ (ListFindingsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `csv` is `text/csv`, `xlsx` is `application/vnd.openxmlformats-
            officedocument.spreadsheetml.sheet`. It wins over `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FindingPage | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        project=project,
        programme=programme,
        outcome=outcome,
        feature=feature,
        kind=kind,
        unit=unit,
        source=source,
        design_strength=design_strength,
        q=q,
        distinct=distinct,
        sort=sort,
        facets=facets,
        format_=format_,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    project: None | str | Unset = UNSET,
    programme: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    feature: None | str | Unset = UNSET,
    kind: FindingKind | None | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    source: None | str | Unset = UNSET,
    design_strength: int | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    distinct: bool | Unset = False,
    sort: str | Unset = "slug",
    facets: list[FindingFacet] | Unset = UNSET,
    format_: ListFindingsFormatType0 | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | FindingPage | Problem | ValidationProblem | None:
    """List quantitative findings

     Every quantitative result in the texts as one row: project, outcomes, kind, metric,
    baseline and result with units and periods, comparison, sample, significance, the
    verbatim statement and its citation. Figures the texts state differently are separate
    rows. `facets` counts the matching findings per kind, outcome, feature, ... for a
    dashboard (`?facets=kind,outcome`). CSV with `Accept: text/csv` or `?format=csv`, XLSX
    with `?format=xlsx` (all matching rows, no pagination, no facets).

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        project (None | str | Unset):
        programme (None | str | Unset):
        outcome (None | str | Unset):
        feature (None | str | Unset): Findings of projects that demonstrate this feature.
        kind (FindingKind | None | Unset):
        unit (None | Unit | Unset):
        source (None | str | Unset):
        design_strength (int | None | Unset): Findings of projects whose evaluation has this
            `design_strength` (0-4; see the rule).
        q (None | str | Unset): Case-insensitive substring filter.
        distinct (bool | Unset): One finding per fact: only the canonical one of each
            `same_fact_as` group. Default: False.
        sort (str | Unset): Sort field; prefix `-` for descending. Missing values sort lowest.
            Default: 'slug'.
        facets (list[FindingFacet] | Unset): Facets to count for the current filter (all filters
            applied, not the page), comma-separated (`facets=kind,outcome`) or repeated. Each answers
            in `facets` as `{value, count}` pairs, most frequent first; `value` null counts the rows
            without one.
        format_ (ListFindingsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `csv` is `text/csv`, `xlsx` is `application/vnd.openxmlformats-
            officedocument.spreadsheetml.sheet`. It wins over `Accept`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FindingPage | Problem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            project=project,
            programme=programme,
            outcome=outcome,
            feature=feature,
            kind=kind,
            unit=unit,
            source=source,
            design_strength=design_strength,
            q=q,
            distinct=distinct,
            sort=sort,
            facets=facets,
            format_=format_,
            if_none_match=if_none_match,
        )
    ).parsed
