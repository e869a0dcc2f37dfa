"""`mmtrack report`: write the self-contained HTML report (map, weekly timeline, tracking tables).

    mmtrack report --out report.html [--since YYYY-MM-DD] [--region NAME] [--db PATH]

Reads the analysts' published copy by default (read-only, so it never waits on a running pipeline);
falls back to the pipeline's database when nothing has been published yet. Never imports Prefect.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("report", help="write a self-contained HTML report with map and timelines")
    parser.add_argument("--out", required=True, help="the HTML file to write")
    parser.add_argument("--since", type=dt.date.fromisoformat, help="only events on or after YYYY-MM-DD")
    parser.add_argument("--region", help="only this state/region: name or its start ('Shan' = all three), or P-code")
    parser.add_argument("--db", help="DuckDB file (default: the published copy, else $MMTRACK_DB)")
    return parser


def default_db() -> Path:
    from tasks.settings import get_settings

    settings = get_settings()
    return settings.published_db_path if settings.published_db_path.exists() else settings.db_path


def run(args: argparse.Namespace) -> int:
    import duckdb

    from tasks.report.render import write_report
    from tasks.report.sections import MissingViews

    db = Path(args.db) if args.db else default_db()
    if not db.exists():
        print(f"mmtrack report: no database at {db}: run `mmtrack ingest` (or `make run`) first, or pass --db",
              file=sys.stderr)
        return 2
    try:
        out = write_report(db, args.out, since=args.since, region=args.region)
    except (MissingViews, duckdb.Error) as exc:
        print(f"mmtrack report: {db}: {exc}", file=sys.stderr)
        return 2
    print(f"report written to {out} ({out.stat().st_size / 1e6:.2f} MB) from {db}")
    return 0
