"""Story clusters in the database: which articles are new or changed, their sketches, and the rows.

Incremental: articles already clustered keep their story clusters and signatures; only new articles are
shingled, compared (LSH) with each other and with stored articles published within STORY_WINDOW, and
their verified edges merge components. Because clusters are connected components, this gives exactly
what a rebuild gives. A stored article whose text or date changed, or that is gone, dissolves its story
cluster: every member is clustered again as if new (edges only ever join members of one component, so
nothing outside it can change). A new method version rebuilds everything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from array import array

import duckdb
import numpy as np
import pyarrow as pa

from tasks.article_span import capped, span_filter, work_order
from tasks.sql_ids import IDS, id_list
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
    rows: list[dict]             # article_clusters rows to upsert (signature: packed array or None)
    removed: list[str]           # article_ids to delete
    stories: dict[str, str]      # article_id -> story_cluster_id, for every clustered article
    rebuilt: bool
    stored: frozenset[str] = frozenset()  # article_ids that have a row now


def _utc(ts: datetime | None) -> datetime:
    if ts is None:
        return datetime(1970, 1, 1, tzinfo=timezone.utc)
    return ts.astimezone(timezone.utc) if ts.tzinfo else ts.replace(tzinfo=timezone.utc)


def _bodies(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[tuple[str, str]]:
    if not article_ids:
        return []
    span, bounds = span_filter(con, article_ids)  # read from the row groups that hold them (article_span.py)
    return con.execute(f"SELECT a.article_id, {_BODY} FROM articles a WHERE a.article_id IN {IDS}"
                       f"{span} ORDER BY a.article_id", [id_list(article_ids), *bounds]).fetchall()


def _texts(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, frozenset[int]]:
    return {article_id: shingles(body) for article_id, body in _bodies(con, article_ids)}


SKETCH_BATCH = 200
PLANNING_MEMORY_MB = 32  # 200 texts of 100 KB are 20 MB; at 64 MB, 10,000 articles' planning cached 49 MB


def _sketches(con: duckdb.DuckDBPyConnection, article_ids: list[str],
              current: dict[str, tuple[datetime, str]]) -> list[Sketch]:
    """Signatures and shingle counts of the articles (in id order), their texts read a batch at a time in
    storage order, so each batch comes from a few row groups. Each shingle set (about 40 KB) is dropped as
    soon as its signature is made, so memory does not grow with the backlog."""
    if not article_ids:
        return []
    stored_order = [row[0] for row in con.execute(
        f"SELECT a.article_id FROM articles a WHERE a.article_id IN {IDS} ORDER BY {work_order()}",
        [id_list(article_ids)]).fetchall()]
    sketches = []
    for start in range(0, len(stored_order), SKETCH_BATCH):
        for article_id, body in _bodies(con, stored_order[start:start + SKETCH_BATCH]):
            hashes = shingles(body)
            sketches.append(Sketch(article_id, current[article_id][0], signature(hashes), size=len(hashes)))
    return sorted(sketches, key=lambda s: s.article_id)


VERIFY_ARTICLES = 400


def _verify(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]]) -> list[tuple[str, str, float]]:
    """Exact checks of candidate pairs, in batches that need at most VERIFY_ARTICLES articles' shingle
    sets at once (a set is about 40 KB; a templated backlog can bring thousands of candidate pairs)."""
    edges: list[tuple[str, str, float]] = []
    batch: list[tuple[str, str]] = []
    needed: set[str] = set()
    for pair in pairs:
        if batch and len(needed) + sum(a not in needed for a in pair) > VERIFY_ARTICLES:
            edges += verified_edges(batch, _texts(con, sorted(needed)))
            batch, needed = [], set()
        batch.append(pair)
        needed.update(pair)
    if batch:
        edges += verified_edges(batch, _texts(con, sorted(needed)))
    return edges


# What the body hash of an article is, without reading its text: the fetch stage stores sha256 of a
# non-empty text as content_hash (and NULL otherwise), so only the short fallbacks are hashed here. A
# hash over every text would make each run read the whole text column, however few articles are new.
_BODY_HASH = "coalesce(a.content_hash, md5(coalesce(nullif(a.summary, ''), a.title, '')))"


def _current(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[datetime, str]]:
    rows = con.execute(f"SELECT a.article_id, coalesce(a.published_at, a.first_seen_at), {_BODY_HASH} FROM articles a "
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
    """Plan the story clusters. Planning only reads, SKETCH_BATCH texts at a time: DuckDB is capped to
    PLANNING_MEMORY_MB meanwhile, or its cache of the texts grows with the archive (tasks/article_span.py)."""
    with capped(con, PLANNING_MEMORY_MB):
        return _plan(con, rebuild)


def _plan(con: duckdb.DuckDBPyConnection, rebuild: bool) -> StoryUpdate:
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
                     "signature": signatures.get(s.article_id), "shingle_count": sizes.get(s.article_id),
                     "method_version": ARTICLE_METHOD_VERSION})
    removed = sorted(set(stored) - set(current))
    return StoryUpdate(rows, removed, {s.article_id: s.story_cluster_id for s in assignments}, rebuild,
                       frozenset(stored))


WRITE_BATCH = 2000


def _fresh_tables(rows: list[dict]) -> Iterator[pa.Table]:
    """Rows with a new signature as Arrow tables of WRITE_BATCH rows. Signatures stay packed: their
    column is built from the arrays' bytes (as Python lists a batch's took about 10 MB more)."""
    column = ARTICLE_CLUSTER_SCHEMA.get_field_index("signature")
    others = ARTICLE_CLUSTER_SCHEMA.remove(column)
    for start in range(0, len(rows), WRITE_BATCH):
        batch = rows[start:start + WRITE_BATCH]
        lengths = [0, *(len(r["signature"]) for r in batch)]
        values = pa.array(np.frombuffer(b"".join(r["signature"].tobytes() for r in batch), dtype=np.int64))
        signatures = pa.ListArray.from_arrays(pa.array(np.cumsum(lengths, dtype=np.int32)), values)
        table = pa.Table.from_pylist([{k: v for k, v in r.items() if k != "signature"} for r in batch], schema=others)
        yield table.add_column(column, ARTICLE_CLUSTER_SCHEMA.field(column), signatures)


def write_stories(con: duckdb.DuckDBPyConnection, update: StoryUpdate) -> None:
    """Apply the update (the caller holds the transaction). Rows without a new signature keep theirs."""
    from tasks.db import insert, update_rows, upsert

    if update.removed:
        con.execute(f"DELETE FROM article_clusters WHERE article_id IN {IDS}", [id_list(update.removed)])
    fresh = [r for r in update.rows if r["signature"] is not None]
    moved = [{k: r[k] for k in ("article_id", "story_cluster_id", "is_representative", "similarity")}
             for r in update.rows if r["signature"] is None]
    # Articles without a row are inserted (a plain insert needs less memory than ON CONFLICT).
    for table in _fresh_tables([r for r in fresh if r["article_id"] not in update.stored]):
        insert(con, "article_clusters", table)
    for table in _fresh_tables([r for r in fresh if r["article_id"] in update.stored]):
        upsert(con, "article_clusters", table, ["article_id"])
    if moved:
        update_rows(con, "article_clusters", moved, ["article_id"])
