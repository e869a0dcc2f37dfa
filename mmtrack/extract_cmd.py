"""`mmtrack extract`: clean (if HTML), tag and extract one document or a JSONL batch, without a database.

    mmtrack extract PATH|URL|- --published YYYY-MM-DD [--title T] [--json]
    mmtrack extract --jsonl IN.jsonl|-      # {"id", "text" or "html", "published"?, "title"?} per line

Like the pipeline, events are stored only from a document judged relevant: for any other document they
are listed apart, under "events_not_stored", and "events" is empty. A document without a publication
date is extracted against today, with a warning on stderr ("on Tuesday" then means the latest Tuesday).
Output to a closed pipe (`| head`) ends quietly.

Never imports Prefect (a fast command). URLs are fetched only from loopback hosts: this command is for
checking a document by hand, not a crawler; the pipeline's fetcher applies the full HTTP policy.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import re
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

LOOPBACK_NAMES = ("localhost",)
_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<div|<article|<p[\s>])", re.IGNORECASE)


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("extract", help="clean, tag and extract events from one document (no database)")
    parser.add_argument("source", nargs="?", help="file path, loopback http(s) URL, or - for stdin")
    parser.add_argument("--published", help="publication date YYYY-MM-DD (dates like 'on Tuesday' resolve against it)")
    parser.add_argument("--title", default="", help="the article's headline")
    parser.add_argument("--json", action="store_true", help="print JSON with every field")
    parser.add_argument("--jsonl", help="JSONL input (a path, or - for stdin): one document per line; JSONL output, one line each")
    parser.add_argument("--seeds", help="seeds directory (default: settings)")
    return parser


def _read_source(source: str) -> tuple[str, str | None]:
    """The document's text and, for URLs, the URL (for the cleaner's metadata)."""
    if source == "-":
        return sys.stdin.read(), None
    if source.startswith(("http://", "https://")):
        return _fetch_loopback(source), source
    return _read_file(Path(source)), None


def _read_file(path: Path) -> str:
    """A file's text; an unreadable or binary file ends the command with one clear line (exit 1)."""
    from tasks.clean import looks_binary

    try:
        body = path.read_bytes()
    except OSError as exc:
        raise SystemExit(f"mmtrack extract: cannot read {path}: {exc.strerror or exc}") from None
    if looks_binary(body):
        raise SystemExit(f"mmtrack extract: {path} is not a text or HTML document (binary content)")
    return body.decode("utf-8", errors="replace")


def _fetch_loopback(url: str) -> str:
    import httpx

    host = (urlsplit(url).hostname or "").lower()
    try:
        loopback = host in LOOPBACK_NAMES or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise SystemExit(f"mmtrack extract: refusing to fetch {url}: only loopback URLs are allowed here")
    response = httpx.get(url, timeout=httpx.Timeout(10.0, connect=5.0), follow_redirects=False)
    response.raise_for_status()
    return response.text


def _clean(raw: str, url: str | None, title: str) -> tuple[str, str, str | None]:
    """(text, title, cleaning error) — HTML goes through the cleaner, plain text is used as is."""
    if not _HTML.match(raw):
        return raw, title, None
    from tasks.clean import clean_html

    page = clean_html(raw, url)
    return page.text or "", title or page.title or "", page.error


def process(knowledge, doc_id: str | None, raw: str, published: date, title: str = "", url: str | None = None,
            is_html: bool | None = None) -> dict:
    from tasks.lang import analysed_in_part, extract  # the article's language picks the rules
    from tasks.tag import tag_article

    from tasks.burmese import to_unicode

    text, title, error = _clean(raw, url, title) if is_html is not False else (raw, title, None)
    text, title = to_unicode(text) or "", to_unicode(title) or ""  # Zawgyi pages, as the fetch stage does
    tags = tag_article(knowledge, title, text)
    result = extract(knowledge, title, text, published, doc_id)
    tag_dict = asdict(tags) if hasattr(tags, "__dataclass_fields__") else dict(tags)
    relevant = bool(tag_dict.pop("relevant"))
    events = [e.to_dict() for e in result.events]
    return {
        "id": doc_id,
        "relevance": {"relevant": relevant, "score": tag_dict.pop("score"),
                      "rule": tag_dict.pop("rule"), "evidence": tag_dict.pop("evidence", None)},
        "tags": tag_dict,
        "events": events if relevant else [],             # what the pipeline would store
        "events_not_stored": [] if relevant else events,  # found in a document judged not relevant
        "figures": [f.to_dict() for f in result.figures] if relevant else [],
        "clean_error": error,
        "analysed_in_part": analysed_in_part(text),  # a text this long is tagged and extracted from its opening
    }


