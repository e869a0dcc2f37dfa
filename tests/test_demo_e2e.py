"""The offline demo end to end, through the real command: counts, idempotency, a clean console."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = json.loads((ROOT / "seeds" / "demo" / "manifest.json").read_text())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _demo(db: Path, port: int, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "MMTRACK_DATA_DIR": str(db.parent), "PREFECT_HOME": str(home),
           "MMTRACK_READ_TIMEOUT": "3"}
    env.pop("PREFECT_API_URL", None)  # Prefect's local mode, as `make run` uses it
    return subprocess.run([sys.executable, "-m", "mmtrack.cli", "demo", "--db", str(db), "--port", str(port),
                           "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def demo_runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    port = _free_port()
    db = tmp / "demo.duckdb"
    first = _demo(db, port, tmp / "prefect")
    second = _demo(db, port, tmp / "prefect")
    return db, first, second


def _summary(run: subprocess.CompletedProcess) -> dict:
    assert run.returncode == 0, run.stderr[-4000:]
    return json.loads(run.stdout[run.stdout.index("{"):])


@pytest.mark.integration
def test_first_demo_run_loads_the_expected_articles(demo_runs) -> None:
    _db, first, _second = demo_runs
    summary = _summary(first)
    assert summary["feeds_polled"] == MANIFEST["feeds"]
    assert summary["feeds_failed"] == MANIFEST["feeds_failed"]
    assert summary["entries_seen"] == MANIFEST["entries"]
    assert summary["articles_new"] == MANIFEST["unique_articles"]
    assert summary["articles_duplicate"] == MANIFEST["duplicate_entries"]
    assert summary["articles_failed"] == MANIFEST["pages_failed"]
    assert summary["articles_fetched"] == MANIFEST["pages_ok"]


# Views of analysts' corrections (issue 17): empty until someone reviews an event.
EMPTY_UNTIL_REVIEWED = {"correction_matches", "review_member_moves_live", "correction_targets_live",
                        "orphaned_corrections", "review_field_checks", "review_accuracy"}


@pytest.mark.integration
def test_demo_tags_events_and_clusters(demo_runs) -> None:
    db, first, _second = demo_runs
    summary = _summary(first)
    assert (summary["relevant"], summary["tagged"] - summary["relevant"]) == (MANIFEST["relevant"], MANIFEST["irrelevant"])
    # Several outlets tell the same stories: fewer unique events than mentions, and wire copies cluster.
    assert 0 < summary["unique_events"] < summary["event_mentions"]
    assert summary["story_clusters"] < summary["articles_new"]
    con = duckdb.connect(str(db), read_only=True)
    try:
        without_events = con.execute(
            "SELECT count(*) FROM article_tags t WHERE t.relevant AND NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.article_id = t.article_id)").fetchone()[0]
        irrelevant_with_events = con.execute(
            "SELECT count(*) FROM article_tags t JOIN events e USING (article_id) WHERE NOT t.relevant").fetchone()[0]
        empty_views = [view for (view,) in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'").fetchall()
            if view not in EMPTY_UNTIL_REVIEWED and con.execute(f'SELECT count(*) FROM "{view}"').fetchone()[0] == 0]
    finally:
        con.close()
    assert irrelevant_with_events == 0
    assert without_events <= MANIFEST["relevant"] // 5  # most relevant stories report an event
    # no story is revised within one demo run; the rules already turn down every demo article the model would veto
    assert set(empty_views) <= {"fatality_revisions", "topic_vetoes"}


@pytest.mark.integration
def test_second_demo_run_sees_unchanged_feeds_and_adds_nothing(demo_runs) -> None:
    db, _first, second = demo_runs
    summary = _summary(second)
    working = MANIFEST["feeds"] - MANIFEST["feeds_failed"]
    assert summary["feeds_not_modified"] == working
    assert summary["entries_seen"] == 0 and summary["articles_new"] == 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == MANIFEST["unique_articles"]
        assert con.execute("SELECT count(*) FROM article_feeds").fetchone()[0] == MANIFEST["entries"] - 1
        statuses = con.execute("SELECT status FROM pipeline_runs ORDER BY started_at").fetchall()
        assert statuses == [("completed",), ("completed",)]
    finally:
        con.close()


@pytest.mark.integration
def test_demo_console_shows_no_tracebacks_or_error_lines(demo_runs) -> None:
    _db, first, second = demo_runs
    for run in (first, second):
        console = run.stdout + run.stderr
        assert "Traceback" not in console
        assert not [line for line in console.splitlines() if "ERROR" in line]


@pytest.mark.integration
def test_failed_pages_and_feed_are_recorded_with_reasons(demo_runs) -> None:
    db, _first, _second = demo_runs
    con = duckdb.connect(str(db), read_only=True)
    try:
        failed = con.execute("SELECT fetch_error, text_source FROM articles WHERE fetch_status = 'failed' "
                             "ORDER BY fetch_error").fetchall()
        feeds = con.execute("SELECT feed_id, last_error FROM feeds WHERE last_status = 'failed'").fetchall()
    finally:
        con.close()
    assert [reason for reason, _ in failed] == ["HTTP 404", "read timeout"]
    assert all(source in ("summary", "title") for _, source in failed)
    assert [feed for feed, _ in feeds] == MANIFEST["failed_feed_ids"]
    assert all(error.startswith("not a feed") for _, error in feeds)


@pytest.mark.integration
def test_demo_events_match_the_manifest_field_by_field(demo_runs) -> None:
    """Every relevant demo article's expected events (seeds/demo/src 'event:' lines) are stored exactly:
    type, sub-type, date and precision, state, township, actors (coding guide short names), fatalities."""
    from tests.demo_expectations import check_article

    db, _first, _second = demo_runs
    con = duckdb.connect(str(db), read_only=True)
    try:
        columns = ["url", "event_type", "sub_event_type", "event_date", "time_precision", "admin1", "admin3",
                   "actor1_id", "actor2_id", "fatalities"]
        rows = con.execute(f"SELECT {', '.join('a.url' if c == 'url' else 'e.' + c for c in columns)} "
                           "FROM events e JOIN articles a USING (article_id)").fetchall()
    finally:
        con.close()
    stored: dict[str, list[dict]] = {}
    for row in rows:
        record = dict(zip(columns, row))
        stored.setdefault("/" + record["url"].split("/", 3)[3], []).append(record)
    expected = [a for a in MANIFEST["articles"] if a["relevant"]]
    assert expected and all(a["events"] or a["reports_no_event"] for a in expected)
    problems = [f"{a['path']}: {p}" for a in expected
                for p in check_article(a["events"], a["reports_no_event"], stored.get(a["path"], []))]
    assert problems == []
