"""A fault-injecting site on 127.0.0.1 for the hostile-input tests: real HTTP, misbehaving on purpose.

`HostileSite` adds routes to a LoopbackSite for every fault the pipeline must survive: error statuses,
a reset mid-body, a drip of one byte per second, a request that is read and never answered, redirect
loops and long chains, redirects to private and non-http targets, a 50 MB body, gzip bombs generated as
they are sent (never held in memory), and feeds and pages with hostile content. `SilentServer` is the
one fault http.server can't produce: a TCP port that accepts connections and never reads or writes.
`ConnectionLog` records every socket connect in the process (an audit hook), so a test can prove that
a refused target was never even dialled.
"""

from __future__ import annotations

import socket
import struct
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

from tests.loopback import LoopbackSite, Reply
from tests.news_site import story as news_story

MB = 1024 * 1024
PRIVATE_TARGETS = {
    "loopback-ip": "http://127.0.0.1:{other_port}/secret",
    "loopback-name": "http://localhost:{port}/secret",
    "private-10": "http://10.0.0.1/admin",
    "metadata": "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "ipv6-loopback": "http://[::1]:{port}/secret",
    "file": "file:///etc/passwd",
}


# --- connection log ---------------------------------------------------------------------------------

_connect_logs: list[list[tuple]] = []
_hook_lock = threading.Lock()
_hook_installed = False


def _audit(event: str, args: tuple) -> None:
    if event == "socket.connect" and _connect_logs:
        address = args[1]
        for log in list(_connect_logs):
            log.append(address if isinstance(address, tuple) else (address,))
        host = str(address[0]) if isinstance(address, tuple) else ""
        # Safety net: inside a ConnectionLog nothing may leave the machine, whatever the code under test does.
        if host and not (host.startswith("127.") or host in ("::1", "localhost")):
            raise ConnectionRefusedError(f"test safety net: refused connect to {address}")


@contextmanager
def connection_log() -> Iterator[list[tuple]]:
    """Every (host, port) this process connects to while the block runs."""
    global _hook_installed
    with _hook_lock:
        if not _hook_installed:
            sys.addaudithook(_audit)  # audit hooks can't be removed; it is idle outside a log
            _hook_installed = True
    log: list[tuple] = []
    _connect_logs.append(log)
    try:
        yield log
    finally:
        _connect_logs.remove(log)


# --- raw-socket fault -------------------------------------------------------------------------------


class SilentServer:
    """Accepts TCP connections and never sends a byte: the client must give up by itself."""

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}/feed"

    def _accept(self) -> None:
        self._sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except (TimeoutError, OSError):
                continue
            self._held.append(conn)

    def __enter__(self) -> "SilentServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        for conn in self._held:
            conn.close()
        self._sock.close()


# --- response writers (routes that write the response themselves return None) -----------------------


def _start(request: BaseHTTPRequestHandler, status: int, headers: dict[str, str]) -> None:
    request.close_connection = True
    request.send_response(status)
    for name, value in headers.items():
        request.send_header(name, value)
    request.end_headers()


def _stream(request: BaseHTTPRequestHandler, chunks: Iterator[bytes]) -> None:
    """Write chunks until they run out or the client hangs up (the normal end for a bomb)."""
    try:
        for chunk in chunks:
            request.wfile.write(chunk)
    except (BrokenPipeError, ConnectionResetError, OSError):
        pass


