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
# DuckDB's memory while the index is built (a row per word of every text: it spills beyond this). Under the
# 128 MB connection limit the building process peaked at 248 MB at 10,000 articles and 292 at 50,000; under
# 64 MB, 209 and 228. 32 MB runs out of memory at 50,000, 16 MB at 1,000.
INDEX_MEMORY_MB = 64
# Articles whose words are written per statement (see _write_terms).
TERMS_BATCH = 1000
CREATE_INDEX = ("PRAGMA create_fts_index('articles', 'article_id', 'title', 'text', "
                "stemmer = 'porter', stopwords = 'english', overwrite = 1)")
FIELDS = ("title", "text")  # fieldid = position, as the extension numbers them
# What the extension's own statement for the table of words must say for _write_terms to be its equal.
_TERMS_STATEMENT = f"CREATE TABLE {INDEX_SCHEMA}.terms AS"
_TERMS_PARTS = ("stem(t.w, 'porter') AS term", f"NOT IN (SELECT sw FROM {INDEX_SCHEMA}.stopwords)",
                "len(t.w) > 0", f"FROM main.articles AS fts_ii UNION ALL SELECT unnest({INDEX_SCHEMA}.tokenize(fts_ii.\"text\"))",
                f"SELECT unnest({INDEX_SCHEMA}.tokenize(fts_ii.\"title\")) AS w, rowid AS docid")


def build_index(db_path: Path) -> int:
    """(Re)build the search index of a database file opened read-write; returns articles indexed."""
    # One thread: with two, publishing 10,000 articles peaked at 311-335 MB instead of 276-293 MB
    # (and took longer on the shared 2-core machine: 6.2 s against 5.1 s).
    con = cap_for_batches(open_copy(db_path), INDEX_MEMORY_MB)
    try:
        for statement in index_script(con):
            if _is_terms_statement(statement):
                _write_terms(con)
            else:
                con.execute(statement)
        con.execute("CHECKPOINT")
        return con.execute("SELECT count(*) FROM articles WHERE text IS NOT NULL OR title IS NOT NULL").fetchone()[0]
    finally:
        con.close()


def index_script(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The statements `PRAGMA create_fts_index` runs, without its BEGIN and COMMIT.

    The extension runs them as one transaction, and its table of words (a row per word of every text) is
    written by one statement: the process that built the index at 10,500 articles peaked at 250-277 MB
    against 175 at 1,500, all of it from that statement, and kept it (issue 16). Run one by one, each
    commits; the words go in by batches of articles (_write_terms). Every other statement is the
    extension's own (its macros, stop words, dictionary and statistics), so the index stays its equal."""
    extensions.load(con, "fts")
    return [statement.query for statement in con.extract_statements(CREATE_INDEX)
            if statement.type != duckdb.StatementType.TRANSACTION]


def _is_terms_statement(statement: str) -> bool:
    """The extension's statement that writes the table of words, in the form _write_terms repeats (another
    DuckDB's may differ: then the extension's own statement runs, whole)."""
    flat = " ".join(statement.split())
    return flat.startswith(_TERMS_STATEMENT) and all(part in flat for part in _TERMS_PARTS)


def _write_terms(con: duckdb.DuckDBPyConnection) -> None:
    """The extension's table of words, TERMS_BATCH articles per statement with a checkpoint after each:
    the same rows in the same order (every title in row order, then every text), columns and types."""
    con.execute(f"CREATE TABLE {INDEX_SCHEMA}.terms (term VARCHAR, docid BIGINT, fieldid BIGINT)")
    last = con.execute("SELECT max(rowid) FROM main.articles").fetchone()[0]
    for fieldid, field in enumerate(FIELDS):
        for first in range(0, -1 if last is None else last + 1, TERMS_BATCH):
            con.execute(
                f"""
                INSERT INTO {INDEX_SCHEMA}.terms
                SELECT stem(t.w, 'porter') AS term, t.docid AS docid, t.fieldid AS fieldid
                FROM (SELECT unnest({INDEX_SCHEMA}.tokenize(fts_ii."{field}")) AS w, rowid AS docid,
                             {fieldid}::BIGINT AS fieldid
                      FROM main.articles AS fts_ii
                      WHERE rowid BETWEEN ? AND ?) AS t
                WHERE t.w NOT NULL AND len(t.w) > 0 AND t.w NOT IN (SELECT sw FROM {INDEX_SCHEMA}.stopwords)
                """,
                [first, first + TERMS_BATCH - 1],
            )
            con.execute("CHECKPOINT")  # the batch's words go to the file, not the process's memory


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
