"""Loading extracted events and figures into DuckDB, and the extraction stage over stored articles.

Idempotent by construction: an article's events and figures are deleted and re-inserted in one
transaction, so re-running (or re-running after a crash) gives the same rows, and events from an older
extractor or knowledge version are replaced, never duplicated.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from tasks.article_span import span_filter, work_order
from tasks.db import insert, transaction
from tasks.sql_ids import IDS, id_list
from tasks.lang import analysed_in_part, extract  # dispatches on the article's language (English or Burmese rules)
from tasks.extract.model import EXTRACTOR_VERSION, Event, Figure

EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("article_id", pa.string()), ("event_type", pa.string()),
    ("sub_event_type", pa.string()), ("disorder_type", pa.string()), ("event_date", pa.date32()),
    ("time_precision", pa.int16()), ("date_text", pa.string()), ("actor1", pa.string()), ("actor1_id", pa.string()),
    ("inter1", pa.int16()), ("assoc_actor_1", pa.string()), ("actor2", pa.string()), ("actor2_id", pa.string()),
    ("inter2", pa.int16()), ("assoc_actor_2", pa.string()), ("interaction", pa.int16()),
    ("civilian_targeting", pa.string()), ("place_id", pa.string()), ("location", pa.string()),
    ("country_iso", pa.string()), ("admin1", pa.string()), ("admin1_pcode", pa.string()), ("admin2", pa.string()),
    ("admin2_pcode", pa.string()), ("admin3", pa.string()), ("admin3_pcode", pa.string()),
    ("latitude", pa.float64()), ("longitude", pa.float64()), ("geo_precision", pa.int16()),
    ("fatalities", pa.int32()), ("injured", pa.int32()), ("displaced", pa.int32()), ("arrested", pa.int32()),
    ("figure_scope", pa.string()), ("notes", pa.string()), ("sentence", pa.string()), ("start_char", pa.int32()),
    ("end_char", pa.int32()), ("rule", pa.string()), ("confidence", pa.float64()),
    ("extractor_version", pa.string()), ("knowledge_version", pa.string()),
    ("extracted_at", pa.timestamp("us", tz="UTC")),
])
FIGURE_SCHEMA = pa.schema([
    ("figure_id", pa.string()), ("article_id", pa.string()), ("kind", pa.string()), ("value", pa.int64()),
    ("scope", pa.string()), ("area_place_id", pa.string()), ("as_of_date", pa.date32()), ("sentence", pa.string()),
    ("start_char", pa.int32()), ("end_char", pa.int32()), ("extractor_version", pa.string()),
    ("extracted_at", pa.timestamp("us", tz="UTC")),
])
RUN_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("extractor_version", pa.string()), ("knowledge_version", pa.string()),
    ("events", pa.int32()), ("figures", pa.int32()), ("extracted_at", pa.timestamp("us", tz="UTC")),
])


def _table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema)


def load_events(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], events: Sequence[Event],
                figures: Sequence[Figure], knowledge_version: str | None = None) -> dict[str, int]:
    """Replace the events and figures of `article_ids` with the given ones, in one transaction."""
    now = datetime.now(timezone.utc)
    event_rows = [{**e.to_dict(), "event_date": e.event_date, "extracted_at": now} for e in events]
    figure_rows = [{**f.to_dict(), "as_of_date": f.as_of_date, "extracted_at": now} for f in figures]
    per_article = {a: [0, 0] for a in article_ids}
    for e in events:
        per_article.setdefault(e.article_id, [0, 0])[0] += 1
    for f in figures:
        per_article.setdefault(f.article_id, [0, 0])[1] += 1
    runs = [{"article_id": a, "extractor_version": EXTRACTOR_VERSION, "knowledge_version": knowledge_version or "",
             "events": n[0], "figures": n[1], "extracted_at": now} for a, n in per_article.items()]
    ids = list(per_article)
    with transaction(con):
        for table in ("events", "figures", "article_extractions"):
            con.execute(f"DELETE FROM {table} WHERE article_id IN {IDS}", [id_list(ids)])
        insert(con, "events", _table(event_rows, EVENT_SCHEMA))
        insert(con, "figures", _table(figure_rows, FIGURE_SCHEMA))
        insert(con, "article_extractions", _table(runs, RUN_SCHEMA))
    return {"events": len(event_rows), "figures": len(figure_rows)}


_RELEVANT = "FROM articles a JOIN article_tags t ON t.article_id = a.article_id WHERE t.relevant = true"


def _ids_to_extract(con: duckdb.DuckDBPyConnection, knowledge_version: str, article_ids: list[str] | None,
                    feeds: list[str] | None = None) -> list[str]:
    """Relevant articles among `article_ids`, or (None) those not yet done by this extractor and seeds
    (of `feeds` only, when given: a worker's shard on the shared store)."""
    if article_ids is not None:
        sql, params = f"SELECT a.article_id {_RELEVANT} AND a.article_id IN {IDS}", [id_list(article_ids)]
    else:
        sql = (f"SELECT a.article_id {_RELEVANT} AND NOT EXISTS (SELECT 1 FROM article_extractions x "
               "WHERE x.article_id = a.article_id AND x.extractor_version = ? AND x.knowledge_version = ?)")
        params = [EXTRACTOR_VERSION, knowledge_version]
    if feeds is not None:
        sql, params = sql + " AND list_contains(?, a.feed_id)", params + [list(feeds)]
    # storage order: each batch is then read from a few row groups (tasks/article_span.py)
    return [row[0] for row in con.execute(f"{sql} ORDER BY {work_order()}", params).fetchall()]


def _articles(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[tuple[str, str | None, str | None, date | None, date | None]]:
    span, bounds = span_filter(con, article_ids)
    return con.execute(
        "SELECT a.article_id, a.title, coalesce(a.text, a.summary), CAST(a.published_at AS DATE), "
        f"CAST(a.first_seen_at AS DATE) FROM articles a WHERE a.article_id IN {IDS}{span} "
        "ORDER BY a.article_id", [id_list(article_ids), *bounds]).fetchall()


def extract_stored(knowledge, article_id: str, title: str | None, text: str | None, published: date | None,
                   first_seen: date | None):
    """Events and figures of one stored article; one without a publication date is dated by when we first
    saw it."""
    return extract(knowledge, title or "", text or "", published or first_seen or date.today(), article_id)


def extract_stage(con: duckdb.DuckDBPyConnection, knowledge, article_ids: list[str] | None = None,
                  batch_size: int = 500, feeds: list[str] | None = None, workers: int = 0,
                  seeds_dir: Path | None = None) -> dict[str, int]:
    """Extract events from relevant stored articles (None: those not yet done by this extractor and
    knowledge version) and load them, `batch_size` articles per transaction so memory stays flat. A backlog
    is extracted by `workers` processes (tasks/analysis_pool.py; seeds from `seeds_dir`), this one loading
    what they return. Returns {articles, events, figures, analysed_in_part}."""
    from tasks.analysis_pool import pool_for

    ids = _ids_to_extract(con, knowledge.version, article_ids, feeds)
    totals = {"articles": 0, "events": 0, "figures": 0, "analysed_in_part": 0}
    with pool_for(len(ids), workers, seeds_dir, knowledge) as pool:
        for start in range(0, len(ids), batch_size):
            batch = _articles(con, ids[start:start + batch_size])
            done = pool.extract(batch)
            load_events(con, [row[0] for row in batch], done.events, done.figures, knowledge.version)
            totals["articles"] += len(batch)
            totals["events"] += len(done.events)
            totals["figures"] += len(done.figures)
            totals["analysed_in_part"] += sum(analysed_in_part(row[2]) for row in batch)
    return totals
