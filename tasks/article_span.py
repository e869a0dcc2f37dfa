"""Reading a batch of articles by id without scanning every stored text.

`article_id IN (<batch>)` is a join to DuckDB: it reads the title and text columns of the whole table for
each batch, so tagging, extracting or sketching N articles in batches read the texts N/batch times
(quadratic time), and DuckDB's cache of those texts filled its memory limit (bench/bench_memory.py,
bench/bench_backfill.py). A range of row ids is different: the scan skips every row group outside it. So
the stages list their work in row order (a backlog's new articles are stored together, at the end) and
add the batch's row-id range to the id filter: the same rows, read from a few row groups.

Row ids are only a hint for where to read: the id filter still decides which rows come back, so a row id
that changed since the listing costs speed, never a wrong row. The shared DuckLake store has no usable
row ids: there the listing stays in id order and the range is left out.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from tasks.db import shared_store
from tasks.sql_ids import IDS, id_list


def work_order(alias: str = "a") -> str:
    """The ORDER BY key that lists articles in storage order (id order on the shared store)."""
    return f"{alias}.article_id" if shared_store() else f"{alias}.rowid, {alias}.article_id"


def span_filter(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], alias: str = "a",
                table: str = "articles", key: str = "article_id") -> tuple[str, list]:
    """(" AND <alias>.rowid BETWEEN ? AND ?", params) covering the rows of `table` whose `key` is one of
    the ids, or ("", []) when there is nothing to narrow (no such row, or the shared store). Finding the
    range reads only the key column."""
    if shared_store() or not article_ids:
        return "", []
    lo, hi = con.execute(f"SELECT min(rowid), max(rowid) FROM {table} WHERE {key} IN {IDS}",
                         [id_list(article_ids)]).fetchone()
    if lo is None:
        return "", []
    return f" AND {alias}.rowid BETWEEN ? AND ?", [lo, hi]


# What the batch stages (tag, extract) let DuckDB hold: with span reads a batch needs a few row groups and
# its own rows; one thread scans one row group at a time. At MMTRACK_DB_MEMORY_LIMIT (128 MB) DuckDB kept
# that much of the archive cached, so the calling process grew with the archive (tagging 10,000 stored
# articles peaked at 415 MB, 361 MB with this cap). 32 MB is too little for a 500-article upsert.
BATCH_STAGE_MEMORY_MB = 64


def cap_for_batches(con: duckdb.DuckDBPyConnection, megabytes: int = BATCH_STAGE_MEMORY_MB) -> duckdb.DuckDBPyConnection:
    """Limit DuckDB on a connection that works in batches (never above the configured limit)."""
    from tasks.settings import get_settings

    configured = _megabytes(get_settings().db_memory_limit)
    limit = megabytes if configured is None else min(configured, megabytes)
    con.execute(f"SET memory_limit = '{limit}MB'")
    con.execute("SET threads = 1")
    # Under the cap DuckDB spills sooner. Its default spill directory is ./.tmp for an attached file, one
    # for every process started in that directory, with the same file names: a pipeline and a backfill
    # side by side would delete each other's spill files ("Could not remove file .tmp/duckdb_temp_...").
    # DuckDB creates this directory when it first spills and removes it when the connection closes.
    spill = Path(tempfile.gettempdir()) / f"mmtrack-duckdb-{os.getpid()}-{next(_SPILLS)}"
    try:
        con.execute(f"SET temp_directory = '{str(spill).replace(chr(39), chr(39) * 2)}'")
    except duckdb.Error:
        pass  # this connection has spilled already: DuckDB keeps the directory it is using
    return con


_SPILLS = itertools.count()


@contextmanager
def capped(con: duckdb.DuckDBPyConnection, megabytes: int) -> Iterator[duckdb.DuckDBPyConnection]:
    """`cap_for_batches` for a while, on a connection that goes on to other work afterwards; then the
    configured limit again (every connection opens with it: tasks/db.py; DuckDB shows its own rounded)."""
    from tasks.settings import get_settings

    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    cap_for_batches(con, megabytes)
    try:
        yield con
    finally:
        con.execute(f"SET memory_limit = '{get_settings().db_memory_limit}'")
        con.execute(f"SET threads = {int(threads)}")


_UNITS = {"KB": 1 / 1000, "KIB": 1 / 1024, "MB": 1, "MIB": 1, "GB": 1000, "GIB": 1024, "TB": 10**6, "TIB": 2**20}


def _megabytes(size: str) -> float | None:
    """'128MB' -> 128.0; None for what is not a plain size (left to DuckDB to judge)."""
    text = size.strip().upper().replace(" ", "")
    for unit in sorted(_UNITS, key=len, reverse=True):
        if text.endswith(unit):
            try:
                return float(text[:-len(unit)]) * _UNITS[unit]
            except ValueError:
                return None
    return None
