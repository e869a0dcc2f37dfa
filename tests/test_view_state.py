"""Views are re-created on open only when their files changed, a migration ran or a view went missing
(migration 0017's view_state keeps the digest of the files last applied)."""

from __future__ import annotations

from pathlib import Path

from tasks.db import VIEWS_DIR, apply_views, connect


def _views(con) -> set[str]:
    return {row[0] for row in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}


def test_an_unchanged_set_of_views_is_not_made_again(tmp_path: Path) -> None:
    db = tmp_path / "v.duckdb"
    connect(db).close()
    con = connect(db)
    try:
        made = _views(con)
        assert len(made) >= len(list(VIEWS_DIR.glob("*.sql")))
        assert apply_views(con) == 0                 # same files: nothing to do
        assert apply_views(con, force=True) > 0      # after a migration: all again
    finally:
        con.close()


def test_changed_files_or_a_dropped_view_make_them_again(tmp_path: Path) -> None:
    views = tmp_path / "views"
    views.mkdir()
    (views / "01_a.sql").write_text("CREATE OR REPLACE VIEW team_a AS SELECT 1 AS n;\n")
    con = connect(tmp_path / "v.duckdb")
    try:
        assert apply_views(con, views) == 1
        assert apply_views(con, views) == 0
        (views / "02_b.sql").write_text("CREATE OR REPLACE VIEW team_b AS SELECT n + 1 AS n FROM team_a;\n")
        assert apply_views(con, views) == 2
        assert con.execute("SELECT n FROM team_b").fetchone()[0] == 2
        con.execute("DROP VIEW team_b")
        assert apply_views(con, views) == 2          # one is missing: made again
        assert {"team_a", "team_b"} <= _views(con)
    finally:
        con.close()
