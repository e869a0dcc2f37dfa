"""The network guard: which addresses the pipeline may talk to.

Private, loopback, link-local, reserved and non-http(s) targets are refused unless the caller allows
private addresses (a feed with allow_private, the offline demo, the tests) or the host (or host:port) is
on the allow list. DNS answers are checked, not only literal IPs, and GuardedBackend connects to the very
address that was checked, so a name cannot resolve to a public address for the check and a private one
for the connection (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from urllib.parse import urlsplit

import httpcore

class BlockedTarget(Exception):
    """The URL points somewhere the policy refuses to go."""


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    # is_global excludes private, loopback, link-local, reserved, shared (CGNAT) and unspecified ranges.
    return ip.is_global and not ip.is_multicast


def _split_entry(entry: str) -> tuple[str, str | None]:
    """'host' / 'host:port' / '[v6]' / '[v6]:port' / bare v6 -> (host, port or None)."""
    entry = entry.strip().lower()
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        return host, rest[1:] if rest.startswith(":") else None
    if entry.count(":") == 1:
        host, _, port = entry.partition(":")
        return host, port
    return entry, None


def host_allowed(host: str, port: int | None, allowed_hosts: tuple[str, ...]) -> bool:
    """True when `host` (any port) or exactly `host:port` is on the allow list."""
    host = host.lower().strip("[]")
    return any(name == host and (entry_port is None or entry_port == str(port))
               for name, entry_port in map(_split_entry, allowed_hosts))


def _default_port(parts) -> int | None:  # noqa: ANN001 - a SplitResult
    return parts.port or {"http": 80, "https": 443}.get(parts.scheme)


def check_target(url: str, allow_private: bool, allowed_hosts: tuple[str, ...] = ()) -> None:
    """Raise BlockedTarget unless url is http(s) and every address its host resolves to is public.

    DNS answers are checked, not only literal IPs, so a name that resolves to 127.0.0.1 is refused too.
    `allowed_hosts` entries are host names (any port) or `host:port` (that port only), as in
    MMTRACK_ALLOW_PRIVATE_HOSTS; a redirect to the same host on another port is then still refused.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = _default_port(parts)  # raises ValueError on a bad port
    except ValueError as exc:
        raise BlockedTarget(f"unparsable URL: {exc}") from exc
    if parts.scheme not in ("http", "https"):
        raise BlockedTarget(f"scheme {parts.scheme or 'none'!r} is not http(s)")
    if not host:
        raise BlockedTarget("URL has no host")
    if allow_private or host_allowed(host, port, allowed_hosts):
        return
    for address in _resolve(host, port):
        if not _is_public(address):
            raise BlockedTarget(f"{host} resolves to non-public address {address}")


def _resolve(host: str, port: int | None) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise BlockedTarget(f"cannot resolve {host}: {exc}") from exc
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


class Allowance(threading.local):
    """What the request running on this thread may connect to; read by GuardedBackend at connect time."""

    allow_private: bool = False
    allowed_hosts: tuple[str, ...] = ()


class GuardedBackend(httpcore.SyncBackend):
    """Connects only to the addresses the guard accepts, resolving the name itself and dialling the IP.

    check_target runs before each hop, but httpx would resolve the name again when it connects: a DNS
    answer that changes between the two (rebinding) could still reach a private address. Here the
    address checked is the address dialled.
    """

    def __init__(self, allowance: Allowance) -> None:
        self._allowance = allowance

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:  # noqa: ANN001 - httpcore's signature
        allowance = self._allowance
        trusted = allowance.allow_private or host_allowed(host, port, allowance.allowed_hosts)
        addresses = _resolve(host, port)
        permitted = [a for a in addresses if trusted or _is_public(a)]
        if not permitted:
            raise BlockedTarget(f"{host} resolves to non-public address {addresses[0] if addresses else '?'}")
        error: Exception | None = None
        for address in permitted:
            try:
                return super().connect_tcp(str(address), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error
