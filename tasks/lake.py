"""The shared store: a DuckLake (Parquet data files + a PostgreSQL catalog) that several workers write.

Chosen with `MMTRACK_CATALOG=postgres:<libpq dsn>` (data files under `MMTRACK_LAKE_DATA`); without it the
pipeline uses the embedded DuckDB file. The stages are the same: `tasks.db.connect` opens this instead,
attached under the same name, with the same migrations and views.

What differs, and why:
* DuckLake has no primary keys or indexes: migrations are applied without them, and `tasks.db.upsert`
  emits MERGE INTO (ON CONFLICT needs a key constraint).
* Without a key nothing stops two workers that MERGE the same key at once from both inserting it
  (DuckLake lets concurrent inserts into one table commit). So every write transaction first bumps the
  one row of `lake_writer`: two overlapping write transactions then always conflict at commit, the
  loser is rolled back (`WriteConflict`) and its caller runs it again, and by then it sees the winner's
  rows. Writers still work in parallel (fetching, cleaning, tagging); only their commits take turns.
* Every commit is a snapshot, so analysts attach the catalog read-only, at the latest snapshot or at an
  earlier one (`open_lake(..., snapshot=...)`), instead of reading a published copy.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

import duckdb

from tasks import extensions
from tasks.settings import Settings

ALIAS = "pipeline"
TOKEN_TABLE = "lake_writer"
SETUP_ATTEMPTS = 30


def is_conflict(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, duckdb.Error) and ("conflict" in text or "retry count" in text)


def catalog_uri(catalog: str) -> str:
    """`postgres:<dsn>` -> the DuckLake URI. Only a PostgreSQL catalog lets several machines write."""
    if not catalog.startswith("postgres:"):
        raise ValueError(f"MMTRACK_CATALOG must be 'postgres:<libpq connection string>', not {catalog!r}")
    return "ducklake:" + catalog


def _quoted(text: str) -> str:
    return text.replace("'", "''")


def open_lake(settings: Settings, config: dict[str, str], *, read_only: bool = False,
              snapshot: int | str | None = None) -> duckdb.DuckDBPyConnection:
    """Attach the DuckLake as `pipeline` and make it the default catalog.

    `snapshot`: a snapshot id (int) or a timestamp (str): the store as it was then, read-only."""
    con = duckdb.connect(":memory:", config=config)
    try:
        extensions.load(con, "postgres", "ducklake")
        options = [f"DATA_PATH '{_quoted(settings.lake_data_path.rstrip('/') + '/')}'"]
        if read_only or snapshot is not None:
            options.append("READ_ONLY")
        if isinstance(snapshot, int):
            options.append(f"SNAPSHOT_VERSION {snapshot}")
        elif snapshot is not None:
            options.append(f"SNAPSHOT_TIME '{_quoted(snapshot)}'")
        if not read_only and snapshot is None:
            Path(settings.lake_data_path).mkdir(parents=True, exist_ok=True)
        _attach(con, f"ATTACH '{_quoted(catalog_uri(settings.catalog))}' AS {ALIAS} ({', '.join(options)})")
        con.execute(f"USE {ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


def _attach(con: duckdb.DuckDBPyConnection, statement: str) -> None:
    """ATTACH; the first attach creates DuckLake's catalog tables, and workers that start together race
    to create them (PostgreSQL: duplicate key / already exists): the losers attach again."""
    for attempt in range(SETUP_ATTEMPTS):
        try:
            con.execute(statement)
            return
        except duckdb.Error as exc:
            text = str(exc)
            racing = "duplicate key" in text or "already exists" in text or "could not serialize" in text
            if attempt == SETUP_ATTEMPTS - 1 or not racing:
                raise
            time.sleep(0.05 * (attempt + 1))


def lake_migration(sql: str) -> str:
    """A migration without what DuckLake lacks: primary keys and indexes."""
    sql = re.sub(r"^CREATE INDEX [^;]*;\s*$", "", sql, flags=re.M)
    sql = re.sub(r",\s*\n\s*PRIMARY KEY \([^)]*\)", "", sql)
    return re.sub(r"\s+PRIMARY KEY\b", "", sql)


def claim_write(con: duckdb.DuckDBPyConnection) -> None:
    """Make this transaction conflict with every other writer's (see the module docstring)."""
    con.execute(f"UPDATE {TOKEN_TABLE} SET commits = commits + 1")


def views_digest(paths: list[Path]) -> str:
    return hashlib.sha256(b"".join(p.name.encode() + p.read_bytes() for p in paths)).hexdigest()


def set_up(con: duckdb.DuckDBPyConnection, migrate, view_files: list[Path]) -> None:
    """Token table, migrations and views, by whichever worker gets there first.

    Workers that start together race to create the same tables: the losers' commits fail (conflict or
    "already exists") and they try again, then find the work done."""
    digest = views_digest(view_files)
    for attempt in range(SETUP_ATTEMPTS):
        try:
            _create_token(con)
            migrate(con)
            if con.execute(f"SELECT views_digest FROM {TOKEN_TABLE}").fetchone()[0] != digest:
                _apply_views(con, view_files, digest)
            return
        except (duckdb.Error, RuntimeError) as exc:  # RuntimeError: tasks.db.WriteConflict
            if attempt == SETUP_ATTEMPTS - 1 or not (is_conflict(exc) or "already exists" in str(exc)):
                raise
            time.sleep(0.05 * (attempt + 1))


def _create_token(con: duckdb.DuckDBPyConnection) -> None:
    """The token table and its one row, in one transaction: of two workers creating it, one loses."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"CREATE TABLE IF NOT EXISTS {TOKEN_TABLE} "
                    "(commits BIGINT, views_digest VARCHAR, reference_version VARCHAR)")
        con.execute(f"INSERT INTO {TOKEN_TABLE} SELECT 0, NULL, NULL WHERE NOT EXISTS (FROM {TOKEN_TABLE})")
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise


def _apply_views(con: duckdb.DuckDBPyConnection, view_files: list[Path], digest: str) -> None:
    """Views are re-created only when their files changed: each re-creation is a catalog write that
    would conflict with every other worker's commits."""
    con.execute("BEGIN TRANSACTION")
    try:
        claim_write(con)
        for path in view_files:
            con.execute(path.read_text(encoding="utf-8"))
        con.execute(f"UPDATE {TOKEN_TABLE} SET views_digest = ?", [digest])
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # a failed COMMIT has ended the transaction already


def reference_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The knowledge version the reference tables (places, actors, lexicon) were last loaded from."""
    return con.execute(f"SELECT reference_version FROM {TOKEN_TABLE}").fetchone()[0]


def set_reference_version(con: duckdb.DuckDBPyConnection, version: str) -> None:
    con.execute(f"UPDATE {TOKEN_TABLE} SET reference_version = ?", [version])


def snapshots(con: duckdb.DuckDBPyConnection) -> list[tuple[int, object]]:
    """(snapshot id, commit time) of every snapshot, oldest first."""
    return [(row[0], row[1]) for row in con.execute(
        f"SELECT snapshot_id, snapshot_time FROM ducklake_snapshots('{ALIAS}') ORDER BY snapshot_id").fetchall()]
