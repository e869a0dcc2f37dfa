"""Two years of demo history (2024-2025), generated at serve time from a seed: nothing is stored on disk.

Each outlet is its own loopback "host" (its own port on 127.0.0.1), as real outlets are, so robots.txt,
sitemaps and the other-host rule work as they do on the internet. Article texts come from the team-written
templates of bench/corpus.py (article i depends only on the seed and i); dates are spread over the years.

    outlet           how its history is reached
    hist-chronicle   robots.txt Sitemap: -> sitemap index by month, odd months gzipped (.xml.gz), lastmod
    hist-monitor     robots.txt Sitemap: -> a plain urlset with lastmod, and a news sitemap of the latest
    hist-wire        no feed at all: its registry entry is its news sitemap (kind=sitemap); index for history
    hist-daily       no sitemap (robots.txt names none, /sitemap.xml is 404): WordPress feed, /feed/?paged=N
    hist-border      a broken sitemap, one listing pages on another host (refused), and a good one

    python seeds/demo/tools/history_site.py            # serves until killed, prints the registry it wrote

The bench (bench/bench_backfill.py) uses the same server with one big outlet (`bench_outlets`).
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import hashlib
import html
import re
import sys
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import article, article_kind  # noqa: E402 - after the path set-up above
from bench.site import render_feed, render_page  # noqa: E402

START = datetime(2024, 1, 1, 6, 0, tzinfo=timezone.utc)
END = datetime(2025, 12, 31, 18, 0, tzinfo=timezone.utc)
PAGE_SIZE = 10        # WordPress's default posts per feed page
NEWS_ITEMS = 30
SEED = 16


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    articles: int
    style: str            # index | urlset | nofeed | paged | traps
    crawl_delay: float | None = None
    offset: int = 0       # first corpus index, so outlets carry different stories


DEMO_OUTLETS = (
    Outlet("hist-chronicle", "Chronicle Archive", 360, "index", crawl_delay=0.01, offset=0),
    Outlet("hist-monitor", "Frontline Monitor", 300, "urlset", offset=100_000),
    Outlet("hist-wire", "Delta Wire", 200, "nofeed", offset=200_000),
    Outlet("hist-daily", "Hill Country Daily", 160, "paged", offset=300_000),
    Outlet("hist-border", "Border Post", 120, "traps", offset=400_000),
)


def bench_outlets(articles: int) -> tuple[Outlet, ...]:
    return (Outlet("bench-history", "Bench History", articles, "index", offset=0),)


class OutletSite:
    """One outlet's pages, feed and sitemaps, rendered on request."""

    def __init__(self, outlet: Outlet, seed: int) -> None:
        self.outlet, self.seed = outlet, seed
        step = (END - START) / max(outlet.articles, 1)
        self.dates = [START + step * i for i in range(outlet.articles)]
        # sitemaps list every URL: the month of each date and the kind in each URL are worked out once, not
        # per request (a 50,000-article bench otherwise waits on this server, not on the tracker)
        self.by_month: dict[str, list[int]] = {}
        for i, when in enumerate(self.dates):
            self.by_month.setdefault(f"{when:%Y-%m}", []).append(i)
        self._kinds: dict[int, str] = {}
        self.base_url = ""  # set once the server is bound
        self.foreign_base = ""

    def item(self, i: int):  # noqa: ANN201 - a bench.corpus Article
        raw = article(self.seed, self.outlet.offset + i)
        when = self.dates[i]
        return dataclasses.replace(raw, published_at=when, slug=f"{when:%Y/%m/%d}/{raw.kind}-{i}")

    def url(self, i: int) -> str:
        when = self.dates[i]
        kind = self._kinds.get(i)
        if kind is None:
            kind = self._kinds[i] = article_kind(self.seed, self.outlet.offset + i)
        return f"{self.base_url}/news/{when:%Y/%m/%d}/{kind}-{i}.html"

    def months(self) -> list[str]:
        return sorted(self.by_month)

    def urlset(self, indexes: list[int], news: bool = False, base: str | None = None) -> bytes:
        rows = []
        for i in indexes:
            loc = self.url(i).replace(self.base_url, base) if base else self.url(i)
            stamp = self.dates[i].isoformat()
            extra = ""
            if news:
                extra = (f"<news:news><news:publication><news:name>{self.outlet.name}</news:name><news:language>en"
                         f"</news:language></news:publication><news:publication_date>{stamp}</news:publication_date>"
                         f"<news:title>{html.escape(self.item(i).title)}</news:title></news:news>")
            rows.append(f"<url><loc>{html.escape(loc)}</loc><lastmod>{stamp}</lastmod>{extra}</url>")
        news_ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
        return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
                f"{news_ns}>{''.join(rows)}</urlset>").encode()

    def index(self) -> bytes:
        children = []
        for number, month in enumerate(self.months()):
            last = self.dates[self.by_month[month][-1]]
            suffix = ".xml.gz" if number % 2 else ".xml"
            children.append(f"<sitemap><loc>{self.base_url}/sitemaps/{month}{suffix}</loc>"
                            f"<lastmod>{last.isoformat()}</lastmod></sitemap>")
        return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"{''.join(children)}</sitemapindex>").encode()

    def newest(self, count: int) -> list[int]:
        return list(range(self.outlet.articles - 1, max(-1, self.outlet.articles - 1 - count), -1))

    def robots(self) -> bytes:
        lines = ["User-agent: *", "Allow: /"]
        if self.outlet.crawl_delay is not None:
            lines.append(f"Crawl-delay: {self.outlet.crawl_delay:g}")
        style = self.outlet.style
        maps = {"index": ["/sitemap_index.xml"], "urlset": ["/sitemap.xml", "/news-sitemap.xml"],
                "nofeed": ["/sitemap_index.xml"], "paged": [],
                "traps": ["/sitemap-broken.xml", "/sitemap-mirror.xml", "/sitemap.xml"]}[style]
        lines += [f"Sitemap: {self.base_url}{path}" for path in maps]
        return ("\n".join(lines) + "\n").encode()

    def answer(self, path: str, query: str) -> tuple[int, str, bytes]:
        style = self.outlet.style
        if path == "/robots.txt":
            return 200, "text/plain", self.robots()
        if path == "/sitemap_index.xml" and style in ("index", "nofeed"):
            return 200, "application/xml", self.index()
        month = re.match(r"^/sitemaps/(\d{4}-\d{2})\.xml(\.gz)?$", path)
        if month and style in ("index", "nofeed"):
            body = self.urlset(self.by_month.get(month.group(1), []))
            return (200, "application/gzip", gzip.compress(body, mtime=0)) if month.group(2) else (200, "application/xml", body)
        if path == "/sitemap.xml" and style in ("urlset", "traps"):
            return 200, "application/xml", self.urlset(list(range(self.outlet.articles)))
        if path == "/news-sitemap.xml" and style in ("urlset", "nofeed"):
            return 200, "application/xml", self.urlset(self.newest(NEWS_ITEMS), news=True)
        if path == "/sitemap-broken.xml" and style == "traps":
            return 200, "application/xml", b'<?xml version="1.0"?><urlset><url><loc>' + self.url(0).encode()
        if path == "/sitemap-mirror.xml" and style == "traps":
            return 200, "application/xml", self.urlset(self.newest(20), base=self.foreign_base)
        if path in ("/feed/", "/feed") and style != "nofeed":
            return self._feed(query)
        page = re.match(r"^/news/\d{4}/\d{2}/\d{2}/[a-z]+-(\d+)\.html$", path)
        if page and int(page.group(1)) < self.outlet.articles:
            index = int(page.group(1))
            return 200, "text/html; charset=utf-8", render_page(self.item(index), self.outlet.name, index % 3)
        return 404, "text/plain", b"not found"

    def _feed(self, query: str) -> tuple[int, str, bytes]:
        number = int((parse_qs(query).get("paged") or ["1"])[0] or 1)
        if self.outlet.style == "paged":
            start = (number - 1) * PAGE_SIZE
        else:  # other outlets' feeds carry only the latest items and ignore ?paged
            start = 0 if number == 1 else self.outlet.articles
        indexes = self.newest(self.outlet.articles)[start:start + PAGE_SIZE]
        if not indexes:
            return 404, "text/plain", b"page not found"
        body = render_feed([self.item(i) for i in indexes], self.base_url, self.outlet.name)
        return 200, "application/rss+xml; charset=utf-8", body


