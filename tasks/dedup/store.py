"""The dedup stage: story clusters for articles, then event clusters, each written in one transaction.

Incremental by replay (see tasks/dedup/events.py): clustering decisions are made in report order and
depend only on earlier mentions, so each run keeps every decision before the first new, changed or
removed mention and replays the rest. A normal run only places the newly reported mentions (they join
existing clusters or found new ones); `rebuild=True` (the reprocess flow) replays everything and, by
construction, gives the same clusters, ids and merged rows. Merged rows are recomputed for every
cluster (cheap) and written only where their hash changed.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Callable, Container, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime, timezone
from typing import Any

import duckdb
import pyarrow as pa

from tasks.article_span import capped, span_filter
from tasks.db import insert, shared_store, transaction, upsert
from tasks.sql_ids import IDS, id_list
from tasks.dedup.article_store import update_stories, write_stories
from tasks.dedup.clustering import Cluster, Clustering, cluster_mentions
from tasks.dedup.events import EVENT_METHOD_VERSION, Mention, make_mention, slim
from tasks.dedup.merge import merge_cluster
from tasks.review.resolve import refresh_review

LINK_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("cluster_id", pa.string()), ("join_score", pa.float64()), ("article_id", pa.string()),
    ("reported_at", pa.timestamp("us", tz="UTC")), ("fingerprint", pa.string()), ("method_version", pa.string()),
    ("join_rule", pa.string()),
])
_INT16 = ("time_precision", "inter1", "inter2", "interaction", "geo_precision")
_INT32 = ("fatalities", "injured", "displaced", "arrested", "num_events", "num_articles", "num_stories", "num_sources")
_FLOAT = ("latitude", "longitude")
_TIMES = ("first_reported_at", "last_reported_at", "updated_at")
CLUSTER_COLUMNS = (
    "cluster_id", "representative_event_id", "event_type", "sub_event_type", "disorder_type", "event_date",
    "time_precision", "actor1", "actor1_id", "inter1", "assoc_actor_1", "actor2", "actor2_id", "inter2",
    "assoc_actor_2", "interaction", "civilian_targeting", "place_id", "location", "country_iso", "admin1",
    "admin1_pcode", "admin2", "admin2_pcode", "admin3", "admin3_pcode", "latitude", "longitude", "geo_precision",
    "fatalities", "fatalities_rule", "fatalities_sources", "injured", "displaced", "arrested", "notes", "num_events", "num_articles",
    "num_stories", "num_sources", "first_reported_at", "last_reported_at", "row_hash", "method_version", "updated_at",
)


def _field_type(name: str) -> pa.DataType:
    if name == "event_date":
        return pa.date32()
    if name in _INT16:
        return pa.int16()
    if name in _INT32:
        return pa.int32()
    if name in _FLOAT:
        return pa.float64()
    return pa.timestamp("us", tz="UTC") if name in _TIMES else pa.string()


CLUSTER_SCHEMA = pa.schema([(c, _field_type(c)) for c in CLUSTER_COLUMNS])
# Event columns that are not the event itself (when or by which version it was extracted).
_VOLATILE = frozenset({"extracted_at", "extractor_version", "knowledge_version", "confidence", "figure_scope"})


def _utc(ts: datetime) -> datetime:
    return ts.astimezone(timezone.utc) if ts.tzinfo else ts.replace(tzinfo=timezone.utc)


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:32]


_MENTIONS_SQL = (
    "SELECT e.*, coalesce(a.published_at, a.first_seen_at) AS reported_at, f.outlet AS outlet "
    "FROM events e JOIN articles a ON a.article_id = e.article_id LEFT JOIN feeds f ON f.feed_id = a.feed_id "
    "WHERE e.figure_scope = 'event'")
FETCH_ROWS = 2000       # rows per fetch while streaming mentions
MERGE_CHUNK = 1000      # clusters merged (their members' rows read back) and written at a time
LINK_CHUNK = 5000       # link rows (seven short columns) written per statement
# What DuckDB may hold while event dedup reads and writes: its cache of the events table and the rows of
# the one write transaction (a backlog's tens of thousands of links and merged rows: about 100 MB at
# 20,000 articles, uncapped) spill to its temp directory beyond this. 32 MB fails to merge a chunk.
EVENT_DEDUP_MEMORY_MB = 64
# The same for writing the story rows (a signature of 126 integers each).
STORY_WRITE_MEMORY_MB = 64


def _mention_rows(con: duckdb.DuckDBPyConnection, where: str = "", params: list | None = None) -> Iterator[dict]:
    """Event mention rows (figure_scope 'event') with reported_at and outlet, streamed."""
    cursor = con.execute(_MENTIONS_SQL + where, params or [])
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(FETCH_ROWS):
        for values in rows:
            row = dict(zip(names, values))
            row["reported_at"] = _utc(row["reported_at"])
            yield row


SCAN_ROWS = 5000        # events read per statement when loading every mention


def _every_mention_row(con: duckdb.DuckDBPyConnection) -> Iterator[dict]:
    """`_mention_rows` of the whole table, SCAN_ROWS row ids per statement: DuckDB's Python client holds
    a statement's whole result, and every column of every event (about 1 KB each) grew with the backlog."""
    if shared_store():
        yield from _mention_rows(con)
        return
    top = con.execute("SELECT max(rowid) FROM events").fetchone()[0]
    for low in range(0, (top if top is not None else -1) + 1, SCAN_ROWS):
        yield from _mention_rows(con, " AND e.rowid BETWEEN ? AND ?", [low, low + SCAN_ROWS - 1])


