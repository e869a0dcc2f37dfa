"""Reading an outlet's sitemaps: robots.txt `Sitemap:` lines and Crawl-delay, sitemap indexes, gzipped
sitemaps, news sitemaps, `lastmod` dates.

Plain parsing over bytes, no network: tasks/backfill.py fetches with the shared HTTP policy and asks here
what a body says. XML is parsed with lxml without network access, entities or DTDs (a sitemap is
untrusted input), and never raises on bad input: a broken body is a `SitemapPage` with an error.
"""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from urllib.parse import urljoin, urlsplit

from lxml import etree

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit, uncompressed
MAX_LOCS = 50_000                      # the sitemaps.org limit per file
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False)


@dataclass(frozen=True)
class SitemapUrl:
    loc: str
    lastmod: datetime | None = None
    title: str | None = None          # news sitemaps: <news:title>
    published_at: datetime | None = None  # news sitemaps: <news:publication_date>

    @property
    def dated(self) -> datetime | None:
        """The best date for the window check: the publication date, else the last modification."""
        return self.published_at or self.lastmod


@dataclass
class SitemapPage:
    kind: str                          # sitemap_index | sitemap | news_sitemap | broken
    urls: list[SitemapUrl] = field(default_factory=list)      # pages (urlset) or child sitemaps (index)
    error: str | None = None


@dataclass(frozen=True)
class RobotsHints:
    sitemaps: tuple[str, ...]
    crawl_delay_s: float | None


def parse_datetime(text: str | None) -> datetime | None:
    """W3C datetime as sitemaps use it (a day, or a time with an offset); None when unreadable."""
    if not text:
        return None
    text = text.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def robots_hints(body: bytes, base_url: str, user_agent: str) -> RobotsHints:
    """Sitemap lines (any group: they are global) and the Crawl-delay of the group that applies to us."""
    sitemaps: list[str] = []
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for raw in body.decode("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        name, _, value = line.partition(":")
        name, value = name.strip().lower(), value.strip()
        if name == "sitemap" and value:
            sitemaps.append(urljoin(base_url, value))
        elif name == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        elif name == "crawl-delay":
            in_rules = True
            try:
                for agent in agents:
                    delays[agent] = float(value)
            except ValueError:
                continue
        elif name in ("allow", "disallow"):
            in_rules = True
    product = user_agent.split("/", 1)[0].lower()
    delay = next((d for agent, d in delays.items() if agent != "*" and agent in product), delays.get("*"))
    return RobotsHints(tuple(dict.fromkeys(sitemaps)), delay)


def _inflate(body: bytes) -> bytes:
    """A .xml.gz child is gzip on the wire even when the server sent no Content-Encoding."""
    if body[:2] != b"\x1f\x8b":
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as handle:
        data = handle.read(MAX_SITEMAP_BYTES + 1)
    if len(data) > MAX_SITEMAP_BYTES:
        raise ValueError(f"gzipped sitemap inflates past {MAX_SITEMAP_BYTES} bytes")
    return data


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element.iter():
        if _local(child.tag) == name and child.text:
            return child.text.strip()
    return None


def parse_sitemap(body: bytes, base_url: str) -> SitemapPage:
    """A sitemap index (its children) or a urlset (its pages, with news fields when present)."""
    try:
        root = etree.fromstring(_inflate(body), _PARSER)
    except (etree.XMLSyntaxError, ValueError, OSError, EOFError, zlib.error) as exc:
        return SitemapPage("broken", error=f"not a sitemap: {str(exc)[:300]}")
    kind = _local(root.tag)
    if kind not in ("sitemapindex", "urlset"):
        return SitemapPage("broken", error=f"not a sitemap: root element <{kind}>")
    item_tag = "sitemap" if kind == "sitemapindex" else "url"
    page = SitemapPage("sitemap_index" if kind == "sitemapindex" else "sitemap")
    for item in root:
        if _local(item.tag) != item_tag:
            continue
        loc = _child_text(item, "loc")
        if not loc:
            continue
        published = _child_text(item, "publication_date")
        if published is not None:
            page.kind = "news_sitemap"
        page.urls.append(SitemapUrl(urljoin(base_url, loc), parse_datetime(_child_text(item, "lastmod")),
                                    _child_text(item, "title"), parse_datetime(published)))
        if len(page.urls) >= MAX_LOCS:
            break
    return page


def same_site(url: str, other: str) -> bool:
    """Sitemaps may only list URLs on the host they were found on (the sitemaps.org rule); www. ignored."""
    def host(value: str) -> str:
        name = (urlsplit(value).hostname or "").lower()
        return name[4:] if name.startswith("www.") else name
    return host(url) == host(other) and urlsplit(url).port == urlsplit(other).port


def in_window(when: datetime | None, since: date, until: date) -> bool:
    """Undated entries are kept (the page's own date decides later); dated ones must fall in the window."""
    if when is None:
        return True
    return since <= when.astimezone(timezone.utc).date() <= until


def as_feed(body: bytes, base_url: str):  # noqa: ANN201 - (tasks.feeds.ParsedFeed | None, str | None)
    """A sitemap read as a feed (an outlet without RSS): its pages become entries, newest first.

    For an index, returns (None, the child with the newest lastmod) so the caller fetches that one: the
    newest sitemap of an index holds what a feed would."""
    from tasks.feeds import Entry, ParsedFeed

    page = parse_sitemap(body, base_url)
    if page.error:
        return ParsedFeed(version=None, bozo=True, bozo_error=page.error, error=page.error), None
    if page.kind == "sitemap_index":
        if not page.urls:
            return ParsedFeed(version="sitemap_index", bozo=False, bozo_error=None), None
        newest = max(page.urls, key=lambda u: (u.lastmod is not None, u.lastmod or datetime.min.replace(tzinfo=timezone.utc)))
        return None, newest.loc
    items = sorted(page.urls, key=lambda u: u.dated or datetime.min.replace(tzinfo=timezone.utc), reverse=True)
    entries = [Entry(guid=u.loc, link=u.loc, title=u.title, summary=None, authors=[], published_at=u.published_at,
                     tags=[], updated_at=u.lastmod if u.published_at and u.lastmod != u.published_at else None)
               for u in items[:5000] if u.loc.lower().startswith(("http://", "https://")) and same_site(u.loc, base_url)]
    return ParsedFeed(version=page.kind, bozo=False, bozo_error=None, entries=entries), None
