"""The dedup stage: story clusters for articles, then event clusters, written in one transaction.

Incremental by replay (see tasks/dedup/events.py): clustering decisions are made in report order and
depend only on earlier mentions, so each run keeps every decision before the first new, changed or
removed mention and replays the rest. A normal run only places the newly reported mentions (they join
existing clusters or found new ones); `rebuild=True` (the reprocess flow) replays everything and, by
construction, gives the same clusters, ids and merged rows. Merged rows are recomputed for every
cluster (cheap) and written only where their hash changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

import duckdb
import pyarrow as pa

from tasks.db import transaction, upsert
from tasks.dedup.article_store import update_stories, write_stories
from tasks.dedup.events import EVENT_METHOD_VERSION, Clustering, Mention, cluster_mentions, make_mention
from tasks.dedup.merge import merge_cluster

LINK_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("cluster_id", pa.string()), ("join_score", pa.float64()), ("article_id", pa.string()),
    ("reported_at", pa.timestamp("us", tz="UTC")), ("fingerprint", pa.string()), ("method_version", pa.string()),
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
    "fatalities", "fatalities_rule", "injured", "displaced", "arrested", "notes", "num_events", "num_articles",
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


def load_mentions(con: duckdb.DuckDBPyConnection) -> tuple[list[Mention], dict[str, str], dict[str, str | None]]:
    """Every event mention (figure_scope 'event'), with fingerprints and each article's outlet."""
    cursor = con.execute(
        "SELECT e.*, coalesce(a.published_at, a.first_seen_at) AS reported_at, f.outlet AS outlet "
        "FROM events e JOIN articles a ON a.article_id = e.article_id LEFT JOIN feeds f ON f.feed_id = a.feed_id "
        "WHERE e.figure_scope = 'event'")
    names = [d[0] for d in cursor.description]
    mentions, fingerprints, outlets = [], {}, {}
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        reported_at, outlets[row["article_id"]] = _utc(row.pop("reported_at")), row.pop("outlet")
        fingerprints[row["event_id"]] = _digest([reported_at, {k: v for k, v in row.items() if k not in _VOLATILE}])
        mentions.append(make_mention(row, reported_at))
    return mentions, fingerprints, outlets


def _stored_links(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    rows = con.execute("SELECT event_id, cluster_id, join_score, article_id, reported_at, fingerprint, method_version "
                       "FROM event_cluster_links").fetchall()
    return {r[0]: (r[1], r[2], r[3], _utc(r[4]), r[5], r[6]) for r in rows}


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
    clustering = cluster_mentions(((m, links[m.event_id][0], links[m.event_id][1]) for m in fixed), replay)
    return clustering, len(replay)


def _link_rows(clustering: Clustering, fingerprints: dict[str, str], links: dict[str, tuple]) -> list[dict]:
    rows = []
    for cluster in clustering.clusters.values():
        for mention, score in zip(cluster.members, cluster.scores):
            old = links.get(mention.event_id)
            fingerprint = fingerprints[mention.event_id]
            if old and (old[0], old[1], old[4], old[5]) == (cluster.cluster_id, score, fingerprint, EVENT_METHOD_VERSION):
                continue
            rows.append({"event_id": mention.event_id, "cluster_id": cluster.cluster_id, "join_score": score,
                         "article_id": mention.article_id, "reported_at": mention.reported_at,
                         "fingerprint": fingerprint, "method_version": EVENT_METHOD_VERSION})
    return rows


def _cluster_rows(con: duckdb.DuckDBPyConnection, clustering: Clustering, stories: dict[str, str],
                  outlets: dict[str, str | None]) -> tuple[list[dict], list[str]]:
    """Merged rows whose content changed, and ids of clusters that no longer exist."""
    stored = dict(con.execute("SELECT cluster_id, row_hash FROM event_clusters").fetchall())
    now = datetime.now(timezone.utc)
    changed = []
    for cluster in clustering.clusters.values():
        row = merge_cluster(cluster, stories, outlets, EVENT_METHOD_VERSION, now)
        row["row_hash"] = _digest({k: v for k, v in row.items() if k != "updated_at"})
        if stored.get(cluster.cluster_id) != row["row_hash"]:
            changed.append(row)
    return changed, sorted(set(stored) - set(clustering.clusters))


def dedup_stage(con: duckdb.DuckDBPyConnection, rebuild: bool = False) -> dict[str, Any]:
    """Update story clusters and event clusters (all of them when `rebuild`); one transaction.

    Returns {story_clusters, duplicate_articles, event_mentions, unique_events, events_replayed,
    clusters_written}."""
    stories = update_stories(con, rebuild)
    mentions, fingerprints, outlets = load_mentions(con)
    links = _stored_links(con)
    clustering, replayed = cluster_events(mentions, fingerprints, links, rebuild)
    link_rows = _link_rows(clustering, fingerprints, links)
    gone_links = sorted(set(links) - set(fingerprints))
    cluster_rows, gone_clusters = _cluster_rows(con, clustering, stories.stories, outlets)
    with transaction(con):
        write_stories(con, stories)
        if gone_links:
            con.execute("DELETE FROM event_cluster_links WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [gone_links])
        if gone_clusters:
            con.execute("DELETE FROM event_clusters WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))", [gone_clusters])
        upsert(con, "event_cluster_links", pa.Table.from_pylist(link_rows, schema=LINK_SCHEMA), ["event_id"])
        upsert(con, "event_clusters", pa.Table.from_pylist(cluster_rows, schema=CLUSTER_SCHEMA), ["cluster_id"])
    return {
        "story_clusters": len(set(stories.stories.values())),
        "duplicate_articles": len(stories.stories) - len(set(stories.stories.values())),
        "event_mentions": len(mentions),
        "unique_events": len(clustering.clusters),
        "events_replayed": replayed,
        "clusters_written": len(cluster_rows),
    }
