"""Write the demo's feeds in RSS 2.0, Atom 1.0 and RSS 1.0 (RDF), each the way real publishers do."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape

from burmese_pages import served_text
from demo_model import FEEDS, OUTLETS, Article, FeedSpec, feed_for_outlet

B = "{{BASE}}"


@dataclass(frozen=True)
class FeedEntry:
    feed: FeedSpec
    article: Article
    link: str  # with {{BASE}}, possibly decorated with tracking parameters or a fragment
    guid: str


def _e(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def entries_by_feed(articles: list[Article]) -> dict[str, list[FeedEntry]]:
    """Every feed item of the demo: each article in its outlet's feed, plus the declared extra items."""
    by_feed: dict[str, list[FeedEntry]] = {f.feed_id: [] for f in FEEDS}
    feeds = {f.feed_id: f for f in FEEDS}
    for a in articles:
        main = feed_for_outlet(a.outlet)
        by_feed[main.feed_id].append(FeedEntry(main, a, f"{B}{a.path}", _guid(main, a)))
        for feed_id, decoration in a.extra_entries:
            link = f"{B}{a.path}" + ("" if decoration == "-" else decoration)
            # A decorated link is its own permalink-style guid, as feeds built from share links have.
            by_feed[feed_id].append(FeedEntry(feeds[feed_id], a, link, link))
    return by_feed


def _guid(feed: FeedSpec, a: Article) -> str:
    if feed.kind == "rss20" and a.outlet == "irrawaddy-chronicle":
        return f"{B}/irrawaddy-chronicle/?p={zlib.crc32(a.slug.encode()) % 90000 + 10000}"
    if feed.kind == "atom10":
        return f"tag:northern-shan-monitor,{a.published:%Y}:news/{a.slug}"
    return f"{B}{a.path}"


def rss20(feed: FeedSpec, entries: list[FeedEntry]) -> str:
    outlet = next(o for o in OUTLETS.values() if o.name == feed.outlet)
    items = "\n".join(_rss20_item(e) for e in entries)
    last = max(e.article.published for e in entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>{_e(feed.name)}</title>
<link>{B}/{outlet.slug}/</link>
<atom:link href="{B}{feed.path}" rel="self" type="application/rss+xml"/>
<description>{_e(outlet.domain_blurb)}</description>
<language>{outlet.language}</language>
<lastBuildDate>{format_datetime(last.astimezone(timezone.utc), usegmt=True)}</lastBuildDate>
<ttl>{feed.poll_interval_minutes}</ttl>
{items}
</channel>
</rss>
"""


def _rss20_item(e: FeedEntry) -> str:
    a = e.article
    permalink = "true" if e.guid == e.link else "false"
    # Asia Desk Daily puts an e-mail in <author> as RSS 2.0 asks; the Chronicle uses dc:creator (WordPress).
    if a.outlet == "asia-desk-daily":
        author = f"<author>newsdesk@asiadeskdaily.example ({_e(a.author)})</author>"
        extra = f'<media:content url="{B}/static/photo.svg" medium="image"/>'
    else:
        author = f"<dc:creator>{_e(a.author)}</dc:creator>"
        extra = ""
    cats = "".join(f"<category>{_e(t)}</category>" for t in [a.section, *a.tags])
    title, description = served_text(a.outlet, a.title), served_text(a.outlet, a.description)
    return f"""<item>
<title>{_e(title)}</title>
<link>{_e(e.link)}</link>
<guid isPermaLink="{permalink}">{_e(e.guid)}</guid>
<pubDate>{format_datetime(a.published.astimezone(timezone.utc), usegmt=True)}</pubDate>
{author}
{cats}
<description>{_e(description)}</description>{extra}
</item>"""


def atom10(feed: FeedSpec, entries: list[FeedEntry]) -> str:
    last = max(e.article.published for e in entries)
    items = "\n".join(_atom_entry(e) for e in entries)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title>{_e(feed.name)}</title>
<subtitle>{_e(OUTLETS['northern-shan-monitor'].domain_blurb)}</subtitle>
<link rel="alternate" type="text/html" href="{B}/northern-shan-monitor/"/>
<link rel="self" type="application/atom+xml" href="{B}{feed.path}"/>
<id>tag:northern-shan-monitor,2019:feed</id>
<updated>{last.isoformat()}</updated>
<generator>NSM Publisher 4.2</generator>
{items}
</feed>
"""


def _atom_entry(e: FeedEntry) -> str:
    a = e.article
    cats = "".join(f'<category term="{_e(t)}"/>' for t in [a.section, *a.tags])
    return f"""<entry>
<title type="text">{_e(a.title)}</title>
<link rel="alternate" type="text/html" href="{_e(e.link)}"/>
<id>{_e(e.guid)}</id>
<published>{a.published.isoformat()}</published>
<updated>{a.published.isoformat()}</updated>
<author><name>{_e(a.author)}</name></author>
{cats}
<summary type="text">{_e(a.description)}</summary>
</entry>"""


def rss10(feed: FeedSpec, entries: list[FeedEntry]) -> str:
    seq = "\n".join(f'<rdf:li rdf:resource="{_e(e.link)}"/>' for e in entries)
    items = "\n".join(_rdf_item(e) for e in entries)
    last = max(e.article.published for e in entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="{B}{feed.path}">
<title>{_e(feed.name)}</title>
<link>{B}/mekong-wire/</link>
<description>{_e(OUTLETS['mekong-wire'].domain_blurb)}</description>
<dc:date>{last.isoformat()}</dc:date>
<items><rdf:Seq>
{seq}
</rdf:Seq></items>
</channel>
{items}
</rdf:RDF>
"""


def _rdf_item(e: FeedEntry) -> str:
    a = e.article
    subjects = "".join(f"<dc:subject>{_e(t)}</dc:subject>" for t in [a.section, *a.tags])
    return f"""<item rdf:about="{_e(e.link)}">
<title>{_e(a.title)}</title>
<link>{_e(e.link)}</link>
<description>{_e(a.description)}</description>
<dc:creator>{_e(a.author)}</dc:creator>
<dc:date>{a.published.isoformat()}</dc:date>
{subjects}
</item>"""


WRITERS = {"rss20": rss20, "atom10": atom10, "rss10": rss10}
