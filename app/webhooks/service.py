"""Webhook subscriptions: creating, changing, rotating, deleting, test events and hand
retries; and the deliverer's database steps (fan-out, claim, record). Services never commit."""

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from app.audits.outbox import Event
from app.core.config import get_settings
from app.core.db import utcnow
from app.core.errors import Conflict, NotFound
from app.core.ids import time_ordered_uuid
from app.core.pagination import ListParamsModel
from app.events import repository as events
from app.events.service import public as event_public
from app.tenants.service import Caller
from app.webhooks import repository, signing
from app.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from app.webhooks.schemas import (
    TEST_EVENT,
    AttemptPublic,
    DeliveryPublic,
    WebhookCreate,
    WebhookCreated,
    WebhookPublic,
    WebhookSecret,
    WebhookUpdate,
)

ROTATION_OVERLAP = timedelta(hours=24)


def public(sub: WebhookSubscription) -> WebhookPublic:
    return WebhookPublic(
        id=sub.id,
        url=sub.url,
        events=sub.events.split(),
        description=sub.description,
        enabled=sub.enabled,
        disabled_reason=sub.disabled_reason,
        failing_since=sub.failing_since,
        created_at=sub.created_at,
        updated_at=sub.updated_at,
        href=f"/v1/webhooks/{sub.id}",
    )


def get_owned(session: Session, caller: Caller, id_: str) -> WebhookSubscription:
    """The caller's subscription; another organisation's is a 404, as a missing one."""
    sub = repository.subscription_of(session, caller.organisation, id_)
    if sub is None:
        raise NotFound(f"No webhook subscription with id '{id_}'.")
    return sub


def page(
    session: Session, caller: Caller, params: ListParamsModel
) -> tuple[list[WebhookSubscription], str | None]:
    return repository.subscription_page(session, caller.organisation, params)


def create(session: Session, caller: Caller, body: WebhookCreate) -> WebhookCreated:
    now = utcnow()
    sub = WebhookSubscription(
        id=time_ordered_uuid(),
        organisation=caller.organisation,
        url=body.url,
        events=" ".join(dict.fromkeys(body.events)),
        description=body.description,
        secret=signing.new_secret(),
        # From the next event on: what happened before is in GET /v1/events.
        last_event_seq=events.newest_seq(session, caller.organisation),
        created_at=now,
        updated_at=now,
    )
    session.add(sub)
    session.flush()
    return WebhookCreated(**public(sub).model_dump(), secret=sub.secret)


def update(session: Session, caller: Caller, id_: str, patch: WebhookUpdate) -> WebhookPublic:
    sub = get_owned(session, caller, id_)
    changes = patch.model_dump(exclude_unset=True, exclude_none=True)
    if "events" in changes:
        sub.events = " ".join(dict.fromkeys(changes.pop("events")))
    if changes.pop("enabled", None) is True and not sub.enabled:
        sub.enabled, sub.disabled_reason, sub.failing_since = True, None, None
        # Events while it was off are not sent (they are in GET /v1/events).
        sub.last_event_seq = events.newest_seq(session, caller.organisation)
    elif patch.enabled is False:
        sub.enabled, sub.disabled_reason = False, "Disabled by the organisation."
    for name, value in changes.items():
        setattr(sub, name, value)
    sub.updated_at = utcnow()
    session.add(sub)
    session.flush()
    return public(sub)


def delete(session: Session, caller: Caller, id_: str) -> None:
    repository.delete_subscription(session, get_owned(session, caller, id_))


def rotate(session: Session, caller: Caller, id_: str) -> WebhookSecret:
    sub = get_owned(session, caller, id_)
    now = utcnow()
    sub.previous_secret, sub.secret = sub.secret, signing.new_secret()
    sub.previous_secret_expires_at = now + ROTATION_OVERLAP
    sub.updated_at = now
    session.add(sub)
    return WebhookSecret(secret=sub.secret, previous_secret_expires_at=now + ROTATION_OVERLAP)


def _delivery(
    subscription_id: str, organisation: str, body: dict[str, Any], seq: int | None
) -> dict[str, Any]:
    """A new delivery row of the event document `body`, due now."""
    now = utcnow()
    return {
        "id": time_ordered_uuid(),
        "subscription_id": subscription_id,
        "organisation": organisation,
        "event_type": body["type"],
        "event_id": body["id"],
        "event_seq": seq,
        # Fixed now: every attempt sends the same bytes under the same `webhook-id`.
        "payload": json.dumps(body, separators=(",", ":")),
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }


def send_test(session: Session, caller: Caller, id_: str) -> DeliveryPublic:
    """Queue a `webhook.test` event for this subscription only, whatever its event types."""
    sub = get_owned(session, caller, id_)
    body = {
        "id": time_ordered_uuid(),
        "type": TEST_EVENT,
        "occurred_at": utcnow().isoformat(),
        "data": {"webhook_id": sub.id},
    }
    row = _delivery(sub.id, sub.organisation, body, None)
    repository.add_deliveries(session, [row])
    delivery = repository.delivery_of(session, sub.id, row["id"])
    assert delivery is not None
    return delivery_public(delivery, [])