def _full_mention(row: dict) -> Mention:
    reported_at = row.pop("reported_at")
    row.pop("outlet")
    return make_mention(row, reported_at)


def load_mentions(con: duckdb.DuckDBPyConnection) -> tuple[list[Mention], dict[str, str], dict[str, str | None]]:
    """Every event mention, slimmed for clustering, with fingerprints and each article's outlet."""
    mentions, fingerprints, outlets, shared = [], {}, {}, {}
    for row in _every_mention_row(con):
        outlets[row["article_id"]] = row["outlet"]
        mention = _full_mention(row)
        fingerprints[row["event_id"]] = _digest([mention.reported_at,
                                                 {k: v for k, v in row.items() if k not in _VOLATILE}])
        mentions.append(slim(mention, shared))
    return mentions, fingerprints, outlets


def _stored_links(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    rows = con.execute("SELECT event_id, cluster_id, join_score, article_id, reported_at, fingerprint, method_version, "
                       "join_rule FROM event_cluster_links").fetchall()
    return {r[0]: (r[1], r[2], r[3], _utc(r[4]), r[5], r[6], r[7] or "founder") for r in rows}


def _replay_from(mentions: Sequence[Mention], fingerprints: dict[str, str], links: dict[str, tuple],
                 rebuild: bool) -> tuple[datetime, str, str] | None:
    """The report-order key of the first mention whose decision may change; None when nothing changed."""
    if rebuild or any(link[5] != EVENT_METHOD_VERSION for link in links.values()):
        return (datetime.min.replace(tzinfo=timezone.utc), "", "")
    current = {m.event_id for m in mentions}
    dirty = [m.order for m in mentions if links.get(m.event_id, (None,) * 5)[4] != fingerprints[m.event_id]]
    dirty += [(link[3], link[2], event_id) for event_id, link in links.items()
              if event_id not in current or link[4] != fingerprints[event_id]]
    return min(dirty, default=None)


def cluster_events(mentions: list[Mention], fingerprints: dict[str, str], links: dict[str, tuple],
                   rebuild: bool) -> tuple[Clustering, int]:
    start = _replay_from(mentions, fingerprints, links, rebuild)
    if start is None:
        fixed, replay = sorted(mentions, key=lambda m: m.order), []
    else:
        fixed = sorted((m for m in mentions if m.order < start), key=lambda m: m.order)
        replay = [m for m in mentions if m.order >= start]
    clustering = cluster_mentions(((m, *links[m.event_id][0:2], links[m.event_id][6]) for m in fixed), replay)
    return clustering, len(replay)


def _link_rows(clustering: Clustering, fingerprints: dict[str, str], links: dict[str, tuple]) -> Iterator[dict]:
    """The link rows that changed, generated (a backlog's tens of thousands of dicts are never all held)."""
    for cluster in clustering.clusters.values():
        for mention, score, rule in zip(cluster.members, cluster.scores, cluster.rules):
            old = links.get(mention.event_id)
            fingerprint = fingerprints[mention.event_id]
            if old and (old[0], old[1], old[4], old[5], old[6]) == (cluster.cluster_id, score, fingerprint,
                                                                    EVENT_METHOD_VERSION, rule):
                continue
            yield {"event_id": mention.event_id, "cluster_id": cluster.cluster_id, "join_score": score,
                   "article_id": mention.article_id, "reported_at": mention.reported_at,
                   "fingerprint": fingerprint, "method_version": EVENT_METHOD_VERSION, "join_rule": rule}


def _full_members(con: duckdb.DuckDBPyConnection, clusters: Sequence[Cluster]) -> list[Cluster]:
    """The clusters again, with their members' whole rows read back (clustering kept slim mentions)."""
    wanted = [m.event_id for c in clusters for m in c.members]
    # Clusters come in founding order, so a chunk's members were mostly stored near each other: reading
    # their row-id range skips the rest of the events table (tasks/article_span.py).
    span, bounds = span_filter(con, wanted, "e", "events", "event_id")
    full = {m.event_id: m for m in map(_full_mention, _mention_rows(
        con, f" AND e.event_id IN {IDS}{span}", [id_list(wanted), *bounds]))}
    return [Cluster(c.cluster_id, [full[m.event_id] for m in c.members], list(c.scores), set(c.articles), list(c.rules))
            for c in clusters]


def _write_clusters(con: duckdb.DuckDBPyConnection, clustering: Clustering, stored: dict[str, str],
                    stories: dict[str, str], outlets: dict[str, str | None]) -> int:
    """Merge every cluster, MERGE_CHUNK at a time, and write those whose content changed; returns how many."""
    now = datetime.now(timezone.utc)
    clusters = list(clustering.clusters.values())
    written = 0
    for start in range(0, len(clusters), MERGE_CHUNK):
        changed = []
        for cluster in _full_members(con, clusters[start:start + MERGE_CHUNK]):
            row = merge_cluster(cluster, stories, outlets, EVENT_METHOD_VERSION, now)
            row["row_hash"] = _digest({k: v for k, v in row.items() if k != "updated_at"})
            if stored.get(cluster.cluster_id) != row["row_hash"]:
                changed.append(row)
        _insert_or_upsert(con, "event_clusters", changed, CLUSTER_SCHEMA, "cluster_id", stored)
        written += len(changed)
    return written


def _insert_or_upsert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], schema: pa.Schema, key: str,
                      stored: Container[str]) -> None:
    """Rows whose key is not stored yet go in by plain INSERT: ON CONFLICT holds much more memory in
    DuckDB, and a backlog's dedup writes tens of thousands of new rows in its one transaction."""
    for rows_part, write in (([r for r in rows if r[key] not in stored], insert),
                             ([r for r in rows if r[key] in stored], lambda c, t, d: upsert(c, t, d, [key]))):
        if rows_part:
            write(con, table, pa.Table.from_pylist(rows_part, schema=schema))


