"""Batches read by row-id range (tasks/article_span.py): the same rows, from the row groups that hold them;
and the caps that keep DuckDB's cache from growing with the archive."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from tasks.article_span import _megabytes, cap_for_batches, capped, span_filter, work_order
from tasks.db import connect, transaction, upsert

NOW = "2025-03-01 08:00:00+00"


def _stored(tmp_path: Path, count: int):
    con = connect(tmp_path / "span.duckdb")
    rows = [{"article_id": f"id-{(k * 7919) % count:05d}", "canonical_url": f"https://news.example/{k}",
             "url": f"https://news.example/{k}", "feed_id": "feed-a", "title": f"Report {k}",
             "text": f"Body of report {k}. " * 20, "first_seen_at": NOW, "fetch_status": "ok"} for k in range(count)]
    for start in range(0, count, 1000):  # stored in several loads, as batches are
        with transaction(con):
            upsert(con, "articles", pa.Table.from_pylist(rows[start:start + 1000]), ["article_id"])
    return con


def test_span_reads_the_same_rows_from_fewer_row_groups(tmp_path) -> None:
    con = _stored(tmp_path, 6000)
    in_storage_order = [r[0] for r in con.execute(f"SELECT article_id FROM articles a ORDER BY {work_order()}").fetchall()]
    batch = in_storage_order[4100:4300]
    span, bounds = span_filter(con, batch)
    assert span and bounds[1] - bounds[0] == 199  # the batch's own rows, nothing around them
    sql = "SELECT a.article_id, a.text FROM articles a WHERE a.article_id IN (SELECT unnest(?::VARCHAR[]))"
    assert con.execute(sql + span + " ORDER BY 1", [batch, *bounds]).fetchall() == \
        con.execute(sql + " ORDER BY 1", [batch]).fetchall()
    scanned = con.execute("EXPLAIN ANALYZE " + sql + span, [batch, *bounds]).fetchall()[0][1]
    assert "6,000 rows" not in scanned
    con.close()


def test_an_id_not_stored_leaves_nothing_to_narrow(tmp_path) -> None:
    con = _stored(tmp_path, 10)
    assert span_filter(con, ["no-such-article"]) == ("", [])
    assert span_filter(con, []) == ("", [])
    con.close()


def test_caps_never_raise_the_configured_limit_and_are_undone(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MMTRACK_DB_MEMORY_LIMIT", "40MB")
    con = _stored(tmp_path, 10)
    before = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    with capped(con, 32):
        assert con.execute("SELECT current_setting('threads')").fetchone()[0] == 1
    assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == before
    cap_for_batches(con)  # 64 MB, but the configured 40 MB is lower
    assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] in ("38.1 MiB", "40.0 MiB")
    con.close()
    assert _megabytes("128MB") == 128 and _megabytes("1GiB") == 1024 and _megabytes("lots") is None
