"""Backfill (issue 16): sitemaps and paged feeds into the fetch queue, resumable after SIGKILL."""

from __future__ import annotations

import gzip
import importlib.util
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tasks.sitemaps import parse_sitemap, robots_hints, same_site
from tests.conftest import query_rows

ROOT = Path(__file__).resolve().parents[1]


def _history_module():
    spec = importlib.util.spec_from_file_location("history_site", ROOT / "seeds" / "demo" / "tools" / "history_site.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["history_site"] = module
    spec.loader.exec_module(module)
    return module


history = _history_module()
SMALL = (
    history.Outlet("t-index", "Index Outlet", 30, "index", crawl_delay=0.01),
    history.Outlet("t-paged", "Paged Outlet", 24, "paged", offset=1000),
    history.Outlet("t-traps", "Trap Outlet", 12, "traps", offset=2000),
)


def test_sitemap_index_gzip_news_and_broken_bodies() -> None:
    index = parse_sitemap(b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
                          b"<loc>/s/2024-01.xml.gz</loc><lastmod>2024-01-31</lastmod></sitemap></sitemapindex>",
                          "https://news.example.org/sitemap.xml")
    assert index.kind == "sitemap_index" and index.urls[0].loc == "https://news.example.org/s/2024-01.xml.gz"
    assert index.urls[0].lastmod.date() == date(2024, 1, 31)
    news = gzip.compress(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:n="http://www.google.com/'
                         b'schemas/sitemap-news/0.9"><url><loc>https://news.example.org/a</loc><n:news><n:publication_'
                         b"date>2024-02-03T10:00:00+06:30</n:publication_date><n:title>Shelling in Lashio</n:title>"
                         b"</n:news></url></urlset>")
    page = parse_sitemap(news, "https://news.example.org/")
    assert page.kind == "news_sitemap" and page.urls[0].title == "Shelling in Lashio"
    assert page.urls[0].dated.isoformat() == "2024-02-03T10:00:00+06:30"
    assert parse_sitemap(b"<urlset><url><loc>https://x", "https://x/").error.startswith("not a sitemap")
    assert parse_sitemap(b"<html><body>moved</body></html>", "https://x/").kind == "broken"
    entity = b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url><loc>&e;</loc></url></urlset>'
    assert all("root:" not in u.loc for u in parse_sitemap(entity, "https://x/").urls)


def test_robots_sitemaps_and_crawl_delay_for_our_agent() -> None:
    hints = robots_hints(b"User-agent: otherbot\nCrawl-delay: 30\n\nUser-agent: *\nCrawl-delay: 2\nDisallow: /x\n"
                         b"Sitemap: /sitemap_index.xml\nSitemap: https://cdn.example.net/s.xml\n",
                         "https://news.example.org/", "mmtrack/0.1.0 (x)")
    assert hints.crawl_delay_s == 2.0
    assert hints.sitemaps == ("https://news.example.org/sitemap_index.xml", "https://cdn.example.net/s.xml")
    assert not same_site("https://cdn.example.net/s.xml", "https://news.example.org/feed")
    assert same_site("https://www.news.example.org/s.xml", "https://news.example.org/feed")


def _backfill(site, tmp: Path, db: Path, *extra: str, kill_at: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "MMTRACK_DATA_DIR": str(tmp / "data"), "MMTRACK_PER_HOST_INTERVAL": "0",
           "MMTRACK_BATCH_SIZE": "5", "MMTRACK_READ_TIMEOUT": "5", "MMTRACK_CONTACT": "ops@example.org"}
    env.pop("MMTRACK_KILL_AT", None)
    if kill_at:
        env["MMTRACK_KILL_AT"] = kill_at
    registry = site.write_registry(tmp / "feeds.csv")
    return subprocess.run([sys.executable, "-m", "mmtrack.cli", "backfill", "--since", "2024-01-01", "--until",
                           "2025-12-31", "--db", str(db), "--feeds", str(registry), *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


SNAPSHOT = {
    "articles": "SELECT article_id, url, feed_id, title, fetch_status, fetch_error, text, published_at, source "
                "FROM articles ORDER BY article_id",
    "article_feeds": "SELECT article_id, feed_id, entry_url FROM article_feeds ORDER BY ALL",
    "sources": "SELECT feed_id, source_url, kind, status, urls_found, urls_in_window FROM backfill_sources ORDER BY ALL",
    "tags": "SELECT * EXCLUDE (tagged_at) FROM article_tags ORDER BY article_id",
    "events": "SELECT * EXCLUDE (extracted_at) FROM events ORDER BY event_id",
    "clusters": "SELECT count(*) FROM event_clusters",
}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    return {name: query_rows(db, sql) for name, sql in SNAPSHOT.items()}


@pytest.fixture(scope="module")
def site():
    with history.HistorySite(SMALL) as served:
        yield served


@pytest.fixture(scope="module")
def clean(site, tmp_path_factory) -> dict[str, list[tuple]]:
    tmp = tmp_path_factory.mktemp("clean")
    result = _backfill(site, tmp, tmp / "clean.duckdb", "--outlet", "Index Outlet")
    assert result.returncode == 0, result.stderr[-3000:]
    return snapshot(tmp / "clean.duckdb")


def test_index_outlet_fills_an_empty_database_and_a_second_run_fetches_nothing(site, clean, tmp_path) -> None:
    assert len(clean["articles"]) == 30 and all(row[4] == "ok" and row[8] == "backfill" for row in clean["articles"])
    assert clean["events"] and clean["clusters"][0][0] > 0
    kinds = {row[2] for row in clean["sources"]}
    assert kinds == {"sitemap", "sitemap_index"}  # the index and its children, odd months gzipped
    db = tmp_path / "again.duckdb"
    assert _backfill(site, tmp_path, db, "--feed", "t-index").returncode == 0
    second = _backfill(site, tmp_path, db, "--feed", "t-index", "--json")
    assert second.returncode == 0
    assert '"urls_queued": 0' in second.stdout and '"articles_fetched": 0' in second.stdout


def test_paged_feed_and_refused_and_broken_sitemaps(site, tmp_path) -> None:
    db = tmp_path / "b.duckdb"
    result = _backfill(site, tmp_path, db, "--feed", "t-paged", "--feed", "t-traps", "--no-dedup")
    assert result.returncode == 0, result.stderr[-3000:]
    counts = dict(query_rows(db, "SELECT feed_id, count(*) FROM articles GROUP BY ALL"))
    assert counts == {"t-paged": 24, "t-traps": 12}
    pages = query_rows(db, "SELECT count(*) FROM backfill_sources WHERE feed_id = 't-paged' AND kind = 'feed_page'")
    assert pages[0][0] == 3  # 24 items, 10 a page; the 404 after the last page ends the walk quietly
    problems = dict(query_rows(db, "SELECT status, error FROM backfill_sources WHERE feed_id = 't-traps' "
                                   "AND status <> 'done'"))
    assert problems["failed"].startswith("not a sitemap") and "another host" in problems["refused"]
    assert not query_rows(db, "SELECT url FROM articles WHERE url LIKE '%localhost%'")


def test_window_skips_months_outside_it(site, tmp_path) -> None:
    db = tmp_path / "w.duckdb"
    env_args = ("--feed", "t-index", "--no-dedup")
    result = subprocess.run([sys.executable, "-m", "mmtrack.cli", "backfill", "--since", "2025-07-01", "--until",
                             "2025-12-31", "--db", str(db), "--feeds", str(site.write_registry(tmp_path / "f.csv")),
                             *env_args], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "MMTRACK_DATA_DIR": str(tmp_path), "MMTRACK_PER_HOST_INTERVAL": "0"})
    assert result.returncode == 0, result.stderr[-3000:]
    dates = query_rows(db, "SELECT min(published_at)::DATE, count(*) FROM articles")[0]
    assert dates[0] >= date(2025, 7, 1) and 6 <= dates[1] <= 9
    months = query_rows(db, "SELECT count(*) FROM backfill_sources WHERE kind = 'sitemap'")[0][0]
    assert months <= 7  # children whose lastmod is before the window are never fetched


# Kill points spread over one run (batch size 5): registry, run start, discovery (one load), then per batch
# its fetch results, tags and events, the run record, and the swap of the analysts' copy; and just after the
# last (6th) batch's load, which leaves the resumed run an empty queue and five articles nobody analysed.
KILL_POINTS = ["before_commit#3", "after_commit#5", "before_commit#8", "after_commit#12", "before_commit#16",
               "after_commit#19", "backfill_batch_loaded#6", "before_publish_swap#1"]


@pytest.mark.integration
@pytest.mark.parametrize("kill_at", KILL_POINTS)
def test_killed_backfill_resumes_to_the_same_database(kill_at, site, clean, tmp_path) -> None:
    db = tmp_path / "killed.duckdb"
    killed = _backfill(site, tmp_path, db, "--outlet", "Index Outlet", kill_at=kill_at)
    assert killed.returncode == -signal.SIGKILL, f"never reached {kill_at}: {killed.stderr[-2000:]}"
    resumed = _backfill(site, tmp_path, db, "--outlet", "Index Outlet")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert snapshot(db) == clean


@pytest.mark.integration
def test_backfill_flow_runs_per_feed_tasks_and_records_the_run(site, tmp_path, settings) -> None:
    from prefect.testing.utilities import prefect_test_harness

    from flows.backfill import backfill

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    registry = site.write_registry(tmp_path / "feeds.csv")
    with prefect_test_harness(server_startup_timeout=120):
        state = backfill(since=date(2025, 1, 1), until=date(2025, 12, 31), feed_ids=["t-paged"],
                         db_path=str(tmp_path / "flow.duckdb"), feeds_path=str(registry), return_state=True)
    summary = state.result()
    assert state.is_completed() and summary["feeds"]["t-paged"]["method"] == "feed_pages"
    assert summary["articles_fetched"] == 11  # the 2025 items of 24 spread over 2024-2025
    runs = query_rows(tmp_path / "flow.duckdb", "SELECT run_id, flow, status FROM pipeline_runs")
    assert runs == [(str(state.state_details.flow_run_id), "backfill", "completed")]


def test_live_fetch_queue_leaves_backfill_rows_to_the_backfill(tmp_path) -> None:
    from datetime import datetime, timezone

    from tasks.backfill_run import backfill_pending
    from tasks.db import connect, transaction, upsert
    from tasks.fetch import count_pending, pending_articles

    con = connect(tmp_path / "q.duckdb")
    now = datetime(2025, 1, 1, tzinfo=timezone.utc)
    rows = [{"article_id": f"a{k}", "canonical_url": f"https://x.example/{k}", "url": f"https://x.example/{k}",
             "feed_id": "f", "first_seen_at": now, "fetch_status": "pending", "fetch_attempts": 0, "source": source}
            for k, source in enumerate(("feed", "backfill", "backfill"))]
    with transaction(con):
        upsert(con, "articles", rows, ["article_id"])
    assert [a.article_id for a in pending_articles(con, 10, now)] == ["a0"] and count_pending(con, now) == 1
    assert sorted(a.article_id for a in backfill_pending(con, ["f"], 10)) == ["a1", "a2"]
    con.close()
