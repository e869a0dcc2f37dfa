"""What analysts' corrections cost the views: 10,000 synthetic reports (bench_dedup's), about 3,500 unique
events, 290 corrections (200 field corrections, 50 rejections, 20 merges, 20 splits) on a real DuckDB file.

Prints the time to record the corrections (with their resolution), to re-resolve them as a dedup run does
(inside the pipeline's 64MB connection), and to read reviewed_events, active_fronts and review_queue
against unique_events (read-only, DuckDB's default memory, as `mmtrack query` reads).
Run: .venv/bin/python bench/bench_review.py [reports]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_dedup import synthetic_rows  # noqa: E402
from tasks import db as database  # noqa: E402
from tasks.dedup import dedup_stage  # noqa: E402
from tasks.extract.store import EVENT_SCHEMA  # noqa: E402
from tasks.review import store  # noqa: E402
from tasks.review.resolve import refresh_review  # noqa: E402

REPORTS = 10_000


def _load(con: duckdb.DuckDBPyConnection, reports: int) -> None:
    now = datetime.now(timezone.utc)
    rows = synthetic_rows(reports)
    published = {row["article_id"]: at for row, at in rows}
    database.upsert(con, "feeds", [{"feed_id": "f", "name": "f", "outlet": "F", "url": "https://f.example/rss",
                                    "enabled": True, "poll_interval_minutes": 30, "general": False,
                                    "allow_private": False, "in_registry": True}], ["feed_id"])
    database.insert(con, "articles", pa.Table.from_pylist([
        {"article_id": a, "canonical_url": f"https://f.example/{a}", "url": "u", "feed_id": "f", "first_seen_at": t,
         "fetch_status": "ok", "published_at": t} for a, t in published.items()]))
    events = [{**dict.fromkeys(EVENT_SCHEMA.names), **row, "figure_scope": "event", "extractor_version": "bench",
               "extracted_at": now, "sentence": f"Sentence of {row['event_id']}.", "start_char": 0, "end_char": 20,
               "confidence": 0.7} for row, _ in rows]
    database.insert(con, "events", pa.Table.from_pylist(events, schema=EVENT_SCHEMA))
    dedup_stage(con)


def _corrections(con: duckdb.DuckDBPyConnection) -> list[store.Correction]:
    rng = random.Random(1)
    ids = [r[0] for r in con.execute("SELECT event_id FROM unique_events ORDER BY event_id").fetchall()]
    multi = [r[0] for r in con.execute("SELECT event_id FROM unique_events WHERE len(member_event_ids) > 1 "
                                       "ORDER BY event_id").fetchall()]

    def anchors(event_id: str, role: str = "target") -> list[tuple[str, str]]:
        return [(role, m) for m in store.members(con, event_id)]

    made = [store.Correction("correct", i, field="fatalities", value="1", anchors=anchors(i))
            for i in rng.sample(ids, 200)]
    made += [store.Correction("reject", i, anchors=anchors(i)) for i in rng.sample(ids, 50)]
    made += [store.Correction("merge", a, value=b, anchors=anchors(a) + anchors(b, "other"))
             for a, b in zip(rng.sample(ids, 20), rng.sample(ids, 20)) if a != b]
    made += [store.Correction("split", i, value=store.members(con, i)[0], anchors=[("split", store.members(con, i)[0])])
             for i in rng.sample(multi, 20)]
    return made


def _read_seconds(db: Path, view: str) -> float:
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute(f"SELECT * FROM {view}").fetchall()  # warm
        started = time.perf_counter()
        con.execute(f"SELECT * FROM {view}").fetchall()
        return time.perf_counter() - started
    finally:
        con.close()


def evaluate(reports: int = REPORTS) -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "review.duckdb"
        con = database.connect(db)
        try:
            _load(con, reports)
            corrections = _corrections(con)
            started = time.perf_counter()
            store.record(con, corrections, "bench")
            recorded = time.perf_counter() - started
            started = time.perf_counter()
            with database.transaction(con):
                refresh_review(con)  # what every dedup run adds, in the pipeline's own connection
            refreshed = time.perf_counter() - started
        finally:
            con.close()
        machine = _read_seconds(db, "unique_events")
        reviewed = _read_seconds(db, "reviewed_events")
        rows = [(f"review: record {len(corrections)} corrections s", round(recorded, 3), "<= 2"),
                ("review: re-resolve corrections in a dedup run s", round(refreshed, 3), "<= 1"),
                ("review: unique_events read s", round(machine, 3), ""),
                ("review: reviewed_events read s", round(reviewed, 3), "<= 1"),
                ("review: reviewed_events / unique_events read time", round(reviewed / machine, 2), "<= 3")]
        rows += [(f"review: {view} read s", round(_read_seconds(db, view), 3), "<= 2")
                 for view in ("active_fronts", "review_queue")]
    return rows


def main() -> None:
    reports = int(sys.argv[1]) if len(sys.argv) > 1 else REPORTS
    for figure, value, target in evaluate(reports):
        print(f"{figure:<52}{value:>10}  {target}")


if __name__ == "__main__":
    main()
