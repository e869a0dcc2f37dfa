"""`mmtrack feeds list`: the registry joined with each feed's polling state, without Prefect."""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

from tasks.feeds import read_registry
from tasks.settings import get_settings


def _state_by_feed(db_path: Path) -> dict[str, tuple]:
    if not db_path.exists():
        return {}
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return {}  # the pipeline holds it: show the registry alone
    try:
        rows = con.execute(
            "SELECT feed_id, last_status, failure_count, last_polled_at, next_poll_at, last_error FROM feeds"
        ).fetchall()
    except duckdb.Error:
        rows = []
    finally:
        con.close()
    return {row[0]: row[1:] for row in rows}


def list_feeds(args: argparse.Namespace) -> int:
    settings = get_settings()
    specs = read_registry(Path(args.feeds or settings.feeds_path))
    state = _state_by_feed(Path(args.db) if args.db else settings.published_db_path)
    header = f"{'feed_id':<24} {'on':<3} {'general':<7} {'every':>5}  {'last status':<12} {'fails':>5}  url"
    print(header)
    for spec in specs:
        last_status, failures, *_ = state.get(spec.feed_id, (None, None, None, None, None))
        print(f"{spec.feed_id:<24} {'yes' if spec.enabled else 'no':<3} {'yes' if spec.general else 'no':<7} "
              f"{spec.poll_interval_minutes:>4}m  {last_status or '-':<12} {failures if failures is not None else '-':>5}  {spec.url}")
    print(f"{len(specs)} feeds, {sum(s.enabled for s in specs)} enabled")
    return 0
