"""Logging whose formatting and writing happen off the event loop.

`configure` does what `logging.basicConfig(level=..., format="%(message)s")` did (a handler
on the root logger writing each record's message to stderr; nothing when logging is already
configured), except that the root's handler is a `QueueHandler`: while the app is serving, a
record goes onto an in-process queue and a `QueueListener` thread formats it and writes it,
many lines to a write.

An access-log line costs the loop less still (`access`): an `AccessLine` holding the fields,
put on the queue as it is when nothing but this module's handler would see its record (no
other handler or filter on the way, as `make run` sets it up); the listener then makes the
JSON and writes it, and no `LogRecord` is made at all. Otherwise (pytest's caplog, a logging
config of one's own) it is logged as a record whose message is the `AccessLine`, whose
`str()` is the JSON, made by whoever formats the record.

A failure that repeats (the database down fails every request) is logged once per interval
and then counted (`Repeats`): the first line at once, then one line with how many more there
were, at the interval's end. Records carrying such a failure's traceback from any logger are
collapsed the same way by the root handler once `collapse_repeats` says which failures repeat.

`start` (at lifespan startup) turns the queue on; `stop` (at lifespan end, and atexit)
drains it, writes what is left and goes back to writing in the caller's thread, so no line
is lost at shutdown: uvicorn ends its graceful shutdown on SIGTERM by raising SIGTERM again,
which kills the process without running atexit, so the lifespan's end is the last moment.
"""

from __future__ import annotations

import atexit
import json
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from json.encoder import encode_basestring_ascii
from logging.handlers import QueueHandler, QueueListener
from typing import Any, TextIO

ACCESS = logging.getLogger("app.access")
# The listener waits this long after each write, so lines gather into fewer, bigger writes
# and the thread wakes (and takes the GIL from the loop) less often; each wake-up costs far
# more than a line (docs/performance.md). A line is written about this much later than it
# was logged at most, and a SIGKILL (not SIGTERM) loses that much.
# Settings.log_gather_seconds (LOG_GATHER_SECONDS) overrides it.
GATHER_SECONDS = 0.05
# A write at most this many lines long.
BATCH_LINES = 1024
# A repeated failure is logged once per this many seconds, with a count of the rest.
REPEAT_SECONDS = 10.0


class AccessLine:
    """One request's access-log fields; `str()` is the JSON line.

    The same text as `json.dumps` of the dict of the fields in this order (it is built from
    json's own string encoder), for the same fields, in a few microseconds less.
    """

    __slots__ = ("method", "organisation", "request_id", "route", "seconds", "status")

    def __init__(
        self,
        request_id: str,
        method: str,
        route: str,
        status: int,
        seconds: float,
        organisation: Any,
    ) -> None:
        self.request_id = request_id
        self.method = method
        self.route = route
        self.status = status
        self.seconds = seconds
        self.organisation = organisation

    def fields(self) -> dict[str, Any]:
        return {
            "event": "request",
            "request_id": self.request_id,
            "method": self.method,
            "route": self.route,
            "status": self.status,
            "duration_ms": round(self.seconds * 1000, 2),
            "organisation": self.organisation,
        }

    def __str__(self) -> str:
        org = self.organisation
        if (
            type(self.request_id) is str
            and type(self.method) is str
            and type(self.route) is str
            and type(self.status) is int
            and type(self.seconds) is float
            and (org is None or type(org) is str)
        ):
            request_id = encode_basestring_ascii(self.request_id)
            method = encode_basestring_ascii(self.method)
            route = encode_basestring_ascii(self.route)
            duration_ms = round(self.seconds * 1000, 2)
            organisation = "null" if org is None else encode_basestring_ascii(org)
            return (
                f'{{"event": "request", "request_id": {request_id}, "method": {method}, '
                f'"route": {route}, "status": {self.status!r}, '
                f'"duration_ms": {duration_ms!r}, "organisation": {organisation}}}'
            )
        return json.dumps(self.fields(), default=str)

    def __repr__(self) -> str:
        return f"AccessLine({self.fields()!r})"


def access(
    request_id: str, method: str, route: str, status: int, seconds: float, organisation: Any
) -> None:
    """Log one request on `app.access` at INFO (the caller checks `isEnabledFor` first).

    Straight onto the queue when only the root's queued handler would see it; otherwise as a
    record, made without `Logger.info`'s walk up the stack for a file and line nobody reads."""
    line = AccessLine(request_id, method, route, status, seconds, organisation)
    handler = _root_handler
    if handler is None or not handler.queue_line(line, ACCESS):
        ACCESS.handle(ACCESS.makeRecord(ACCESS.name, logging.INFO, "", 0, line, (), None))


