"""`Accept` read as RFC 9110 section 12.5.1 says: media ranges with q-values, the most specific
range that matches a type giving its weight, `q=0` meaning "not this", ties going to the
server's order of preference.

Lenient where the RFC leaves room: an element that does not parse (`foo`, `text/csv;q=2`) is
left out rather than refusing the request; a bare `*` (Java's default header) counts as `*/*`;
q-values such as `.5` are read; parameters other than `q` (`charset`, `fhirVersion`) play no part
in matching. A header with no usable element is treated as absent: anything is acceptable.
"""

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9a-z]+$")
QVALUE = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$")
# Clients send the same few header strings again and again; a longer one (a browser's is about
# 130 characters) is parsed each time, so the cache stays small whatever a client sends.
CACHED_LENGTH = 256


@dataclass(frozen=True, slots=True)
class MediaRange:
    type: str  # "text", or "*"
    subtype: str  # "csv", or "*"
    q: float

    @property
    def specificity(self) -> int:
        """2 for `type/subtype`, 1 for `type/*`, 0 for `*/*`."""
        return (self.type != "*") + (self.subtype != "*")

    def matches(self, type_: str, subtype: str) -> bool:
        return (self.type == "*" or self.type == type_) and (
            self.subtype == "*" or self.subtype == subtype
        )


def parse_accept(header: str) -> tuple[MediaRange, ...]:
    """The media ranges of an `Accept` value, malformed elements left out."""
    ranges = []
    for element in _split(header, ","):
        media_range = _media_range(element)
        if media_range is not None:
            ranges.append(media_range)
    return tuple(ranges)


def _media_range(element: str) -> MediaRange | None:
    media, *parameters = _split(element, ";")
    media = media.strip().lower()
    if media == "*":
        media = "*/*"
    type_, slash, subtype = media.partition("/")
    if not (slash and TOKEN.match(type_) and TOKEN.match(subtype)):
        return None
    if type_ == "*" and subtype != "*":
        return None  # `*/csv` means nothing
    q = 1.0
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() != "q":
            continue
        value = value.strip()
        if not QVALUE.match(value) or float(value) > 1:
            return None
        q = float(value)
        break  # what follows `q` was accept-ext (RFC 7231): ignored
    return MediaRange(type_, subtype, q)


def _split(text: str, separator: str) -> list[str]:
    """`text` split on `separator` outside double-quoted strings (a parameter may quote one)."""
    if '"' not in text:
        return text.split(separator)
    parts: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def quality(ranges: Sequence[MediaRange], media_type: str) -> float:
    """How much the ranges want `media_type` (`type/subtype`): the q of the most specific range
    that matches it, 0 if none does. Of several as specific, a `q=0` wins (the client said
    "not this"), else the highest, so the order of the header's elements never matters."""
    type_, _, subtype = media_type.partition("/")
    best_specificity, best_q = -1, 0.0
    for media_range in ranges:
        if media_range.matches(type_, subtype):
            specificity = media_range.specificity
            if specificity > best_specificity:
                best_specificity, best_q = specificity, media_range.q
            elif specificity == best_specificity and best_q > 0:
                best_q = max(best_q, media_range.q) if media_range.q > 0 else 0.0
    return best_q


def preferred(accept: str | None, offered: tuple[str, ...]) -> int | None:
    """The index in `offered` (media types, the server's preference first) of the one to send
    for `accept`, or None when the header accepts none of them."""
    if accept is not None and len(accept) > CACHED_LENGTH:
        return _preferred(accept, offered)
    return _cached_preferred(accept, offered)


def _preferred(accept: str | None, offered: tuple[str, ...]) -> int | None:
    ranges = parse_accept(accept) if accept is not None else ()
    if not ranges:
        return 0
    chosen, chosen_q = None, 0.0
    for index, media_type in enumerate(offered):
        q = quality(ranges, media_type)
        if q > chosen_q:  # strictly: an equal q keeps the server's earlier preference
            chosen, chosen_q = index, q
    return chosen


_cached_preferred = functools.lru_cache(maxsize=1024)(_preferred)
