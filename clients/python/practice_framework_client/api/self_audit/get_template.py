from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.template_public import TemplatePublic
from ...models.validation_problem import ValidationProblem
from ...types import Response


def _get_kwargs(
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit-templates/{version}".format(
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TemplatePublic | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = TemplatePublic.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

    if response.status_code == 422:
        response_422 = ValidationProblem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TemplatePublic | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | TemplatePublic | ValidationProblem]:
    """Get one audit template (JSON or FHIR Questionnaire)

     The twelve conditions which promote good practice, verbatim, each with its three prompts,
    its recommendation, and the features and enablers it bears on (a mapping curated by this
    project, each entry with a rationale), plus the optional 1-4 rating scale (this project's,
    not the source's). `Accept: application/fhir+json` returns a FHIR R4 `Questionnaire`.

    Args:
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplatePublic | ValidationProblem]
    """

    kwargs = _get_kwargs(
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | TemplatePublic | ValidationProblem | None:
    """Get one audit template (JSON or FHIR Questionnaire)

     The twelve conditions which promote good practice, verbatim, each with its three prompts,
    its recommendation, and the features and enablers it bears on (a mapping curated by this
    project, each entry with a rationale), plus the optional 1-4 rating scale (this project's,
    not the source's). `Accept: application/fhir+json` returns a FHIR R4 `Questionnaire`.

    Args:
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplatePublic | ValidationProblem
    """

    return sync_detailed(
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | TemplatePublic | ValidationProblem]:
    """Get one audit template (JSON or FHIR Questionnaire)

     The twelve conditions which promote good practice, verbatim, each with its three prompts,
    its recommendation, and the features and enablers it bears on (a mapping curated by this
    project, each entry with a rationale), plus the optional 1-4 rating scale (this project's,
    not the source's). `Accept: application/fhir+json` returns a FHIR R4 `Questionnaire`.

    Args:
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplatePublic | ValidationProblem]
    """

    kwargs = _get_kwargs(
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | TemplatePublic | ValidationProblem | None:
    """Get one audit template (JSON or FHIR Questionnaire)

     The twelve conditions which promote good practice, verbatim, each with its three prompts,
    its recommendation, and the features and enablers it bears on (a mapping curated by this
    project, each entry with a rationale), plus the optional 1-4 rating scale (this project's,
    not the source's). `Accept: application/fhir+json` returns a FHIR R4 `Questionnaire`.

    Args:
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplatePublic | ValidationProblem
    """

    return (
        await asyncio_detailed(
            version=version,
            client=client,
        )
    ).parsed
