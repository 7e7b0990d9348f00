"""Nothing acknowledged is lost: 8 writers create and patch audits on a served process, the
process is killed with SIGKILL mid-stream, a new one starts on the same database, and every
audit whose creation got a 2xx is there, with its last acknowledged state (or the state of a
PATCH that was in flight when the server died, which may or may not have committed)."""

import os
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from tests.conftest import ServedApp
from tests.helpers import answer, condition_slugs, tenant

pytestmark = pytest.mark.served
WRITERS = 8
RUN_SECONDS = 2.0


@dataclass
class Written:
    """What the server acknowledged for one audit, and what was in flight when it died."""

    audit_id: str
    title: str
    responses: list[dict[str, Any]]
    pending_titles: set[str] = field(default_factory=set)


def _writer(
    base_url: str,
    headers: dict[str, str],
    slugs: list[str],
    n: int,
    out: list[Written],
    stop: threading.Event,
) -> None:
    with httpx.Client(base_url=base_url, timeout=10) as http:
        i = 0
        while not stop.is_set():
            i += 1
            title = f"writer {n} audit {i}"
            responses = [answer(slugs[(n + i) % len(slugs)], (i % 4) + 1)]
            try:
                created = http.post(
                    "/v1/audits",
                    json={"template_version": 1, "title": title, "responses": responses},
                    headers=headers,
                )
            except httpx.HTTPError:
                return
            if created.status_code != 201:
                continue
            record = Written(created.json()["id"], title, responses)
            out.append(record)
            etag = created.headers["etag"]
            for j in range(2):
                new_title = f"{title} patch {j}"
                record.pending_titles.add(new_title)
                try:
                    patched = http.patch(
                        f"/v1/audits/{record.audit_id}",
                        json={"title": new_title},
                        headers={**headers, "If-Match": etag},
                    )
                except httpx.HTTPError:
                    return
                if patched.status_code != 200:
                    break
                record.title, etag = new_title, patched.headers["etag"]
                record.pending_titles.discard(new_title)


def test_kill_9_mid_stream_loses_no_acknowledged_audit(database_url: str) -> None:
    server = ServedApp(database_url)
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            headers = tenant(http)
            slugs = condition_slugs(http)
        written: list[list[Written]] = [[] for _ in range(WRITERS)]
        stop = threading.Event()
        threads = [
            threading.Thread(
                target=_writer, args=(server.base_url, headers, slugs, n, written[n], stop)
            )
            for n in range(WRITERS)
        ]
        for t in threads:
            t.start()
        time.sleep(RUN_SECONDS)
        os.kill(server.process.pid, signal.SIGKILL)  # no shutdown hooks, no flush
        server.process.wait()
        stop.set()
        for t in threads:
            t.join(timeout=30)
    finally:
        if server.process.poll() is None:
            server.process.kill()
    acknowledged = [w for per_writer in written for w in per_writer]
    assert len(acknowledged) >= WRITERS, "the writers barely wrote; the test proves nothing"

    restarted = ServedApp(database_url)
    try:
        with httpx.Client(base_url=restarted.base_url, timeout=30) as http:
            found = 0
            for w in acknowledged:
                got = http.get(f"/v1/audits/{w.audit_id}", headers=headers)
                assert got.status_code == 200, (w, got.text)
                body = got.json()
                assert body["title"] in {w.title, *w.pending_titles}, (w, body["title"])
                by_condition = {r["condition"]: r for r in body["responses"]}
                for sent in w.responses:
                    stored = by_condition[sent["condition"]]
                    for key, value in sent.items():
                        assert stored[key] == value, (w.audit_id, key)
                found += 1
    finally:
        restarted.stop()
    engine = "postgresql" if database_url.startswith("postgresql") else "sqlite"
    print(f"\nkill -9 on {engine}: {len(acknowledged)} audits acknowledged, {found} found intact")
    assert found == len(acknowledged)
