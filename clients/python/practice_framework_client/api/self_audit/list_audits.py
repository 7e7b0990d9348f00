import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_page import AuditPage
from ...models.audit_sort import AuditSort
from ...models.audit_status import AuditStatus
from ...models.list_audits_format_type_0 import ListAuditsFormatType0
from ...models.problem import Problem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: AuditStatus | None | Unset = UNSET,
    template_version: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sort: AuditSort | Unset = UNSET,
    format_: ListAuditsFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AuditStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_template_version: int | None | Unset
    if isinstance(template_version, Unset):
        json_template_version = UNSET
    else:
        json_template_version = template_version
    params["template_version"] = json_template_version

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ListAuditsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audits",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditPage | Problem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = AuditPage.from_dict(response.json())

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
) -> Response[AuditPage | Problem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: AuditStatus | None | Unset = UNSET,
    template_version: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sort: AuditSort | Unset = UNSET,
    format_: ListAuditsFormatType0 | None | Unset = UNSET,
) -> Response[AuditPage | Problem | ValidationProblem]:
    """List the organisation's audits (JSON or CSV of responses)

     The caller's audits, keyset-paginated (`limit`, `cursor`, `Link`) with `total`, newest
    first unless `sort` says otherwise, filtered by `status`, `template_version` and
    `updated_since`. For an incremental sync: `?updated_since=<last sync>&sort=updated_at`,
    page to the end, and keep the time you started as the next `updated_since` (or follow
    `GET /v1/events`). An unknown query parameter is `422`, so a typo never widens a sync.
    Other organisations' audits are never listed. `Accept: text/csv` (or `?format=csv`) gives
    the responses of this page's audits as CSV, `?format=xlsx` as an XLSX sheet with the same
    rows.

    Needs the `audits:read` scope.

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        status (AuditStatus | None | Unset): `draft` or `submitted`.
        template_version (int | None | Unset):
        updated_since (datetime.datetime | None | Unset): Only audits saved at or after this
            instant (ISO 8601 with an offset, e.g. `2026-03-01T00:00:00Z`): for incremental sync, pass
            the time of the last sync.
        sort (AuditSort | Unset):
        format_ (ListAuditsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `csv` is `text/csv`, `xlsx` is `application/vnd.openxmlformats-
            officedocument.spreadsheetml.sheet`. It wins over `Accept`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        template_version=template_version,
        updated_since=updated_since,
        sort=sort,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: AuditStatus | None | Unset = UNSET,
    template_version: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sort: AuditSort | Unset = UNSET,
    format_: ListAuditsFormatType0 | None | Unset = UNSET,
) -> AuditPage | Problem | ValidationProblem | None:
    """List the organisation's audits (JSON or CSV of responses)

     The caller's audits, keyset-paginated (`limit`, `cursor`, `Link`) with `total`, newest
    first unless `sort` says otherwise, filtered by `status`, `template_version` and
    `updated_since`. For an incremental sync: `?updated_since=<last sync>&sort=updated_at`,
    page to the end, and keep the time you started as the next `updated_since` (or follow
    `GET /v1/events`). An unknown query parameter is `422`, so a typo never widens a sync.
    Other organisations' audits are never listed. `Accept: text/csv` (or `?format=csv`) gives
    the responses of this page's audits as CSV, `?format=xlsx` as an XLSX sheet with the same
    rows.

    Needs the `audits:read` scope.

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        status (AuditStatus | None | Unset): `draft` or `submitted`.
        template_version (int | None | Unset):
        updated_since (datetime.datetime | None | Unset): Only audits saved at or after this
            instant (ISO 8601 with an offset, e.g. `2026-03-01T00:00:00Z`): for incremental sync, pass
            the time of the last sync.
        sort (AuditSort | Unset):
        format_ (ListAuditsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `csv` is `text/csv`, `xlsx` is `application/vnd.openxmlformats-
            officedocument.spreadsheetml.sheet`. It wins over `Accept`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        status=status,
        template_version=template_version,
        updated_since=updated_since,
        sort=sort,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: AuditStatus | None | Unset = UNSET,
    template_version: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sort: AuditSort | Unset = UNSET,
    format_: ListAuditsFormatType0 | None | Unset = UNSET,
) -> Response[AuditPage | Problem | ValidationProblem]:
    """List the organisation's audits (JSON or CSV of responses)

     The caller's audits, keyset-paginated (`limit`, `cursor`, `Link`) with `total`, newest
    first unless `sort` says otherwise, filtered by `status`, `template_version` and
    `updated_since`. For an incremental sync: `?updated_since=<last sync>&sort=updated_at`,
    page to the end, and keep the time you started as the next `updated_since` (or follow
    `GET /v1/events`). An unknown query parameter is `422`, so a typo never widens a sync.
    Other organisations' audits are never listed. `Accept: text/csv` (or `?format=csv`) gives
    the responses of this page's audits as CSV, `?format=xlsx` as an XLSX sheet with the same
    rows.

    Needs the `audits:read` scope.

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        status (AuditStatus | None | Unset): `draft` or `submitted`.
        template_version (int | None | Unset):
        updated_since (datetime.datetime | None | Unset): Only audits saved at or after this
            instant (ISO 8601 with an offset, e.g. `2026-03-01T00:00:00Z`): for incremental sync, pass
            the time of the last sync.
        sort (AuditSort | Unset):
        format_ (ListAuditsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `csv` is `text/csv`, `xlsx` is `application/vnd.openxmlformats-
            officedocument.spreadsheetml.sheet`. It wins over `Accept`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        template_version=template_version,
        updated_since=updated_since,
        sort=sort,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: AuditStatus | None | Unset = UNSET,
    template_version: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sort: AuditSort | Unset = UNSET,
    format_: ListAuditsFormatType0 | None | Unset = UNSET,
) -> AuditPage | Problem | ValidationProblem | None:
    """List the organisation's audits (JSON or CSV of responses)

     The caller's audits, keyset-paginated (`limit`, `cursor`, `Link`) with `total`, newest
    first unless `sort` says otherwise, filtered by `status`, `template_version` and
    `updated_since`. For an incremental sync: `?updated_since=<last sync>&sort=updated_at`,
    page to the end, and keep the time you started as the next `updated_since` (or follow
    `GET /v1/events`). An unknown query parameter is `422`, so a typo never widens a sync.
    Other organisations' audits are never listed. `Accept: text/csv` (or `?format=csv`) gives
    the responses of this page's audits as CSV, `?format=xlsx` as an XLSX sheet with the same
    rows.

    Needs the `audits:read` scope.

    Args:
        limit (int | Unset): Page size, 1 to 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's `next_cursor`.
        status (AuditStatus | None | Unset): `draft` or `submitted`.
        template_version (int | None | Unset):
        updated_since (datetime.datetime | None | Unset): Only audits saved at or after this
            instant (ISO 8601 with an offset, e.g. `2026-03-01T00:00:00Z`): for incremental sync, pass
            the time of the last sync.
        sort (AuditSort | Unset):
        format_ (ListAuditsFormatType0 | None | Unset): A shortcut for `Accept`: `json` is
            `application/json`, `csv` is `text/csv`, `xlsx` is `application/vnd.openxmlformats-
            officedocument.spreadsheetml.sheet`. It wins over `Accept`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            status=status,
            template_version=template_version,
            updated_since=updated_since,
            sort=sort,
            format_=format_,
        )
    ).parsed