def gzip_bomb(inflated_bytes: int, layers: int = 1) -> Iterator[bytes]:
    """A gzip stream of `inflated_bytes` zeros, compressed as it is sent; `layers` nests gzip in gzip."""
    def zeros() -> Iterator[bytes]:
        block = bytes(MB)
        for _ in range(inflated_bytes // MB):
            yield block

    def gzipped(source: Iterator[bytes]) -> Iterator[bytes]:
        compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
        for block in source:
            out = compressor.compress(block)
            if out:
                yield out
        yield compressor.flush()

    stream = zeros()
    for _ in range(layers):
        stream = gzipped(stream)
    return stream


def reset_mid_body(request: BaseHTTPRequestHandler) -> None:
    """Promise 100 kB, send 5 kB, then reset the connection (RST, not a clean close)."""
    _start(request, 200, {"Content-Type": "application/rss+xml", "Content-Length": "100000"})
    request.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>' + b" " * 5000)
    request.wfile.flush()
    request.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    request.connection.close()


def drip(request: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    """One byte a second of a 1000-byte body, until the client gives up."""
    _start(request, 200, {"Content-Type": "text/html", "Content-Length": "1000"})
    while not stop.is_set():
        try:
            request.wfile.write(b"<")
            request.wfile.flush()
        except OSError:
            return
        time.sleep(1.0)


def never_answer(request: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    """Read the request, then say nothing until the test ends."""
    request.close_connection = True
    stop.wait(60)


def big_body(request: BaseHTTPRequestHandler, size: int, declare_length: bool) -> None:
    headers = {"Content-Type": "text/html; charset=utf-8"}
    if declare_length:
        headers["Content-Length"] = str(size)
    _start(request, 200, headers)
    block = b"<p>" + b"a" * (64 * 1024 - 7) + b"</p>\n"
    _stream(request, (block for _ in range(size // len(block))))


def bomb(request: BaseHTTPRequestHandler, layers: int, content_type: str) -> None:
    encoding = ", ".join(["gzip"] * layers)
    _start(request, 200, {"Content-Type": content_type, "Content-Encoding": encoding})
    _stream(request, gzip_bomb(4 * 1024 * MB, layers))  # 4 GiB inflated (per layer: far more nested)


# --- the site ---------------------------------------------------------------------------------------


class HostileSite(LoopbackSite):
    """A LoopbackSite with every network fault on a fixed path (see FAULT_PATHS)."""

    def __init__(self) -> None:
        super().__init__()
        self._server.handle_error = lambda *_: None  # resets and hang-ups are the point, not errors
        self.other_port = 0  # a second loopback port the redirect tests must never reach
        stop = self.stop_event
        self.route("/status/500", lambda _r: Reply(500, b"internal error", {"Content-Type": "text/plain"}))
        self.route("/status/503", lambda _r: Reply(503, b"down for maintenance", {"Retry-After": "120"}))
        self.route("/status/429", lambda _r: Reply(429, b"slow down", {"Retry-After": "1"}))
        self.route("/status/403", lambda _r: Reply(403, b"forbidden"))
        self.route("/reset", reset_mid_body)
        self.route("/drip", lambda r: drip(r, stop))
        self.route("/hang", lambda r: never_answer(r, stop))
        self.route("/big/declared", lambda r: big_body(r, 50 * MB, True))
        self.route("/big/streamed", lambda r: big_body(r, 50 * MB, False))
        self.route("/bomb/gzip", lambda r: bomb(r, 1, "text/html; charset=utf-8"))
        self.route("/bomb/feed", lambda r: bomb(r, 1, "application/rss+xml"))
        self.route("/bomb/nested", lambda r: bomb(r, 2, "text/html; charset=utf-8"))
        self.route("/loop/a", lambda _r: Reply(302, headers={"Location": "/loop/b"}))
        self.route("/loop/b", lambda _r: Reply(301, headers={"Location": "/loop/a"}))
        self.route("/secret", lambda _r: Reply(200, b"secret", {"Content-Type": "text/plain"}))
        for hop in range(30):
            self.route(f"/chain/{hop}", lambda _r, h=hop: Reply(302, headers={"Location": f"/chain/{h + 1}"}))
        self.route("/chain/30", lambda _r: Reply(200, b"end of chain", {"Content-Type": "text/plain"}))
        for name in PRIVATE_TARGETS:
            self.route(f"/redirect/{name}", lambda _r, n=name: Reply(302, headers={"Location": self.private_target(n)}))

    def private_target(self, name: str) -> str:
        port = self._server.server_address[1]
        return PRIVATE_TARGETS[name].format(port=port, other_port=self.other_port or port)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def chain_url(self, hops: int) -> str:
        """A URL that reaches a 200 after exactly `hops` redirects."""
        return self.url(f"/chain/{30 - hops}")


# --- hostile feed and page content ------------------------------------------------------------------

# Zawgyi-encoded Burmese (the legacy font encoding most Burmese sites used until 2019): "Myanmar military
# airstrike" and "villagers fled". Same code block as Unicode Burmese, different order and code points.
ZAWGYI_TITLE = "ျမန္မာ့ တပ္မေတာ္ ေလေၾကာင္းတိုက္ခိုက္မႈ"
ZAWGYI_SUMMARY = "ရြာသားမ်ား ထြက္ေျပးၾကရသည္"
# The same words in Unicode Burmese, as the pipeline stores them.
UNICODE_TITLE = "မြန်မာ့ တပ်မတော် လေကြောင်းတိုက်ခိုက်မှု"
UNICODE_SUMMARY = "ရွာသားများ ထွက်ပြေးကြရသည်"
CP1252_TITLE = "Junta’s “clearance” raids force 3,000 from homes near Monywa – residents"
UTF16_TITLE = "Arakan Army says it took Maungdaw border post; ရခိုင် residents flee"
LAUGHS_DTD = "".join(
    f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
)


def rss(items: str, prolog: str = '<?xml version="1.0" encoding="utf-8"?>', doctype: str = "") -> str:
    return (f'{prolog}{doctype}<rss version="2.0"><channel><title>Hostile Outlet</title>'
            f"<link>http://example.org/</link><description>x</description>{items}</channel></rss>")


def item(title: str, link: str, summary: str = "", guid: str | None = None) -> str:
    return (f"<item><title>{title}</title><link>{link}</link><guid>{guid or link}</guid>"
            f"<pubDate>Wed, 10 Jan 2024 08:00:00 GMT</pubDate><description>{summary}</description></item>")


def hostile_feeds(base: str) -> dict[str, tuple[bytes, str]]:
    """name -> (body, Content-Type) of every feed whose content, not transport, is the fault."""
    link = f"{base}/news"
    cp1252 = rss(item(CP1252_TITLE, f"{link}/cp1252"), prolog="").encode("cp1252")
    many = "".join(item(f"Township report {i}: clashes continue", f"http://localhost:1/n/{i}") for i in range(20_000))
    return {
        "cp1252-declared": (rss(item(CP1252_TITLE, f"{link}/cp1252"), '<?xml version="1.0" encoding="windows-1252"?>')
                            .encode("cp1252"), "application/rss+xml"),
        "cp1252-undeclared": (cp1252, "application/rss+xml"),
        "cp1252-labelled-utf8": (cp1252, "application/rss+xml; charset=utf-8"),
        "bogus-charset": (rss(item("Fighting in Kachin", f"{link}/bogus")).encode(), "text/xml; charset=x-no-such-codec"),
        "utf16": (rss(item(UTF16_TITLE, f"{link}/utf16"), '<?xml version="1.0" encoding="utf-16"?>').encode("utf-16"),
                  "application/rss+xml"),
        "zawgyi": (rss(item(ZAWGYI_TITLE, f"{link}/zawgyi", ZAWGYI_SUMMARY)).encode(), "application/rss+xml"),
        "billion-laughs": (rss(item("&lol9;", f"{link}/laughs"), doctype=f"<!DOCTYPE rss [<!ENTITY lol0 \"lol\">{LAUGHS_DTD}]>")
                           .encode(), "application/rss+xml"),
        "external-entity": (rss(item("Leak &xxe;", f"{link}/xxe", "&xxe;"),
                                doctype='<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').encode(),
                            "application/rss+xml"),
        "twenty-thousand": (rss(many).encode(), "application/rss+xml"),
        "script-links": (rss(item("Click me", "javascript:alert(document.cookie)")
                             + item("Inline", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")
                             + item("Real story from Hpakant", f"{link}/real")).encode(), "application/rss+xml"),
        "megabyte-title": (rss(item("Sagaing " + "x" * MB, f"{link}/long", "y" * MB)).encode(), "application/rss+xml"),
        "binary": (bytes(range(256)) * 64, "application/rss+xml"),
        "html-not-feed": (b"<html><body><h1>Subscribe to our newsletter</h1></body></html>", "text/html"),
        "malformed-xml": (b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut off', "application/rss+xml"),
    }


PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


def hostile_pages() -> dict[str, tuple[bytes, str]]:
    """name -> (body, Content-Type) of every article page whose content is the fault."""
    story = ("<p>Junta troops torched more than 200 houses in Sagaing Region's Kani Township on Monday, "
             "residents said, forcing villagers to shelter in nearby forests.</p>"
             + "".join(f"<p>{paragraph}</p>" for paragraph in news_story(3)[1]))
    return {
        "binary-as-html": (PNG_HEADER + bytes(range(256)) * 200, "text/html"),
        "malformed-html": (b"<html><body><div><p>Fighting near Lashio <b><i>continued</p></div><table><tr><td>"
                           + story.encode() + b"<div <p <<<>>> </scr" + b"<div>" * 5000, "text/html; charset=utf-8"),
        "cp1252-no-charset": (f"<html><body><article><h1>{CP1252_TITLE}</h1>{story}</article></body></html>"
                              .encode("cp1252"), "text/html"),
        "cp1252-labelled-utf8": (f"<html><body><article>{story}<p>{CP1252_TITLE}</p></article></body></html>"
                                 .encode("cp1252"), "text/html; charset=utf-8"),
        "bogus-charset": (f"<html><body><article>{story}</article></body></html>".encode(),
                          "text/html; charset=x-no-such-codec"),
        "utf16": (f"<html><body><article><h1>{UTF16_TITLE}</h1>{story}</article></body></html>".encode("utf-16"),
                  "text/html; charset=utf-16"),
        "zawgyi": (f"<html><body><article><h1>{ZAWGYI_TITLE}</h1><p>{ZAWGYI_SUMMARY}</p>{story}</article></body></html>"
                   .encode(), "text/html; charset=utf-8"),
        "pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "application/pdf"),
        "empty": (b"", "text/html"),
    }


# Network faults served by HostileSite, by path, for feeds and pages alike.
NETWORK_FAULTS = {
    "http-500": "/status/500", "http-503": "/status/503", "http-429": "/status/429", "http-403": "/status/403",
    "reset": "/reset", "hang": "/hang", "drip": "/drip", "redirect-loop": "/loop/a", "redirect-chain": "/chain/0",
    "big-declared": "/big/declared", "big-streamed": "/big/streamed", "gzip-bomb": "/bomb/gzip",
    "nested-bomb": "/bomb/nested",
}


def hostile_feed_registry(site: HostileSite, silent_url: str) -> list[dict]:
    """Serve every hostile feed on `site`; their registry rows (none allowed private addresses)."""
    rows = [{"feed_id": f"net-{name}", "url": site.url(path)} for name, path in NETWORK_FAULTS.items()]
    rows += [{"feed_id": f"to-{name}", "url": site.url(f"/redirect/{name}")} for name in PRIVATE_TARGETS]
    rows.append({"feed_id": "dns-localhost", "url": f"http://localhost:{site.port}/feeds/zawgyi"})
    rows.append({"feed_id": "net-silent", "url": silent_url})
    for name, (body, content_type) in hostile_feeds(site.base_url).items():
        site.static(f"/feeds/{name}", body, content_type)
        rows.append({"feed_id": f"feed-{name}", "url": site.url(f"/feeds/{name}")})
    return [{**row, "allow_private": "false"} for row in rows]


def hostile_page_feed(site: HostileSite, path: str = "/pages/feed") -> list[str]:
    """Serve every hostile page and a feed listing them; returns the page paths in feed order."""
    paths = [*NETWORK_FAULTS.values(), *(f"/redirect/{name}" for name in PRIVATE_TARGETS)]
    for name, (body, content_type) in hostile_pages().items():
        site.static(f"/pages/{name}", body, content_type)
        paths.append(f"/pages/{name}")
    items = "".join(item(f"Hostile page {i}", site.url(p)) for i, p in enumerate(paths))
    site.static(path, rss(items).encode(), "application/rss+xml")
    site.static("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain")
    return paths


def port_of(site: LoopbackSite) -> int:
    return site._server.server_address[1]  # noqa: SLF001 - LoopbackSite exposes only base_url
