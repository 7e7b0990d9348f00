"""Answers of the fast audit reads, kept while the SQLite database is unchanged.

`PRAGMA data_version` on a connection changes whenever another connection, in this process or
another, commits to the database. The connection here never writes, so its data_version moves
with every commit anywhere: an answer read while it held one value is the answer a read would
give again while it still holds it. Asking costs a few microseconds, where the read session
behind a fast read (pool checkout, the key check, the version lookups) took about half of the
worker's time on `GET /v1/audits` at 16 connections (bench/results/profiles.md). Screens and
dashboards poll the same pages between writes; any write empties the lot, so under a steady
write load this costs only the question.

An answer stands in for the key check too, so it is kept no longer than its key's
`last_used_at` may go unwritten (`Caller.next_touch`); revoking a key is a write, so the next
request with it is checked again. PostgreSQL has no such cheap and exact signal: there every
read goes to the database.
"""

import hashlib
import sqlite3
import weakref
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import Scope, Send

from app.core.config import get_settings
from app.core.db import get_engine, sqlite_file, utcnow
from app.core.lru import SizedLRU
from app.tenants.service import Caller

# What a fast read's answer depends on besides the database: the path and query, and these.
KEY_HEADERS = frozenset({b"authorization", b"accept", b"if-none-match"})
ENTRY_OVERHEAD = 512  # bytes a kept answer costs beyond its body (headers, the entry itself)


@dataclass(frozen=True, slots=True)
class Answer:
    """A fast read's response as sent, and who it was for (kept or sent once)."""

    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    route: BaseRoute  # what routing would have recorded, for the access log and metrics
    organisation: str
    until: datetime  # the caller's `next_touch`

    @classmethod
    def of(cls, response: Response, route: BaseRoute, caller: Caller) -> "Answer":
        return cls(
            response.status_code,
            tuple(response.raw_headers),
            bytes(response.body),
            route,
            caller.organisation,
            caller.next_touch,
        )

    async def send(self, scope: Scope, send: Send) -> None:
        # What routing and `current_org` would have recorded, for the access log and metrics.
        scope["route"] = self.route
        scope.setdefault("state", {})["organisation"] = self.organisation
        # A list of its own each time: middleware further out adds headers to it.
        start = {"type": "http.response.start", "status": self.status, "headers": [*self.headers]}
        await send(start)
        await send({"type": "http.response.body", "body": self.body})


def key_of(scope: Scope) -> bytes:
    """A digest of the request's path, query and `KEY_HEADERS`, every occurrence in order (a
    repeated header must not meet the answer to another request that repeats it differently).
    Hashed: the token is not kept."""
    headers = [(n, v) for n, v in scope["headers"] if n in KEY_HEADERS]
    parts = repr((scope["path"], scope["query_string"], headers)).encode()
    return hashlib.blake2b(parts, digest_size=16).digest()


class KeptAnswers:
    """Used on the event loop only, where SQLite reads run."""

    def __init__(self, database: Path, max_bytes: int) -> None:
        # Only ever asked for data_version: never the connection that committed, so it sees
        # every commit. (Not `mode=ro`: that cannot open a WAL database whose -shm is gone.)
        # A short busy timeout: it is asked on the event loop.
        self._watcher = sqlite3.connect(
            database, isolation_level=None, check_same_thread=False, timeout=0.1
        )
        self.answers: SizedLRU[bytes, Answer] = SizedLRU(
            max_bytes, lambda answer: len(answer.body) + ENTRY_OVERHEAD
        )
        self._version: int | None = None

    def get(self, key: bytes) -> tuple[int | None, Answer | None]:
        """The database's data_version now, and the answer kept for `key` under it (every
        kept answer goes when data_version has moved). None for the version if SQLite could
        not say (busy, say): then nothing is kept, and the request reads as it would."""
        try:
            (version,) = self._watcher.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            version = None
        if version is None or version != self._version:
            self.answers.clear()
            self._version = version
            return version, None
        answer = self.answers.get(key)
        if answer is not None and answer.until <= utcnow():
            self.answers.pop(key)  # the key's use is due to be recorded: check it again
            return version, None
        return version, answer

    def put(self, key: bytes, version: int | None, answer: Answer) -> None:
        """Keep `answer`, read after `get` saw data_version at `version`, unless a later `get`
        has seen it move (the answer may predate that commit). A commit between `version` and
        the read's snapshot makes the answer newer than `version`: kept, it goes at the next
        `get`, which sees that commit."""
        if version is not None and version == self._version:
            self.answers.put(key, answer)


_kept: "weakref.WeakKeyDictionary[Engine, KeptAnswers | None]" = weakref.WeakKeyDictionary()


def kept_answers() -> KeptAnswers | None:
    """This process's kept answers for the app's database; None on PostgreSQL, on an
    in-memory database, or with AUDIT_CACHE_BYTES=0."""
    engine = get_engine()
    try:
        return _kept[engine]
    except KeyError:
        pass
    database = sqlite_file(str(engine.url)) if engine.dialect.name == "sqlite" else None
    max_bytes = get_settings().audit_cache_bytes
    kept = KeptAnswers(database, max_bytes) if database and max_bytes > 0 else None
    _kept[engine] = kept
    return kept
