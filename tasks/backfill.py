"""Backfill discovery: an outlet's past article URLs from its sitemaps, else from its paginated feed.

The URLs join the articles table as `fetch_status = 'pending'`, `source = 'backfill'`, exactly as feed
entries do, so fetch, clean, tag, extract, dedup and publish are unchanged (tasks/backfill_run.py drives
them). Every sitemap or feed page read is recorded in `backfill_sources` in the same transaction as the
URLs it gave, so a killed backfill resumes after the last source it finished, and a URL already stored is
never queued (or fetched) again.

Order of sources: the registry entry itself when it is a sitemap, robots.txt `Sitemap:` lines, else
/sitemap.xml; an index's children are skipped when their `lastmod` is before the window. Only when no
sitemap gave a URL is the feed paged (WordPress `?paged=N`), newest first, until a page is older than
the window. A sitemap listing pages on another host is refused and recorded: the sitemaps.org rule, and
what stops a hijacked sitemap from sending the crawler elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit, urlunsplit

import duckdb

from tasks.burmese import to_unicode
from tasks.db import transaction, upsert
from tasks.feeds import FeedSpec, parse_feed
from tasks.http import HttpPolicy, utc_now
from tasks.poll import FEED_ACCEPT
from tasks.sql_ids import IDS, id_list
from tasks.sitemaps import RobotsHints, SitemapUrl, in_window, parse_sitemap, robots_hints, same_site
from tasks.urls import article_id, canonical_url

SITEMAP_ACCEPT = "application/xml, text/xml;q=0.9, application/gzip;q=0.8, */*;q=0.5"
MAX_FEED_PAGES = 2000
MAX_SITEMAPS = 5000
FLUSH_ROWS = 2000      # new URLs buffered before one load
FLUSH_SOURCES = 50     # sources buffered before one load
Connection = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]


@dataclass
class Window:
    since: date
    until: date


@dataclass
class Discovery:
    """What discovery did for one feed (returned to the command and the flow)."""

    feed_id: str
    crawl_delay_s: float | None = None
    sources_read: int = 0
    sources_skipped: int = 0          # done by an earlier (killed) backfill of the same window
    sources_failed: dict[str, str] = field(default_factory=dict)
    sources_refused: dict[str, str] = field(default_factory=dict)
    urls_queued: int = 0
    urls_known: int = 0               # already stored: never fetched again
    method: str = "none"              # sitemap | feed_pages | none


class Discoverer:
    def __init__(self, connection: Connection, policy: HttpPolicy, spec: FeedSpec, window: Window,
                 max_urls: int | None, robots: RobotsHints | None) -> None:
        self.connection, self.policy, self.spec, self.window = connection, policy, spec, window
        self.robots = robots
        self.max_urls = max_urls
        self.result = Discovery(spec.feed_id)
        self._buffer: list[tuple] = []
        self._buffered_rows = 0
        with connection() as con:
            self.done = {r[0] for r in con.execute(
                "SELECT source_url FROM backfill_sources WHERE feed_id = ? AND window_since = ? AND window_until = ? "
                "AND status IN ('done', 'refused')", [spec.feed_id, window.since, window.until]).fetchall()}

    @property
    def full(self) -> bool:
        return self.max_urls is not None and self.result.urls_queued + self._buffered_rows >= self.max_urls

    def run(self) -> Discovery:
        if self._sitemaps():
            self.result.method = "sitemap"
        elif getattr(self.spec, "kind", "rss") != "sitemap" and self._feed_pages():
            self.result.method = "feed_pages"
        self.flush()
        return self.result

    # -- sitemaps ---------------------------------------------------------------------------------------

    def _start_points(self) -> list[str]:
        parts = urlsplit(self.spec.url)
        origin = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        starts = [self.spec.url] if getattr(self.spec, "kind", "rss") == "sitemap" else []
        if self.robots is not None:
            self.result.crawl_delay_s = self.robots.crawl_delay_s
            starts += list(self.robots.sitemaps)
        return list(dict.fromkeys(starts or [f"{origin}/sitemap.xml"]))

    def _sitemaps(self) -> bool:
        """Walk the sitemap tree depth first; True when any sitemap was usable (even with no new URL)."""
        usable = False
        stack = list(reversed(self._start_points()))
        seen: set[str] = set()
        while stack and not self.full and len(seen) < MAX_SITEMAPS:
            url = stack.pop()
            if isinstance(url, _IndexDone):
                # A capped walk has not read every child, and a failed child must be tried again: then the
                # index is 'partial' and a resumed backfill reads it again (skipping the children done).
                whole = not self.full and len(self.result.sources_failed) == url.failures_before
                self._record(url, "sitemap_index", "done" if whole else "partial", found=url.children,
                             wanted=url.in_window)
                continue
            if url in seen:
                continue
            seen.add(url)
            if not same_site(url, self.spec.url):
                self._record(url, "sitemap", "refused", error=f"sitemap on another host than {self.spec.url}")
                self.result.sources_refused[url] = "another host"
                continue
            if url in self.done:
                self.result.sources_skipped += 1
                usable = True
                continue
            usable |= self._read_sitemap(url, stack)
        return usable

    def _read_sitemap(self, url: str, stack: list[str]) -> bool:
        response = self._get(url, self.policy.settings.feed_max_bytes, SITEMAP_ACCEPT)
        if not response.ok:
            if response.status != 404 or url != self._default_sitemap():
                self._record(url, "sitemap", "failed", error=response.error or f"HTTP {response.status}")
                self.result.sources_failed[url] = response.error or f"HTTP {response.status}"
            return False
        page = parse_sitemap(response.body, response.final_url or url)
        self.result.sources_read += 1
        if page.error:
            self._record(url, "sitemap", "failed", error=page.error)
            self.result.sources_failed[url] = page.error
            return False
        if page.kind == "sitemap_index":
            children = [c.loc for c in page.urls if c.lastmod is None or c.lastmod.date() >= self.window.since]
            stack.append(_IndexDone(url, len(page.urls), len(children), len(self.result.sources_failed)))
            stack.extend(reversed(children))
            return True
        self._queue(url, page.kind, page.urls)
        return True

    def _default_sitemap(self) -> str:
        parts = urlsplit(self.spec.url)
        return urlunsplit((parts.scheme, parts.netloc, "/sitemap.xml", "", ""))

    # -- paginated feed -----------------------------------------------------------------------------------

    def _feed_pages(self) -> bool:
        usable = False
        for number in range(1, MAX_FEED_PAGES + 1):
            if self.full:
                break
            url = _paged(self.spec.url, number)
            if url in self.done:
                self.result.sources_skipped += 1
                usable = True
                continue
            response = self._get(url, self.policy.settings.feed_max_bytes, FEED_ACCEPT)
            if not response.ok:  # past the last page WordPress answers 404
                if number == 1 or response.status != 404:
                    self._record(url, "feed_page", "failed", error=response.error or f"HTTP {response.status}")
                    self.result.sources_failed[url] = response.error or f"HTTP {response.status}"
                break
            parsed = parse_feed(response.body, response.headers, base_url=response.final_url or url)
            self.result.sources_read += 1
            if parsed.error or not parsed.entries:
                if parsed.error:
                    self._record(url, "feed_page", "failed", error=parsed.error)
                    self.result.sources_failed[url] = parsed.error
                break
            usable = True
            urls = [SitemapUrl(e.link, None, e.title, e.published_at) for e in parsed.entries]
            self._queue(url, "feed_page", urls, {e.link: e for e in parsed.entries})
            dated = [e.published_at.date() for e in parsed.entries if e.published_at]
            if dated and max(dated) < self.window.since:
                break  # newest first: every later page is older still
        return usable

    # -- loading ------------------------------------------------------------------------------------------

    def _get(self, url: str, max_bytes: int, accept: str | None = None):  # noqa: ANN202 - a FetchResult
        return self.policy.fetch(url, max_bytes=max_bytes, allow_private=self.spec.allow_private, accept=accept)

    def _queue(self, source: str, kind: str, urls: list[SitemapUrl], entries: dict | None = None) -> None:
        """Buffer the source's in-window URLs with the record that the source is done (flushed together)."""
        wanted = [u for u in urls if in_window(u.dated, self.window.since, self.window.until)]
        foreign = [u.loc for u in wanted if kind != "feed_page" and not same_site(u.loc, self.spec.url)]
        if foreign:  # a sitemap may list only its own host's pages: refuse the lot, say so
            self.result.sources_refused[source] = f"{len(foreign)} URLs on another host"
            self._record(source, kind, "refused", error=f"{len(foreign)} of {len(urls)} URLs on another host, "
                         f"e.g. {foreign[0][:200]}", found=len(urls), wanted=len(wanted))
            return
        rows = list(_article_rows(self.spec.feed_id, wanted, entries or {}))
        self._buffer.append((source, kind, "done", len(urls), len(wanted), None, rows))
        self._buffered_rows += len(rows)
        if self._buffered_rows >= FLUSH_ROWS or len(self._buffer) >= FLUSH_SOURCES:
            self.flush()

    def _record(self, source: str, kind: str, status: str, error: str | None = None, found: int = 0,
                wanted: int = 0) -> None:
        self._buffer.append((source, kind, status, found, wanted, error, []))

    def flush(self) -> None:
        """Store the buffered sources and their new URLs in one transaction (one short hold of the writer:
        opening the database per sitemap cost more than reading it). A kill loses only the buffer, whose
        sources are then not recorded as done and are read again."""
        if not self._buffer:
            return
        buffer, self._buffer, self._buffered_rows = self._buffer, [], 0
        with self.connection() as con, transaction(con):
            ids = [r["article_id"] for *_, rows in buffer for r in rows]
            known = {r[0] for r in con.execute(
                f"SELECT article_id FROM articles WHERE article_id IN {IDS}", [id_list(ids)]).fetchall()}
            for source, kind, status, found, wanted, error, rows in buffer:
                fresh = [r for r in rows if r["article_id"] not in known]
                self.result.urls_known += len(rows) - len(fresh)
                if self.max_urls is not None and len(fresh) > self.max_urls - self.result.urls_queued:
                    fresh, status = fresh[: max(0, self.max_urls - self.result.urls_queued)], "partial"
                known.update(r["article_id"] for r in fresh)
                upsert(con, "articles", fresh, ["article_id"], update=())
                upsert(con, "article_feeds", [_link(r) for r in fresh], ["article_id", "feed_id"], update=())
                self._write_source(con, source, kind, status, found, wanted, error)
                self.result.urls_queued += len(fresh)

    def _write_source(self, con: duckdb.DuckDBPyConnection, source: str, kind: str, status: str, found: int,
                      wanted: int, error: str | None) -> None:
        upsert(con, "backfill_sources", [{
            "feed_id": self.spec.feed_id, "source_url": source, "window_since": self.window.since,
            "window_until": self.window.until, "kind": kind, "status": status, "urls_found": found,
            "urls_in_window": wanted, "error": (error or "")[:1000] or None, "checked_at": utc_now(),
        }], ["feed_id", "source_url", "window_since", "window_until"])


