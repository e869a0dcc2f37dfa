"""The `mmtrack` command. Commands that run no flow never import Prefect (it costs seconds to import)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
import json
import os
import sys

from tasks.settings import PROJECT_ROOT, get_settings

DEMO_ROOT = PROJECT_ROOT / "seeds" / "demo"
DEMO_PORT = 8765


def _ingest_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="DuckDB file (default: $MMTRACK_DB or data/mmtrack.duckdb)")
    parser.add_argument("--max-articles", type=int, help="fetch at most this many articles this run")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mmtrack", description="Myanmar conflict tracker")
    commands = parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", help="serve the offline demo site on loopback and ingest it")
    _ingest_args(demo)
    demo.add_argument("--port", type=int, default=DEMO_PORT, help="loopback port for the demo site")

    ingest = commands.add_parser("ingest", help="poll due feeds and load new articles, tags and events")
    _ingest_args(ingest)
    ingest.add_argument("--feeds", help="feed registry CSV (default: seeds/feeds.csv)")
    ingest.add_argument("--feed", action="append", dest="only_feeds", help="only this feed id (repeatable)")
    ingest.add_argument("--force", action="store_true", help="poll every enabled feed, due or not")
    ingest.add_argument("--no-prefect", action="store_true",
                        help="run the same stages as plain functions, without Prefect (fast, no run history)")

    reprocess = commands.add_parser("reprocess", help="re-run tagging and extraction over stored articles")
    reprocess.add_argument("--db", help="DuckDB file")
    reprocess.add_argument("--force", action="store_true", help="re-run over every stored article")
    reprocess.add_argument("--json", action="store_true")

    feeds = commands.add_parser("feeds", help="the feed registry")
    feeds_commands = feeds.add_subparsers(dest="feeds_command", required=True)
    feeds_list = feeds_commands.add_parser("list", help="list feeds with their polling state")
    feeds_list.add_argument("--db", help="read state from this database (default: the published copy)")
    feeds_list.add_argument("--feeds", help="feed registry CSV")

    commands.add_parser("settings", help="print every setting, its environment variable and value")

    for module in _optional_commands():
        before = set(commands.choices)
        module.add_parser(commands)
        for name in set(commands.choices) - before:
            commands.choices[name].set_defaults(handler=module.run)
    return parser


def _optional_commands() -> list:
    """Command modules built beside this one; each has add_parser(subparsers) and run(args)."""
    import importlib

    found = []
    for name in ("extract_cmd", "query_cmd", "serve", "report_cmd", "review_cmd", "search_cmd", "backfill_cmd"):
        try:
            found.append(importlib.import_module(f"mmtrack.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"mmtrack.{name}":
                raise
    return found


def _print_summary(summary: dict, as_json: bool) -> None:
    from tasks.summary import summary_text

    print(json.dumps(summary, indent=2, default=str) if as_json else summary_text(summary))


def run_demo(args: argparse.Namespace) -> int:
    from tasks.demo_site import DemoSite

    # The demo's four outlets share one loopback host that we run ourselves: the politeness interval
    # meant for real outlets would only make the demo wait.
    os.environ.setdefault("MMTRACK_PER_HOST_INTERVAL", "0.02")
    os.environ.setdefault("MMTRACK_PER_HOST_CONCURRENCY", "8")
    with DemoSite(root=DEMO_ROOT, port=args.port) as site:
        print(f"demo site serving {DEMO_ROOT / 'site'} at {site.base_url}", flush=True)
        summary = _run_flow("ingest", db_path=args.db, feeds_path=str(DEMO_ROOT / "feeds.csv"),
                            max_articles=args.max_articles, force=True, base_url=site.base_url)
    _print_summary(summary, args.json)
    return 0


@contextmanager
def _progress() -> Iterator[None]:
    """Progress bars per stage on a terminal, plain lines otherwise."""
    from tasks.progress import LineReporter, NullReporter, RichReporter, set_reporter

    try:
        if sys.stderr.isatty():
            with RichReporter() as bars:
                set_reporter(bars)
                yield
        else:
            set_reporter(LineReporter())
            yield
    finally:
        set_reporter(NullReporter())


def _run_flow(name: str, **parameters) -> dict:
    """Run a flow in this process (Prefect's local mode unless PREFECT_API_URL names a server)."""
    from mmtrack.prefect_local import local_flow_run

    with local_flow_run() as run, _progress():
        if name == "ingest":
            from flows.ingest import ingest as flow_function
        else:
            from flows.reprocess import reprocess as flow_function
        state = flow_function(**parameters, return_state=True)
        run["flow_run_id"] = str(state.state_details.flow_run_id)
    return state.result()  # raises the flow's own error when it failed


def run_ingest(args: argparse.Namespace) -> int:
    if args.no_prefect:
        from tasks import pipeline

        settings, db, feeds = pipeline.resolve_paths(args.db, args.feeds)
        with _progress():
            summary = pipeline.run_ingest(pipeline.new_run_id(), db, feeds, settings, only_feeds=args.only_feeds,
                                          max_articles=args.max_articles, force=args.force)
        _print_summary(summary, args.json)
        return 0
    summary = _run_flow("ingest", db_path=args.db, feeds_path=args.feeds, only_feeds=args.only_feeds,
                        max_articles=args.max_articles, force=args.force)
    _print_summary(summary, args.json)
    return 0


def run_reprocess(args: argparse.Namespace) -> int:
    summary = _run_flow("reprocess", db_path=args.db, force=args.force)
    _print_summary(summary, args.json)
    return 0


def run_feeds_list(args: argparse.Namespace) -> int:
    from mmtrack.feeds_cmd import list_feeds

    return list_feeds(args)


def run_settings(_args: argparse.Namespace) -> int:
    settings = get_settings()
    for env, value, doc in settings.describe():
        print(f"{env:<30} {value}\n{'':<30} {doc}")
    if settings.contact_warning():
        print(f"warning: {settings.contact_warning()}", file=sys.stderr)
    return 0


HANDLERS = {"demo": run_demo, "ingest": run_ingest, "reprocess": run_reprocess, "settings": run_settings}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "feeds":
        return run_feeds_list(args)
    handler = HANDLERS.get(args.command) or getattr(args, "handler", None)
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one clear line for systemic failures, not a traceback
        from tasks.db import DatabaseError
        from tasks.feeds import RegistryError

        if isinstance(exc, (DatabaseError, RegistryError)):
            print(f"mmtrack {args.command}: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
