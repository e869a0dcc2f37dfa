"""Cleaning: boilerplate removal, metadata, the text fallback chain, and the hard per-page time limit."""

from __future__ import annotations

import os
import time
from pathlib import Path

import psutil
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trafilatura import load_html

from tasks.clean import (
    CleanedPage,
    CleaningPool,
    choose_text,
    clean_html,
    clean_pages,
    merge_split_bodies,
    release_workers,
    strip_html,
)

ARTICLE_PARAGRAPHS = [
    "Residents of three village tracts in Sagaing Region's Kani Township fled towards the Chindwin River "
    "on Tuesday after troops backed by two helicopters advanced along the road from Monywa, local "
    "volunteers said.",
    "A member of the township's People's Defence Force, who asked not to be named for his safety, said "
    "fighting broke out near Yinmabin at about seven in the morning and continued until late afternoon.",
    "At least four civilians were wounded by shelling, according to a rescue group that carried them by "
    "boat to a clinic across the river. The group said it could not yet reach two of the villages.",
    "The junta's information team said in a statement read on state television that its forces had "
    "cleared what it called terrorist positions and seized a cache of homemade mines.",
    "Aid workers estimate that more than six thousand people from the area were already living in "
    "monastery compounds and forest camps before this week's offensive, and supplies of rice are short.",
    "The township has seen repeated raids since 2021, and residents say many families have now been "
    "displaced three or four times, carrying what they can on bullock carts and motorbikes.",
]

BOILERPLATE = [
    "We use cookies to improve your reading experience",
    "Accept all cookies",
    "Subscribe to our morning briefing",
    "Thank you for this brave reporting",
    "Ma Thida wrote",
    "Junta announces new fuel quota for Yangon taxis",
    "Floods close Mandalay-Myitkyina railway",
    "Copyright 2025 Ayeyarwady Ledger Media",
    "Privacy policy",
]


