"""Webhook subscriptions and their delivery log as the API shows them."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, WithJsonSchema

from app.audits.outbox import EventType
from app.core.json_bodies import NO_CONTROL_CHARACTERS
from app.core.named_schemas import Named
from app.webhooks.addresses import PUBLIC_URL_PATTERN

# Its form is checked with the deployment's setting (addresses.check_shape): the published
# pattern is the form every deployment accepts; one allowing private networks takes more.
WebhookUrl = Annotated[
    str,
    StringConstraints(max_length=2048),
    WithJsonSchema({"type": "string", "maxLength": 2048, "pattern": PUBLIC_URL_PATTERN}),
]
Description = Annotated[str, StringConstraints(max_length=500, pattern=NO_CONTROL_CHARACTERS)]
EventTypes = Annotated[list[EventType], Field(min_length=1, max_length=4)]
DeliveryStatus = Annotated[Literal["pending", "delivered", "failed"], Named("DeliveryStatus")]
TEST_EVENT = "webhook.test"

URL_DOC = (
    "Where events are POSTed: an `https` URL naming its host by a DNS name (not an IP address, "
    "not `localhost`) that resolves only to public addresses, without credentials or fragment. "
    "The address is checked when saved (a name that does not resolve yet is accepted) and "
    "again at every delivery; redirects are not followed. A server set to allow private "
    "networks, for development, also takes plain `http` and IP addresses."
)
EXAMPLE_URL = "https://cms.example.org/hooks/practice-framework"


class WebhookCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "url": EXAMPLE_URL,
                    "events": ["audit.submitted", "audit.amended"],
                    "description": "Case-management system",
                }
            ]
        },
    )

    url: WebhookUrl = Field(description=URL_DOC)
    events: EventTypes = Field(description="The event types to send; each at most once.")
    description: Description = ""


class WebhookUpdate(BaseModel):
    """Members left out are unchanged. `enabled: true` turns a disabled subscription back on
    (events while it was off are not sent: read them from `GET /v1/events`)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"events": ["audit.submitted"]}]}
    )

    url: WebhookUrl | None = Field(None, description=URL_DOC)
    events: EventTypes | None = None
    description: Description | None = None
    enabled: StrictBool | None = None


class WebhookPublic(BaseModel):
    id: str = Field(examples=["0193a4f5-21c3-7d4e-9b50-6c7d8e9fa012"])
    url: str = Field(examples=[EXAMPLE_URL])
    events: list[EventType]
    description: str = Field(examples=["Case-management system"])
    enabled: bool = Field(examples=[True])
    disabled_reason: str | None = Field(
        None, description="Why the service turned it off (after continuous failure)."
    )
    failing_since: datetime | None = Field(
        None, description="Since when every delivery attempt has failed; null when healthy."
    )
    created_at: datetime
    updated_at: datetime
    href: str = Field(examples=["/v1/webhooks/0193a4f5-21c3-7d4e-9b50-6c7d8e9fa012"])


class WebhookSecret(BaseModel):
    secret: str = Field(
        description="The signing secret (`whsec_...`), shown only here: verify each delivery's "
        "`webhook-signature` with it, as the Standard Webhooks specification says.",
        examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    )
    previous_secret_expires_at: datetime | None = Field(
        None,
        description="After a rotation, deliveries also carry a signature with the old secret "
        "until then (24 hours), so a receiver can switch without missing one.",
    )


class WebhookCreated(WebhookPublic, WebhookSecret):
    pass


class AttemptPublic(BaseModel):
    number: int = Field(examples=[1])
    started_at: datetime
    duration_ms: int = Field(examples=[182])
    status_code: int | None = Field(None, description="The receiver's HTTP status, if any.")
    error: str | None = Field(None, examples=["connection refused"])
    response_excerpt: str | None = Field(
        None, description="The start of the receiver's response body (at most 1 KB)."
    )
    next_attempt_at: datetime | None = Field(
        None, description="When the next attempt was scheduled; null once delivered or given up."
    )


class DeliveryPublic(BaseModel):
    id: str = Field(
        description="Also the `webhook-id` header of every attempt: the same on a retry.",
        examples=["0193a4f6-3d1e-7f20-8c61-7d8e9fa0b123"],
    )
    event_id: str = Field(examples=["0193a4f3-0b1d-7c2e-8a40-5b6c7d8e9f01"])
    event_type: str = Field(examples=["audit.submitted"])
    status: DeliveryStatus
    attempts: int = Field(examples=[1])
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
    attempt_log: list[AttemptPublic]
