from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.fhir_operation_outcome import FhirOperationOutcome
from ...models.fhir_validate_body import FhirValidateBody
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: FhirValidateBody | FhirValidateBody | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/fhir/QuestionnaireResponse/$validate",
    }

    if isinstance(body, FhirValidateBody):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/fhir+json"
    if isinstance(body, FhirValidateBody):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FhirOperationOutcome | None:
    if response.status_code == 200:
        response_200 = FhirOperationOutcome.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = FhirOperationOutcome.from_dict(response.json())

        return response_400

    if response.status_code == 408:
        response_408 = FhirOperationOutcome.from_dict(response.json())

        return response_408

    if response.status_code == 413:
        response_413 = FhirOperationOutcome.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = FhirOperationOutcome.from_dict(response.json())

        return response_415

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
) -> Response[FhirOperationOutcome]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FhirValidateBody | FhirValidateBody | Unset = UNSET,
) -> Response[FhirOperationOutcome]:
    """Check a QuestionnaireResponse against its Questionnaire

     The issues `POST /v1/audits` would refuse, and those FHIR tools would flag: structure,
    linkIds the template does not have, ratings off its scale, answers over the length limits,
    a `completed` response that leaves a prompt unanswered. The body is the
    QuestionnaireResponse, or a `Parameters` resource with it as `resource`. `200` with an
    OperationOutcome (one `information` issue when all is well) for any such resource; nothing
    is stored. Public: it reads no organisation's data, and is rate-limited like any request.

    Args:
        body (FhirValidateBody): What `$validate` takes: a QuestionnaireResponse, however wrong
            (finding that out is the
            point), or a Parameters resource carrying one as `resource`; any JSON within.
        body (FhirValidateBody): What `$validate` takes: a QuestionnaireResponse, however wrong
            (finding that out is the
            point), or a Parameters resource carrying one as `resource`; any JSON within.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FhirOperationOutcome]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: FhirValidateBody | FhirValidateBody | Unset = UNSET,
) -> FhirOperationOutcome | None:
    """Check a QuestionnaireResponse against its Questionnaire

     The issues `POST /v1/audits` would refuse, and those FHIR tools would flag: structure,
    linkIds the template does not have, ratings off its scale, answers over the length limits,
    a `completed` response that leaves a prompt unanswered. The body is the
    QuestionnaireResponse, or a `Parameters` resource with it as `resource`. `200` with an
    OperationOutcome (one `information` issue when all is well) for any such resource; nothing
    is stored. Public: it reads no organisation's data, and is rate-limited like any request.

    Args:
        body (FhirValidateBody): What `$validate` takes: a QuestionnaireResponse, however wrong
            (finding that out is the
            point), or a Parameters resource carrying one as `resource`; any JSON within.
        body (FhirValidateBody): What `$validate` takes: a QuestionnaireResponse, however wrong
            (finding that out is the
            point), or a Parameters resource carrying one as `resource`; any JSON within.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FhirOperationOutcome
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FhirValidateBody | FhirValidateBody | Unset = UNSET,
) -> Response[FhirOperationOutcome]:
    """Check a QuestionnaireResponse against its Questionnaire

     The issues `POST /v1/audits` would refuse, and those FHIR tools would flag: structure,
    linkIds the template does not have, ratings off its scale, answers over the length limits,
    a `completed` response that leaves a prompt unanswered. The body is the
    QuestionnaireResponse, or a `Parameters` resource with it as `resource`. `200` with an
    OperationOutcome (one `information` issue when all is well) for any such resource; nothing
    is stored. Public: it reads no organisation's data, and is rate-limited like any request.

    Args:
        body (FhirValidateBody): What `$validate` takes: a QuestionnaireResponse, however wrong
            (finding that out is the
            point), or a Parameters resource carrying one as `resource`; any JSON within.
        body (FhirValidateBody): What `$validate` takes: a QuestionnaireResponse, however wrong
            (finding that out is the
            point), or a Parameters resource carrying one as `resource`; any JSON within.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FhirOperationOutcome]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FhirValidateBody | FhirValidateBody | Unset = UNSET,
) -> FhirOperationOutcome | None:
    """Check a QuestionnaireResponse against its Questionnaire

     The issues `POST /v1/audits` would refuse, and those FHIR tools would flag: structure,
    linkIds the template does not have, ratings off its scale, answers over the length limits,
    a `completed` response that leaves a prompt unanswered. The body is the
    QuestionnaireResponse, or a `Parameters` resource with it as `resource`. `200` with an
    OperationOutcome (one `information` issue when all is well) for any such resource; nothing
    is stored. Public: it reads no organisation's data, and is rate-limited like any request.

    Args:
        body (FhirValidateBody): What `$validate` takes: a QuestionnaireResponse, however wrong
            (finding that out is the
            point), or a Parameters resource carrying one as `resource`; any JSON within.
        body (FhirValidateBody): What `$validate` takes: a QuestionnaireResponse, however wrong
            (finding that out is the
            point), or a Parameters resource carrying one as `resource`; any JSON within.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FhirOperationOutcome
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