def retry(session: Session, caller: Caller, id_: str, delivery_id: str) -> DeliveryPublic:
    sub = get_owned(session, caller, id_)
    delivery = repository.delivery_of(session, sub.id, delivery_id)
    if delivery is None:
        raise NotFound(f"No delivery with id '{delivery_id}' for this subscription.")
    if not sub.enabled:
        raise Conflict("The subscription is disabled; enable it (PATCH enabled: true) first.")
    delivery.status, delivery.next_attempt_at = "pending", utcnow()
    session.add(delivery)
    session.flush()
    return delivery_public(delivery, repository.attempts_of(session, [delivery.id]))


def delivery_public(delivery: WebhookDelivery, attempts: list[WebhookAttempt]) -> DeliveryPublic:
    return DeliveryPublic.model_validate(
        {
            **delivery.model_dump(),
            "attempt_log": [AttemptPublic.model_validate(a.model_dump()) for a in attempts],
        }
    )


def delivery_page(
    session: Session, caller: Caller, id_: str, params: ListParamsModel
) -> tuple[list[DeliveryPublic], str | None]:
    sub = get_owned(session, caller, id_)
    rows, cursor = repository.delivery_page(session, sub.id, params)
    by_delivery: dict[str, list[WebhookAttempt]] = {}
    for attempt in repository.attempts_of(session, [d.id for d in rows]):
        by_delivery.setdefault(attempt.delivery_id, []).append(attempt)
    return [delivery_public(d, by_delivery.get(d.id, [])) for d in rows], cursor


# -- the deliverer's database steps ----------------------------------------------------------

FAN_OUT_BATCH = 500


def fan_out(session: Session) -> int:
    """Make a delivery for each enabled subscription and each new event of its organisation
    of a type it wants; move each subscription past what it was given. How many were made."""
    rows = repository.undelivered_events(session, FAN_OUT_BATCH)
    made: list[dict[str, Any]] = []
    reached: dict[str, int] = {}
    for event, sub_id, wanted in rows:
        assert isinstance(event, Event) and event.seq is not None
        reached[sub_id] = max(reached.get(sub_id, 0), event.seq)
        if event.type in wanted.split():
            body = event_public(event).model_dump(mode="json")
            made.append(_delivery(sub_id, event.organisation, body, event.seq))
    repository.add_deliveries(session, made)
    for sub_id, seq in reached.items():
        repository.advance(session, sub_id, seq)
    return len(made)


@dataclass(frozen=True)
class Outcome:
    """What one attempt came to."""

    started_at: datetime
    duration_ms: int
    status_code: int | None = None
    error: str | None = None
    excerpt: str | None = None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def record_all(session: Session, attempts: list[tuple[str, int, Outcome]]) -> None:
    """Log each finished attempt (delivery id, its number, how it went), read together."""
    found = repository.deliveries_with_subscriptions(session, [a[0] for a in attempts])
    for delivery_id, number, outcome in attempts:
        if delivery_id in found:  # else its subscription was deleted meanwhile
            _record(session, *found[delivery_id], number, outcome)


def _record(
    session: Session,
    delivery: WebhookDelivery,
    sub: WebhookSubscription,
    number: int,
    outcome: Outcome,
) -> None:
    """Log attempt `number` and schedule what follows: done, the next retry (jittered), or
    given up when the schedule is spent. A subscription that has failed continuously for
    WEBHOOK_DISABLE_AFTER is disabled, with the reason."""
    delivery_id = delivery.id
    settings, now = get_settings(), utcnow()
    next_at: datetime | None = None
    if outcome.delivered:
        delivery.status, delivery.delivered_at = "delivered", now
        sub.failing_since = None
    else:
        schedule = settings.webhook_retry_schedule
        if number <= len(schedule):
            wait = schedule[number - 1] * random.uniform(0.8, 1.2)  # jitter: no stampede
            next_at = now + timedelta(seconds=wait)
            delivery.status = "pending"
        else:
            delivery.status = "failed"
        sub.failing_since = sub.failing_since or outcome.started_at
        if sub.enabled and now - sub.failing_since >= timedelta(
            seconds=settings.webhook_disable_after
        ):
            sub.enabled = False
            sub.disabled_reason = (
                f"Disabled at {now.isoformat()}: every delivery attempt since "
                f"{sub.failing_since.isoformat()} failed (last: {outcome.error})."
            )
    delivery.attempts, delivery.next_attempt_at, delivery.lease_until = number, next_at, None
    delivery.last_status_code, delivery.last_error = outcome.status_code, outcome.error
    session.add(
        WebhookAttempt(
            delivery_id=delivery_id,
            number=number,
            started_at=outcome.started_at,
            duration_ms=outcome.duration_ms,
            status_code=outcome.status_code,
            error=outcome.error,
            response_excerpt=outcome.excerpt,
            next_attempt_at=next_at,
        )
    )


def signing_keys(sub: WebhookSubscription) -> list[str]:
    """The secret, and the previous one while its rotation overlap lasts."""
    keys = [sub.secret]
    expires = sub.previous_secret_expires_at
    if sub.previous_secret and expires and expires > utcnow():
        keys.append(sub.previous_secret)
    return keys
