"""One HTTP policy for feeds and pages.

Timeouts (connect, between reads, and a hard deadline per request), a byte cap counted on the decoded
body (so a gzip bomb stops at the cap), redirects followed by hand so every hop is checked, an identifying
User-Agent, per-request retries with backoff that honour Retry-After, per-host concurrency and minimum
interval, and a guard that refuses private, loopback, link-local and non-http(s) targets unless the caller
allows private addresses (the offline demo and the tests do).

`fetch` never raises for a network or policy problem: the outcome, with a reason, is in the result.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx

from tasks.settings import Settings

REDIRECT_CODES = {301, 302, 303, 307, 308}
RETRY_CODES = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER_WAIT_S = 10.0


@dataclass
class FetchResult:
    url: str                       # the URL asked for
    final_url: str | None = None   # after redirects
    status: int | None = None      # HTTP status of the last response
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None       # why there is no usable body; None when status < 400 and body read
    elapsed_ms: float = 0.0
    retry_after_s: float | None = None
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304


class BlockedTarget(Exception):
    """The URL points somewhere the policy refuses to go."""


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    # is_global excludes private, loopback, link-local, reserved, shared (CGNAT) and unspecified ranges.
    return ip.is_global and not ip.is_multicast


def check_target(url: str, allow_private: bool, allowed_hosts: tuple[str, ...] = ()) -> None:
    """Raise BlockedTarget unless url is http(s) and every address its host resolves to is public.

    DNS answers are checked, not only literal IPs, so a name that resolves to 127.0.0.1 is refused too.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise BlockedTarget(f"unparsable URL: {exc}") from exc
    if parts.scheme not in ("http", "https"):
        raise BlockedTarget(f"scheme {parts.scheme or 'none'!r} is not http(s)")
    if not host:
        raise BlockedTarget("URL has no host")
    if allow_private or host.lower() in allowed_hosts:
        return
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise BlockedTarget(f"cannot resolve {host}: {exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not _is_public(address):
            raise BlockedTarget(f"{host} resolves to non-public address {address}")


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class Deadline:
    """A request's time budget. Time spent queueing for a host's turn is not charged to the request."""

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds

    def extend(self, seconds: float) -> None:
        self.at += seconds

    def passed(self) -> bool:
        return time.monotonic() >= self.at

    def remaining(self) -> float:
        return self.at - time.monotonic()


class HostGate:
    """Per-host concurrency and minimum interval between request starts."""

    def __init__(self, per_host: int, interval_s: float) -> None:
        self._per_host = per_host
        self._interval = interval_s
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}

    def _slot(self, host: str) -> threading.Semaphore:
        with self._lock:
            return self._slots.setdefault(host, threading.Semaphore(self._per_host))

    def _reserve_start(self, host: str) -> float:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, 0.0))
            self._next_start[host] = start + self._interval
            return start - now

    def __call__(self, host: str) -> "_HostPass":
        return _HostPass(self, host)


class _HostPass:
    def __init__(self, gate: HostGate, host: str) -> None:
        self._gate, self._host = gate, host

    def __enter__(self) -> float:
        """Wait for the host's turn; returns the seconds spent waiting."""
        queued = time.monotonic()
        self._slot = self._gate._slot(self._host)
        self._slot.acquire()
        wait = self._gate._reserve_start(self._host)
        if wait > 0:
            time.sleep(wait)
        return time.monotonic() - queued

    def __exit__(self, *exc: object) -> None:
        self._slot.release()