def publication_date(value, where: str) -> date:
    """The document's publication date; today (with a warning on stderr) when it has none."""
    if value in (None, ""):
        print(f"mmtrack extract: warning: {where} has no publication date; dates are resolved against today "
              f"({date.today().isoformat()})", file=sys.stderr)
        return date.today()
    return date.fromisoformat(str(value)[:10])


def _load_knowledge(args):
    from tasks.knowledge import load_knowledge

    return load_knowledge(Path(args.seeds) if args.seeds else None)


def _jsonl_line(knowledge, line: str, line_no: int) -> tuple[dict, bool]:
    """(output object, failed) for one input line; a bad line is reported in its output line."""
    doc = None
    try:
        doc = json.loads(line)
        if not isinstance(doc, dict):
            raise TypeError("a line must be a JSON object")
        published = publication_date(doc.get("published"), f"line {line_no} (id {doc.get('id')!r})")
        raw, is_html = (doc["html"], True) if doc.get("html") else (doc.get("text") or "", False)
        return process(knowledge, doc.get("id"), raw, published, doc.get("title") or "", is_html=is_html), False
    except (KeyError, ValueError, TypeError) as exc:
        return {"id": (doc.get("id") if isinstance(doc, dict) else None), "error": f"line {line_no}: {exc}"}, True


def _run_jsonl(args) -> int:
    knowledge = _load_knowledge(args)
    failures = 0
    handle = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8")
    try:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            out, failed = _jsonl_line(knowledge, line, line_no)
            failures += failed
            sys.stdout.write(json.dumps(out, default=str, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    finally:
        if handle is not sys.stdin:
            handle.close()
    return 1 if failures else 0


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except BrokenPipeError:
        # the reader went away (`| head`): nothing more to say. Point stdout at devnull so the
        # interpreter's final flush does not raise again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(args: argparse.Namespace) -> int:
    if args.jsonl:
        return _run_jsonl(args)
    if not args.source:
        print("mmtrack extract: give PATH|URL|- [--published YYYY-MM-DD] (or --jsonl IN.jsonl|-)", file=sys.stderr)
        return 2
    published = publication_date(args.published, args.source)
    raw, url = _read_source(args.source)
    result = process(_load_knowledge(args), None, raw, published, args.title, url)
    if args.json:
        print(json.dumps(result, indent=2, default=str, ensure_ascii=False))
    else:
        _print_table(result)
    sys.stdout.flush()
    return 0


def _print_table(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    rel = result["relevance"]
    console.print(f"[bold]relevant:[/bold] {rel['relevant']}  score={rel['score']:.2f}  rule={rel['rule']}")
    tags = result["tags"]
    console.print(f"topics: {', '.join(tags.get('topics') or []) or '-'}  regions: {', '.join(tags.get('regions') or []) or '-'}"
                  f"  actors: {', '.join(tags.get('actors') or []) or '-'}")
    events = result["events"] or result["events_not_stored"]
    title = (f"{len(events)} events" if result["events"] or not events
             else f"{len(events)} events NOT STORED (the document is not judged relevant)")
    table = Table(title=title, show_lines=True)
    for col in ("date (prec)", "type / sub-type", "location", "actor1", "actor2", "fatal.", "evidence"):
        table.add_column(col, overflow="fold")
    for e in events:
        place = " / ".join(x for x in (e["location"], e["admin3"], e["admin1"] or e["country_iso"]) if x)
        table.add_row(f"{e['event_date']} ({e['time_precision']})", f"{e['event_type']}\n{e['sub_event_type']}",
                      f"{place or '-'} (geo {e['geo_precision']})", e["actor1"] or "-", e["actor2"] or "-",
                      "-" if e["fatalities"] is None else str(e["fatalities"]), f"{e['rule']}\n{e['sentence'][:160]}")
    console.print(table)
    for f in result["figures"]:
        console.print(f"figure: {f['kind']} {f['value']:,} ({f['scope']}) — {f['sentence'][:120]}")
