"""Polling: conditional GET, body-hash skip, backoff, Retry-After, broken feeds, dedup across feeds."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tasks import pipeline
from tests.conftest import write_registry, query_rows
from tests.loopback import LoopbackSite, Reply

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test Outlet</title><link>{base}/</link><description>x</description>
<item><title>Junta airstrike kills 12 in Sagaing village</title><link>{base}/news/airstrike.html?utm_source=rss</link>
<guid>{base}/?p=1</guid><pubDate>Tue, 09 Jan 2024 08:00:00 +0630</pubDate><author>desk@example.org (News Desk)</author>
<category>Sagaing</category><description><![CDATA[<p>Twelve villagers were <b>killed</b>.</p>]]></description></item>
<item><title>AA takes police outpost</title><link>{base}/news/aa-outpost.html</link><guid>{base}/?p=2</guid>
<pubDate>Wed, 10 Jan 2024 10:00:00 GMT</pubDate></item>
</channel></rss>"""


def _db(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


_rows = query_rows


def _poll(db: Path, registry: Path, settings, run_id: str, force: bool = True) -> dict:
    pipeline.sync_feeds_stage(db, registry)
    return pipeline.poll_stage(db, run_id, settings, force=force)


def test_second_poll_sends_validators_and_a_304_loads_nothing(tmp_path, settings) -> None:
    with LoopbackSite() as site:
        body = RSS.format(base=site.base_url).encode()

        def feed(request):
            if request.headers.get("If-None-Match") == '"v1"':
                return Reply(304, headers={"ETag": '"v1"'})
            return Reply(200, body, {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": '"v1"',
                                     "Last-Modified": "Wed, 10 Jan 2024 10:00:00 GMT"})

        site.route("/feed", feed)
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        first = _poll(_db(tmp_path), registry, settings, "run1")
        second = _poll(_db(tmp_path), registry, settings, "run2")
        sent = site.requests[-1][1]
    assert (first["feeds_new"], first["articles_new"], first["entries_seen"]) == (1, 2, 2)
    assert (second["feeds_not_modified"], second["articles_new"], second["entries_seen"]) == (1, 0, 0)
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Wed, 10 Jan 2024 10:00:00 GMT"
    assert _rows(_db(tmp_path), "SELECT count(*) FROM articles") == [(2,)]
    outcomes = _rows(_db(tmp_path), "SELECT outcome FROM feed_polls ORDER BY polled_at")
    assert outcomes == [("new",), ("not_modified",)]


def test_unchanged_body_without_validators_is_skipped_by_hash(tmp_path, settings) -> None:
    with LoopbackSite() as site:
        site.static("/feed", RSS.format(base=site.base_url).encode(), "application/rss+xml")
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        _poll(_db(tmp_path), registry, settings, "run1")
        second = _poll(_db(tmp_path), registry, settings, "run2")
    assert second["feeds_unchanged"] == 1 and second["entries_seen"] == 0
    assert _rows(_db(tmp_path), "SELECT last_status, failure_count FROM feeds") == [("unchanged", 0)]


def test_entries_are_normalised(tmp_path, settings) -> None:
    with LoopbackSite() as site:
        site.static("/feed", RSS.format(base=site.base_url).encode(), "application/rss+xml")
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        _poll(_db(tmp_path), registry, settings, "run1")
    row = _rows(_db(tmp_path), "SELECT title, summary, authors, feed_tags, feed_published_at AT TIME ZONE 'UTC', "
                               "canonical_url, fetch_status FROM articles WHERE title LIKE 'Junta%'")[0]
    assert row[0] == "Junta airstrike kills 12 in Sagaing village"
    assert row[1] == "Twelve villagers were killed ."
    assert row[2] and "News Desk" in row[2][0]
    assert row[3] == ["Sagaing"]
    assert str(row[4]) == "2024-01-09 01:30:00"  # 08:00 at +06:30 is 01:30 UTC
    assert "utm_source" not in row[5] and row[6] == "pending"


def test_failures_back_off_exponentially_and_reset_on_success(tmp_path, settings) -> None:
    state = {"fail": True}
    with LoopbackSite() as site:
        body = RSS.format(base=site.base_url).encode()
        site.route("/feed", lambda _r: Reply(500, b"oops") if state["fail"] else Reply(200, body))
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        waits = []
        for run in range(3):
            _poll(_db(tmp_path), registry, settings, f"fail{run}")
            polled, next_poll, failures = _rows(_db(tmp_path), "SELECT last_polled_at, next_poll_at, failure_count FROM feeds")[0]
            waits.append((next_poll - polled, failures))
        state["fail"] = False
        _poll(_db(tmp_path), registry, settings, "ok")
        final = _rows(_db(tmp_path), "SELECT failure_count, last_status, next_poll_at - last_polled_at FROM feeds")[0]
    assert waits == [(timedelta(minutes=30), 1), (timedelta(minutes=60), 2), (timedelta(minutes=120), 3)]
    assert final == (0, "new", timedelta(minutes=15))


def test_backoff_is_capped(tmp_path, settings, monkeypatch) -> None:
    monkeypatch.setenv("MMTRACK_MAX_BACKOFF_MINUTES", "45")
    from tasks.settings import get_settings

    capped = get_settings()
    with LoopbackSite() as site:
        site.route("/feed", lambda _r: Reply(500, b"oops"))
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        for run in range(4):
            _poll(_db(tmp_path), registry, capped, f"r{run}")
    assert _rows(_db(tmp_path), "SELECT next_poll_at - last_polled_at FROM feeds") == [(timedelta(minutes=45),)]


def test_retry_after_is_honoured(tmp_path, settings) -> None:
    with LoopbackSite() as site:
        site.route("/feed", lambda _r: Reply(503, b"busy", {"Retry-After": "7200"}))
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        _poll(_db(tmp_path), registry, settings, "run1")
        hits = site.hits("/feed")
    wait, retry_after = _rows(_db(tmp_path), "SELECT f.next_poll_at - f.last_polled_at, p.retry_after_s "
                                             "FROM feeds f JOIN feed_polls p USING (feed_id)")[0]
    assert wait == timedelta(hours=2) and retry_after == 7200
    assert hits == 1  # a long Retry-After is not waited out in-process


def test_short_retry_after_is_retried_within_the_request(tmp_path, settings) -> None:
    calls = {"n": 0}
    with LoopbackSite() as site:
        body = RSS.format(base=site.base_url).encode()

        def flaky(_request):
            calls["n"] += 1
            return Reply(429, b"slow down", {"Retry-After": "0"}) if calls["n"] == 1 else Reply(200, body)

        site.route("/feed", flaky)
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        summary = _poll(_db(tmp_path), registry, settings, "run1")
    assert summary["feeds_new"] == 1 and calls["n"] == 2


def test_broken_feed_is_recorded_and_others_still_load(tmp_path, settings) -> None:
    with LoopbackSite() as site:
        site.static("/good", RSS.format(base=site.base_url).encode(), "application/rss+xml")
        site.static("/broken", b"<html><body>We are down for maintenance</body>", "text/html")
        site.static("/truncated", b"<?xml version='1.0'?><rss version='2.0'><channel><ti", "application/rss+xml")
        registry = write_registry(tmp_path / "feeds.csv", [
            {"feed_id": "broken", "url": site.url("/broken")}, {"feed_id": "good", "url": site.url("/good")},
            {"feed_id": "truncated", "url": site.url("/truncated")},
            {"feed_id": "missing", "url": site.url("/missing")},
        ])
        summary = _poll(_db(tmp_path), registry, settings, "run1")
    assert summary["feeds_failed"] == 3 and summary["articles_new"] == 2
    rows = dict(_rows(_db(tmp_path), "SELECT feed_id, last_error FROM feeds WHERE last_status = 'failed'"))
    assert rows["broken"].startswith("not a feed") and rows["truncated"].startswith("not a feed")
    assert rows["missing"] == "HTTP 404"
    assert _rows(_db(tmp_path), "SELECT count(*) FROM feed_polls WHERE outcome = 'failed' AND error IS NOT NULL") == [(3,)]


def test_same_story_through_two_feeds_is_stored_once_with_both_feeds(tmp_path, settings) -> None:
    with LoopbackSite() as site:
        body = RSS.format(base=site.base_url).encode()
        other = body.replace(b"?utm_source=rss", b"?fbclid=XYZ&utm_medium=social")
        site.static("/a", body, "application/rss+xml")
        site.static("/b", other, "application/rss+xml")
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "a", "url": site.url("/a")},
                                                            {"feed_id": "b", "url": site.url("/b")}])
        summary = _poll(_db(tmp_path), registry, settings, "run1")
    assert summary["articles_new"] == 2 and summary["articles_duplicate"] == 2
    assert _rows(_db(tmp_path), "SELECT count(*) FROM articles") == [(2,)]
    feeds = _rows(_db(tmp_path), "SELECT list(feed_id ORDER BY feed_id) FROM article_feeds "
                                 "GROUP BY article_id ORDER BY 1")
    assert feeds == [(["a", "b"],), (["a", "b"],)]


