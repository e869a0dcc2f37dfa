"""One HTTP policy for feeds and pages.

Timeouts (connect, between reads, and a hard deadline per request), a byte cap counted on the decoded
body (so a gzip bomb stops at the cap), redirects followed by hand so every hop is checked, an identifying
User-Agent, per-request retries with backoff that honour Retry-After, per-host concurrency and minimum
interval, and the network guard (tasks/netguard.py) checked on every redirect hop.

`fetch` never raises for a network or policy problem: the outcome, with a reason, is in the result.
"""

from __future__ import annotations

import email.utils
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from tasks.netguard import BlockedTarget, GuardedBackend, Allowance, check_target
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


class DeadlineTimeouts(dict):
    """httpcore's per-request timeouts, each capped by what is left of the deadline.

    httpcore reads `timeouts.get("read")` before every socket read, so a server dripping one byte just
    inside the read timeout is still cut off at the deadline, not one read timeout after it.
    """

    def __init__(self, base: dict[str, float | None], deadline: Deadline) -> None:
        super().__init__(base)
        self._deadline = deadline

    def get(self, key: str, default: float | None = None) -> float | None:  # type: ignore[override]
        configured = super().get(key, default)
        left = max(0.001, self._deadline.remaining())
        return left if configured is None else min(configured, left)


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
        self._allowance = Allowance()
        pool = getattr(self.client._transport, "_pool", None)  # noqa: SLF001 - httpx has no public hook
        if not isinstance(pool, httpcore.ConnectionPool):
            raise RuntimeError("httpx internals changed: cannot install the connect-time address guard")
        pool._network_backend = GuardedBackend(self._allowance)  # noqa: SLF001

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
        self._allowance.allow_private = allow_private
        self._allowance.allowed_hosts = self.settings.allow_private_hosts
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
                hop = f"redirect to {current[:300]}: " if current != url else ""
                result.error = f"blocked: {hop}{exc}"
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
                if deadline.passed():
                    raise DeadlineExceeded("deadline exceeded before the request started")
                request = self.client.build_request("GET", url, headers=headers)
                request.extensions["timeout"] = DeadlineTimeouts(request.extensions["timeout"], deadline)
                response = self.client.send(request, stream=True)
                try:
                    return self._read_response(response, max_bytes, deadline, result)
                finally:
                    response.close()
        except (BodyTooLarge, DeadlineExceeded, BlockedTarget) as exc:
            result.error = f"blocked: {exc}" if isinstance(exc, BlockedTarget) else str(exc)
        except httpx.TimeoutException as exc:
            connect = isinstance(exc, httpx.ConnectTimeout)
            result.error = "deadline exceeded" if deadline.passed() else "connect timeout" if connect else "read timeout"
        except httpx.ConnectError as exc:
            result.error = f"connect error: {exc}"
        except (httpx.DecodingError, zlib.error) as exc:
            result.error = f"network: undecodable content encoding: {exc}"
        except (httpx.TransportError, httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            result.error = f"network error: {type(exc).__name__}: {exc}"
        except UnicodeError as exc:
            result.error = f"network error: bad host name: {exc}"
        return None

    @staticmethod
    def _read_response(response: httpx.Response, max_bytes: int, deadline: Deadline, result: FetchResult) -> str | None:
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
        return None


class BodyTooLarge(Exception):
    pass


class DeadlineExceeded(Exception):
    pass


class UnsupportedEncoding(httpx.DecodingError):
    pass


class BoundedDecoder:
    """Content-Encoding decoding that never inflates more than asked for.

    httpx inflates each network read whole: 64 KiB of gzipped zeros is 64 MiB, and a body sent as
    `Content-Encoding: gzip, gzip` multiplies the ratios (gigabytes from one read). Here every call
    inflates at most `limit + 1` bytes, and only one layer of gzip or deflate (what we ask for) is accepted.
    """

    def __init__(self, content_encoding: str) -> None:
        layers = [part.strip().lower() for part in content_encoding.split(",") if part.strip()]
        layers = [layer for layer in layers if layer != "identity"]
        if len(layers) > 1 or (layers and layers[0] not in ("gzip", "x-gzip", "deflate")):
            raise UnsupportedEncoding(f"unsupported content encoding {content_encoding!r}")
        self._kind = layers[0] if layers else None
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16) if self._kind in ("gzip", "x-gzip") else None

    def decode(self, data: bytes, limit: int) -> bytes:
        if self._kind is None:
            return data
        if self._zlib is None:  # deflate: zlib-wrapped as the RFC says, or raw as some servers send it
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS if data[:1] and data[0] & 0x0F == 8 else -zlib.MAX_WBITS)
        if self._zlib.eof:
            return b""  # trailing bytes after the compressed stream carry no body
        # Inflating stops at limit + 1 bytes: that is enough to know the cap is exceeded.
        return self._zlib.decompress(data, max(1, limit + 1))


def _read_capped(response: httpx.Response, max_bytes: int, deadline: Deadline) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes and not response.headers.get("content-encoding"):
        raise BodyTooLarge(f"body too large: declared {declared} bytes, cap {max_bytes}")
    decoder = BoundedDecoder(response.headers.get("content-encoding", ""))
    chunks: list[bytes] = []
    size = 0
    for raw in response.iter_raw():
        chunk = decoder.decode(raw, max_bytes - size)
        size += len(chunk)  # decoded: counts inflated bytes, so bombs stop at the cap
        if size > max_bytes:
            raise BodyTooLarge(f"body too large: over {max_bytes} bytes")
        if deadline.passed():
            raise DeadlineExceeded("deadline exceeded while reading body")
        chunks.append(chunk)
    return b"".join(chunks)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)
