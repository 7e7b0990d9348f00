"""Audit JSON bodies, rendered once per version and kept in a bounded LRU (one per process).

An audit's JSON is a function of its row at one `version` (templates are immutable), and
every write moves `version`, so `(database, id, version)` names one body for ever, in every
worker and on every host. Reads look the version up (a one-column query) and render only on
a miss. Only reads fill the cache, so it never holds a version that was not committed. (A
database restored from a backup can reuse versions: restart the workers after a restore.)
(GET /v1/audits: ORM loading, JSON decoding and rendering of 20 audits were ~60% of it.)
"""

from app.core.lru import SizedLRU

Key = tuple[str, str, int]  # (database, audit id, version)


class RenderedAudits(SizedLRU[Key, bytes]):
    """An LRU of rendered bodies, bounded by their total size."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(max_bytes, len)

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
            ("audit_body_cache_bytes", "gauge", "Size of the kept bodies.", self.size),
            ("audit_body_cache_entries", "gauge", "Kept bodies.", len(self)),
        )
        lines = []
        for name, kind, text, value in series:
            lines += [
                f"# HELP {name} {text}",
                f"# TYPE {name} {kind}",
                f'{name}{{pid="{pid}"}} {value}',
            ]
        return lines
