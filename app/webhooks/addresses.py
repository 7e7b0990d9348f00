"""Where a webhook may be sent (OWASP API7, server-side request forgery): `https` URLs without
credentials, to hosts whose every address is public. Checked when a subscription is saved and
again at every delivery, on the addresses the delivery then connects to (DNS can change).
WEBHOOK_ALLOW_PRIVATE_NETWORKS=true admits loopback, private and link-local addresses, and
plain `http` to them, for development and tests; cloud metadata addresses never."""

import asyncio
import ipaddress
import re
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, urlsplit

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# Instance metadata services, which hand out cloud credentials: never a webhook target.
METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192")
)
RESOLVE_TIMEOUT_SECONDS = 5.0

# The form every deployment accepts, published as the OpenAPI pattern of `url`: https, a host
# named by DNS (an IP literal, in any of its spellings, is refused: it names no certificate and
# hides loopback as `0` or `2130706433`), not `localhost` (loopback everywhere, RFC 6761), a
# port in range, no credentials or fragment. Whether the name may be called is DNS: checked
# when saved and at each delivery. [0-9], not \d: the pattern is read as ECMA-262 too.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_LAST_LABEL = r"[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_NOT_LOCALHOST = r"(?!(?:[^/?:]*\.)?[Ll][Oo][Cc][Aa][Ll][Hh][Oo][Ss][Tt](?:[:/?]|$))"
_PORT = (
    r"(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}"
    r"|[1-9][0-9]{0,3}))?"
)
_PATH_AND_QUERY = r"(?:[/?][A-Za-z0-9\-._~:/?\[\]@!$&'()*+,;=%]*)?"
PUBLIC_URL_PATTERN = (
    rf"^https://{_NOT_LOCALHOST}(?:{_LABEL}\.)*{_LAST_LABEL}{_PORT}{_PATH_AND_QUERY}$"
)
# Where private networks are allowed (development, tests): http too, and IP literals.
ANY_URL_PATTERN = r"^https?://[A-Za-z0-9\-._~:/?\[\]@!$&'()*+,;=%]+$"
_PUBLIC_URL = re.compile(PUBLIC_URL_PATTERN)
_ANY_URL = re.compile(ANY_URL_PATTERN)


class Refused(ValueError):
    """The URL or an address it resolves to may not be called; the message says why."""


@dataclass(frozen=True)
class Target:
    """A checked URL and the address to connect to (the one that was checked)."""

    url: SplitResult
    address: IpAddress

    @property
    def port(self) -> int:
        return self.url.port or (443 if self.url.scheme == "https" else 80)


def check_shape(url: str, allow_private: bool) -> SplitResult:
    """What can be said without DNS: the scheme, no credentials, a host."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises on a port out of range)
    except ValueError as exc:
        raise Refused(f"not a valid URL: {exc}") from exc
    schemes = ("https", "http") if allow_private else ("https",)
    if parts.scheme not in schemes:
        raise Refused("must be an https URL")
    if parts.username is not None or parts.password is not None:
        raise Refused("must not hold credentials (user:password@); sign-in is the signature")
    if not parts.hostname:
        raise Refused("must name a host")
    if parts.fragment:
        raise Refused("must not have a #fragment")
    return parts


def check_form(url: str, allow_private: bool) -> None:
    """The published form, checked when a subscription is saved (not at delivery: one saved
    under an earlier, wider form keeps being delivered while its address passes)."""
    parts = check_shape(url, allow_private)
    if not (_ANY_URL if allow_private else _PUBLIC_URL).match(url):
        raise Refused(_unlike_the_pattern(parts.hostname or ""))


def _unlike_the_pattern(host: str) -> str:
    if host.startswith("[") or ":" in host or host.rsplit(".", 1)[-1][:1].isdigit():
        return "must name its host by a DNS name, not an IP address"
    if host.rstrip(".").rsplit(".", 1)[-1] == "localhost":
        return "must not name localhost"
    return (
        "must be https://host[:port][/path][?query], the host a DNS name of letters, digits "
        "and hyphens (punycode beyond ASCII)"
    )


def refusal(address: IpAddress, scheme: str, allow_private: bool) -> str | None:
    """Why `address` may not be called, or None."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address in METADATA:
        return f"{address} is a cloud metadata address"
    if address.is_global and not address.is_multicast:
        return None
    if not allow_private:
        return f"{address} is not a public address (loopback, private, link-local or reserved)"
    if address.is_multicast or address.is_unspecified:
        return f"{address} cannot be a webhook receiver"
    return None


async def resolve(url: str, allow_private: bool, unresolved_ok: bool = False) -> Target | None:
    """The URL checked, with the first of its addresses, every one of which must pass.
    A host that does not resolve is refused, or with `unresolved_ok` (a subscription being
    saved before its DNS exists) None: its delivery checks it again."""
    parts = check_shape(url, allow_private)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    literal = _ip_literal(host)
    if literal is not None:  # nothing to resolve: no thread-pool hop for getaddrinfo
        infos: list[Any] | None = [(0, 0, 0, "", (str(literal), port))]
    else:
        infos = await _getaddrinfo(host, port)
    if infos is None:
        if unresolved_ok:
            return None
        raise Refused(f"the host {host!r} does not resolve")
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
    for address in addresses:
        reason = refusal(address, parts.scheme, allow_private)
        if reason:
            raise Refused(reason)
    if parts.scheme == "http" and any(a.is_global for a in addresses):
        raise Refused("must be an https URL (plain http only to a private address)")
    return Target(parts, addresses[0])


def _ip_literal(host: str) -> IpAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


async def _getaddrinfo(host: str, port: int) -> list[Any] | None:
    """The addresses `host` resolves to; None if it does not."""
    try:
        return await asyncio.wait_for(
            asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM),
            RESOLVE_TIMEOUT_SECONDS,
        )
    except UnicodeError as exc:  # a label over 63 characters, or empty
        raise Refused("has a host name that is not valid") from exc
    except (OSError, TimeoutError):
        return None