def _news_page() -> str:
    paragraphs = "\n".join(f"<p>{text}</p>" for text in ARTICLE_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Thousands flee as troops advance in Kani Township | Ayeyarwady Ledger</title>
  <meta property="og:title" content="Thousands flee as troops advance in Kani Township">
  <meta property="og:site_name" content="Ayeyarwady Ledger">
  <meta name="author" content="Khin Myat Noe">
  <meta property="article:published_time" content="2025-03-11T09:15:00+06:30">
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">
    <p>We use cookies to improve your reading experience. <button>Accept all cookies</button></p>
  </div>
  <header class="site-header">
    <nav class="main-nav"><ul>
      <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
      <li><a href="/opinion">Opinion</a></li><li><a href="/business">Business</a></li>
    </ul></nav>
    <div class="newsletter"><a href="/subscribe">Subscribe to our morning briefing</a></div>
  </header>
  <main>
    <article class="story">
      <h1>Thousands flee as troops advance in Kani Township</h1>
      <div class="byline">By Khin Myat Noe · 11 March 2025</div>
      <div class="story-body">
        {paragraphs}
      </div>
    </article>
    <aside class="related">
      <h3>Related stories</h3>
      <ul>
        <li><a href="/news/fuel-quota">Junta announces new fuel quota for Yangon taxis</a></li>
        <li><a href="/news/rail-floods">Floods close Mandalay-Myitkyina railway</a></li>
      </ul>
    </aside>
    <section id="comments" class="comments">
      <h3>3 comments</h3>
      <div class="comment"><span class="comment-author">Ma Thida wrote</span>
        <p>Thank you for this brave reporting from the ground.</p></div>
    </section>
  </main>
  <footer class="site-footer">
    <p>Copyright 2025 Ayeyarwady Ledger Media</p><a href="/privacy">Privacy policy</a>
  </footer>
</body>
</html>"""


def _short_page(title: str, body: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{body} The report was confirmed by two residents reached by phone.</p>"
        "</article></body></html>"
    )


def test_boilerplate_is_removed_and_every_article_paragraph_kept() -> None:
    page = clean_html(_news_page(), "https://ledger.example/news/kani-offensive")

    assert page.error is None and page.text is not None
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in page.text
    for junk in BOILERPLATE:
        assert junk not in page.text


def test_headline_is_metadata_not_repeated_in_text() -> None:
    page = clean_html(_news_page())

    assert page.text is not None and page.title is not None
    assert not page.text.startswith(page.title)
    assert page.text.startswith(ARTICLE_PARAGRAPHS[0])


def _split_body_page(teaser_length: int) -> str:
    first, second = ARTICLE_PARAGRAPHS[:3], ARTICLE_PARAGRAPHS[3:]
    teaser = "Earlier coverage of the fighting around Monywa and the Chindwin river towns. " * (teaser_length // 76)
    return f"""<html><head><title>Kani offensive</title></head><body>
      <div class="layout"><div class="article-body">{"".join(f"<p>{p}</p>" for p in first)}</div>
        <aside class="rail"><div class="ad-slot">Advertisement</div></aside></div>
      <div class="mid-ad"><p>Advertisement: Shwe Taung cement, building the nation</p></div>
      <div class="layout"><div class="article-body">{"".join(f"<p>{p}</p>" for p in second)}</div></div>
      <section class="more"><div class="teaser-body"><p>{teaser}</p></div>
        <div class="teaser-body"><p>{teaser}</p></div></section>
    </body></html>"""


def test_article_body_split_by_ad_slots_is_joined() -> None:
    page = clean_html(_split_body_page(teaser_length=120))

    assert page.text is not None
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in page.text
    assert "Shwe Taung cement" not in page.text
    assert "Earlier coverage" not in page.text


def test_merge_split_bodies_leaves_short_teaser_blocks_alone() -> None:
    tree = load_html(_split_body_page(teaser_length=120))

    assert merge_split_bodies(tree) == 1
    assert len(tree.xpath('//div[@class="article-body"]')) == 1
    assert len(tree.xpath('//div[@class="teaser-body"]')) == 2


def test_metadata_is_extracted() -> None:
    page = clean_html(_news_page().encode("utf-8"), "https://ledger.example/news/kani-offensive")

    assert page.title == "Thousands flee as troops advance in Kani Township"
    assert page.author == "Khin Myat Noe"
    assert page.date == "2025-03-11"
    assert page.site_name == "Ayeyarwady Ledger"
    assert page.language == "en"
    assert page.elapsed_ms > 0


def test_page_date_is_never_in_the_future() -> None:
    html = _news_page().replace("2025-03-11T09:15:00+06:30", "2999-01-01T00:00:00+00:00")

    page = clean_html(html)

    assert page.date is None or page.date <= time.strftime("%Y-%m-%d")


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        b"   \n\t ",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x01\x02",
        "<html><body><div><p>unclosed <b>tags <i>everywhere</div></span></td>",
        "<<<<>>>>&&&&;;;; <!-- never closed",
        b"<html><body><p>caf\xe9 au lait, bad bytes \xff\xfe here</p></body></html>",
        "<div>" * 20000 + "deep" + "</div>" * 20000,
        "just some plain text with no markup at all",
    ],
)
def test_malformed_html_and_binary_junk_do_not_raise(junk: str | bytes) -> None:
    page = clean_html(junk)

    assert isinstance(page, CleanedPage)
    assert (page.text is None) == (page.error is not None)


def test_binary_content_is_reported_as_not_html() -> None:
    page = clean_html(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)

    assert page.text is None
    assert page.error == "not HTML: binary content"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=2000)))
def test_arbitrary_input_never_raises(junk: str | bytes) -> None:
    page = clean_html(junk)

    assert page.text is None or page.text.strip()
    assert (page.text is None) == (page.error is not None)


# --- fallback chain ---------------------------------------------------------------------------------


def test_choose_text_prefers_long_article_text() -> None:
    cleaned = CleanedPage(text="x" * 500, title="Page title")

    assert choose_text(cleaned, "<p>Summary</p>", "Feed title") == ("x" * 500, "article")


def test_choose_text_falls_back_to_summary_without_html_when_article_short() -> None:
    cleaned = CleanedPage(text="Too short to be the story.", title="Page title")
    summary = "<p>Clashes in <b>Hpakant</b> &amp; Mohnyin</p><script>track()</script><p>Second line</p>"

    text, source = choose_text(cleaned, summary, "Feed title", min_chars=400)

    assert source == "summary"
    assert text == "Clashes in Hpakant & Mohnyin\nSecond line"


def test_choose_text_falls_back_to_title_when_no_article_or_summary() -> None:
    failed = CleanedPage(text=None, error="timeout after 10s")

    assert choose_text(failed, None, "Fighting reported near Lashio") == ("Fighting reported near Lashio", "title")
    assert choose_text(None, "  <p> </p> ", "Fighting reported near Lashio")[1] == "title"


def test_choose_text_keeps_a_short_article_longer_than_its_title_when_the_feed_has_no_summary() -> None:
    brief = ("Air strike on a village celebration kills 20\n- The strike late on Sunday hit Hpa Lu village in "
             "Kachin State, a rescue worker said\n- The military has not commented")
    assert choose_text(CleanedPage(text=brief), None, "Strike kills 20") == (brief, "article")
    assert choose_text(CleanedPage(text="Read more"), None, "Strike on a Kachin village kills 20")[1] == "title"


def test_choose_text_uses_page_title_when_feed_has_none() -> None:
    cleaned = CleanedPage(text=None, title="Page's own headline", error="no article text found")

    assert choose_text(cleaned, None, None) == ("Page's own headline", "title")


def test_choose_text_threshold_is_configurable() -> None:
    cleaned = CleanedPage(text="A" * 120)

    assert choose_text(cleaned, "summary", None, min_chars=100)[1] == "article"
    assert choose_text(cleaned, "summary", None, min_chars=200)[1] == "summary"


def test_strip_html_decodes_entities_and_keeps_block_breaks() -> None:
    assert strip_html("Line one<br/>Line&nbsp;two &#8212; end") == "Line one\nLine\xa0two \u2014 end".replace(
        "\xa0", " "
    )
    assert strip_html(None) == ""


# --- batches and the hard time limit -------------------------------------------------------------------


def _slow_when_marked(html: str | bytes, url: str | None) -> CleanedPage:
    """Cleaner for the pool tests: a page 'SLOW-PAGE <pid file>' records its worker's pid and hangs like
    a pathological extraction; a page containing CRASH-PAGE kills its worker."""
    text = html.decode() if isinstance(html, bytes) else html
    if text.startswith("SLOW-PAGE "):
        Path(text.removeprefix("SLOW-PAGE ")).write_text(str(os.getpid()))
        while True:  # a busy loop, not a sleep: it must be stopped from outside
            pass
    if "CRASH-PAGE" in text:
        os._exit(7)
    return clean_html(html, url)


def _numbered_pages(count: int) -> list[tuple[str, str]]:
    return [
        (
            f"https://ledger.example/news/{n}",
            _short_page(f"Story number {n}", f"Story {n} describes events in Hpa-an district in detail."),
        )
        for n in range(count)
    ]


def test_clean_pages_keeps_input_order() -> None:
    pages = _numbered_pages(9)
    pages.insert(4, ("https://ledger.example/broken", b"\x00\x01\x02 binary"))

    results = clean_pages(pages, timeout_s=10.0, workers=2)

    assert len(results) == 10
    assert results[4].error == "not HTML: binary content"
    titles = [page.title for index, page in enumerate(results) if index != 4]
    assert titles == [f"Story number {n}" for n in range(9)]


def test_clean_pages_of_nothing_is_nothing() -> None:
    assert clean_pages([]) == []


def _shared_worker_pids() -> list[int]:
    from tasks import clean

    pool = clean._shared_pool
    return [worker.process.pid for worker in pool._workers] if pool else []


def test_released_workers_exit_and_the_next_batch_starts_new_ones() -> None:
    """An ingest releases the cleaning workers once fetching is over (their memory is not needed again)."""
    assert clean_pages(_numbered_pages(2), timeout_s=30.0, workers=2)[1].title == "Story number 1"
    workers = _shared_worker_pids()
    assert len(workers) == 2

    assert release_workers() is True
    assert not any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE for pid in workers)
    assert release_workers() is False  # nothing left to release

    assert clean_pages(_numbered_pages(3), timeout_s=30.0, workers=2)[2].title == "Story number 2"
    assert len(_shared_worker_pids()) == 2 and not set(_shared_worker_pids()) & set(workers)


def test_slow_page_worker_is_killed_and_others_are_cleaned(tmp_path: Path) -> None:
    pages = _numbered_pages(6)
    pages.insert(2, ("https://ledger.example/slow", f"SLOW-PAGE {tmp_path / 'slow.pid'}"))

    with CleaningPool(2, cleaner=_slow_when_marked) as pool:
        pool.clean(_numbered_pages(2), timeout_s=30.0)  # warm: a loaded machine starts workers slowly
        started = time.monotonic()
        results = pool.clean(pages, timeout_s=1.0)
        elapsed = time.monotonic() - started
        slow_pid = int((tmp_path / "slow.pid").read_text())

        assert results[2].text is None
        assert results[2].error == "timeout after 1s"
        assert [page.title for page in results[:2] + results[3:]] == [f"Story number {n}" for n in range(6)]
        assert elapsed < 6
        assert not psutil.pid_exists(slow_pid) or psutil.Process(slow_pid).status() == psutil.STATUS_ZOMBIE
        # the pool replaced the killed worker and still works
        assert pool.clean(_numbered_pages(2), timeout_s=5.0)[1].title == "Story number 1"


def test_crashed_worker_is_reported_and_replaced() -> None:
    pages = _numbered_pages(3)
    pages.insert(1, ("https://ledger.example/crash", "<html><body><p>CRASH-PAGE</p></body></html>"))

    with CleaningPool(2, cleaner=_slow_when_marked) as pool:
        results = pool.clean(pages, timeout_s=5.0)

    assert results[1].error == "worker died (exit code 7)"
    assert [results[i].title for i in (0, 2, 3)] == ["Story number 0", "Story number 1", "Story number 2"]


def test_an_ingest_releases_the_cleaning_workers_once_fetching_is_over(tmp_path: Path, settings) -> None:
    """Tagging, extraction, dedup and publishing run without the idle cleaning workers beside them."""
    from tasks import clean, pipeline

    seen: dict[str, bool] = {}

    def fetch(*_: object) -> dict:
        clean_pages(_numbered_pages(2), timeout_s=30.0, workers=2)
        return {"articles_fetched": 2, "articles_failed": 0, "pages_clean_failed": 0, "text_from_feed": 0}

    def watching(stage: str, result: dict | None = None):
        def run(*_: object) -> object:
            seen[stage] = clean._shared_pool is not None
            return {} if result is None else result
        return run

    stages = pipeline.IngestStages(
        sync_feeds=watching("sync"), fetch=fetch, refresh=watching("refresh"), tag=watching("tag"),
        extract=watching("extract"), dedup=watching("dedup"), publish=watching("publish", tmp_path / "copy"),
        poll=watching("poll", {"feeds_polled": 0, "feeds_new": 0, "feeds_unchanged": 0, "feeds_failed": 0,
                               "articles_new": 0, "articles_duplicate": 0}))
    release_workers()  # an earlier test's batch may have left the shared pool running
    pipeline.run_ingest(pipeline.new_run_id(), tmp_path / "db.duckdb", tmp_path / "feeds.csv", settings,
                        stages=stages)
    assert seen == {"sync": False, "poll": False, "refresh": True, "tag": False, "extract": False,
                    "dedup": False, "publish": False}