class BatchWriter(logging.StreamHandler):  # type: ignore[type-arg]
    """A StreamHandler that keeps formatted lines until `flush`, then writes them at once."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(stream)
        self._lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._lines.append(self.format(record) + self.terminator)
        except Exception:
            self.handleError(record)
        if len(self._lines) >= BATCH_LINES:
            self.flush()

    def emit_line(self, line: AccessLine) -> None:
        """What `emit` does for a record whose message is `line` (the format is the message)."""
        try:
            text = str(line)
        except Exception:  # as handleError would, without a record; the thread goes on
            if logging.raiseExceptions and sys.stderr:
                sys.stderr.write(f"--- Logging error: {line!r} could not be formatted ---\n")
            return
        with self.lock:  # type: ignore[union-attr]
            self._lines.append(text + self.terminator)
            if len(self._lines) >= BATCH_LINES:
                self.flush()

    def flush(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            if self._lines:
                text = "".join(self._lines)
                self._lines.clear()
                try:
                    self.stream.write(text)
                except Exception:
                    # As StreamHandler.emit does: report it on stderr, never raise.
                    if logging.raiseExceptions and sys.stderr:
                        sys.stderr.write("--- Logging error: a batch of lines was lost ---\n")
            super().flush()


class BatchListener(QueueListener):
    """Takes records off the queue in batches: once the queue is empty, writes what it has
    taken, lets more gather for `gather_seconds` (less if stopped), then blocks for the next."""

    def __init__(
        self, q: queue.SimpleQueue[Any], writer: BatchWriter, gather_seconds: float
    ) -> None:
        super().__init__(q, writer)
        self.simple_queue = q
        self.writer = writer
        self.gather_seconds = gather_seconds
        self._stopping = threading.Event()

    def dequeue(self, block: bool) -> Any:
        try:
            return self.simple_queue.get_nowait()
        except queue.Empty:
            pass
        self.writer.flush()
        if self.gather_seconds > 0:
            self._stopping.wait(self.gather_seconds)
        return self.simple_queue.get(block)

    def handle(self, record: Any) -> None:
        if type(record) is AccessLine:  # queued by QueuedHandler.queue_line
            self.writer.emit_line(record)
        else:
            super().handle(record)

    def stop(self) -> None:
        """Handle every record queued so far, then end the thread."""
        self._stopping.set()
        try:
            super().stop()
        finally:
            self._stopping.clear()

    @property
    def running(self) -> bool:
        return self._thread is not None


class _Window:
    __slots__ = ("count", "level", "logger", "message", "started")

    def __init__(self, started: float) -> None:
        self.started = started
        self.count = 0
        self.logger: logging.Logger | None = None
        self.level = logging.INFO
        self.message = ""


class Repeats:
    """Per key, the first occurrence is logged (by the caller, when `first` says so) and those
    that follow within `interval` are counted: one line at the interval's end says how many
    there were, so a failure that repeats costs a line per interval, not one per request."""

    def __init__(self, interval: float = REPEAT_SECONDS) -> None:
        self.interval = interval
        self._lock = threading.Lock()
        self._windows: dict[str, _Window] = {}

    def first(self, key: str, logger: logging.Logger, level: int, message: str) -> bool:
        """True if `key` has not occurred in the last interval: the caller logs it. Otherwise
        it is counted, and `message` (the latest) goes into the line with the count."""
        now = time.monotonic()
        with self._lock:
            window = self._windows.get(key)
            if window is None or (window.count == 0 and now - window.started >= self.interval):
                self._windows[key] = _Window(now)
                return True
            window.count += 1
            window.logger, window.level, window.message = logger, level, message
            if window.count == 1:
                timer = threading.Timer(window.started + self.interval - now, self.flush, (key,))
                timer.daemon = True
                timer.start()
        return False

    def flush(self, key: str) -> None:
        """Log the count of `key`'s repeats so far, and start its next interval."""
        now = time.monotonic()
        with self._lock:
            window = self._windows.get(key)
            if window is None or window.count == 0 or window.logger is None:
                return
            logger, level, message = window.logger, window.level, window.message
            count, seconds = window.count, now - window.started
            window.started, window.count = now, 0
        logger.log(level, "%s: %d more in the last %.1f s", message, count, seconds)

    def flush_all(self) -> None:
        for key in list(self._windows):
            self.flush(key)


