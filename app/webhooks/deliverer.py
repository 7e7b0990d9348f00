"""The webhook deliverer: one asyncio task per worker process, started with the app.

Each tick it (1) turns new outbox events into deliveries, (2) claims the deliveries that are
due, leasing each to this worker, and (3) POSTs them concurrently, off the request path: a
slow or dead receiver holds only one of `CONCURRENCY` slots here, never a request. The
attempts that finished are recorded together, in one short transaction at the next tick. A
busy deliverer ticks again soon; an idle one polls every `POLL_SECONDS`. A worker killed
mid-attempt leaves a lease that runs out, and another worker (or this one, restarted) sends
the delivery again under the same `webhook-id`: at least once. docs/architecture.md
("Webhooks and the change feed") says how this moves to a process of its own at scale, and
why no broker is needed below that.
"""

import asyncio
import contextlib
import logging
import time
from datetime import timedelta
from typing import Any

import httpx
from starlette.concurrency import run_in_threadpool

from app.core.config import get_settings
from app.core.db import read_session, utcnow, write_session
from app.events import repository as events
from app.webhooks import addresses, repository, service, signing
from app.webhooks.models import WebhookDelivery, WebhookSubscription

log = logging.getLogger(__name__)
POLL_SECONDS = 0.1  # while idle; a busy deliverer goes straight on
# Between busy ticks, at least this, and at least YIELD_FACTOR times as long as the tick took:
# under load the API's requests keep most of the process (the deliverer catches up after).
BUSY_PAUSE_SECONDS = 0.01
YIELD_FACTOR = 1
MAX_BUSY_PAUSE_SECONDS = 0.3  # a slow tick (the pool queued it) must not hold deliveries back
CONCURRENCY = 16  # attempts in flight per worker
# A claimed delivery is this worker's for its attempt's time limit and then this much more;
# after a crash, another worker takes it once the lease has run out.
LEASE_MARGIN = timedelta(seconds=5)
RESPONSE_READ_BYTES = 16 * 1024  # read at most this much of a receiver's answer...
EXCERPT_CHARS = 1024  # ...and keep this much of it
PRUNE_EVERY_SECONDS = 3600.0
USER_AGENT = "PracticeFrameworkAPI-Webhooks/2.0 (+https://www.standardwebhooks.com/)"


def _read(func: Any) -> Any:
    with read_session() as session:
        return func(session)


def _write(func: Any, *args: Any) -> Any:
    with write_session() as session:
        result = func(session, *args)
        session.commit()
        return result


def _fan_out_if_any() -> int:
    # A read first: an idle tick must not take SQLite's write lock five times a second.
    if not _read(lambda s: repository.undelivered_events(s, 1)):
        return 0
    made: int = _write(service.fan_out)
    return made


def _claim(limit: int) -> list[tuple[WebhookDelivery, WebhookSubscription]]:
    now = utcnow()
    lease = timedelta(seconds=get_settings().webhook_timeout_seconds) + LEASE_MARGIN
    if not _read(lambda s: repository.any_due(s, now)):
        return []
    claimed: list[Any] = _write(repository.claim_due, now, now + lease, limit)
    return [(d, s) for d, s in claimed]


def _prune() -> None:
    settings = get_settings()
    before = utcnow() - timedelta(days=settings.event_retention_days)
    _write(events.prune, before)
    _write(repository.prune_deliveries, before)


