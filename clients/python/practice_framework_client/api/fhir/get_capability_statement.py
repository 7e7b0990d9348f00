from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_capability_statement_fhir_capability_statement import GetCapabilityStatementFhirCapabilityStatement
from ...models.get_capability_statement_fhir_operation_outcome import GetCapabilityStatementFhirOperationOutcome
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
        "url": "/fhir/metadata",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GetCapabilityStatementFhirCapabilityStatement | GetCapabilityStatementFhirOperationOutcome | None:
    if response.status_code == 200:
        response_200 = GetCapabilityStatementFhirCapabilityStatement.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = GetCapabilityStatementFhirOperationOutcome.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | GetCapabilityStatementFhirCapabilityStatement | GetCapabilityStatementFhirOperationOutcome]:
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
) -> Response[Any | GetCapabilityStatementFhirCapabilityStatement | GetCapabilityStatementFhirOperationOutcome]:
    """The FHIR CapabilityStatement

     What this FHIR base serves: Questionnaire and CodeSystem reads, and QuestionnaireResponse
    `$validate`. Public.

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetCapabilityStatementFhirCapabilityStatement | GetCapabilityStatementFhirOperationOutcome]
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
) -> Any | GetCapabilityStatementFhirCapabilityStatement | GetCapabilityStatementFhirOperationOutcome | None:
    """The FHIR CapabilityStatement

     What this FHIR base serves: Questionnaire and CodeSystem reads, and QuestionnaireResponse
    `$validate`. Public.

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetCapabilityStatementFhirCapabilityStatement | GetCapabilityStatementFhirOperationOutcome
    """

    return sync_detailed(
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | GetCapabilityStatementFhirCapabilityStatement | GetCapabilityStatementFhirOperationOutcome]:
    """The FHIR CapabilityStatement

     What this FHIR base serves: Questionnaire and CodeSystem reads, and QuestionnaireResponse
    `$validate`. Public.

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetCapabilityStatementFhirCapabilityStatement | GetCapabilityStatementFhirOperationOutcome]
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
) -> Any | GetCapabilityStatementFhirCapabilityStatement | GetCapabilityStatementFhirOperationOutcome | None:
    """The FHIR CapabilityStatement

     What this FHIR base serves: Questionnaire and CodeSystem reads, and QuestionnaireResponse
    `$validate`. Public.

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetCapabilityStatementFhirCapabilityStatement | GetCapabilityStatementFhirOperationOutcome
    """

    return (
        await asyncio_detailed(
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
