"""DuckLake on one machine with a SQLite catalog: do the pipeline's tables and upserts carry over?

Written when the project pinned duckdb 2.0.0, for which no ducklake extension can be had offline, so it
runs in a side environment with DuckDB 1.5.5 and the SQLite catalog's extension (not among the project's
pins; the project's own shared store uses a PostgreSQL catalog, tests/test_scale_out.py):

    python3.11 -m venv /tmp/ducklake-venv
    /tmp/ducklake-venv/bin/pip install duckdb==1.5.5 duckdb-extension-ducklake==1.5.5 \\
        duckdb-extension-sqlite==1.5.5 pyarrow
    PYTHONPATH=. /tmp/ducklake-venv/bin/python -m bench.ducklake_check

It creates the `articles` and `events` tables from the project's own migrations in a DuckLake (primary
keys and indexes dropped: DuckLake has neither), loads the benchmark's rows twice with bench_load's
MERGE INTO (second pass: all updates), then has two processes MERGE at once through the shared SQLite
catalog, and shows that INSERT ... ON CONFLICT is refused there.
"""

from __future__ import annotations

import importlib
import multiprocessing
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from bench.bench_load import article_rows, event_rows, merge_into

ROOT = Path(__file__).resolve().parents[1]
TABLES = {"articles": ("0001_core.sql", ["article_id"]), "events": ("0003_events.sql", ["event_id"])}


def lake_ddl(table: str) -> str:
    """The migration's CREATE TABLE without the constraints DuckLake lacks (primary keys)."""
    migration = (ROOT / "sql" / "migrations" / TABLES[table][0]).read_text(encoding="utf-8")
    match = re.search(rf"CREATE TABLE {table} \((.*?)\n\);", migration, re.DOTALL)
    if not match:
        raise LookupError(f"no CREATE TABLE {table} in {TABLES[table][0]}")
    columns = [re.sub(r"--.*$", "", line).rstrip().rstrip(",") for line in match.group(1).splitlines()]
    columns = [c.replace(" PRIMARY KEY", "") for c in columns if c.strip() and "PRIMARY KEY (" not in c]
    return f"CREATE TABLE IF NOT EXISTS lake.{table} (\n" + ",\n".join(columns) + "\n)"


def _extension(package: str, name: str, directory: Path) -> Path:
    """The extension file a PyPI package ships, copied under the name DuckDB derives its entry point from."""
    module = importlib.import_module(package)
    found = next(Path(module.__file__).parent.glob("extensions/*/*.duckdb_extension"))
    target = directory / f"{name}.duckdb_extension"
    shutil.copyfile(found, target)
    return target


def open_lake(directory: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"LOAD '{directory / 'sqlite_scanner.duckdb_extension'}'")
    con.execute(f"LOAD '{directory / 'ducklake.duckdb_extension'}'")
    con.execute(f"ATTACH 'ducklake:sqlite:{directory / 'catalog.sqlite'}' AS lake (DATA_PATH '{directory / 'data'}/')")
    return con


def _writer(directory: str, first: int, count: int, retries: int = 10) -> None:
    """One batch MERGEd by its own process. A SQLite catalog lets one writer commit at a time: a commit
    that finds it locked ("database is locked") is rolled back and the whole batch retried."""
    con = open_lake(Path(directory))
    rows = event_rows(first + count)[first:]
    for attempt in range(retries):
        try:
            con.execute("BEGIN TRANSACTION")
            merge_into(con, "lake.events", rows, ["event_id"])
            con.execute("COMMIT")
            print(f"writer {first}: committed on attempt {attempt + 1}", flush=True)
            break
        except duckdb.TransactionException:
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass  # a failed COMMIT has usually ended the transaction already
            time.sleep(0.2 * (attempt + 1))
    else:
        raise RuntimeError(f"writer {first}: no commit after {retries} attempts")
    con.close()


def check(rows: int = 2000) -> list[str]:
    findings = []
    with tempfile.TemporaryDirectory(prefix="mmtrack-ducklake-") as name:
        directory = Path(name)
        _extension("duckdb_extension_sqlite", "sqlite_scanner", directory)
        _extension("duckdb_extension_ducklake", "ducklake", directory)
        con = open_lake(directory)
        data = {"articles": article_rows(rows), "events": event_rows(rows)}
        for table, (_, key) in TABLES.items():
            con.execute(lake_ddl(table))
            for _pass in ("insert", "update"):
                con.execute("BEGIN TRANSACTION")
                merge_into(con, f"lake.{table}", data[table], key)
                con.execute("COMMIT")
            stored = con.execute(f"SELECT count(*), count(DISTINCT {key[0]}) FROM lake.{table}").fetchone()
            assert stored == (rows, rows), f"{table}: {stored}"
            findings.append(f"{table}: MERGE INTO twice -> {stored[0]} rows, one per key (idempotent)")
        try:
            con.execute("INSERT INTO lake.events SELECT * FROM lake.events LIMIT 1 ON CONFLICT (event_id) DO NOTHING")
            findings.append("ON CONFLICT: accepted (unexpected)")
        except duckdb.Error as exc:
            findings.append(f"ON CONFLICT refused: {str(exc).splitlines()[0][:120]}")
        con.close()
        context = multiprocessing.get_context("spawn")
        writers = [context.Process(target=_writer, args=(name, rows + i * rows, rows)) for i in range(2)]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        con = open_lake(directory)
        total = con.execute("SELECT count(*), count(DISTINCT event_id) FROM lake.events").fetchone()
        con.close()
        codes = [w.exitcode for w in writers]
        findings.append(f"two writer processes at once: exit codes {codes}, events now {total[0]} "
                        f"({total[1]} distinct; expected {3 * rows})")
    return findings


def main() -> int:
    print(f"duckdb {duckdb.__version__}")
    for line in check():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
