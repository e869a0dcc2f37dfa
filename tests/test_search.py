"""What publishing adds to the analysts' copy: `mmtrack search` (full-text search over articles) and
real geometry for places and region outlines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa

from tasks.db import connect, transaction, upsert
from tasks.publish import publish

ROOT = Path(__file__).resolve().parents[1]
NOW = "2025-03-01 08:00:00+00"


def _article(article_id: str, title: str, text: str) -> dict:
    return {"article_id": article_id, "canonical_url": f"https://news.example/{article_id}",
            "url": f"https://news.example/{article_id}", "feed_id": "feed-a", "title": title, "text": text,
            "first_seen_at": NOW, "fetch_status": "ok"}


def _published(tmp_path: Path) -> Path:
    db = tmp_path / "mmtrack.duckdb"
    con = connect(db)
    rows = [
        _article("a1", "Airstrike hits school in Sagaing", "Junta jets bombed a school near Kani; four pupils died."),
        _article("a2", "Ceasefire talks in Kunming", "Delegates met in Kunming to discuss a ceasefire in northern Shan."),
        _article("a3", "Rice prices rise", "Traders in Yangon said the price of rice rose again this month."),
    ]
    with transaction(con):
        upsert(con, "articles", pa.Table.from_pylist(rows), ["article_id"])
    con.close()
    return publish(db, tmp_path / "published" / "mmtrack.duckdb")


def _search(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mmtrack.cli", "search", *args, "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_search_finds_stored_articles_by_their_words_best_first(tmp_path: Path) -> None:
    published = _published(tmp_path)
    found = _search(published, "bombing schools", "--format", "csv")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.strip().splitlines()
    assert lines[0].startswith("score,published,outlet,title,url")
    assert len(lines) == 2 and "Airstrike hits school in Sagaing" in lines[1]  # stemmed: bombing ~ bombed


def test_search_without_a_match_says_so_and_succeeds(tmp_path: Path) -> None:
    found = _search(_published(tmp_path), "submarine")
    assert found.returncode == 0 and "no stored article matches" in found.stderr


def test_search_is_a_fast_command_without_prefect(tmp_path: Path) -> None:
    published = _published(tmp_path)
    probe = (f"import sys; from mmtrack.cli import main; main(['search', 'ceasefire', '--db', {str(published)!r}]);"
             "print('prefect' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Ceasefire talks in Kunming" in done.stdout
    assert done.stdout.strip().endswith("False")


def test_a_copy_without_an_index_gets_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "bare.duckdb"
    connect(db).close()
    found = _search(db, "anything")
    assert found.returncode == 2 and "no search index" in found.stderr


def test_the_published_copy_has_place_points_and_region_outlines_as_geometry(tmp_path: Path) -> None:
    import duckdb

    from tasks import extensions
    from tasks.knowledge import load_knowledge
    from tasks.reference_tables import sync_reference_tables

    db = tmp_path / "mmtrack.duckdb"
    con = connect(db)
    sync_reference_tables(con, load_knowledge())
    con.close()
    published = publish(db, tmp_path / "published" / "mmtrack.duckdb")
    con = duckdb.connect(str(published), read_only=True)
    try:
        extensions.load(con, "spatial")
        # Kani township's point lies inside the Sagaing Region outline, and in no other region's.
        inside = con.execute("""
            SELECT r.state_name FROM place_geometry p JOIN region_outlines r ON ST_Contains(r.outline, p.geom)
            WHERE p.place_id = 'MMR005027'""").fetchall()
        points, outlines = con.execute(
            "SELECT (SELECT count(*) FROM place_geometry), (SELECT count(*) FROM region_outlines)").fetchone()
    finally:
        con.close()
    assert inside == [("Sagaing Region",)]
    assert points > 1000 and outlines >= 14


def _row_groups(db: Path, table: str) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('{table}')").fetchone()[0]
    finally:
        con.close()


def test_publishing_leaves_the_copied_tables_row_groups_as_the_pipeline_wrote_them(tmp_path: Path) -> None:
    """Building the copy's indexes must not rewrite the whole copy: with DuckDB's vacuum on, the first
    checkpoint after a write merges a table's small row groups into full-size ones (memory and time that
    grew with the archive). 6,000 rows in the pipeline's 2,048-row groups are three groups."""
    db = tmp_path / "mmtrack.duckdb"
    con = connect(db)
    with transaction(con):
        con.execute("INSERT INTO article_feeds (article_id, feed_id, entry_url, guid, first_seen_at) "
                    "SELECT 'a' || i, 'feed-' || (i % 7), 'https://news.example/' || i, 'guid-' || i, "
                    "TIMESTAMPTZ '2025-03-01 08:00:00+00' FROM range(6000) r(i)")
    con.close()
    assert _row_groups(db, "article_feeds") == 3

    published = publish(db, tmp_path / "published" / "mmtrack.duckdb")

    assert _row_groups(published, "article_feeds") == 3
    found = _search(published, "anything")
    assert found.returncode == 0, found.stderr  # the index was built (no match is not an error)


