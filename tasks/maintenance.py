"""Daily upkeep of the pipeline's database: checkpoint, prune poll history, export a Parquet snapshot.

Plain functions; flows/maintenance.py wraps them in tasks. The pipeline's DuckDB file has one writer
(DESIGN decision 5), and a scheduled ingest may hold it for a few seconds while it loads, so the
write steps wait for the file to be free instead of failing the daily run at the first lock conflict.
The Parquet export reads the published analysts' copy, so it never holds the pipeline's file at all.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import duckdb

from tasks import db as database

# Tables that only record the schema itself; analysts get them from the migrations, not the export.
_NOT_EXPORTED = {"schema_migrations"}


@contextmanager
def open_when_free(
    db_path: Path | str, wait_s: float = 120.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The write connection, waiting up to wait_s while another process (a running ingest) holds the file."""
    con = database.connect(db_path, lock_wait_s=wait_s)
    try:
        yield con
    finally:
        con.close()


def checkpoint(db_path: Path | str, wait_s: float = 120.0) -> int:
    """Fold the write-ahead log into the database file; returns the file size in bytes afterwards."""
    with open_when_free(db_path, wait_s) as con:
        con.execute("FORCE CHECKPOINT")
    return Path(db_path).stat().st_size


def prune_feed_polls(db_path: Path | str, retention_days: int, now: datetime | None = None,
                     wait_s: float = 120.0) -> int:
    """Delete poll history older than retention_days; returns the number of polls deleted.

    The feeds table keeps each feed's current state, so old polls only matter for feed-health history.
    """
    if retention_days < 1:
        raise ValueError(f"retention_days must be at least 1, got {retention_days}")
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=retention_days)
    with open_when_free(db_path, wait_s) as con:
        with database.transaction(con):
            (deleted,) = con.execute(
                "SELECT count(*) FROM feed_polls WHERE polled_at < ?", [cutoff]
            ).fetchone()
            con.execute("DELETE FROM feed_polls WHERE polled_at < ?", [cutoff])
    return int(deleted)


def exported_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name"
    ).fetchall()
    return [name for (name,) in rows if name not in _NOT_EXPORTED]


@dataclass(frozen=True)
class Snapshot:
    directory: Path
    rows_by_table: dict[str, int]


def export_snapshot(source_db: Path | str, exports_dir: Path | str, day: date | None = None) -> Snapshot:
    """Write every table of source_db as Parquet under exports_dir/YYYY-MM-DD/, replacing that day's files.

    The files are written to a staging directory that is renamed into place, so a reader never sees a
    half-written day; a rerun on the same day replaces the day's snapshot.
    """
    day = day or datetime.now(timezone.utc).date()
    target = Path(exports_dir) / day.isoformat()
    staging = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    rows_by_table: dict[str, int] = {}
    try:
        con = duckdb.connect(str(source_db), read_only=True)
        try:
            for table in exported_tables(con):
                out = str(staging / f"{table}.parquet").replace("'", "''")  # COPY takes no bound path
                con.execute(f'COPY (SELECT * FROM "{table}") TO \'{out}\' (FORMAT parquet, COMPRESSION zstd)')
                (rows_by_table[table],) = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        finally:
            con.close()
        _swap_directory(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Snapshot(target, rows_by_table)


def _swap_directory(staging: Path, target: Path) -> None:
    """Put staging at target; an older snapshot of the same day is moved aside first, then removed."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def maintenance_markdown(summary: dict[str, Any]) -> str:
    """The run's Prefect artifact: what was checkpointed, published, exported and pruned."""
    lines = [
        "# Maintenance run summary", "",
        "| what | value |", "|---|---:|",
        f"| database bytes after checkpoint | {summary.get('database_bytes', '')} |",
        f"| analysts' copy | `{summary.get('published_copy', '')}` |",
        f"| export directory | `{summary.get('export_dir', '')}` |",
        f"| HTML report | `{summary.get('report', '')}` |",
        f"| feed polls pruned (older than {summary.get('poll_retention_days')} days) | "
        f"{summary.get('feed_polls_pruned', '')} |",
    ]
    seconds_by_stage = summary.get("seconds", {})
    lines += [f"| seconds: {stage} | {seconds:.2f} |" for stage, seconds in seconds_by_stage.items()]
    exported = summary.get("exported_rows", {})
    if exported:
        lines += ["", "## Exported tables", "", "| table | rows |", "|---|---:|"]
        lines += [f"| {table} | {rows} |" for table, rows in sorted(exported.items())]
    return "\n".join(lines) + "\n"