def test_only_due_feeds_are_polled_unless_forced(tmp_path, settings) -> None:
    with LoopbackSite() as site:
        site.static("/feed", RSS.format(base=site.base_url).encode(), "application/rss+xml")
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        _poll(_db(tmp_path), registry, settings, "run1", force=False)
        not_due = _poll(_db(tmp_path), registry, settings, "run2", force=False)
        forced = _poll(_db(tmp_path), registry, settings, "run3", force=True)
    assert not_due["feeds_polled"] == 0 and forced["feeds_polled"] == 1


def test_registry_edits_are_synced(tmp_path, settings) -> None:
    db = _db(tmp_path)
    registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "a", "url": "http://127.0.0.1:1/a"},
                                                        {"feed_id": "b", "url": "http://127.0.0.1:1/b"}])
    pipeline.sync_feeds_stage(db, registry)
    write_registry(registry, [{"feed_id": "a", "url": "http://127.0.0.1:1/a", "enabled": "false"}])
    pipeline.sync_feeds_stage(db, registry)
    assert _rows(db, "SELECT feed_id, enabled, in_registry FROM feeds ORDER BY 1") == [("a", False, True), ("b", True, False)]


@pytest.mark.parametrize("bad", ["feed_id,url\n", "feed_id,name,outlet,url,language,enabled,poll_interval_minutes,general,allow_private\nBad Id!,x,x,http://a/,en,true,15,false,false\n"])
def test_invalid_registry_fails_with_one_clear_message(tmp_path, bad) -> None:
    from tasks.feeds import RegistryError, read_registry

    path = tmp_path / "feeds.csv"
    path.write_text(bad)
    with pytest.raises(RegistryError):
        read_registry(path)