def _handler(site: OutletSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            parts = urlsplit(self.path)
            status, content_type, body = site.answer(parts.path, parts.query)
            etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                status, body = 304, b""
            self.send_response(status)
            for name, value in {"Content-Type": content_type, "Content-Length": str(len(body)), "ETag": etag}.items():
                self.send_header(name, value)
            self.end_headers()
            if body:
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


class HistorySite:
    """Every outlet on its own 127.0.0.1 port: `with HistorySite() as site: site.write_registry(path)`."""

    def __init__(self, outlets: tuple[Outlet, ...] = DEMO_OUTLETS, seed: int = SEED, first_port: int = 0) -> None:
        """first_port: outlet k on first_port + k (canonical URLs carry the port, so a demo database
        resumed or re-run must see the same ports); 0 lets the system choose."""
        self.sites = [OutletSite(o, seed) for o in outlets]
        self._servers = [ThreadingHTTPServer(("127.0.0.1", first_port + k if first_port else 0), _handler(s))
                         for k, s in enumerate(self.sites)]
        for site, server in zip(self.sites, self._servers):
            server.daemon_threads = True
            site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
            site.foreign_base = f"http://localhost:{server.server_address[1]}"  # another host name
        self._threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in self._servers]

    def feed_url(self, site: OutletSite) -> tuple[str, str]:
        """(url, kind) of the outlet's registry entry."""
        if site.outlet.style == "nofeed":
            return f"{site.base_url}/news-sitemap.xml", "sitemap"
        return f"{site.base_url}/feed/", "rss"

    def write_registry(self, path: Path) -> Path:
        columns = ["feed_id", "name", "outlet", "url", "language", "enabled", "poll_interval_minutes", "general",
                   "allow_private", "kind"]
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            for site in self.sites:
                url, kind = self.feed_url(site)
                writer.writerow({"feed_id": site.outlet.slug, "name": site.outlet.name, "outlet": site.outlet.name,
                                 "url": url, "language": "en", "enabled": "true", "poll_interval_minutes": "15",
                                 "general": "false", "allow_private": "true", "kind": kind})
        return path

    def __enter__(self) -> "HistorySite":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()


def main() -> None:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description="serve generated outlet history on 127.0.0.1")
    parser.add_argument("--bench-articles", type=int, help="one outlet of N articles (the backfill benchmark)")
    args = parser.parse_args()
    outlets = bench_outlets(args.bench_articles) if args.bench_articles else DEMO_OUTLETS
    with HistorySite(outlets) as site:
        registry = site.write_registry(Path(tempfile.mkdtemp(prefix="mmtrack-history-")) / "feeds.csv")
        print(f"REGISTRY {registry}", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