def _index_tables(db: Path) -> dict[str, list]:
    """Every table and macro of the search index, the words of `terms` in their stored order."""
    from tasks import extensions
    from tasks.search import INDEX_SCHEMA as S

    con = duckdb.connect(str(db), read_only=True)
    try:
        extensions.load(con, "fts")
        return {
            "docs": con.execute(f"SELECT * FROM {S}.docs ORDER BY rowid").fetchall(),
            "terms": con.execute(f"SELECT t.docid, t.fieldid, d.term FROM {S}.terms t JOIN {S}.dict d "
                                 "USING (termid) ORDER BY t.rowid").fetchall(),
            "dict": con.execute(f"SELECT * FROM {S}.dict ORDER BY rowid").fetchall(),
            "stats": con.execute(f"SELECT * FROM {S}.stats").fetchall(),
            "fields": con.execute(f"SELECT * FROM {S}.fields ORDER BY rowid").fetchall(),
            "stopwords": con.execute(f"SELECT * FROM {S}.stopwords ORDER BY rowid").fetchall(),
            "columns": con.execute("SELECT table_name, column_name, data_type, column_index FROM duckdb_columns() "
                                   "WHERE schema_name = ? ORDER BY ALL", [S]).fetchall(),
            "macros": con.execute("SELECT function_name, macro_definition, parameters FROM duckdb_functions() "
                                  "WHERE schema_name = ? ORDER BY ALL", [S]).fetchall(),
            "scores": con.execute(f"SELECT article_id, round({S}.match_bm25(article_id, 'school ceasefire rice'), 12) "
                                  "AS s FROM articles ORDER BY article_id").fetchall(),
        }
    finally:
        con.close()


def test_index_built_in_batches_equals_the_extensions_own(tmp_path: Path, monkeypatch) -> None:
    """build_index writes the words a few articles per statement (memory, issue 16): the index it leaves
    is the one `PRAGMA create_fts_index` builds, row for row; deleted rows and empty fields included."""
    import shutil

    from tasks import extensions, search
    from tasks.db import open_copy

    db = tmp_path / "mmtrack.duckdb"
    con = connect(db)
    rows = [_article(f"a{i:02d}", f"School {i} report" if i % 4 else None,
                     None if i % 5 == 0 else f"Shelling near the school; talks on a ceasefire, rice {i} kyat.")
            for i in range(23)]
    with transaction(con):
        upsert(con, "articles", pa.Table.from_pylist(rows), ["article_id"])
    con.execute("DELETE FROM articles WHERE article_id IN ('a03', 'a11')")
    con.execute("CHECKPOINT")
    con.close()
    theirs = tmp_path / "theirs.duckdb"
    shutil.copyfile(db, theirs)
    con = open_copy(theirs)
    extensions.load(con, "fts")
    con.execute(search.CREATE_INDEX)
    con.close()
    monkeypatch.setattr(search, "TERMS_BATCH", 4)
    con = open_copy(db)
    statements = search.index_script(con)
    con.close()
    assert sum(search._is_terms_statement(s) for s in statements) == 1  # this DuckDB's script: batched
    search.build_index(db)
    assert _index_tables(db) == _index_tables(theirs)
