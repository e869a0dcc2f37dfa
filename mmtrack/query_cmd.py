"""`mmtrack query` and `mmtrack export`: read the analysts' published copy, never the pipeline's database.

Both open the database read-only (default: the published copy, which the pipeline swaps in atomically after
each run, so they never wait for the pipeline nor make it wait). No Prefect import: they answer in about
a second.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import os
import sys
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

import duckdb

from tasks.settings import get_settings

FORMATS = ("table", "csv", "json")
EXPORT_FORMATS = ("csv", "parquet", "geojson")
MAX_CELL_WIDTH = 60  # table output only: long notes would make every row wrap


class QueryError(RuntimeError):
    """A problem the analyst can fix (missing database, unknown view, bad SQL): one line, exit code 2."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    query = subparsers.add_parser("query", help="run read-only SQL on the published database")
    query.add_argument("sql", help="the SQL to run, e.g. \"FROM active_fronts\"")
    _common_args(query)
    query.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")

    export = subparsers.add_parser("export", help="write a view or table to CSV, Parquet or GeoJSON")
    export.add_argument("--view", required=True, help="view or table name, e.g. acled_export")
    export.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    export.add_argument("--out", required=True, help="output file (replaced atomically)")
    _common_args(export)


def _common_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="DuckDB file, opened read-only (default: the published copy)")
    parser.add_argument("--as-of", type=dt.date.fromisoformat,
                        help="count 'the last N days' back from this date (YYYY-MM-DD), "
                             "not from the latest report")


def run(args: argparse.Namespace) -> int:
    try:
        if args.command == "query":
            return run_query(args)
        if args.command == "export":
            return run_export(args)
        raise QueryError(f"unknown command {args.command!r}")
    except (QueryError, duckdb.Error) as exc:
        print(f"mmtrack {args.command}: {exc}", file=sys.stderr)
        return 2


def open_read_only(db: str | None, as_of: dt.date | None = None) -> duckdb.DuckDBPyConnection:
    path = Path(db) if db else get_settings().published_db_path
    if not path.exists():
        raise QueryError(f"no database at {path} "
                         "(run `mmtrack ingest` or `mmtrack demo` first, or pass --db)")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as exc:
        raise QueryError(f"cannot open {path} read-only ({exc}); a database the pipeline is writing cannot "
                         "be opened by another process: query the published copy instead") from exc
    if as_of is not None:
        con.execute("SET VARIABLE mmtrack_as_of = ?", [as_of])  # read by the tracking_as_of view
    return con


def run_query(args: argparse.Namespace) -> int:
    con = open_read_only(args.db, args.as_of)
    try:
        result = con.execute(args.sql)
        if result.description is None:  # a statement without a result set (SET, PRAGMA ...)
            return 0
        columns = [d[0] for d in result.description]
        rows = result.fetchall()
    finally:
        con.close()
    write_rows(columns, rows, args.format, sys.stdout)
    return 0


def write_rows(columns: Sequence[str], rows: Sequence[tuple], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump([dict(zip(columns, map(plain, row))) for row in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([csv_cell(v) for v in row] for row in rows)
    else:
        out.write(format_table(columns, rows))


def plain(value: Any) -> Any:
    """A JSON-able version of a DuckDB value: dates as ISO strings, decimals as numbers."""
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    return value


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(plain(value), ensure_ascii=False)
    return plain(value)


def _table_cell(value: Any) -> str:
    text = "NULL" if value is None else str(csv_cell(value))
    text = " ".join(text.split())  # one line per row
    return text if len(text) <= MAX_CELL_WIDTH else text[: MAX_CELL_WIDTH - 1] + "…"


def format_table(columns: Sequence[str], rows: Sequence[tuple]) -> str:
    cells = [[_table_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    rule = "+-" + "-+-".join("-" * w for w in widths) + "-+"

    def line(values: Iterable[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths)) + " |"

    body = [rule, line(columns), rule, *(line(r) for r in cells), rule]
    return "\n".join(body) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


def relation_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal "
        "UNION SELECT table_name FROM duckdb_tables() WHERE NOT internal"
    ).fetchall()
    return {r[0] for r in rows}


def run_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    con = open_read_only(args.db, args.as_of)
    try:
        if args.view not in relation_names(con):
            raise QueryError(f"no view or table named {args.view!r} "
                             "(try: mmtrack query \"FROM duckdb_views()\")")
        relation = '"' + args.view.replace('"', '""') + '"'
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        try:
            if args.format == "geojson":
                count = write_geojson(con, relation, staging)
            else:
                count = con.execute(f"SELECT count(*) FROM {relation}").fetchone()[0]
                option = "FORMAT csv, HEADER true" if args.format == "csv" else "FORMAT parquet"
                con.execute(f"COPY (SELECT * FROM {relation}) TO '{_sql_string(staging)}' ({option})")
            os.replace(staging, out)  # a reader never sees a half-written export
        finally:
            staging.unlink(missing_ok=True)
    finally:
        con.close()
    print(f"wrote {count} rows of {args.view} to {out} ({args.format})", file=sys.stderr)
    return 0


def _sql_string(path: Path) -> str:
    return str(path).replace("'", "''")


def write_geojson(con: duckdb.DuckDBPyConnection, relation: str, path: Path) -> int:
    """An RFC 7946 FeatureCollection: one Point per row with coordinates, every other column a property."""
    result = con.execute(f"SELECT * FROM {relation}")
    columns = [d[0] for d in result.description]
    if "latitude" not in columns or "longitude" not in columns:
        raise QueryError(f"{relation} has no latitude and longitude columns: GeoJSON needs them")
    features, skipped = [], 0
    for row in result.fetchall():
        record = dict(zip(columns, row))
        point = _point(record.pop("latitude"), record.pop("longitude"))
        if point is None:
            skipped += 1  # RFC 7946 allows a null geometry, but a map layer can't place it: leave it out
            continue
        features.append({"type": "Feature", "geometry": point,
                         "properties": {k: plain(v) for k, v in record.items()}})
    with path.open("w", encoding="utf-8") as handle:
        json.dump({"type": "FeatureCollection", "features": features}, handle, ensure_ascii=False,
                  allow_nan=False)
    if skipped:
        print(f"skipped {skipped} rows without valid coordinates", file=sys.stderr)
    return len(features)


def _point(latitude: Any, longitude: Any) -> dict[str, Any] | None:
    try:
        lat, lon = float(latitude), float(longitude)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}  # RFC 7946: longitude first