REPEATS = Repeats()
# Names the repeating failure a record's exception is: (key, a one-line description), or None.
RepeatKey = Callable[[BaseException], tuple[str, str] | None]
_repeat_key: RepeatKey | None = None


def collapse_repeats(key_of: RepeatKey) -> None:
    """From now on, the root handler collapses records whose exception `key_of` names, per
    logger and key, as `Repeats` does: the first logged on one line (the description in place
    of the traceback), the rest counted."""
    global _repeat_key
    _repeat_key = key_of


def _repeated(record: logging.LogRecord) -> bool:
    """True if `record` carries a repeating failure already logged this interval (counted);
    the first of an interval loses its traceback for the failure's description."""
    error = record.exc_info[1] if record.exc_info else None
    named = _repeat_key(error) if error is not None and _repeat_key is not None else None
    if named is None:
        return False
    key, description = named
    message = f"{record.getMessage()} ({description})"
    logger = logging.getLogger(record.name)
    if not REPEATS.first(f"{record.name}:{key}", logger, record.levelno, message):
        return True
    record.msg, record.args, record.exc_info, record.exc_text = message, None, None, None
    return False


class QueuedHandler(QueueHandler):
    """The root logger's handler: queued while the listener runs, direct otherwise."""

    def __init__(self, writer: BatchWriter, gather_seconds: float = GATHER_SECONDS) -> None:
        self.simple_queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        super().__init__(self.simple_queue)
        self.writer = writer
        self.listener = BatchListener(self.simple_queue, writer, gather_seconds)

    def prepare(self, record: logging.LogRecord) -> Any:
        if isinstance(record.msg, AccessLine):
            return record  # formatted in the listener; nothing in it changes meanwhile
        return super().prepare(record)  # formats here, as for any record with args

    def emit(self, record: logging.LogRecord) -> None:
        # Called with this handler's lock held, which start and stop take too: a record is
        # queued only while the listener runs, and none is queued behind its last one.
        if record.exc_info and _repeated(record):
            return
        if self.listener.running:
            super().emit(record)
        else:
            self.writer.handle(record)
            self.writer.flush()

    def queue_line(self, line: AccessLine, logger: logging.Logger) -> bool:
        """Put `line` on the queue as it is, with no LogRecord, if the listener runs and a
        record of it logged on `logger` would reach this handler and no other handler or
        filter; else False (log it as a record)."""
        if self.filters or self.level > logging.INFO:
            return False
        reached = False
        node: logging.Logger | None = logger
        while node is not None:
            if node.filters or node.disabled:
                return False
            for handler in node.handlers:
                if handler is not self:
                    return False
                reached = True
            if not node.propagate:
                break
            node = node.parent
        if not reached:
            return False
        with self.lock:  # type: ignore[union-attr]
            if not self.listener.running:
                return False
            self.simple_queue.put(line)
        return True

    def start(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            if not self.listener.running:
                self.listener.start()

    def stop(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            if self.listener.running:
                self.listener.stop()  # the listener handles all that is queued, then ends
                self.writer.flush()


_root_handler: QueuedHandler | None = None
_configuring = threading.Lock()


def configure(level: str, gather_seconds: float = GATHER_SECONDS) -> None:
    """`logging.basicConfig(level=level, format="%(message)s")`, the root's handler queued
    (see the module's docstring). Does nothing when the root logger already has a handler
    that is not this module's (a logging config, pytest), as basicConfig does."""
    global _root_handler
    root = logging.getLogger()
    with _configuring:
        if _root_handler is not None and _root_handler in root.handlers:
            root.setLevel(level.upper())
            return
        if root.handlers:
            return
        writer = BatchWriter()
        writer.setFormatter(logging.Formatter("%(message)s"))
        _root_handler = QueuedHandler(writer, gather_seconds)
        root.addHandler(_root_handler)
        root.setLevel(level.upper())
    atexit.register(stop)


def start() -> None:
    """Format and write records in the listener thread from now on (if `configure` set the
    root's handler)."""
    if _root_handler is not None:
        _root_handler.start()


def stop() -> None:
    """Write every queued record, stop the listener and write in the caller's thread from now
    on. Safe to call more than once."""
    REPEATS.flush_all()  # the counts of repeats still open, before the last write
    if _root_handler is not None:
        _root_handler.stop()
