"""Webhook subscriptions and their delivery log (organisation key with `webhooks:manage`)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.core.config import get_settings
from app.core.db import SessionDep
from app.core.db_route import db_route
from app.core.errors import (
    Conflict,
    FieldError,
    Forbidden,
    NotFound,
    Unauthorized,
    UnsupportedMediaType,
    ValidationFailed,
    problem_responses,
)
from app.core.http import TENANT_CACHE_CONTROL
from app.core.json_bodies import JsonBody
from app.core.openapi_statuses import response_headers
from app.core.pagination import ListParams, Page, set_link
from app.tenants.dependencies import WebhookManager
from app.tenants.service import Caller
from app.webhooks import addresses, service
from app.webhooks.schemas import (
    DeliveryPublic,
    WebhookCreate,
    WebhookCreated,
    WebhookPublic,
    WebhookSecret,
    WebhookUpdate,
)

router = APIRouter(prefix="/v1", tags=["Integration"])

WebhookId = Annotated[uuid.UUID, Path(description="The subscription's id.")]
DeliveryId = Annotated[uuid.UUID, Path(description="The delivery's id (its `webhook-id`).")]
AUTH = (Unauthorized, Forbidden)
ONE = problem_responses(*AUTH, NotFound, ValidationFailed)
BODY = problem_responses(*AUTH, UnsupportedMediaType, ValidationFailed)


def _private(response: Response) -> None:
    response.headers["Cache-Control"] = TENANT_CACHE_CONTROL


async def _checked_url(url: str) -> None:
    """422 naming `url` unless it may be called now: a host that does not resolve yet is
    accepted, since every delivery checks the address it then resolves to."""
    allow_private = get_settings().webhook_allow_private_networks
    try:
        addresses.check_form(url, allow_private)
        await addresses.resolve(url, allow_private, unresolved_ok=True)
    except addresses.Refused as exc:
        raise ValidationFailed(
            f"The webhook url {exc}.", errors=[FieldError(pointer="#/body/url", detail=str(exc))]
        ) from exc


@db_route
def _create(session: SessionDep, caller: Caller, body: WebhookCreate) -> WebhookCreated:
    return service.create(session, caller, body)


@router.post(
    "/webhooks",
    status_code=201,
    response_model=WebhookCreated,
    summary="Subscribe to events",
    responses={
        **BODY,
        201: {
            "description": "The subscription, with its secret (shown once).",
            **response_headers("Location"),
        },
    },
)
async def create_webhook(
    body: WebhookCreate,
    caller: WebhookManager,
    session: SessionDep,
    response: Response,
    _media: JsonBody,
) -> WebhookCreated:
    """Subscribes `url` to the organisation's events of the listed types. Each event is POSTed
    as JSON (the `GET /v1/events` document), signed as the Standard Webhooks specification
    says with the `secret` in this response, which is not shown again (rotate it to get a new
    one). Delivery is at least once: retried on `WEBHOOK_RETRY_SCHEDULE` (5 s, 5 min, 30 min,
    2 h, 5 h, 10 h, 10 h by default) until the receiver answers 2xx within 10 s; a repeat has
    the same `webhook-id`. After 5 days of continuous failure the subscription is disabled.
    The url must be `https`, to a public address, without credentials: anything else is
    `422`; redirects are never followed."""
    await _checked_url(body.url)
    created = await _create(session=session, caller=caller, body=body)
    _private(response)
    response.headers["Location"] = created.href
    return created


@router.get(
    "/webhooks",
    response_model=Page[WebhookPublic],
    summary="List webhook subscriptions",
    responses=problem_responses(*AUTH, ValidationFailed),
)
@db_route
def list_webhooks(
    request: Request,
    caller: WebhookManager,
    session: SessionDep,
    params: ListParams,
    response: Response,
) -> Page[WebhookPublic]:
    """The organisation's subscriptions, oldest first. Secrets are never shown."""
    rows, cursor = service.page(session, caller, params)
    _private(response)
    set_link(request, response, cursor)
    return Page[WebhookPublic](items=[service.public(s) for s in rows], next_cursor=cursor)


