"""`mmtrack review ...`: analysts correct the machine (issue 17; docs/review.md).

Decisions (confirm, reject, correct, merge, split, add, relevance, withdraw, import) are written to the
pipeline's database through the single writer: the command waits for the DuckDB lock as the stages do
(tasks/db.py), writes in one transaction, lets go, and publishes the analysts' copy so queries see the
correction at once. Reading (next, list, export) uses the published copy. No Prefect import.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb

from tasks.review.fields import FIELDS, ReviewError

REVIEW_MEMORY_LIMIT = "512MB"
WRITE_COMMANDS = ("confirm", "reject", "correct", "merge", "split", "add", "relevance", "withdraw", "import")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    review = subparsers.add_parser("review", help="review events: queue, corrections, CSV round trip")
    commands = review.add_subparsers(dest="review_command", required=True)

    def command(name: str, help_text: str, write: bool = True) -> argparse.ArgumentParser:
        parser = commands.add_parser(name, help=help_text)
        parser.add_argument("--db", help="DuckDB file (default: $MMTRACK_DB to write, the published copy to read)")
        if write:
            parser.add_argument("--who", help="reviewer name (default: $MMTRACK_REVIEWER or the login name)")
            parser.add_argument("--why", help="why: the source or reasoning, kept with the correction")
            parser.add_argument("--no-publish", action="store_true", help="don't refresh the analysts' copy")
        return parser

    command("confirm", "the event is right as coded").add_argument("event_id")
    command("reject", "the event is not an event (wrong, background, not Myanmar...)").add_argument("event_id")
    correct = command("correct", f"set one field: {', '.join(FIELDS)}")
    correct.add_argument("event_id")
    correct.add_argument("field", choices=list(FIELDS))
    correct.add_argument("value", help="the right value ('' for empty); actors and places by name or id")
    merge = command("merge", "two events are one: OTHER is merged into EVENT")
    merge.add_argument("event_id")
    merge.add_argument("other_event_id")
    split = command("split", "one member report of EVENT is a different event")
    split.add_argument("event_id")
    split.add_argument("member_event_id", help="the member report (review next shows their ids)")
    add = command("add", "an event the machine missed")
    add.add_argument("--article", help="the article that reports it (id or URL)")
    add.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", required=True,
                     help="a field of the event (repeat); event_date and sub_event_type are required")
    relevance = command("relevance", "mark an article relevant or not relevant")
    relevance.add_argument("article")
    relevance.add_argument("verdict", choices=("relevant", "not-relevant"))
    command("withdraw", "take a correction back").add_argument("correction_id")
    imported = command("import", "apply a sheet made by `review export` and edited")
    imported.add_argument("csv", help="the edited CSV file")
    imported.add_argument("--skip-bad", action="store_true",
                          help="write the good rows even when some are refused (default: nothing while any is bad)")

    nxt = command("next", "the next event worth reviewing, coded fields beside the evidence", write=False)
    nxt.add_argument("--skip", type=int, default=0, help="skip this many events of the queue")
    nxt.add_argument("--event", help="show this event instead of the queue's next")
    listed = command("list", "corrections and whether they still apply (orphans first)", write=False)
    listed.add_argument("--limit", type=int, default=50)
    listed.add_argument("--orphaned", action="store_true", help="only the corrections that match nothing now")
    export = command("export", "write the review queue as CSV to edit and import", write=False)
    export.add_argument("--out", required=True)
    export.add_argument("--limit", type=int, default=200, help="events (default 200, 0 for all)")
    export.add_argument("--all", action="store_true", help="every shown event, not only those not yet reviewed")


def run(args: argparse.Namespace) -> int:
    try:
        if args.review_command in WRITE_COMMANDS:
            return _write(args)
        return _read(args)
    except ReviewError as exc:
        print(f"mmtrack review {args.review_command}: {exc}", file=sys.stderr)
        return 2
    except duckdb.CatalogException as exc:  # a copy published before the review views existed
        print(f"mmtrack review {args.review_command}: {exc.args[0].splitlines()[0]}: the database predates "
              "review; any write (`mmtrack review ...` or an ingest) brings its views up to date", file=sys.stderr)
        return 2


def _read(args: argparse.Namespace) -> int:
    from tasks.review import show, sheet
    from tasks.settings import get_settings

    settings = get_settings()
    path = Path(args.db) if args.db else settings.published_db_path
    if not path.exists() and not args.db:
        path = settings.db_path
    if not path.exists():
        raise ReviewError(f"no database at {path} (run `mmtrack demo` or `mmtrack ingest` first, or pass --db)")
    con = _open_read_only(path)
    try:
        if args.review_command == "next":
            sys.stdout.write(show.next_text(con, args.skip, args.event))
        elif args.review_command == "list":
            sys.stdout.write(show.list_text(con, args.limit, args.orphaned))
        else:
            rows = sheet.export_rows(con, args.limit or None, args.all)
            out = Path(args.out)
            staging = out.with_name(f".{out.name}.{os.getpid()}.tmp")
            with staging.open("w", newline="", encoding="utf-8") as handle:
                sheet.write_sheet(rows, handle)
            os.replace(staging, out)
            print(f"wrote {len(rows)} events to {out}: fill in `decision` (confirm, correct, reject, merge, add), "
                  f"edit cells, then `mmtrack review import {out}`", file=sys.stderr)
    finally:
        con.close()
    return 0


def _open_read_only(path: Path, wait_s: float = 120.0) -> duckdb.DuckDBPyConnection:
    """Read-only, waiting while a writer holds the file; DuckDB's default memory limit, as `mmtrack query`
    (the review views are heavier than the pipeline's tight per-connection limit is meant for)."""
    import time

    deadline = time.monotonic() + wait_s
    while True:
        try:
            return duckdb.connect(str(path), read_only=True)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise ReviewError(f"cannot open {path}: {exc}") from exc
            time.sleep(0.2)


def _write(args: argparse.Namespace) -> int:
    from tasks import db as database
    from tasks.review import store
    from tasks.settings import get_settings

    settings = get_settings()
    path = Path(args.db) if args.db else settings.db_path
    if not path.exists():
        raise ReviewError(f"no database at {path} (run `mmtrack demo` or `mmtrack ingest` first, or pass --db)")
    who = store.reviewer(args.who)
    con = database.connect(path)  # waits for the lock while a stage is loading
    # The pipeline's per-connection limit keeps a long run's memory flat; a review reads reviewed_events,
    # which at 10,000 reports needs about 256MB, and the process ends right after.
    con.execute(f"SET memory_limit = '{REVIEW_MEMORY_LIMIT}'")
    try:
        if args.review_command == "withdraw":
            store.withdraw(con, args.correction_id)
            print(f"withdrew {args.correction_id}")
            code = 0
        else:
            code = _record(con, args, who)
    finally:
        con.close()
    if code == 0 and not args.no_publish and path.resolve() == settings.db_path.resolve():
        from tasks.publish import publish

        publish(path, settings.published_db_path)
    return code


def _record(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, who: str) -> int:
    from tasks.review import sheet, store

    if args.review_command == "import":
        result = sheet.read_sheet(con, Path(args.csv))
        for line, reason in result.refused:
            print(f"{args.csv}:{line}: refused: {reason}", file=sys.stderr)
        if result.refused and not args.skip_bad:
            print(f"nothing imported: {len(result.refused)} bad row(s); fix them or use --skip-bad", file=sys.stderr)
            return 2
        store.record(con, result.corrections, who)
        print(f"imported {len(result.corrections)} correction(s); {len(result.refused)} row(s) refused, "
              f"{result.skipped} without a decision")
        return 2 if result.refused else 0
    corrections = [_builders()[args.review_command](con, args)]
    store.record(con, corrections, who)
    for correction in corrections:
        print(f"recorded {correction.describe()} by {who}")
    return 0


def _set_values(pairs: list[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise ReviewError(f"--set {pair!r}: write FIELD=VALUE")
        values[name.strip()] = value
    return values


def _builders() -> dict[str, Callable]:
    from tasks.review import store

    return {
        "confirm": lambda con, a: store.build_decision(con, "confirm", a.event_id, a.why),
        "reject": lambda con, a: store.build_decision(con, "reject", a.event_id, a.why),
        "correct": lambda con, a: store.build_correct(con, a.event_id, a.field, a.value, a.why),
        "merge": lambda con, a: store.build_merge(con, a.event_id, a.other_event_id, a.why),
        "split": lambda con, a: store.build_split(con, a.event_id, a.member_event_id, a.why),
        "add": lambda con, a: store.build_add(con, _set_values(a.set), a.article, a.why),
        "relevance": lambda con, a: store.build_relevance(con, a.article, a.verdict == "relevant", a.why),
    }