class HttpPolicy:
    """A shared, thread-safe client carrying the settings; one per pipeline stage."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.gate = HostGate(settings.per_host_concurrency, settings.per_host_interval_s)
        timeout = httpx.Timeout(
            connect=settings.connect_timeout_s, read=settings.read_timeout_s,
            write=settings.read_timeout_s, pool=settings.request_deadline_s,
        )
        limits = httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency)
        self.client = httpx.Client(
            timeout=timeout, limits=limits, follow_redirects=False, trust_env=False,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "HttpPolicy":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(
        self, url: str, *, max_bytes: int, allow_private: bool = False,
        headers: dict[str, str] | None = None, accept: str | None = None,
    ) -> FetchResult:
        """GET with the whole policy. Retries 429/5xx/network errors up to settings.retries times."""
        started = time.monotonic()
        deadline = Deadline(self.settings.request_deadline_s)
        result = FetchResult(url=url)
        request_headers = dict(headers or {})
        if accept:
            request_headers["Accept"] = accept
        for attempt in range(self.settings.retries + 1):
            result = self._fetch_once(url, max_bytes, allow_private, request_headers, deadline)
            result.attempts = attempt + 1
            if not self._should_retry(result, attempt, deadline):
                break
        result.elapsed_ms = (time.monotonic() - started) * 1000
        return result

    def _should_retry(self, result: FetchResult, attempt: int, deadline: Deadline) -> bool:
        if attempt >= self.settings.retries or result.error and result.error.startswith("blocked"):
            return False
        retryable = result.status in RETRY_CODES or (result.status is None and result.error is not None
                                                      and result.error.startswith(("connect", "network")))
        if not retryable:
            return False
        wait = result.retry_after_s if result.retry_after_s is not None else 0.5 * 2 ** attempt
        if wait > MAX_RETRY_AFTER_WAIT_S or wait >= deadline.remaining():
            return False  # the caller reschedules instead of holding a worker
        time.sleep(wait)
        return True

    def _fetch_once(
        self, url: str, max_bytes: int, allow_private: bool, headers: dict[str, str], deadline: Deadline
    ) -> FetchResult:
        result = FetchResult(url=url)
        current = url
        visited: set[str] = set()
        for _hop in range(self.settings.max_redirects + 1):
            try:
                check_target(current, allow_private, self.settings.allow_private_hosts)
            except BlockedTarget as exc:
                result.error = f"blocked: {exc}"
                return result
            visited.add(current)
            result.final_url = current
            location = self._request(current, max_bytes, headers, deadline, result)
            if location is None:
                return result
            nxt = urljoin(current, location)
            if nxt in visited:
                result.error = f"redirect loop at {nxt}"
                return result
            current = nxt
        result.error = f"too many redirects (more than {self.settings.max_redirects})"
        return result

    def _request(
        self, url: str, max_bytes: int, headers: dict[str, str], deadline: Deadline, result: FetchResult
    ) -> str | None:
        """One request; returns the Location to follow, or None when result is final."""
        host = urlsplit(url).hostname or ""
        try:
            with self.gate(host) as waited:
                deadline.extend(waited)
                with self.client.stream("GET", url, headers=headers) as response:
                    result.status = response.status_code
                    result.headers = {k.lower(): v for k, v in response.headers.items()}
                    result.retry_after_s = parse_retry_after(response.headers.get("retry-after"))
                    if response.status_code in REDIRECT_CODES and "location" in response.headers:
                        return response.headers["location"]
                    if response.status_code >= 400 or response.status_code == 304:
                        if response.status_code >= 400:
                            result.error = f"HTTP {response.status_code}"
                        return None
                    result.body = _read_capped(response, max_bytes, deadline)
        except BodyTooLarge as exc:
            result.error = str(exc)
        except DeadlineExceeded as exc:
            result.error = str(exc)
        except httpx.ConnectTimeout:
            result.error = "connect timeout"
        except httpx.ConnectError as exc:
            result.error = f"connect error: {exc}"
        except httpx.TimeoutException:
            result.error = "read timeout"
        except httpx.DecodingError as exc:
            result.error = f"network: undecodable content encoding: {exc}"
        except (httpx.TransportError, httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            result.error = f"network error: {type(exc).__name__}: {exc}"
        except UnicodeError as exc:
            result.error = f"network error: bad host name: {exc}"
        return None


class BodyTooLarge(Exception):
    pass


class DeadlineExceeded(Exception):
    pass


def _read_capped(response: httpx.Response, max_bytes: int, deadline: Deadline) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise BodyTooLarge(f"body too large: declared {declared} bytes, cap {max_bytes}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # decoded: counts inflated bytes, so bombs stop at the cap
        size += len(chunk)
        if size > max_bytes:
            raise BodyTooLarge(f"body too large: over {max_bytes} bytes")
        if deadline.passed():
            raise DeadlineExceeded("deadline exceeded while reading body")
        chunks.append(chunk)
    return b"".join(chunks)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)