@router.get(
    "/webhooks/{webhook_id}",
    response_model=WebhookPublic,
    summary="Get a webhook subscription",
    responses=ONE,
)
@db_route
def get_webhook(
    webhook_id: WebhookId, caller: WebhookManager, session: SessionDep, response: Response
) -> WebhookPublic:
    """One subscription, with whether it is enabled and, if the service disabled it, why.
    Another organisation's is `404`, exactly as a missing one."""
    _private(response)
    return service.public(service.get_owned(session, caller, str(webhook_id)))


@db_route
def _update(session: SessionDep, caller: Caller, id_: str, patch: WebhookUpdate) -> WebhookPublic:
    return service.update(session, caller, id_, patch)


@router.patch(
    "/webhooks/{webhook_id}",
    response_model=WebhookPublic,
    summary="Change a webhook subscription",
    responses={**ONE, **BODY},
)
async def update_webhook(
    webhook_id: WebhookId,
    patch: WebhookUpdate,
    caller: WebhookManager,
    session: SessionDep,
    response: Response,
    _media: JsonBody,
) -> WebhookPublic:
    """Changes the url, event types or description; `enabled: true` turns a disabled
    subscription back on (the events it missed are in `GET /v1/events`), `false` pauses it."""
    if patch.url is not None:
        await _checked_url(patch.url)
    _private(response)
    return await _update(session=session, caller=caller, id_=str(webhook_id), patch=patch)


@router.delete(
    "/webhooks/{webhook_id}",
    status_code=204,
    summary="Delete a webhook subscription",
    responses=ONE,
)
@db_route
def delete_webhook(webhook_id: WebhookId, caller: WebhookManager, session: SessionDep) -> Response:
    """Deletes the subscription and its delivery log; nothing more is sent to it."""
    service.delete(session, caller, str(webhook_id))
    return Response(status_code=204, headers={"Cache-Control": TENANT_CACHE_CONTROL})


@router.post(
    "/webhooks/{webhook_id}/rotate-secret",
    response_model=WebhookSecret,
    summary="Rotate a webhook subscription's secret",
    responses=ONE,
)
@db_route
def rotate_webhook_secret(
    webhook_id: WebhookId, caller: WebhookManager, session: SessionDep, response: Response
) -> WebhookSecret:
    """A new signing secret, shown once. For 24 hours deliveries carry two signatures, one
    with each secret, so the receiver can switch to the new one without missing a delivery."""
    _private(response)
    return service.rotate(session, caller, str(webhook_id))


@router.post(
    "/webhooks/{webhook_id}/test",
    status_code=202,
    response_model=DeliveryPublic,
    summary="Send a test event",
    responses=ONE,
)
@db_route
def test_webhook(
    webhook_id: WebhookId, caller: WebhookManager, session: SessionDep, response: Response
) -> DeliveryPublic:
    """Queues a `webhook.test` event to this subscription (whatever its event types), sent
    and logged like any other: follow it in `/deliveries`."""
    _private(response)
    return service.send_test(session, caller, str(webhook_id))


@router.get(
    "/webhooks/{webhook_id}/deliveries",
    response_model=Page[DeliveryPublic],
    summary="A webhook subscription's delivery log",
    responses=ONE,
)
@db_route
def list_webhook_deliveries(
    request: Request,
    webhook_id: WebhookId,
    caller: WebhookManager,
    session: SessionDep,
    params: ListParams,
    response: Response,
) -> Page[DeliveryPublic]:
    """Newest first: each delivery's event, status (`pending`, `delivered`, `failed` once
    the retry schedule is spent), next attempt, and every attempt with its HTTP status,
    duration, error and the start of the receiver's answer."""
    items, cursor = service.delivery_page(session, caller, str(webhook_id), params)
    _private(response)
    set_link(request, response, cursor)
    return Page[DeliveryPublic](items=items, next_cursor=cursor)


@router.post(
    "/webhooks/{webhook_id}/deliveries/{delivery_id}/retry",
    status_code=202,
    response_model=DeliveryPublic,
    summary="Send a delivery again",
    responses={**ONE, **problem_responses(Conflict)},
)
@db_route
def retry_webhook_delivery(
    webhook_id: WebhookId,
    delivery_id: DeliveryId,
    caller: WebhookManager,
    session: SessionDep,
    response: Response,
) -> DeliveryPublic:
    """Queues one more attempt of any delivery, delivered or failed, now (same `webhook-id`).
    `409` while the subscription is disabled."""
    _private(response)
    return service.retry(session, caller, str(webhook_id), str(delivery_id))
