"""`mmtrack search "..."`: full-text search over the stored articles of the published copy (no Prefect)."""

from __future__ import annotations

import argparse
import sys

import duckdb

COLUMNS = ["score", "published", "outlet", "title", "url", "relevant"]


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("search", help="full-text search over stored articles (best matches first)")
    parser.add_argument("query", help='words to look for, e.g. "airstrike school Sagaing"')
    parser.add_argument("--limit", type=int, default=20, help="at most this many articles (default 20)")
    parser.add_argument("--db", help="database (default: the published copy)")
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table")


def run(args: argparse.Namespace) -> int:
    from mmtrack.query_cmd import QueryError, open_read_only, write_rows
    from tasks.search import has_index, search

    try:
        con = open_read_only(args.db)
        try:
            if not has_index(con):
                raise QueryError("this copy has no search index: it is built when the pipeline publishes "
                                 "(run `mmtrack ingest` or `mmtrack demo`)")
            rows = search(con, args.query, args.limit)
        finally:
            con.close()
    except (QueryError, duckdb.Error) as exc:
        print(f"mmtrack search: {exc}", file=sys.stderr)
        return 2
    if not rows:
        print(f"no stored article matches {args.query!r}", file=sys.stderr)
    write_rows(COLUMNS, rows, args.format, sys.stdout)
    return 0
