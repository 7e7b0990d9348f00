from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.fhir_operation_outcome import FhirOperationOutcome
from ...models.fhir_questionnaire import FhirQuestionnaire
from ...types import UNSET, Response, Unset


def _get_kwargs(
    resource_id: str,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/fhir/Questionnaire/{resource_id}".format(
            resource_id=quote(str(resource_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | FhirOperationOutcome | FhirQuestionnaire | None:
    if response.status_code == 200:
        response_200 = FhirQuestionnaire.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = FhirOperationOutcome.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = FhirOperationOutcome.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = FhirOperationOutcome.from_dict(response.json())

        return response_406

    if response.status_code == 412:
        response_412 = FhirOperationOutcome.from_dict(response.json())

        return response_412

    if response.status_code == 422:
        response_422 = FhirOperationOutcome.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = FhirOperationOutcome.from_dict(response.json())

        return response_429

    if response.status_code == 431:
        response_431 = FhirOperationOutcome.from_dict(response.json())

        return response_431

    if response.status_code == 503:
        response_503 = FhirOperationOutcome.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | FhirOperationOutcome | FhirQuestionnaire]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | FhirOperationOutcome | FhirQuestionnaire]:
    """An audit template as a FHIR Questionnaire

     The Questionnaire at its canonical URL, `self-audit-<version>`: the same document as
    `GET /v1/audit-templates/{version}` with `Accept: application/fhir+json`. Public.

    Args:
        resource_id (str): The resource's FHIR id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirOperationOutcome | FhirQuestionnaire]
    """

    kwargs = _get_kwargs(
        resource_id=resource_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | FhirOperationOutcome | FhirQuestionnaire | None:
    """An audit template as a FHIR Questionnaire

     The Questionnaire at its canonical URL, `self-audit-<version>`: the same document as
    `GET /v1/audit-templates/{version}` with `Accept: application/fhir+json`. Public.

    Args:
        resource_id (str): The resource's FHIR id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirOperationOutcome | FhirQuestionnaire
    """

    return sync_detailed(
        resource_id=resource_id,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | FhirOperationOutcome | FhirQuestionnaire]:
    """An audit template as a FHIR Questionnaire

     The Questionnaire at its canonical URL, `self-audit-<version>`: the same document as
    `GET /v1/audit-templates/{version}` with `Accept: application/fhir+json`. Public.

    Args:
        resource_id (str): The resource's FHIR id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirOperationOutcome | FhirQuestionnaire]
    """

    kwargs = _get_kwargs(
        resource_id=resource_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | FhirOperationOutcome | FhirQuestionnaire | None:
    """An audit template as a FHIR Questionnaire

     The Questionnaire at its canonical URL, `self-audit-<version>`: the same document as
    `GET /v1/audit-templates/{version}` with `Accept: application/fhir+json`. Public.

    Args:
        resource_id (str): The resource's FHIR id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirOperationOutcome | FhirQuestionnaire
    """

    return (
        await asyncio_detailed(
            resource_id=resource_id,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