def read_robots(policy: HttpPolicy, spec: FeedSpec) -> RobotsHints | None:
    """The outlet's robots.txt hints (Sitemap lines, Crawl-delay), None when it has none we can read."""
    parts = urlsplit(spec.url)
    origin = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    response = policy.fetch(f"{origin}/robots.txt", max_bytes=512 * 1024, allow_private=spec.allow_private)
    if not response.ok:
        return None
    return robots_hints(response.body, origin + "/", policy.settings.user_agent)


class _IndexDone(str):
    """A marker on the walk's stack: every child of this index has been read, so record the index."""

    def __new__(cls, url: str, children: int, in_window_children: int, failures_before: int) -> "_IndexDone":
        marker = super().__new__(cls, url)
        marker.children, marker.in_window, marker.failures_before = children, in_window_children, failures_before
        return marker


def _paged(url: str, number: int) -> str:
    if number == 1:
        return url
    parts = urlsplit(url)
    query = f"{parts.query}&paged={number}" if parts.query else f"paged={number}"
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _article_rows(feed_id: str, urls: list[SitemapUrl], entries: dict) -> Iterator[dict]:
    now = utc_now()
    seen: set[str] = set()
    for item in urls:
        if not item.loc.lower().startswith(("http://", "https://")):
            continue
        canonical = canonical_url(item.loc)
        key = article_id(canonical)
        if key in seen:
            continue
        seen.add(key)
        entry = entries.get(item.loc)
        yield {
            "article_id": key, "canonical_url": canonical, "url": item.loc, "feed_id": feed_id,
            "guid": entry.guid if entry else None, "title": to_unicode(item.title),
            "summary": to_unicode(entry.summary) if entry else None, "authors": entry.authors if entry else [],
            "feed_tags": entry.tags if entry else [], "feed_published_at": item.published_at,
            "first_seen_at": now, "fetch_status": "pending", "fetch_attempts": 0, "source": "backfill",
        }


def _link(row: dict) -> dict:
    return {"article_id": row["article_id"], "feed_id": row["feed_id"], "entry_url": row["url"], "guid": row["guid"],
            "first_seen_at": row["first_seen_at"]}
