"""Fetching and cleaning pending articles: good pages, failures with reasons, robots, charsets, dates."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tasks import pipeline
from tests.conftest import write_registry
from tests.loopback import LoopbackSite, Reply

PARAGRAPHS = [
    "Junta fighter jets bombed a village in Sagaing Region's Kani Township on Tuesday morning, killing at "
    "least nine civilians including two children, according to local resistance groups and residents.",
    "A resident who asked not to be named for security reasons said two jets circled the village twice "
    "before dropping bombs near the monastery where families displaced by earlier fighting had sheltered.",
    "The local People's Defence Force said the strike destroyed more than 20 houses. The regime has not "
    "commented on the attack, which came a week after resistance fighters overran a nearby police station.",
    "Aid workers in the township said thousands of people have fled to nearby forests since the start of "
    "the year, and that food and medicine were running short because the military blocks the main roads.",
]


def article_page(title: str, paragraphs: list[str], charset: str = "utf-8", date: str = "2024-01-09") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>{title} | Sagaing Post</title>
<meta property="article:published_time" content="{date}T09:00:00+06:30"></head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter</p>{body}</article>
<aside><h3>Related stories</h3><ul><li><a href="/a">Exiled leaders meet in Bangkok</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><p>Reader1: Stay safe everyone in Kani.</p></section></main>
<footer>Copyright 2024 Sagaing Post. All rights reserved. Subscribe to our newsletter.</footer></body></html>"""


def _rss(base: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<pubDate>Tue, 09 Jan 2024 08:00:00 GMT</pubDate><description>Summary of {title}: villagers fled after "
        f"the attack, residents said.</description></item>"
        for title, path in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{entries}</channel></rss>'.encode()


def _ingest_pages(tmp_path: Path, settings, site: LoopbackSite, items: list[tuple[str, str]]) -> dict:
    site.static("/feed", _rss(site.base_url, items), "application/rss+xml")
    db = tmp_path / "t.duckdb"
    registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "post", "url": site.url("/feed")}])
    pipeline.sync_feeds_stage(db, registry)
    pipeline.poll_stage(db, "run1", settings, force=True)
    return pipeline.fetch_stage(db, settings)


def _articles(tmp_path: Path) -> dict[str, dict]:
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    try:
        cursor = con.execute("SELECT * FROM articles")
        names = [d[0] for d in cursor.description]
        return {row[names.index("title")]: dict(zip(names, row)) for row in cursor.fetchall()}
    finally:
        con.close()


def test_good_page_is_cleaned_and_failures_keep_feed_data_with_a_reason(tmp_path, settings) -> None:
    with LoopbackSite() as site:
        site.static("/good", article_page("Airstrike kills nine in Kani", PARAGRAPHS).encode())
        site.route("/gone", lambda _r: Reply(404, b"no"))
        site.static("/pdf", b"%PDF-1.4 binary", "application/pdf")
        site.static("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
        site.static("/private/x", article_page("Hidden", PARAGRAPHS).encode())
        summary = _ingest_pages(tmp_path, settings, site, [
            ("Airstrike kills nine in Kani", "/good"), ("Gone story", "/gone"), ("A PDF", "/pdf"),
            ("Private story", "/private/x"),
        ])
        robots_hits = site.hits("/robots.txt")
    articles = _articles(tmp_path)
    good = articles["Airstrike kills nine in Kani"]
    assert good["fetch_status"] == "ok" and good["text_source"] == "article"
    assert all(p[:60] in good["text"] for p in PARAGRAPHS)
    for boilerplate in ("cookies", "Related stories", "Reader1", "All rights reserved", "Opinion"):
        assert boilerplate not in good["text"]
    assert good["published_source"] == "feed"
    assert articles["Gone story"]["fetch_error"] == "HTTP 404"
    assert articles["A PDF"]["fetch_error"] == "unsupported content type 'application/pdf'"
    assert articles["Private story"]["fetch_error"] == "disallowed by robots.txt"
    for title in ("Gone story", "A PDF", "Private story"):
        failed = articles[title]
        assert failed["fetch_status"] == "failed" and failed["text_source"] == "summary"
        assert failed["text"].startswith(f"Summary of {title}")
    assert summary["articles_fetched"] == 1 and summary["articles_failed"] == 3
    assert robots_hits == 1  # cached per host


def test_page_that_never_answers_times_out_and_the_rest_load(tmp_path, settings) -> None:
    with LoopbackSite() as site:
        def hang(_request):
            site.stop_event.wait(30)
            return Reply(200, b"too late")

        site.route("/hang", hang)
        site.static("/good", article_page("Airstrike kills nine in Kani", PARAGRAPHS).encode())
        summary = _ingest_pages(tmp_path, settings, site, [("Hanging", "/hang"), ("Airstrike kills nine in Kani", "/good")])
    articles = _articles(tmp_path)
    assert articles["Hanging"]["fetch_error"] == "read timeout"
    assert articles["Airstrike kills nine in Kani"]["fetch_status"] == "ok"
    assert summary["articles_failed"] == 1


def test_declared_charset_is_used(tmp_path, settings) -> None:
    text = PARAGRAPHS + ["Residents of Monywa said the café near the market was destroyed — a local landmark."]
    page = article_page("Café destroyed", text, charset="windows-1252").encode("cp1252")
    with LoopbackSite() as site:
        site.static("/cafe", page, "text/html; charset=windows-1252")
        _ingest_pages(tmp_path, settings, site, [("Café destroyed", "/cafe")])
    article = _articles(tmp_path)["Café destroyed"]
    assert "café near the market was destroyed — a local landmark" in article["text"]


def test_short_page_falls_back_to_the_feed_summary(tmp_path, settings) -> None:
    with LoopbackSite() as site:
        site.static("/short", article_page("Short", ["Developing story."]).encode())
        _ingest_pages(tmp_path, settings, site, [("Short", "/short")])
    article = _articles(tmp_path)["Short"]
    assert article["fetch_status"] == "ok" and article["text_source"] == "summary"


def test_fetched_articles_leave_the_queue(tmp_path, settings) -> None:
    with LoopbackSite() as site:
        site.static("/good", article_page("Airstrike kills nine in Kani", PARAGRAPHS).encode())
        _ingest_pages(tmp_path, settings, site, [("Airstrike kills nine in Kani", "/good")])
        again = pipeline.fetch_stage(tmp_path / "t.duckdb", settings)
    assert again["articles_fetched"] == 0 and again["articles_failed"] == 0
