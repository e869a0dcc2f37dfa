"""Load (issue 8, benchmark 5): rows per second into DuckDB for articles and events, three ways, same run.

* bulk upsert: `tasks.db.upsert`, one `INSERT ... ON CONFLICT DO UPDATE` from an Arrow table (what the
  pipeline does);
* bulk MERGE INTO: the same load written as `MERGE INTO ... USING` the Arrow table: the statement that
  carries over to DuckLake, which has no primary keys and so no ON CONFLICT (docs/scaling.md);
* row by row: `executemany` of the same INSERT ... ON CONFLICT, one row per statement.

Each way loads the rows into a fresh database file (all inserts), then loads them again (all updates), and
must leave exactly one row per key. Rows are the benchmark corpus's articles with their text, and events
shaped like the extractor's.

    .venv/bin/python -m bench.bench_load [--rows 5000] [--row-by-row 500]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from bench.corpus import corpus
from bench.harness import Row, bench_environment, median

ROWS = 5000
ROW_BY_ROW = 500  # row by row is ~100x slower; fewer rows give the same rate
BULK_REPEATS = 3  # bulk loads take a fraction of a second: the median of three
# Each pass loads all ROWS articles (about 20 MB of text) in one statement, ten times the pipeline's
# batch; updating them keeps old and new versions until commit, which needs more than the pipeline's
# 64MB DuckDB limit. The benchmark measures load speed, so it gives DuckDB the room a deliberately large
# batch would be given in production (docs/operations.md, MMTRACK_BATCH_SIZE).
LOAD_MEMORY_LIMIT = "512MB"
EVENT_TYPES = (("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
               ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
               ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests"))


def article_rows(count: int) -> list[dict]:
    now = datetime.now(timezone.utc)
    rows = []
    for item in corpus(8, count):
        url = f"https://bench.example.org/news/{item.slug}"
        text = "\n".join(item.paragraphs)
        rows.append({
            "article_id": hashlib.sha256(url.encode()).hexdigest()[:32], "canonical_url": url, "url": url,
            "feed_id": f"bench-{item.index % 50:03d}", "guid": url, "title": item.title, "summary": item.summary,
            "authors": ["Staff Reporter"], "feed_tags": [item.kind], "feed_published_at": item.published_at,
            "first_seen_at": now, "fetch_status": "ok", "fetch_attempts": 1, "fetched_at": now, "http_status": 200,
            "final_url": url, "content_type": "text/html; charset=utf-8", "page_bytes": len(text) + 1500,
            "text": text, "text_source": "article", "page_title": item.title, "language": "en",
            "published_at": item.published_at, "published_source": "feed",
            "content_hash": hashlib.sha256(text.encode()).hexdigest(),
        })
    return rows


def event_rows(count: int) -> list[dict]:
    rng = random.Random(5)
    now = datetime.now(timezone.utc)
    rows = []
    for index in range(count):
        event_type, sub_event_type = rng.choice(EVENT_TYPES)
        rows.append({
            "event_id": f"ev{index:08d}", "article_id": f"{rng.getrandbits(128):032x}", "event_type": event_type,
            "sub_event_type": sub_event_type, "disorder_type": "Political violence",
            "event_date": date(2024, 1, 1) + timedelta(days=rng.randint(0, 365)), "time_precision": 1,
            "date_text": "on Tuesday", "actor1": "Military Forces of Myanmar (2021-)", "actor1_id": "mil_myanmar",
            "inter1": 1, "actor2": "PDF: People's Defence Force", "actor2_id": "pdf", "inter2": 2, "interaction": 12,
            "place_id": "MMR005002", "location": "Kani", "country_iso": "MMR", "admin1": "Sagaing",
            "admin1_pcode": "MMR005", "latitude": 22.4, "longitude": 94.85, "geo_precision": 2,
            "fatalities": rng.randint(0, 30), "figure_scope": "event", "sentence": "Jets bombed a village in Kani.",
            "start_char": 0, "end_char": 31, "rule": "trigger+actor", "confidence": 0.8,
            "extractor_version": "bench", "knowledge_version": "bench", "extracted_at": now,
        })
    return rows


def merge_into(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], key: list[str]) -> int:
    """The DuckLake-portable upsert: MERGE INTO from an Arrow table, no primary key needed."""
    data = pa.Table.from_pylist(rows)
    columns = data.column_names
    con.register("_merge_source", data)
    try:
        on = " AND ".join(f"t.{k} = s.{k}" for k in key)
        sets = ", ".join(f"{c} = s.{c}" for c in columns if c not in key)
        con.execute(
            f"MERGE INTO {table} AS t USING _merge_source AS s ON {on} "
            f"WHEN MATCHED THEN UPDATE SET {sets} "
            f"WHEN NOT MATCHED THEN INSERT ({', '.join(columns)}) VALUES ({', '.join('s.' + c for c in columns)})"
        )
    finally:
        con.unregister("_merge_source")
    return data.num_rows


def row_by_row(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], key: list[str]) -> int:
    columns = list(rows[0])
    sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in key)
    con.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}",
        [[row[c] for c in columns] for row in rows],
    )
    return len(rows)


def bulk_upsert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], key: list[str]) -> int:
    from tasks.db import upsert

    return upsert(con, table, rows, key)


Loader = Callable[[duckdb.DuckDBPyConnection, str, list[dict], list[str]], int]
LOADERS: dict[str, Loader] = {"bulk upsert": bulk_upsert, "bulk MERGE INTO": merge_into, "row by row": row_by_row}


def load_rate(loader: Loader, table: str, rows: list[dict], key: list[str]) -> tuple[float, float]:
    """(insert rows/s, update rows/s) into a fresh migrated database, one transaction per pass."""
    from tasks.db import connect, transaction

    with tempfile.TemporaryDirectory(prefix="mmtrack-load-") as directory:
        con = connect(Path(directory) / "load.duckdb")
        try:
            rates = []
            for _pass in ("insert", "update"):
                started = time.perf_counter()
                with transaction(con):
                    loader(con, table, rows, key)
                rates.append(len(rows) / (time.perf_counter() - started))
            stored = con.execute(f"SELECT count(*), count(DISTINCT {key[0]}) FROM {table}").fetchone()
            if stored != (len(rows), len(rows)):
                raise AssertionError(f"{table}: expected {len(rows)} rows once each, found {stored}")
        finally:
            con.close()
    return rates[0], rates[1]


def evaluate(rows: int = ROWS, row_by_row_rows: int = ROW_BY_ROW) -> list[Row]:
    with bench_environment({"MMTRACK_DB_MEMORY_LIMIT": LOAD_MEMORY_LIMIT}):
        return _evaluate(rows, row_by_row_rows)


def _evaluate(rows: int, row_by_row_rows: int) -> list[Row]:
    datasets = {"articles": (article_rows(rows), ["article_id"]), "events": (event_rows(rows), ["event_id"])}
    results: list[Row] = []
    for table, (data, key) in datasets.items():
        rates = {}
        for name, loader in LOADERS.items():
            slow = name == "row by row"
            sample = data[:row_by_row_rows] if slow else data
            runs = [load_rate(loader, table, sample, key) for _ in range(1 if slow else BULK_REPEATS)]
            rates[name] = (median([r[0] for r in runs]), median([r[1] for r in runs]))
            insert, update = rates[name]
            results.append((f"load: {table} {name} rows/s (insert)", round(insert), ""))
            results.append((f"load: {table} {name} rows/s (update)", round(update), ""))
        speedup = rates["bulk upsert"][0] / rates["row by row"][0]
        results.append((f"load: {table} bulk upsert / row by row", round(speedup, 1), "> 1"))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--row-by-row", type=int, default=ROW_BY_ROW)
    args = parser.parse_args()
    for figure, value, target in evaluate(args.rows, args.row_by_row):
        print(f"{figure:<50} {value:>10g}  {target}")


if __name__ == "__main__":
    main()
