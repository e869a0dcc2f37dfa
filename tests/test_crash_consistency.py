"""Kill the ingest (SIGKILL) at many points, then run it again: the database equals one clean run's."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import write_registry
from tests.loopback import LoopbackSite
from tests.news_site import serve_news

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 12
# What must be identical after recovery: the stored data, not when it was stored.
SNAPSHOT_QUERIES = {
    "articles": "SELECT article_id, canonical_url, url, feed_id, title, summary, fetch_status, fetch_error, "
                "text, text_source, published_at, content_hash FROM articles ORDER BY article_id",
    "article_feeds": "SELECT article_id, feed_id, entry_url FROM article_feeds ORDER BY ALL",
    "feeds": "SELECT feed_id, etag, body_hash, failure_count FROM feeds ORDER BY feed_id",
    "article_tags": "SELECT * EXCLUDE (tagged_at) FROM article_tags ORDER BY article_id",
    "events": "SELECT * EXCLUDE (extracted_at) FROM events ORDER BY event_id",
}
# Kill points spread over one run (batch size 3: commits are registry, run start, poll, 4 fetch batches,
# tags, events, ...), inside transactions (before_commit), between them (after_commit) and mid-publish.
KILL_POINTS = [f"before_commit#{n}" for n in range(1, 11)] + [f"after_commit#{n}" for n in range(1, 10)] + \
    ["before_publish_swap#1"]


def _run(site: LoopbackSite, tmp: Path, db: Path, kill_at: str | None = None) -> int:
    env = {**os.environ, "MMTRACK_DATA_DIR": str(tmp / "data"), "MMTRACK_PER_HOST_INTERVAL": "0",
           "MMTRACK_BATCH_SIZE": "3", "MMTRACK_READ_TIMEOUT": "5", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("MMTRACK_KILL_AT", None)
    if kill_at:
        env["MMTRACK_KILL_AT"] = kill_at
    registry = write_registry(tmp / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
    result = subprocess.run(
        [sys.executable, "-m", "mmtrack.cli", "ingest", "--no-prefect", "--force", "--db", str(db),
         "--feeds", str(registry)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    if kill_at is None and result.returncode != 0:
        raise AssertionError(result.stderr[-3000:])
    return result.returncode


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return {name: con.execute(sql).fetchall() for name, sql in SNAPSHOT_QUERIES.items() if name in tables}
    finally:
        con.close()


@pytest.fixture(scope="module")
def news_site():
    with LoopbackSite() as site:
        serve_news(site, ARTICLES)
        yield site


@pytest.fixture(scope="module")
def clean_snapshot(news_site, tmp_path_factory) -> dict[str, list[tuple]]:
    tmp = tmp_path_factory.mktemp("clean")
    _run(news_site, tmp, tmp / "clean.duckdb")
    clean = snapshot(tmp / "clean.duckdb")
    assert len(clean["articles"]) == ARTICLES
    return clean


@pytest.mark.integration
@pytest.mark.parametrize("kill_at", KILL_POINTS)
def test_killed_run_then_full_run_equals_one_clean_run(kill_at, news_site, clean_snapshot, tmp_path) -> None:
    db = tmp_path / "killed.duckdb"
    code = _run(news_site, tmp_path, db, kill_at)
    assert code == -signal.SIGKILL, f"the run never reached {kill_at}"
    _run(news_site, tmp_path, db)
    assert snapshot(db) == clean_snapshot
