"""Daily maintenance steps on real DuckDB files: pruning, checkpoint, Parquet snapshot, lock waiting."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from tasks import db as database
from tasks.maintenance import (
    checkpoint,
    export_snapshot,
    maintenance_markdown,
    open_when_free,
    prune_feed_polls,
)

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def _database_with_polls(path: Path, ages_days: list[float]) -> Path:
    con = database.connect(path)
    rows = [
        {"poll_id": f"run{i}:feed", "run_id": f"run{i}", "feed_id": "irrawaddy-en",
         "polled_at": NOW - timedelta(days=age), "outcome": "new"}
        for i, age in enumerate(ages_days)
    ]
    database.upsert(con, "feed_polls", rows, ["poll_id"])
    con.close()
    return path


def _poll_ages(path: Path) -> list[float]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute("SELECT polled_at FROM feed_polls ORDER BY polled_at DESC").fetchall()
    finally:
        con.close()
    return [round((NOW - polled_at).total_seconds() / 86400, 1) for (polled_at,) in rows]


def test_prune_deletes_only_polls_older_than_retention(tmp_path: Path) -> None:
    db = _database_with_polls(tmp_path / "p.duckdb", [0.5, 10, 29.9, 30.1, 400])
    deleted = prune_feed_polls(db, retention_days=30, now=NOW)
    assert deleted == 2
    assert _poll_ages(db) == [0.5, 10.0, 29.9]


def test_prune_twice_deletes_nothing_more(tmp_path: Path) -> None:
    db = _database_with_polls(tmp_path / "p.duckdb", [1, 100])
    assert prune_feed_polls(db, retention_days=7, now=NOW) == 1
    assert prune_feed_polls(db, retention_days=7, now=NOW) == 0


def test_prune_refuses_a_retention_below_one_day(tmp_path: Path) -> None:
    db = _database_with_polls(tmp_path / "p.duckdb", [1])
    with pytest.raises(ValueError, match="at least 1"):
        prune_feed_polls(db, retention_days=0, now=NOW)
    assert _poll_ages(db) == [1.0]


def test_checkpoint_leaves_no_write_ahead_log(tmp_path: Path) -> None:
    db = _database_with_polls(tmp_path / "c.duckdb", [1, 2, 3])
    size = checkpoint(db)
    assert size == db.stat().st_size > 0
    assert not db.with_name(db.name + ".wal").exists()


def test_export_writes_every_table_as_parquet_under_the_day(tmp_path: Path) -> None:
    db = _database_with_polls(tmp_path / "e.duckdb", [1, 2, 3])
    snapshot = export_snapshot(db, tmp_path / "exports", day=date(2025, 3, 1))
    assert snapshot.directory == tmp_path / "exports" / "2025-03-01"
    assert snapshot.rows_by_table["feed_polls"] == 3
    assert {"feeds", "articles", "article_feeds", "pipeline_runs"} <= set(snapshot.rows_by_table)
    assert "schema_migrations" not in snapshot.rows_by_table
    assert pq.read_table(snapshot.directory / "feed_polls.parquet").num_rows == 3
    names = sorted(p.name for p in snapshot.directory.iterdir())
    assert names == sorted(f"{t}.parquet" for t in snapshot.rows_by_table)


def test_export_rerun_on_same_day_replaces_snapshot_and_leaves_no_staging(tmp_path: Path) -> None:
    db = _database_with_polls(tmp_path / "e.duckdb", [1, 2.5, 3])
    export_snapshot(db, tmp_path / "exports", day=date(2025, 3, 1))
    prune_feed_polls(db, retention_days=2, now=NOW)
    snapshot = export_snapshot(db, tmp_path / "exports", day=date(2025, 3, 1))
    assert pq.read_table(snapshot.directory / "feed_polls.parquet").num_rows == 1
    assert [p.name for p in (tmp_path / "exports").iterdir()] == ["2025-03-01"]


def test_open_when_free_waits_for_another_writer_to_let_go(tmp_path: Path) -> None:
    db = _database_with_polls(tmp_path / "l.duckdb", [1])
    # DuckDB locks per process, so the competing writer must be another process.
    import subprocess
    import sys

    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(1.0)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with open_when_free(db, wait_s=20) as con:
            assert con.execute("SELECT count(*) FROM feed_polls").fetchone() == (1,)
        assert time.monotonic() - started >= 0.3
    finally:
        holder.wait(timeout=20)


def test_open_when_free_gives_up_with_database_error_after_wait(tmp_path: Path) -> None:
    db = _database_with_polls(tmp_path / "l.duckdb", [1])
    import subprocess
    import sys

    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('held', flush=True); sys.stdin.read()"],
        stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(database.DatabaseError, match="lock"):
            with open_when_free(db, wait_s=0.5):
                pass
    finally:
        holder.stdin.close()
        holder.wait(timeout=20)


def test_markdown_lists_pruned_polls_and_exported_tables() -> None:
    text = maintenance_markdown({
        "database_bytes": 1024, "published_copy": "/d/pub.duckdb", "export_dir": "/d/exports/2025-03-01",
        "poll_retention_days": 30, "feed_polls_pruned": 7, "seconds": {"prune": 0.1},
        "exported_rows": {"articles": 12, "feeds": 3},
    })
    assert "| feed polls pruned (older than 30 days) | 7 |" in text
    assert "| articles | 12 |" in text
    assert text.startswith("# Maintenance run summary")
