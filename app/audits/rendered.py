"""Audit JSON bodies, rendered once per version and kept in a bounded LRU (one per process).

An audit's JSON is a function of its row at one `version` (templates are immutable), and
every write moves `version`, so `(database, id, version)` names one body for ever, in every
worker and on every host. Reads look the version up (a one-column query) and render only on
a miss. Only reads fill the cache, so it never holds a version that was not committed. (A
database restored from a backup can reuse versions: restart the workers after a restore.)
(GET /v1/audits: ORM loading, JSON decoding and rendering of 20 audits were ~60% of it.)
"""

import threading
from collections import OrderedDict

Key = tuple[str, str, int]  # (database, audit id, version)


class RenderedAudits:
    """An LRU of rendered bodies, bounded by their total size. Thread-safe: SQLite reads run
    on the event loop and PostgreSQL reads in the thread pool, both through one instance."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._bodies: OrderedDict[Key, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Key) -> bytes | None:
        with self._lock:
            body = self._bodies.get(key)
            if body is None:
                self.misses += 1
            else:
                self.hits += 1
                self._bodies.move_to_end(key)
            return body

    def put(self, key: Key, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            old = self._bodies.pop(key, None)
            if old is not None:
                self._size -= len(old)
            self._bodies[key] = body
            self._size += len(body)
            while self._size > self.max_bytes:
                _, evicted = self._bodies.popitem(last=False)
                self._size -= len(evicted)

    def clear(self) -> None:
        with self._lock:
            self._bodies.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._bodies)

    @property
    def size(self) -> int:
        return self._size

    def metrics(self, pid: str) -> list[str]:
        """Prometheus lines for /metrics (per process, like every series there)."""
        series = (
            (
                "audit_body_cache_hits_total",
                "counter",
                "Audit reads served a kept body.",
                self.hits,
            ),
            ("audit_body_cache_misses_total", "counter", "Audit reads that rendered.", self.misses),
            ("audit_body_cache_bytes", "gauge", "Size of the kept bodies.", self._size),
            ("audit_body_cache_entries", "gauge", "Kept bodies.", len(self._bodies)),
        )
        lines = []
        for name, kind, text, value in series:
            lines += [
                f"# HELP {name} {text}",
                f"# TYPE {name} {kind}",
                f'{name}{{pid="{pid}"}} {value}',
            ]
        return lines
