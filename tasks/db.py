"""DuckDB access: open with migrations applied, transactions, and bulk idempotent upserts from Arrow.

Every load goes through `upsert`, which registers an Arrow table and runs one
`INSERT ... ON CONFLICT DO UPDATE` statement (MERGE INTO on the shared DuckLake store, tasks/lake.py): no
row-by-row executemany, and re-running a load with the same rows leaves the table as it was.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from tasks import lake
from tasks.faults import kill_point
from tasks.settings import PROJECT_ROOT, get_settings

MIGRATIONS_DIR = PROJECT_ROOT / "sql" / "migrations"
VIEWS_DIR = PROJECT_ROOT / "sql" / "views"
_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


class DatabaseError(RuntimeError):
    """A systemic database problem (not writable, corrupt, disk full): fails the run with one message."""


class WriteConflict(DatabaseError):
    """On the shared store another worker committed first; nothing of this transaction was stored and
    running the same work again is safe (every load is idempotent). See `retry_conflicts`."""


def shared_store() -> bool:
    """True when the settings choose the DuckLake several workers share (MMTRACK_CATALOG)."""
    return bool(get_settings().catalog)


# What a full disk, a read-only file or a vanished directory raises from inside DuckDB.
STORAGE_ERRORS = (duckdb.IOException, duckdb.TransactionException, duckdb.FatalException,
                  duckdb.PermissionException, OSError)


def migration_files(directory: Path = MIGRATIONS_DIR) -> list[tuple[int, str, Path]]:
    found = []
    for path in sorted(directory.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if match:
            found.append((int(match.group(1)), match.group(2), path))
    return found


def apply_migrations(con: duckdb.DuckDBPyConnection, directory: Path = MIGRATIONS_DIR,
                     dialect: Callable[[str], str] = lambda sql: sql, checkpoint_first: bool = True) -> list[str]:
    """Apply the migrations not yet recorded, each in its own transaction, in number order.

    `dialect` rewrites each statement for the store (lake.lake_migration drops keys and indexes)."""
    con.execute(dialect(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ DEFAULT now())"
    ))
    applied = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    pending = [(v, n, p) for v, n, p in migration_files(directory) if v not in applied]
    if pending and checkpoint_first:
        # DuckDB 1.5.5 aborts the process ("pure virtual method called") when a migration alters a table
        # whose indexes came back from the write-ahead log of a killed run; write the log out first.
        con.execute("CHECKPOINT")
    done = []
    for version, name, path in pending:
        with transaction(con):
            con.execute(dialect(path.read_text(encoding="utf-8")))
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
        done.append(path.name)
    return done


def apply_views(con: duckdb.DuckDBPyConnection, directory: Path = VIEWS_DIR, force: bool = False) -> int:
    """(Re)create every view; views are code, so they are replaced on open rather than migrated.

    Files are applied in name order; a view that depends on another sorts after it (prefix numbers).
    Only when the files differ from those last applied (digest in view_state, migration 0017), a
    migration ran (`force`) or a view is missing: re-creating 28 views cost ~0.5 s an open.
    """
    paths = sorted(directory.glob("*.sql"))
    digest = lake.views_digest(paths)
    if not force and _views_current(con, digest):
        return 0
    # One commit for all views (about twice as fast as one per view). Not `transaction()`: views hold
    # no data, so its kill points belong to the loads.
    count = 0
    con.execute("BEGIN TRANSACTION")
    try:
        for path in paths:
            con.execute(path.read_text(encoding="utf-8"))
            count += 1
        if _has_view_state(con):
            con.execute("DELETE FROM view_state")
            con.execute("INSERT INTO view_state VALUES (?, ?)", [digest, _view_count(con)])
        con.execute("COMMIT")
    except BaseException:
        _rollback_quietly(con)
        raise
    return count


def _has_view_state(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'view_state' "
                            "AND database_name = current_database() AND schema_name = 'main'").fetchone()[0])


def _view_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal "
                       "AND database_name = current_database()").fetchone()[0]


def _views_current(con: duckdb.DuckDBPyConnection, digest: str) -> bool:
    """Were these view files the last applied, and are all the views made then still there?"""
    if not _has_view_state(con):
        return False
    applied = con.execute("SELECT views_digest, views FROM view_state").fetchall()
    return len(applied) == 1 and applied[0][0] == digest and _view_count(con) == applied[0][1]


def _rollback_quietly(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # the commit itself failed: DuckDB has already discarded the transaction


LOCK_WAIT_S = 120.0


def _config() -> dict[str, str]:
    """DuckDB keeps what it reads cached up to its memory limit (80% of RAM by default), so the pipeline's
    memory would grow with the database. A fixed limit keeps it flat; DuckDB spills to disk beyond it."""
    return {"memory_limit": get_settings().db_memory_limit}


# Rows per row group when the pipeline writes. A checkpoint re-compresses every row group that gained rows
# since the last one, and with DuckDB's default (122,880 rows) that is the whole table until it passes
# 122,880 rows: checkpoint memory grew with the database (bench/bench_memory.py, 1k vs 10k articles).
# 2,048 (the smallest allowed) keeps a checkpoint's working set to a few batches. The setting belongs to
# the attachment, not the file, so every write connection attaches with it.
ROW_GROUP_SIZE = 2048
WRITE_ALIAS = "pipeline"


def _open(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only:
        return duckdb.connect(str(path), read_only=True, config=_config())
    con = duckdb.connect(":memory:", config=_config())
    try:
        con.execute(f"ATTACH '{_quoted(path)}' AS {WRITE_ALIAS} (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
        con.execute(f"USE {WRITE_ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


def open_copy(path: Path | str) -> duckdb.DuckDBPyConnection:
    """A write connection to a copy of the database that no one else has open (the analysts' staging copy,
    whose indexes are built in it). Its checkpoints leave the copied tables as they are: with vacuuming on,
    the first checkpoint after any write merges every table's 2,048-row groups (ROW_GROUP_SIZE above) into
    DuckDB's default 122,880-row ones, rewriting the whole copy (+150 MB in the process that builds the
    copy's indexes at 10,000 articles, growing with every article; the file grew by half, in free blocks).
    No migrations or views: it is a copy of a current file."""
    con = duckdb.connect(str(path), config=_config())
    try:
        con.execute("SET max_vacuum_tasks = 0")
    except BaseException:
        con.close()
        raise
    return con


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def open_waiting_for_lock(path: Path, read_only: bool, wait_s: float) -> duckdb.DuckDBPyConnection:
    """Open the file; while another process holds it (DuckDB has one writer), wait and try again.

    Every stage holds the database only while it loads, so a maintenance run and an ingest that overlap
    take turns instead of failing.
    """
    deadline = time.monotonic() + wait_s
    pause = 0.05
    while True:
        try:
            return _open(path, read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 1.0)


def connect(db_path: Path | str, *, read_only: bool = False, lock_wait_s: float = LOCK_WAIT_S) -> duckdb.DuckDBPyConnection:
    """Open the database, creating it and applying migrations and views when opened for writing.

    With MMTRACK_CATALOG set, the shared DuckLake store instead of the file (`db_path` is not used)."""
    if shared_store():
        return connect_lake(read_only=read_only)
    path = Path(db_path)
    try:
        if read_only:
            return open_waiting_for_lock(path, True, lock_wait_s)
        path.parent.mkdir(parents=True, exist_ok=True)
        con = open_waiting_for_lock(path, False, lock_wait_s)
        migrated = apply_migrations(con)
        apply_views(con, force=bool(migrated))  # a changed table: views bound to it are made again
        return con
    except DatabaseError:
        raise
    except (duckdb.Error, OSError) as exc:
        raise DatabaseError(f"cannot open database {path} for {'reading' if read_only else 'writing'}: {exc}") from exc


def connect_lake(*, read_only: bool = False, snapshot: int | str | None = None) -> duckdb.DuckDBPyConnection:
    """The shared DuckLake store (tasks/lake.py); set up by the first writer that opens it."""
    settings = get_settings()
    try:
        con = lake.open_lake(settings, _config(), read_only=read_only, snapshot=snapshot)
        if read_only or snapshot is not None:
            return con
        try:
            lake.set_up(con, lambda c: apply_migrations(c, dialect=lake.lake_migration, checkpoint_first=False),
                        sorted(VIEWS_DIR.glob("*.sql")))
        except BaseException:
            con.close()
            raise
        return con
    except DatabaseError:
        raise
    except (duckdb.Error, OSError, ValueError) as exc:
        raise DatabaseError(f"cannot open the shared store {settings.catalog.split(' password')[0]}: {exc}") from exc


CONFLICT_RETRIES = 40
conflicts_retried = 0  # in this process: the scale-out benchmark reports it


def retry_conflicts(work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run `work` again while another writer wins the commit (WriteConflict), with jittered backoff.

    Only for work that is idempotent as a whole (a stage, a load with its rows in hand): whatever part of
    it committed before the conflict is found done when it runs again."""
    global conflicts_retried
    for attempt in range(CONFLICT_RETRIES):
        try:
            return work(*args, **kwargs)
        except WriteConflict:
            if attempt == CONFLICT_RETRIES - 1:
                raise
            conflicts_retried += 1
            time.sleep(min(1.0, 0.02 * 2 ** min(attempt, 6)) * random.uniform(0.5, 1.5))
    raise AssertionError("unreachable")


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One atomic unit of work. Storage failures (disk full, file gone read-only) become DatabaseError:
    the transaction is rolled back, nothing is half written, and the run stops with one message.
    On the shared store a lost commit race becomes WriteConflict."""
    shared = shared_store()
    con.execute("BEGIN TRANSACTION")
    try:
        if shared:
            lake.claim_write(con)
        yield con
        kill_point("before_commit")
        con.execute("COMMIT")
    except BaseException as exc:
        _rollback_quietly(con)
        if shared and lake.is_conflict(exc):
            raise WriteConflict(f"another writer committed first, nothing of this batch was stored: {exc}") from exc
        if isinstance(exc, duckdb.OutOfMemoryException):
            raise DatabaseError(
                f"DuckDB needed more than MMTRACK_DB_MEMORY_LIMIT={get_settings().db_memory_limit}; nothing of this "
                f"batch was stored. Raise the limit (or lower MMTRACK_BATCH_SIZE): {exc}") from exc
        if isinstance(exc, STORAGE_ERRORS):
            raise DatabaseError(f"database write failed, nothing of this batch was stored: {exc}") from exc
        raise
    kill_point("after_commit")


def _as_arrow(rows: Sequence[dict[str, Any]] | pa.Table, schema: pa.Schema | None) -> pa.Table:
    if isinstance(rows, pa.Table):
        return rows
    return pa.Table.from_pylist(list(rows), schema=schema)


def _last_per_key(table: pa.Table, key: Sequence[str]) -> pa.Table:
    """ON CONFLICT DO UPDATE may not touch one row twice in a statement: keep the last row per key."""
    seen: dict[tuple, int] = {}
    columns = [table.column(k).to_pylist() for k in key]
    for index, values in enumerate(zip(*columns)):
        seen[values] = index
    if len(seen) == table.num_rows:
        return table
    return table.take(sorted(seen.values()))


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, data: pa.Table) -> Iterator[str]:
    """An Arrow table visible to SQL as `name` for the duration of the block."""
    con.register(name, data)
    try:
        yield name
    except BaseException:
        try:
            con.unregister(name)
        except duckdb.Error:
            pass  # a failed statement aborted the transaction; the original error is the one to report
        raise
    con.unregister(name)


# insert, upsert (and its MERGE form) and update_rows hand DuckDB their Arrow rows through a replacement scan
# of a local variable (its name in the SQL), not `registered`: a registered table is a catalog entry, and an
# open transaction keeps a dropped entry, and the Arrow rows it holds, until it commits. Event dedup writes a
# backlog's links and merged rows in one transaction: every chunk's Arrow copy stayed (20 MB of story rows at
# 20,000 articles); the story write's moved rows and the refresh's updates are in long transactions too.


def insert(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table, *, replace: bool = False) -> int:
    """Bulk-insert an Arrow table in one statement (`replace`: INSERT OR REPLACE on the primary key)."""
    if data.num_rows == 0:
        return 0
    columns = ", ".join(data.column_names)
    arrow_rows = data  # noqa: F841 - DuckDB reads it by this name
    con.execute(f"INSERT {'OR REPLACE ' if replace else ''}INTO {table} ({columns}) SELECT {columns} FROM arrow_rows")
    return data.num_rows


def upsert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: Sequence[dict[str, Any]] | pa.Table,
    key: Sequence[str],
    *,
    update: Sequence[str] | None = None,
    schema: pa.Schema | None = None,
) -> int:
    """Insert rows, updating the `update` columns (default: every non-key column) of rows that exist.

    `update=()` means insert-if-absent. Returns the number of rows offered.
    """
    data = _as_arrow(rows, schema)
    if data.num_rows == 0:
        return 0
    data = _last_per_key(data, key)
    columns = data.column_names
    targets = [c for c in columns if c not in key] if update is None else list(update)
    if shared_store():
        return _merge(con, table, data, key, targets)
    column_list = ", ".join(columns)
    action = f"DO UPDATE SET {', '.join(f'{c} = EXCLUDED.{c}' for c in targets)}" if targets else "DO NOTHING"
    arrow_rows = data  # noqa: F841 - DuckDB reads it by this name
    con.execute(f"INSERT INTO {table} ({column_list}) SELECT {column_list} FROM arrow_rows "
                f"ON CONFLICT ({', '.join(key)}) {action}")
    return data.num_rows


def _merge(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table, key: Sequence[str],
           targets: Sequence[str]) -> int:
    """The upsert as MERGE INTO: DuckLake has no key constraint for ON CONFLICT to use."""
    columns = data.column_names
    match = " AND ".join(f"t.{k} = s.{k}" for k in key)
    matched = f"WHEN MATCHED THEN UPDATE SET {', '.join(f'{c} = s.{c}' for c in targets)} " if targets else ""
    merge_rows = data  # noqa: F841 - DuckDB reads it by this name
    con.execute(
        f"MERGE INTO {table} AS t USING merge_rows AS s ON ({match}) {matched}"
        f"WHEN NOT MATCHED THEN INSERT ({', '.join(columns)}) VALUES ({', '.join(f's.{c}' for c in columns)})"
    )
    return data.num_rows


def update_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: Sequence[dict[str, Any]] | pa.Table,
    key: Sequence[str],
    *,
    schema: pa.Schema | None = None,
) -> int:
    """Update existing rows from an Arrow table in one statement (rows without a match are ignored).

    For partial rows: INSERT ... ON CONFLICT would check NOT NULL columns the update doesn't carry.
    """
    data = _as_arrow(rows, schema)
    if data.num_rows == 0:
        return 0
    data = _last_per_key(data, key)
    sets = ", ".join(f"{c} = v.{c}" for c in data.column_names if c not in key)
    match = " AND ".join(f"{table}.{k} = v.{k}" for k in key)
    update_source = data  # noqa: F841 - DuckDB reads it by this name
    con.execute(f"UPDATE {table} SET {sets} FROM update_source v WHERE {match}")
    return data.num_rows


def dict_rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    """The rows of a query as dicts keyed by column name."""
    cursor = con.execute(sql, params or [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
