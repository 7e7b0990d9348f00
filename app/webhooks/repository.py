"""Webhook queries: subscriptions, the fan-out of outbox events into deliveries, claiming due
deliveries (one worker at a time) and recording attempts."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from app.audits.outbox import Event
from app.core.pagination import ListParamsModel, SortKey, keyset_page
from app.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription


def subscription_of(session: Session, organisation: str, id_: str) -> WebhookSubscription | None:
    stmt = select(WebhookSubscription).where(
        col(WebhookSubscription.id) == id_, col(WebhookSubscription.organisation) == organisation
    )
    return session.exec(stmt).first()


def subscription_page(
    session: Session, organisation: str, params: ListParamsModel
) -> tuple[list[WebhookSubscription], str | None]:
    stmt = select(WebhookSubscription).where(col(WebhookSubscription.organisation) == organisation)
    keys = [SortKey(col(WebhookSubscription.id))]
    return keyset_page(session, stmt, keys, lambda s: [s.id], params)


def delete_subscription(session: Session, subscription: WebhookSubscription) -> None:
    deliveries = select(WebhookDelivery.id).where(
        col(WebhookDelivery.subscription_id) == subscription.id
    )
    session.exec(delete(WebhookAttempt).where(col(WebhookAttempt.delivery_id).in_(deliveries)))
    session.exec(
        delete(WebhookDelivery).where(col(WebhookDelivery.subscription_id) == subscription.id)
    )
    session.delete(subscription)


def delivery_of(session: Session, subscription_id: str, id_: str) -> WebhookDelivery | None:
    stmt = select(WebhookDelivery).where(
        col(WebhookDelivery.id) == id_, col(WebhookDelivery.subscription_id) == subscription_id
    )
    return session.exec(stmt).first()


def deliveries_with_subscriptions(
    session: Session, delivery_ids: list[str]
) -> dict[str, tuple[WebhookDelivery, WebhookSubscription]]:
    """Each delivery with its subscription, by delivery id, in one statement (a deleted
    subscription's deliveries are gone with it, so absent)."""
    stmt = (
        select(WebhookDelivery, WebhookSubscription)
        .join(
            WebhookSubscription,
            col(WebhookSubscription.id) == col(WebhookDelivery.subscription_id),
        )
        .where(col(WebhookDelivery.id).in_(delivery_ids))
    )
    return {delivery.id: (delivery, sub) for delivery, sub in session.exec(stmt)}


def delivery_page(
    session: Session, subscription_id: str, params: ListParamsModel
) -> tuple[list[WebhookDelivery], str | None]:
    """Newest first (ids are time-ordered)."""
    stmt = select(WebhookDelivery).where(col(WebhookDelivery.subscription_id) == subscription_id)
    keys = [SortKey(col(WebhookDelivery.id), descending=True)]
    return keyset_page(session, stmt, keys, lambda d: [d.id], params)


def attempts_of(session: Session, delivery_ids: Sequence[str]) -> list[WebhookAttempt]:
    stmt = (
        select(WebhookAttempt)
        .where(col(WebhookAttempt.delivery_id).in_(delivery_ids))
        .order_by(col(WebhookAttempt.delivery_id), col(WebhookAttempt.number))
    )
    return list(session.exec(stmt).all())


# -- the deliverer ---------------------------------------------------------------------------


def undelivered_events(session: Session, limit: int) -> list[Any]:
    """(event, subscription id, its event types) for each enabled subscription and each of
    its organisation's events it has not yet been given, oldest first."""
    stmt = (
        select(Event, WebhookSubscription.id, WebhookSubscription.events)
        .join(
            WebhookSubscription,
            (col(WebhookSubscription.organisation) == col(Event.organisation))
            & (col(Event.seq) > col(WebhookSubscription.last_event_seq)),
        )
        .where(col(WebhookSubscription.enabled).is_(True))
        .order_by(col(Event.seq), col(WebhookSubscription.id))
        .limit(limit)
    )
    return list(session.exec(stmt).all())


def add_deliveries(session: Session, rows: list[dict[str, Any]]) -> None:
    """INSERT, skipping any (subscription, event) another worker has made already."""
    if not rows:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = WebhookDelivery.__table__  # type: ignore[attr-defined]
    stmt = dialect.insert(table).on_conflict_do_nothing()
    session.connection().execute(stmt, rows)


def advance(session: Session, subscription_id: str, seq: int) -> None:
    """Move the subscription's position forward (never back)."""
    session.exec(
        update(WebhookSubscription)
        .where(
            col(WebhookSubscription.id) == subscription_id,
            col(WebhookSubscription.last_event_seq) < seq,
        )
        .values(last_event_seq=seq)
    )


def _due(now: datetime) -> Any:
    """Pending, its attempt time come, and no worker's lease on it."""
    lease = col(WebhookDelivery.lease_until)
    return and_(
        col(WebhookDelivery.status) == "pending",
        col(WebhookDelivery.next_attempt_at) <= now,
        lease.is_(None) | (lease < now),
    )


def claim_due(session: Session, now: datetime, lease_until: datetime, limit: int) -> list[Any]:
    """Take up to `limit` due deliveries of enabled subscriptions for this worker until
    `lease_until`, with what an attempt needs. `FOR UPDATE SKIP LOCKED` on PostgreSQL keeps
    two workers off one row; on SQLite the writer gate runs one such transaction at a time."""
    due = (
        select(WebhookDelivery.id)
        .join(
            WebhookSubscription,
            col(WebhookSubscription.id) == col(WebhookDelivery.subscription_id),
        )
        .where(_due(now), col(WebhookSubscription.enabled).is_(True))
        .order_by(col(WebhookDelivery.next_attempt_at))
        .limit(limit)
        .with_for_update(of=WebhookDelivery, skip_locked=True)
    )
    ids = list(session.exec(due).all())
    if not ids:
        return []
    session.exec(
        update(WebhookDelivery)
        .where(col(WebhookDelivery.id).in_(ids))
        .values(lease_until=lease_until)
    )
    stmt = (
        select(WebhookDelivery, WebhookSubscription)
        .join(
            WebhookSubscription,
            col(WebhookSubscription.id) == col(WebhookDelivery.subscription_id),
        )
        .where(col(WebhookDelivery.id).in_(ids))
    )
    return list(session.exec(stmt).all())


def any_due(session: Session, now: datetime) -> bool:
    """Whether a delivery is due and unleased (a read, before a claim's write)."""
    stmt = select(WebhookDelivery.id).where(_due(now)).limit(1)
    return session.exec(stmt).first() is not None


def prune_deliveries(session: Session, before: datetime) -> None:
    """Deliveries finished (delivered or given up) before `before`, with their attempts."""
    old = select(WebhookDelivery.id).where(
        col(WebhookDelivery.status) != "pending", col(WebhookDelivery.created_at) < before
    )
    session.exec(delete(WebhookAttempt).where(col(WebhookAttempt.delivery_id).in_(old)))
    session.exec(
        delete(WebhookDelivery).where(
            col(WebhookDelivery.status) != "pending", col(WebhookDelivery.created_at) < before
        )
    )
