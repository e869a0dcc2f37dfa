"""Story clusters in the database: which articles are new or changed, their sketches, and the rows.

Incremental: articles already clustered keep their story clusters and signatures; only new articles are
shingled, compared (LSH) with each other and with stored articles published within STORY_WINDOW, and
their verified edges merge components. Because clusters are connected components, this gives exactly
what a rebuild gives. A stored article whose text or date changed, or that is gone, dissolves its story
cluster: every member is clustered again as if new (edges only ever join members of one component, so
nothing outside it can change). A new method version rebuilds everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from array import array

import duckdb
import pyarrow as pa

from tasks.dedup.articles import (ARTICLE_METHOD_VERSION, STORY_WINDOW, Sketch, assign_stories, candidate_pairs,
                                  shingles, signature, verified_edges)

ARTICLE_CLUSTER_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("story_cluster_id", pa.string()), ("is_representative", pa.bool_()),
    ("similarity", pa.float64()), ("body_hash", pa.string()), ("published_at", pa.timestamp("us", tz="UTC")),
    ("signature", pa.list_(pa.int64())), ("shingle_count", pa.int32()), ("method_version", pa.string()),
])
_BODY = "coalesce(nullif(a.text, ''), nullif(a.summary, ''), a.title, '')"


@dataclass
class StoryUpdate:
    rows: list[dict]             # article_clusters rows to upsert
    removed: list[str]           # article_ids to delete
    stories: dict[str, str]      # article_id -> story_cluster_id, for every clustered article
    rebuilt: bool


def _utc(ts: datetime | None) -> datetime:
    if ts is None:
        return datetime(1970, 1, 1, tzinfo=timezone.utc)
    return ts.astimezone(timezone.utc) if ts.tzinfo else ts.replace(tzinfo=timezone.utc)


def _texts(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, frozenset[int]]:
    if not article_ids:
        return {}
    rows = con.execute(f"SELECT a.article_id, {_BODY} FROM articles a WHERE a.article_id IN (SELECT unnest(?::VARCHAR[]))",
                       [article_ids]).fetchall()
    return {article_id: shingles(body) for article_id, body in rows}


SKETCH_BATCH = 500


def _sketches(con: duckdb.DuckDBPyConnection, article_ids: list[str],
              current: dict[str, tuple[datetime, str]]) -> list[Sketch]:
    """Signatures and shingle counts of the articles, read a batch at a time: the shingle sets
    themselves (a few hundred hashes per article) are not kept, so memory does not grow with the backlog."""
    sketches = []
    for start in range(0, len(article_ids), SKETCH_BATCH):
        batch = article_ids[start:start + SKETCH_BATCH]
        sets = _texts(con, batch)
        sketches += [Sketch(a, current[a][0], signature(sets[a]), size=len(sets[a])) for a in batch]
    return sketches


VERIFY_BATCH = 1000


def _verify(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]]) -> list[tuple[str, str, float]]:
    """Exact checks, VERIFY_BATCH pairs at a time: only those pairs' shingle sets are in memory at once
    (a templated backlog can put thousands of articles into some candidate pair)."""
    edges = []
    for start in range(0, len(pairs), VERIFY_BATCH):
        batch = pairs[start:start + VERIFY_BATCH]
        edges += verified_edges(batch, _texts(con, sorted({a for pair in batch for a in pair})))
    return edges


def _current(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[datetime, str]]:
    rows = con.execute(f"SELECT a.article_id, coalesce(a.published_at, a.first_seen_at), md5({_BODY}) FROM articles a "
                       "WHERE a.fetch_status <> 'pending'").fetchall()
    return {a: (_utc(p), h) for a, p, h in rows}


def _stored(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    rows = con.execute("SELECT article_id, published_at, body_hash, story_cluster_id, similarity, method_version "
                       "FROM article_clusters").fetchall()
    return {r[0]: (_utc(r[1]), *r[2:]) for r in rows}


def _kept(current: dict[str, tuple[datetime, str]], stored: dict[str, tuple]) -> dict[str, tuple]:
    """Stored rows whose whole story cluster is unchanged; members of any other cluster start again."""
    dissolved = {row[2] for a, row in stored.items() if current.get(a) != row[:2]}
    return {a: row for a, row in stored.items() if row[2] not in dissolved}


def _pool(con: duckdb.DuckDBPyConnection, new: list[Sketch], kept: dict[str, tuple]) -> list[Sketch]:
    """Kept sketches published within STORY_WINDOW of the new articles."""
    if not new:
        return []
    lo = min(s.published_at for s in new) - STORY_WINDOW - timedelta(days=1)
    hi = max(s.published_at for s in new) + STORY_WINDOW + timedelta(days=1)
    rows = con.execute("SELECT article_id, published_at, signature, shingle_count FROM article_clusters "
                       "WHERE published_at BETWEEN ? AND ?", [lo, hi]).fetchall()
    return [Sketch(a, _utc(p), array("q", sig), size=n) for a, p, sig, n in rows if a in kept]


def update_stories(con: duckdb.DuckDBPyConnection, rebuild: bool = False) -> StoryUpdate:
    current, stored = _current(con), _stored(con)
    rebuild = rebuild or any(row[4] != ARTICLE_METHOD_VERSION for row in stored.values())
    kept = {} if rebuild else _kept(current, stored)
    new_ids = sorted(a for a in current if a not in kept)
    new = _sketches(con, new_ids, current)
    pool = _pool(con, new, kept) if kept else []
    edges = _verify(con, sorted(candidate_pairs(new, pool)))
    groups: dict[str, list[str]] = {}
    for article_id, row in kept.items():
        groups.setdefault(row[2], []).append(article_id)
    best = {a: row[3] for a, row in kept.items() if len(groups[row[2]]) > 1}
    published = {a: p for a, (p, _) in current.items()}
    assignments = assign_stories(published, groups.values(), edges, best)
    signatures = {s.article_id: s.signature for s in new}
    sizes = {s.article_id: s.size for s in new}
    rows = []
    for s in assignments:
        old = kept.get(s.article_id)
        if old is not None and (old[2], old[3]) == (s.story_cluster_id, s.similarity) and \
                (s.article_id == s.story_cluster_id) == s.is_representative:
            continue
        rows.append({"article_id": s.article_id, "story_cluster_id": s.story_cluster_id,
                     "is_representative": s.is_representative, "similarity": s.similarity,
                     "body_hash": current[s.article_id][1], "published_at": current[s.article_id][0],
                     "signature": _as_list(signatures.get(s.article_id)), "shingle_count": sizes.get(s.article_id),
                     "method_version": ARTICLE_METHOD_VERSION})
    removed = sorted(set(stored) - set(current))
    return StoryUpdate(rows, removed, {s.article_id: s.story_cluster_id for s in assignments}, rebuild)


def _as_list(sig: array | None) -> list[int] | None:
    return None if sig is None else sig.tolist()


def write_stories(con: duckdb.DuckDBPyConnection, update: StoryUpdate) -> None:
    """Apply the update (the caller holds the transaction). Rows without a new signature keep theirs."""
    from tasks.db import update_rows, upsert

    if update.removed:
        con.execute("DELETE FROM article_clusters WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [update.removed])
    fresh = [r for r in update.rows if r["signature"] is not None]
    moved = [{k: r[k] for k in ("article_id", "story_cluster_id", "is_representative", "similarity")}
             for r in update.rows if r["signature"] is None]
    upsert(con, "article_clusters", pa.Table.from_pylist(fresh, schema=ARTICLE_CLUSTER_SCHEMA), ["article_id"])
    if moved:
        update_rows(con, "article_clusters", moved, ["article_id"])