class Deliverer:
    def __init__(self) -> None:
        self._timeout = get_settings().webhook_timeout_seconds
        self._in_flight: set[asyncio.Task[None]] = set()
        # Finished attempts, recorded together at the next tick: one transaction for many.
        self._finished: list[tuple[str, int, service.Outcome]] = []
        self._last_prune = 0.0

    async def run(self) -> None:
        async with httpx.AsyncClient(
            follow_redirects=False,
            timeout=httpx.Timeout(self._timeout),
            headers={"user-agent": USER_AGENT},
            trust_env=False,  # no proxy from the environment: the address checked is the one used
        ) as client:
            try:
                while True:
                    busy, began = False, time.monotonic()
                    try:
                        busy = await self._tick(client)
                    except Exception:  # a database outage, say: try again next tick
                        log.warning("webhook deliverer tick failed", exc_info=True)
                    took = time.monotonic() - began
                    pause = min(
                        MAX_BUSY_PAUSE_SECONDS, max(BUSY_PAUSE_SECONDS, YIELD_FACTOR * took)
                    )
                    await asyncio.sleep(pause if busy else POLL_SECONDS)
            finally:
                for task in self._in_flight:
                    task.cancel()

    async def _tick(self, client: httpx.AsyncClient) -> bool:
        """One round; True if it found work (the next round follows at once)."""
        made = await run_in_threadpool(_fan_out_if_any)
        recorded = await self._record_finished()
        room = CONCURRENCY - len(self._in_flight)
        claimed = await run_in_threadpool(_claim, room) if room > 0 else []
        for delivery, sub in claimed:
            task = asyncio.create_task(self._attempt(client, delivery, sub))
            self._in_flight.add(task)
            task.add_done_callback(self._in_flight.discard)
        if time.monotonic() - self._last_prune > PRUNE_EVERY_SECONDS:
            self._last_prune = time.monotonic()
            await run_in_threadpool(_prune)
        return bool(made or recorded or claimed)

    async def _record_finished(self) -> int:
        if not self._finished:
            return 0
        batch, self._finished = self._finished, []
        try:
            await run_in_threadpool(_write, service.record_all, batch)
        except Exception:  # their leases run out and the attempts are made again
            log.warning("could not record %d webhook attempts", len(batch), exc_info=True)
        return len(batch)

    async def _attempt(
        self, client: httpx.AsyncClient, delivery: WebhookDelivery, sub: WebhookSubscription
    ) -> None:
        started, clock = utcnow(), time.monotonic()
        try:
            status, error, excerpt = await asyncio.wait_for(
                _post(client, delivery, sub), self._timeout
            )
        except TimeoutError:
            status, error, excerpt = None, f"timed out after {self._timeout:g} s", None
        outcome = service.Outcome(
            started_at=started,
            duration_ms=round((time.monotonic() - clock) * 1000),
            status_code=status,
            error=error,
            excerpt=excerpt,
        )
        self._finished.append((delivery.id, delivery.attempts + 1, outcome))


async def _post(
    client: httpx.AsyncClient, delivery: WebhookDelivery, sub: WebhookSubscription
) -> tuple[int | None, str | None, str | None]:
    """(status, error, excerpt of the answer) of one POST, to an address checked now."""
    try:
        target = await addresses.resolve(sub.url, get_settings().webhook_allow_private_networks)
    except addresses.Refused as exc:
        return None, f"refused: {exc}", None
    assert target is not None  # unresolved hosts are refused here
    body = delivery.payload.encode()
    headers = {
        "content-type": "application/json",
        "host": target.url.netloc.rpartition("@")[2],
        **signing.headers(service.signing_keys(sub), delivery.id, int(time.time()), body),
    }
    host = target.address.compressed
    host = f"[{host}]" if target.address.version == 6 else host
    url = target.url._replace(netloc=f"{host}:{target.port}", fragment="").geturl()
    # Connect to the address that was checked, with the name for TLS (SNI and certificate).
    extensions = {"sni_hostname": target.url.hostname} if target.url.scheme == "https" else {}
    try:
        request = client.build_request(
            "POST", url, content=body, headers=headers, extensions=extensions
        )
        response = await client.send(request, stream=True)
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"[:500] or type(exc).__name__, None
    try:
        excerpt = await _excerpt(response)
    finally:
        await response.aclose()
    code = response.status_code
    if 200 <= code < 300:
        return code, None, excerpt
    if 300 <= code < 400:
        return code, f"HTTP {code}: redirects are not followed", excerpt
    return code, f"HTTP {code}", excerpt


async def _excerpt(response: httpx.Response) -> str | None:
    read = bytearray()
    with contextlib.suppress(httpx.HTTPError):
        async for chunk in response.aiter_raw():
            read += chunk
            if len(read) >= RESPONSE_READ_BYTES:
                break
    text = bytes(read[: EXCERPT_CHARS * 4]).decode("utf-8", "replace")[:EXCERPT_CHARS]
    return text or None


def start() -> "asyncio.Task[None] | None":
    """The deliverer of this worker, unless WEBHOOK_DELIVERER is off."""
    if not get_settings().webhook_deliverer:
        return None
    return asyncio.create_task(Deliverer().run(), name="webhook-deliverer")
