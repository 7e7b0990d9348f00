"""The OpenAPI 3.1 `webhooks` section: one entry per event type a subscription can receive,
with the signed POST's body (the change feed's event document) and headers."""

from typing import Annotated

from fastapi import FastAPI, Header

from app.audits.outbox import EVENT_TYPES
from app.events.schemas import EventPublic

SIGNED = (
    "Signed as the Standard Webhooks specification says: verify `webhook-signature` over "
    "`webhook-id`, `webhook-timestamp` and the raw body with the subscription's secret "
    "(any Standard Webhooks library does it). Answer 2xx within 10 s; anything else is "
    "retried, with the same `webhook-id`, so drop a repeat you have already handled."
)
WebhookIdHeader = Annotated[str, Header(alias="webhook-id", description="Same on every retry.")]
TimestampHeader = Annotated[str, Header(alias="webhook-timestamp", description="Unix seconds.")]
SignatureHeader = Annotated[
    str,
    Header(
        alias="webhook-signature",
        description="`v1,<base64 HMAC-SHA256>`; two, space-separated, for 24 h after a rotation.",
    ),
]


def describe(app: FastAPI) -> None:
    for event_type in EVENT_TYPES:
        action = event_type.removeprefix("audit.")

        async def receive(
            body: EventPublic,
            webhook_id: WebhookIdHeader,
            webhook_timestamp: TimestampHeader,
            webhook_signature: SignatureHeader,
        ) -> None:
            """Placeholder: only its signature is read, to describe the webhook."""

        app.webhooks.add_api_route(
            event_type,
            receive,
            methods=["POST"],
            name=f"audit_{action}",
            summary=f"An audit was {action}",
            description=f"Sent to subscriptions with `{event_type}` in their `events`. " + SIGNED,
            status_code=200,
            responses={200: {"description": "Received. Any 2xx will do."}},
            # The receiver authenticates the sender by the signature, not by a token.
            openapi_extra={"security": []},
        )
