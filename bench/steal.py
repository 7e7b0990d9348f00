"""CPU steal from /proc/stat: the share of this VM's CPU time its host gave to other guests.

A shared host's steal moves every absolute figure of a run (the ceiling's too), so each row
records the steal over its own measurement, and the run its whole; ratios hold up under it,
latencies do not."""

from __future__ import annotations

from pathlib import Path

PROC_STAT = Path("/proc/stat")
STEAL_FIELD = 7  # user nice system idle iowait irq softirq steal ... (proc(5))


def _times() -> tuple[int, int] | None:
    """(total, steal) jiffies over all CPUs; None where /proc/stat is missing or odd."""
    try:
        first = PROC_STAT.read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    if first[:1] != ["cpu"] or len(first) <= STEAL_FIELD + 1:
        return None
    fields = [int(v) for v in first[1:]]
    # guest and guest_nice (fields 8 and 9) are already counted in user and nice.
    return sum(fields[:8]), fields[STEAL_FIELD]


class StealMeter:
    """`with StealMeter() as m: ...` then `m.percent`: steal over the block, or None."""

    def __init__(self) -> None:
        self.percent: float | None = None
        self._start: tuple[int, int] | None = None

    def __enter__(self) -> StealMeter:
        self._start = _times()
        return self

    def __exit__(self, *_exc: object) -> None:
        end = _times()
        if self._start and end and end[0] > self._start[0]:
            self.percent = 100 * (end[1] - self._start[1]) / (end[0] - self._start[0])
