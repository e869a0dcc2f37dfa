"""Loopback HTTP server for the offline demo site in seeds/demo/.

The demo's feeds and pages are stored with a ``{{BASE}}`` placeholder instead of a host, because the
server's port is only known once it is bound. Every text response has the placeholder replaced by
``http://127.0.0.1:PORT``. The server behaves like a well-run news site (ETag, Last-Modified, 304s,
404s, robots.txt) except for the paths that seeds/demo/manifest.json lists as ``slow_paths``: those are
held open without an answer, so that fetch timeouts can be exercised for real.

Use as a context manager::

    with DemoSite() as site:
        registry = feeds_csv_for(site)          # feeds.csv with {{BASE}} substituted, in a temp dir
        ingest(feeds=registry, ...)

or by hand: ``python -m tasks.demo_site --port 8765``.

The ETag is a hash of the served body, so it is only stable across runs when the port is: a second
demo run that should see 304s must bind the same port as the first (``DemoSite(port=8765)``).
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import json
import mimetypes
import shutil
import tempfile
import threading
import time
from datetime import datetime, timezone
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

DEFAULT_ROOT = Path(__file__).resolve().parents[1] / "seeds" / "demo"
PLACEHOLDER = "{{BASE}}"
ROBOTS_TXT = "User-agent: *\nAllow: /\n"
HOLD_STEP_SECONDS = 0.05

# Feed files are named after their format so each gets the media type a real site would send.
_CONTENT_TYPES_BY_SUFFIX = {
    "atom.xml": "application/atom+xml",
    "rss.xml": "application/rss+xml",
    ".rdf": "application/rdf+xml",
    ".xml": "application/xml",
    ".html": "text/html",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".txt": "text/plain",
    ".json": "application/json",
}
_TEXT_TYPES = ("text/", "application/atom+xml", "application/rss+xml", "application/rdf+xml",
               "application/xml", "application/json", "image/svg+xml")


class LoggedRequest(NamedTuple):
    """One request as the server saw it; status is None for a request held open without an answer."""

    method: str
    path: str  # as requested, query string included
    status: int | None


def content_type_for(path: Path) -> str:
    """Media type (with charset for text) of a file under the demo site."""
    name = path.name.lower()
    media_type = next((mt for suffix, mt in _CONTENT_TYPES_BY_SUFFIX.items() if name.endswith(suffix)), None)
    if media_type is None:
        media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if media_type.startswith(_TEXT_TYPES):
        return f"{media_type}; charset=utf-8"
    return media_type


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _etag_matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    candidates = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return etag in candidates


def _not_modified_since(if_modified_since: str, mtime: float) -> bool:
    try:
        since = email.utils.parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=timezone.utc)
    # HTTP dates have one-second resolution; compare at that resolution.
    return int(mtime) <= since.timestamp()


class _DemoHandler(BaseHTTPRequestHandler):
    server: "_DemoHTTPServer"
    protocol_version = "HTTP/1.1"
    server_version = "DemoNewsSite/1.0"

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        # The request log lives in DemoSite.requests; stderr noise would pollute the demo console.
        pass

    def _respond(self, send_body: bool) -> None:
        site = self.server.site
        url_path = unquote(urlsplit(self.path).path)
        if url_path in site.slow_paths:
            site._log(self.command, self.path, None)
            site._hold(self)
            self.close_connection = True
            return
        if url_path == "/robots.txt":
            self._send(HTTPStatus.OK, ROBOTS_TXT.encode(), "text/plain; charset=utf-8", None, send_body)
            return
        file_path = site.resolve(url_path)
        if file_path is None:
            body = b"<!doctype html><title>404 Not Found</title><h1>Page not found</h1>\n"
            self._send(HTTPStatus.NOT_FOUND, body, "text/html; charset=utf-8", None, send_body)
            return
        self._send_file(file_path, send_body)

    def _send_file(self, file_path: Path, send_body: bool) -> None:
        site = self.server.site
        content_type = content_type_for(file_path)
        body = file_path.read_bytes()
        if content_type.startswith(_TEXT_TYPES):
            body = site.substitute(body.decode("utf-8")).encode("utf-8")
        etag = etag_for(body)
        mtime = file_path.stat().st_mtime
        validators = {"ETag": etag, "Last-Modified": email.utils.formatdate(mtime, usegmt=True)}
        if_none_match = self.headers.get("If-None-Match")
        if_modified_since = self.headers.get("If-Modified-Since")
        # RFC 9110: If-None-Match, when present, takes precedence over If-Modified-Since.
        if if_none_match is not None:
            unchanged = _etag_matches(if_none_match, etag)
        else:
            unchanged = if_modified_since is not None and _not_modified_since(if_modified_since, mtime)
        if unchanged:
            self._send(HTTPStatus.NOT_MODIFIED, b"", None, validators, send_body=False)
            return
        self._send(HTTPStatus.OK, body, content_type, validators, send_body)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str | None,
              extra_headers: dict[str, str] | None, send_body: bool) -> None:
        # Logged before answering, so a client that has its answer always finds it in the log.
        self.server.site._log(self.command, self.path, int(status))
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (extra_headers or {}).items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "max-age=0, must-revalidate")
        self.send_header("Content-Length", "0" if status == HTTPStatus.NOT_MODIFIED else str(len(body)))
        self.end_headers()
        if send_body and status != HTTPStatus.NOT_MODIFIED:
            self.wfile.write(body)


class _DemoHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    # Held-open handler threads must not delay shutdown; they watch the stop event themselves.
    block_on_close = False

    def __init__(self, address: tuple[str, int], site: "DemoSite") -> None:
        self.site = site
        super().__init__(address, _DemoHandler)

    def handle_error(self, request, client_address) -> None:  # type: ignore[override]
        # Clients that time out and hang up (the slow path) are expected; stay quiet about them.
        pass


class DemoSite:
    """The demo site served on 127.0.0.1; ``base_url`` is known once entered."""

    def __init__(self, root: Path = DEFAULT_ROOT, hold_seconds: float = 60.0,
                 port: int = 0, host: str = "127.0.0.1") -> None:
        self.root = Path(root)
        self.site_dir = (self.root / "site").resolve()
        self.hold_seconds = hold_seconds
        self.host = host
        self.port = port
        manifest = json.loads((self.root / "manifest.json").read_text(encoding="utf-8"))
        self.slow_paths: frozenset[str] = frozenset(manifest.get("slow_paths", []))
        self.requests: list[LoggedRequest] = []
        self._log_lock = threading.Lock()
        self._stop = threading.Event()
        self._server: _DemoHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._tmp_dir: Path | None = None

    # --- lifecycle -------------------------------------------------------------------------------
    def start(self) -> "DemoSite":
        self._stop.clear()
        self._server = _DemoHTTPServer((self.host, self.port), self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="demo-site", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._tmp_dir is not None:
            shutil.rmtree(self._tmp_dir, ignore_errors=True)
            self._tmp_dir = None

    def __enter__(self) -> "DemoSite":
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # --- what handlers and callers use ------------------------------------------------------------
    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("DemoSite is not running; use it as a context manager")
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def substitute(self, text: str) -> str:
        return text.replace(PLACEHOLDER, self.base_url)

    def resolve(self, url_path: str) -> Path | None:
        """The file serving url_path, or None (missing, or outside the site directory)."""
        candidate = (self.site_dir / url_path.lstrip("/")).resolve()
        if not candidate.is_relative_to(self.site_dir):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def temp_dir(self) -> Path:
        """A directory removed when the site stops (for the substituted registry)."""
        if self._tmp_dir is None:
            self._tmp_dir = Path(tempfile.mkdtemp(prefix="demo-site-"))
        return self._tmp_dir

    def _log(self, method: str, path: str, status: int | None) -> None:
        with self._log_lock:
            self.requests.append(LoggedRequest(method, path, status))

    def _hold(self, handler: BaseHTTPRequestHandler) -> None:
        """Keep the connection open without answering until hold_seconds pass or the site stops."""
        deadline = time.monotonic() + self.hold_seconds
        while time.monotonic() < deadline and not self._stop.is_set():
            time.sleep(HOLD_STEP_SECONDS)


def feeds_csv_for(site: DemoSite, dest: Path | None = None) -> Path:
    """Write the demo's feed registry with {{BASE}} replaced by the site's URL; return its path.

    Without ``dest`` the file goes to a temp directory that is removed when the site stops.
    """
    text = (site.root / "feeds.csv").read_text(encoding="utf-8")
    target = dest if dest is not None else site.temp_dir() / "feeds.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(site.substitute(text), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the offline demo news site on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--hold-seconds", type=float, default=60.0,
                        help="how long slow paths are held open before the connection is dropped")
    args = parser.parse_args(argv)
    site = DemoSite(root=args.root, hold_seconds=args.hold_seconds, port=args.port)
    try:
        site.start()
    except OSError as exc:
        raise SystemExit(f"cannot serve the demo on 127.0.0.1:{args.port}: {exc.strerror}") from None
    try:
        registry = feeds_csv_for(site)
        print(f"Serving {site.site_dir} at {site.base_url}/  (Ctrl-C to stop)")
        print(f"Feed registry with this base URL: {registry}")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print(f"\nStopped after {len(site.requests)} requests at {datetime.now():%H:%M:%S}.")
    finally:
        site.stop()


if __name__ == "__main__":
    main()