def _write_links(con: duckdb.DuckDBPyConnection, rows: Iterator[dict], links: dict[str, tuple]) -> None:
    while chunk := list(itertools.islice(rows, LINK_CHUNK)):
        _insert_or_upsert(con, "event_cluster_links", chunk, LINK_SCHEMA, "event_id", links)


def dedup_events(con: duckdb.DuckDBPyConnection, stories: dict[str, str], rebuild: bool = False) -> dict[str, Any]:
    """Cluster the event mentions and write links and merged rows (one transaction).

    A run killed after the stories were written leaves them and the old event clusters: the next run
    replays the new mentions and recomputes every merged row, as one uninterrupted run would."""
    with capped(con, EVENT_DEDUP_MEMORY_MB):
        return _dedup_events(con, stories, rebuild)


def _dedup_events(con: duckdb.DuckDBPyConnection, stories: dict[str, str], rebuild: bool) -> dict[str, Any]:
    mentions, fingerprints, outlets = load_mentions(con)
    links = _stored_links(con)
    clustering, replayed = cluster_events(mentions, fingerprints, links, rebuild)
    gone_links = sorted(set(links) - set(fingerprints))
    stored = dict(con.execute("SELECT cluster_id, row_hash FROM event_clusters").fetchall())
    gone_clusters = sorted(set(stored) - set(clustering.clusters))
    with transaction(con):
        if gone_links:
            con.execute(f"DELETE FROM event_cluster_links WHERE event_id IN {IDS}", [id_list(gone_links)])
        if gone_clusters:
            con.execute(f"DELETE FROM event_clusters WHERE cluster_id IN {IDS}", [id_list(gone_clusters)])
        _write_links(con, _link_rows(clustering, fingerprints, links), links)
        written = _write_clusters(con, clustering, stored, stories, outlets)
        # analysts' corrections follow the events they are anchored to (issue 17), in the same commit
        orphaned = refresh_review(con)
    return {
        "story_clusters": len(set(stories.values())),
        "duplicate_articles": len(stories) - len(set(stories.values())),
        "event_mentions": len(mentions),
        "unique_events": len(clustering.clusters),
        "events_replayed": replayed,
        "clusters_written": written,
        "orphaned_corrections": orphaned,
    }


Connection = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]


def run_dedup(connection: Connection, rebuild: bool = False) -> dict[str, Any]:
    """Plan the story clusters, write them (one transaction), then cluster the events (one transaction),
    each part on a connection from `connection`. The pipeline opens the database afresh for each, so
    DuckDB's cache of the texts that planning read does not stay resident in the parts that follow.

    Returns {story_clusters, duplicate_articles, event_mentions, unique_events, events_replayed,
    clusters_written}."""
    stories = run_story_dedup(connection, rebuild)
    with connection() as con:
        return dedup_events(con, stories, rebuild)


def run_story_dedup(connection: Connection, rebuild: bool = False) -> dict[str, str]:
    """The story half of `run_dedup`: plan, write (one transaction); article_id -> story_cluster_id.
    Only that map is returned: the planned rows (a signature each, 1.6 KB an article of a backlog) are
    let go before the event mentions are loaded."""
    with connection() as con:
        update = update_stories(con, rebuild)
    with connection() as con, capped(con, STORY_WRITE_MEMORY_MB), transaction(con):
        write_stories(con, update)
    return update.stories


def dedup_stage(con: duckdb.DuckDBPyConnection, rebuild: bool = False) -> dict[str, Any]:
    """`run_dedup` on one open connection (all clusters again when `rebuild`)."""
    return run_dedup(lambda: nullcontext(con), rebuild)
