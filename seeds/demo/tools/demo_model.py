"""The demo's articles and feeds as data: parse seeds/demo/src/articles/**/*.txt.

An article source is a header of ``key: value`` lines, a line ``---``, then the body: paragraphs
separated by blank lines, ``## `` starting a sub-heading. Repeatable keys: ``comment`` (``Name | text``)
and ``extra_entry`` (``feed_id query-or-fragment``, an additional feed item pointing at the same page
through a decorated link). ``page`` is ``ok`` (default), ``missing`` (the feed links to a page that does
not exist) or ``slow`` (the server holds the request open).

``event`` (repeatable; the first is the main event) states an event the pipeline must extract from the
article, in the coding guide's terms (/work/shared/coding-guide.md; actors by its short names)::

    event: <event_type> | <sub_event_type> | <YYYY-MM-DD> | <time_precision> | <admin1> | <township or -> | <actor1> | <actor2 or -> | <fatalities or ->

``-`` is "none" (no township named, no second actor, no number of dead given; no state/region for an
agreement signed abroad). ``event: none`` says a
relevant article reports no new event (statistics, an anniversary piece): the pipeline must store none.
Every relevant article states its main event or ``none``; build_site.py refuses a relevant article
without, writes them into manifest.json, and tests/test_demo_e2e.py compares the database with them
field by field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    domain_blurb: str
    language: str = "en"
    encoding: str = "unicode"   # 'zawgyi': pages and feed are served in Zawgyi (the sources stay Unicode)


@dataclass(frozen=True)
class FeedSpec:
    feed_id: str
    name: str
    outlet: str
    path: str
    kind: str  # rss20 | atom10 | rss10 | broken
    general: bool
    poll_interval_minutes: int


OUTLETS = {
    o.slug: o
    for o in [
        Outlet("irrawaddy-chronicle", "Irrawaddy Chronicle", "Independent news from Myanmar since 2009"),
        Outlet("northern-shan-monitor", "Northern Shan Monitor",
               "News from the hills of northern Shan State"),
        Outlet("mekong-wire", "Mekong Wire", "Regional news agency for mainland Southeast Asia"),
        Outlet("asia-desk-daily", "Asia Desk Daily", "World news with an Asian eye"),
        Outlet("salween-daily", "Salween Daily", "News from Karen State and the Thai border"),
        Outlet("myethin-news", "Mye Thin News", "မြေသင်း သတင်းဌာန - နေ့စဉ်သတင်း", language="my"),
        Outlet("taungtan-voice", "Taung Tan Voice", "တောင်တန်းအသံ - ဒေသသတင်း", language="my", encoding="zawgyi"),
    ]
}

FEEDS = [
    FeedSpec("demo-irrawaddy-chronicle", "Irrawaddy Chronicle - News", "Irrawaddy Chronicle",
             "/irrawaddy-chronicle/rss.xml", "rss20", False, 15),
    FeedSpec("demo-irrawaddy-chronicle-most-read", "Irrawaddy Chronicle - Most read", "Irrawaddy Chronicle",
             "/irrawaddy-chronicle/most-read/rss.xml", "rss20", False, 60),
    FeedSpec("demo-northern-shan-monitor", "Northern Shan Monitor", "Northern Shan Monitor",
             "/northern-shan-monitor/atom.xml", "atom10", False, 30),
    FeedSpec("demo-mekong-wire", "Mekong Wire - Myanmar and region", "Mekong Wire",
             "/mekong-wire/index.rdf", "rss10", False, 10),
    FeedSpec("demo-asia-desk-daily", "Asia Desk Daily - World", "Asia Desk Daily",
             "/asia-desk-daily/world/rss.xml", "rss20", True, 20),
    FeedSpec("demo-salween-daily", "Salween Daily", "Salween Daily",
             "/salween-daily/feed/rss.xml", "broken", False, 30),
    FeedSpec("demo-myethin-news", "Mye Thin News - သတင်း", "Mye Thin News",
             "/myethin-news/feed.xml", "rss20", False, 30),
    FeedSpec("demo-taungtan-voice", "Taung Tan Voice - သတင်း", "Taung Tan Voice",
             "/taungtan-voice/rss.xml", "rss20", False, 30),
]

EVENT_FIELDS = ("event_type", "sub_event_type", "event_date", "time_precision", "admin1", "township", "actor1",
                "actor2", "fatalities")


def parse_event_line(value: str) -> dict:
    """One ``event:`` header value -> the expected event (see the module doc)."""
    parts = [p.strip() for p in value.split("|")]
    if len(parts) != len(EVENT_FIELDS):
        raise ValueError(f"an event line has {len(EVENT_FIELDS)} fields separated by '|': {value!r}")
    event: dict = {k: (None if v == "-" else v) for k, v in zip(EVENT_FIELDS, parts)}
    datetime.strptime(event["event_date"], "%Y-%m-%d")
    event["time_precision"] = int(event["time_precision"])
    if event["fatalities"] is not None:
        event["fatalities"] = int(event["fatalities"])
    for required in ("event_type", "sub_event_type", "actor1"):
        if not event[required]:
            raise ValueError(f"an event line needs {required}: {value!r}")
    return event


REQUIRED_KEYS = ("title", "published", "author", "section", "description", "dateline", "photo", "relevant")


@dataclass
class Article:
    outlet: str
    slug: str
    title: str
    published: datetime
    author: str
    section: str
    description: str
    dateline: str
    photo: str
    relevant: bool
    tags: list[str]
    body: list[str]
    story: str | None = None
    wire: str | None = None
    page: str = "ok"
    jsonld: bool = True
    comments: list[tuple[str, str]] = field(default_factory=list)
    extra_entries: list[tuple[str, str]] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)   # expected events, main first (``event:`` lines)
    no_event: bool = False                               # ``event: none``: reports no new event

    @property
    def path(self) -> str:
        return article_path(self)

    @property
    def word_count(self) -> int:
        return sum(len(p.removeprefix("## ").split()) for p in self.body)


def article_path(article: Article) -> str:
    """URL path of an article; every outlet has its own URL scheme, as real sites do."""
    d = article.published
    if article.outlet == "irrawaddy-chronicle":
        return f"/irrawaddy-chronicle/{d:%Y/%m/%d}/{article.slug}.html"
    if article.outlet == "northern-shan-monitor":
        return f"/northern-shan-monitor/news/{d:%Y}/{article.slug}.html"
    if article.outlet == "mekong-wire":
        return f"/mekong-wire/stories/{d:%Y%m%d}-{article.slug}.html"
    if article.outlet == "asia-desk-daily":
        return f"/asia-desk-daily/world/{article.section.lower()}/{article.slug}.html"
    if article.outlet in ("myethin-news", "taungtan-voice"):
        return f"/{article.outlet}/news/{d:%Y-%m-%d}-{article.slug}.html"
    raise ValueError(f"unknown outlet {article.outlet!r}")


def parse_article(source: Path) -> Article:
    header_text, _, body_text = source.read_text(encoding="utf-8").partition("\n---\n")
    single: dict[str, str] = {}
    comments: list[tuple[str, str]] = []
    extras: list[tuple[str, str]] = []
    events: list[dict] = []
    for line in header_text.splitlines():
        if not line.strip():
            continue
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "comment":
            name, _, text = value.partition("|")
            comments.append((name.strip(), text.strip()))
        elif key == "event" and value.lower() == "none":
            single["no_event"] = "yes"
        elif key == "event":
            try:
                events.append(parse_event_line(value))
            except ValueError as exc:
                raise ValueError(f"{source}: {exc}") from None
        elif key == "extra_entry":
            feed_id, _, decoration = value.partition(" ")
            extras.append((feed_id, decoration.strip()))
        else:
            single[key] = value
    missing = [k for k in REQUIRED_KEYS if k not in single]
    if missing:
        raise ValueError(f"{source}: missing header keys {missing}")
    return Article(
        outlet=source.parent.name, slug=source.stem, title=single["title"],
        published=datetime.fromisoformat(single["published"]), author=single["author"],
        section=single["section"], description=single["description"], dateline=single["dateline"],
        photo=single["photo"], relevant=single["relevant"] == "yes",
        tags=[t.strip() for t in single.get("tags", "").split(";") if t.strip()],
        body=[p.strip().replace("\n", " ") for p in body_text.strip().split("\n\n") if p.strip()],
        story=single.get("story"), wire=single.get("wire"), page=single.get("page", "ok"),
        jsonld=single.get("jsonld", "yes") == "yes", comments=comments, extra_entries=extras, events=events,
        no_event=single.get("no_event") == "yes",
    )


def check_expected_events(article: Article) -> None:
    """A relevant article states its events (or ``none``); an irrelevant one states none."""
    if article.relevant and not (article.events or article.no_event):
        raise ValueError(f"{article.outlet}/{article.slug}: relevant article without 'event:' lines (or 'event: none')")
    if not article.relevant and (article.events or article.no_event):
        raise ValueError(f"{article.outlet}/{article.slug}: 'event:' lines on an article that is not relevant")


def load_articles(src_dir: Path) -> list[Article]:
    """All articles, newest first (the order feeds list them in)."""
    articles = [parse_article(p) for p in sorted((src_dir / "articles").glob("*/*.txt"))]
    for article in articles:
        check_expected_events(article)
    return sorted(articles, key=lambda a: (a.published, a.slug), reverse=True)


def feed_for_outlet(outlet: str) -> FeedSpec:
    """The outlet's main feed: the one every article of the outlet appears in."""
    return next(f for f in FEEDS if f.path.startswith(f"/{outlet}/") and f.kind != "broken"
                and "most-read" not in f.path)
