"""`mmtrack backfill`: load an outlet's past articles (sitemaps, else its paginated feed) into the database.

    mmtrack backfill --feed irrawaddy --since 2021-02-01 [--until 2021-12-31] [--max 5000]
    mmtrack backfill --outlet "Myanmar Now" --since 2021-02-01
    mmtrack backfill --demo                 # two years of generated demo history on loopback

Runs in this process without Prefect (like `ingest --no-prefect`); the `backfill` deployment runs the same
code on a worker. Killed, it resumes where it stopped when run again with the same window.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from tasks.settings import PROJECT_ROOT

HISTORY_SITE = PROJECT_ROOT / "seeds" / "demo" / "tools" / "history_site.py"
DEMO_SINCE, DEMO_UNTIL = date(2024, 1, 1), date(2025, 12, 31)


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("backfill", help="load past articles from sitemaps or paginated feeds")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--feed", action="append", dest="feed_ids", help="feed id from the registry (repeatable)")
    which.add_argument("--outlet", help="every feed of this outlet (name as in the registry)")
    which.add_argument("--demo", action="store_true", help="serve the generated demo history and backfill it")
    parser.add_argument("--since", type=date.fromisoformat, help="first day, YYYY-MM-DD (required unless --demo)")
    parser.add_argument("--until", type=date.fromisoformat, help="last day, YYYY-MM-DD (default: today)")
    parser.add_argument("--max", type=int, dest="max_articles", help="queue and fetch at most N new articles")
    parser.add_argument("--db", help="DuckDB file (default: $MMTRACK_DB)")
    parser.add_argument("--feeds", help="feed registry CSV (default: $MMTRACK_FEEDS)")
    parser.add_argument("--port", type=int, default=8771, help="--demo: first loopback port (one per outlet)")
    parser.add_argument("--no-dedup", action="store_true", help="leave event dedup to the next ingest")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def run(args: argparse.Namespace) -> int:
    if not args.demo and args.since is None:
        print("mmtrack backfill: --since is required", file=sys.stderr)
        return 2
    if args.demo:
        return _run_demo(args)
    return _backfill(args, args.feeds, None)


def _backfill(args: argparse.Namespace, feeds: str | None, base_url: str | None) -> int:
    from mmtrack.cli import _progress
    from tasks.backfill import Window
    from tasks.backfill_run import run_backfill
    from tasks.pipeline import resolve_paths

    settings, db, registry = resolve_paths(args.db, feeds)
    warning = settings.contact_warning()
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    window = Window(args.since or DEMO_SINCE, args.until or (DEMO_UNTIL if args.demo else date.today()))
    if window.since > window.until:
        print("mmtrack backfill: --since is after --until", file=sys.stderr)
        return 2
    with _progress():
        summary = run_backfill(db, registry, settings, feed_ids=args.feed_ids, outlet=args.outlet, window=window,
                               max_articles=args.max_articles, base_url=base_url, dedup=not args.no_dedup,
                               log=_log(sys.stderr.isatty()))
    print(json.dumps(summary, indent=2, default=str) if args.json else _text(summary))
    return 0


def _log(terminal: bool):  # noqa: ANN202
    def log(message: str, *values: object) -> None:
        if not terminal or not message.startswith("backfill:"):  # the bar shows count and ETA itself
            print(message % values, file=sys.stderr, flush=True)
    return log


def _text(summary: dict) -> str:
    lines = [f"backfill {summary['since']} .. {summary['until']} into {summary['database']} "
             f"({summary['seconds']} s)"]
    for feed_id, result in summary["feeds"].items():
        problems = {**result["sources_failed"], **result["sources_refused"]}
        lines.append(f"  {feed_id:<24} {result['method']:<10} {result['urls_queued']:>6} new URLs "
                     f"{result['urls_known']:>6} known {result['articles_fetched']:>6} fetched "
                     f"{result['events']:>6} events" + (f"  problems: {problems}" if problems else ""))
    lines.append(f"  total: {summary['urls_queued']} queued, {summary['articles_fetched']} fetched, "
                 f"{summary['articles_failed']} failed, {summary['events']} events; analysts' copy "
                 f"{summary['published_copy']}")
    return "\n".join(lines)


def _run_demo(args: argparse.Namespace) -> int:
    spec = importlib.util.spec_from_file_location("history_site", HISTORY_SITE)
    module = importlib.util.module_from_spec(spec)
    sys.modules["history_site"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    # One loopback machine we run ourselves: real outlets' one-second pacing would only make the demo wait
    # (robots.txt Crawl-delay still applies where the demo sets one).
    os.environ.setdefault("MMTRACK_PER_HOST_INTERVAL", "0")
    os.environ.setdefault("MMTRACK_PER_HOST_CONCURRENCY", "8")
    with module.HistorySite(first_port=args.port) as site, tempfile.TemporaryDirectory(prefix="mmtrack-history-") as tmp:
        registry = site.write_registry(Path(tmp) / "feeds.csv")
        print(f"demo history served on {', '.join(s.base_url for s in site.sites)}", file=sys.stderr)
        return _backfill(args, str(registry), None)
