"""Where a webhook may be sent (OWASP API7, server-side request forgery): `https` URLs without
credentials, to hosts whose every address is public. Checked when a subscription is saved and
again at every delivery, on the addresses the delivery then connects to (DNS can change).
WEBHOOK_ALLOW_PRIVATE_NETWORKS=true admits loopback, private and link-local addresses, and
plain `http` to them, for development and tests; cloud metadata addresses never."""

import asyncio
import ipaddress
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
