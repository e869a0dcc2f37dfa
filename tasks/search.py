"""Full-text search over stored articles (DuckDB's fts extension, BM25 over title and text).

The index lives in the analysts' copy only: `publish` builds it in the staging copy before the swap
(an FTS index is rebuilt whole, never updated, so building it in the pipeline's own file would cost a
rebuild on every load). Analysts can use it from their own DuckDB too:
`SELECT *, fts_main_articles.match_bm25(article_id, 'airstrike school') AS score FROM articles ...`.
English stemming and stop words; Burmese text is not segmented into words, so it is not indexed.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from tasks import extensions
from tasks.article_span import cap_for_batches
from tasks.db import open_copy

INDEX_SCHEMA = "fts_main_articles"
# DuckDB's memory while the index is built (a row per word of every text, one transaction: it spills beyond
# this). Under the 128 MB connection limit the building process peaked at 248 MB at 10,000 articles and 292
# at 50,000; under 64 MB, 209 and 228. 32 MB runs out of memory at 50,000, 16 MB at 1,000.
INDEX_MEMORY_MB = 64


def build_index(db_path: Path) -> int:
    """(Re)build the search index of a database file opened read-write; returns articles indexed."""
    # One thread: with two, publishing 10,000 articles peaked at 311-335 MB instead of 276-293 MB
    # (and took longer on the shared 2-core machine: 6.2 s against 5.1 s).
    con = cap_for_batches(open_copy(db_path), INDEX_MEMORY_MB)
    try:
        extensions.load(con, "fts")
        con.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'text', "
                    "stemmer = 'porter', stopwords = 'english', overwrite = 1)")
        con.execute("CHECKPOINT")
        return con.execute("SELECT count(*) FROM articles WHERE text IS NOT NULL OR title IS NOT NULL").fetchone()[0]
    finally:
        con.close()


def has_index(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ?",
                            [INDEX_SCHEMA]).fetchone()[0])


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 20) -> list[tuple]:
    """(score, published_at, outlet, title, url, relevant) of the best matching articles, best first."""
    extensions.load(con, "fts")
    return con.execute(
        f"""
        SELECT round(m.score, 3), a.published_at::DATE, f.outlet, a.title, a.url, t.relevant
        FROM (SELECT article_id, {INDEX_SCHEMA}.match_bm25(article_id, ?) AS score FROM articles) m
        JOIN articles a USING (article_id)
        LEFT JOIN feeds f USING (feed_id)
        LEFT JOIN article_tags t USING (article_id)
        WHERE m.score IS NOT NULL
        ORDER BY m.score DESC, a.published_at DESC
        LIMIT ?
        """,
        [query, limit],
    ).fetchall()
