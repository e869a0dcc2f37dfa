"""What dedup's writes hold: the rows written in one transaction must not stay in memory twice."""

from __future__ import annotations

from array import array
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa

from tasks import db as database
from tasks.dedup.article_store import ARTICLE_CLUSTER_SCHEMA, WRITE_BATCH, _fresh_tables


def _story_row(number: int, signature: array) -> dict:
    return {"article_id": f"art-{number:05d}", "story_cluster_id": f"art-{number - number % 3:05d}",
            "is_representative": number % 3 == 0, "similarity": 1.0 - number / 10**5, "body_hash": f"h{number}",
            "published_at": datetime(2024, 1, 1, tzinfo=timezone.utc), "signature": signature,
            "shingle_count": len(signature), "method_version": "test"}


def test_story_rows_built_from_packed_signatures_equal_rows_built_from_lists() -> None:
    """The signature column is built from the arrays' bytes; it must be what the Python lists gave,
    including an empty signature (an empty text) and a batch boundary."""
    rows = [_story_row(n, array("q", [] if n % 7 == 0 else [n * 1000 + i - 2**62 for i in range(126)]))
            for n in range(WRITE_BATCH + 5)]
    built = pa.concat_tables(list(_fresh_tables(rows)))
    expected = pa.Table.from_pylist([{**r, "signature": r["signature"].tolist()} for r in rows],
                                    schema=ARTICLE_CLUSTER_SCHEMA)
    assert built.schema == ARTICLE_CLUSTER_SCHEMA
    assert built.equals(expected)


def _links(count: int) -> pa.Table:
    return pa.table({"event_id": [f"e{n:06d}" for n in range(count)], "cluster_id": [f"c{n // 2:06d}" for n in range(count)],
                     "article_id": [f"a{n:06d}" for n in range(count)]})


def test_rows_written_in_an_open_transaction_are_not_held_until_it_commits(tmp_path: Path) -> None:
    """A registered Arrow table stays referenced by the open transaction after it is unregistered; insert
    and upsert must let each chunk's Arrow rows go once written (dedup writes a backlog in one transaction)."""
    con = database.connect(tmp_path / "t.duckdb")
    con.execute("CREATE TABLE written (event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR, article_id VARCHAR)")
    with database.transaction(con):
        before = pa.total_allocated_bytes()
        database.insert(con, "written", _links(20_000))
        database.upsert(con, "written", _links(30_000), ["event_id"])
        held = pa.total_allocated_bytes() - before
    assert held < 100_000, f"{held} bytes of Arrow rows still held inside the transaction"
    assert con.execute("SELECT count(*), count(DISTINCT cluster_id) FROM written").fetchone() == (30_000, 15_000)
