"""The review queue as a spreadsheet: export it to CSV, let an analyst fill in decisions and edit the coded
cells, and import it back.

One row per event. `decision` says what to do with the row: empty (skip it), confirm or correct (the
edited cells become corrections; a row with no edit is a confirmation), reject, merge (into the event in
`merge_into`), add (a new event: event_id empty, the cells give its fields). Cells other than the editable
ones are context and ignored on import. Every row is checked before anything is written; bad rows are
refused with their line number and reason, and the good ones are written in one transaction (or, by
default, nothing at all while any row is bad).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import duckdb

from tasks.review.fields import ReviewError, machine_value, normalize
from tasks.review.store import Correction, build_add, build_decision, build_merge, find_event

EDITABLE = ("sub_event_type", "event_date", "time_precision", "actor1", "actor2", "place", "fatalities", "injured",
            "displaced", "arrested", "civilian_targeting")
CONTEXT = ("worth", "reasons", "review_status", "event_type", "location", "admin1", "num_sources", "evidence", "url")
COLUMNS = ("event_id", "decision", "why", *EDITABLE, "merge_into", "article_id", *CONTEXT)
DECISIONS = ("", "confirm", "correct", "reject", "merge", "add")


def export_rows(con: duckdb.DuckDBPyConnection, limit: int | None, everything: bool) -> list[dict]:
    """The queue's events (or every shown event with `everything`), most worth reviewing first."""
    where = "" if everything else "WHERE q.event_id IS NOT NULL"
    cursor = con.execute(f"""
        SELECT r.event_id, '' AS decision, '' AS why, r.sub_event_type, r.event_date, r.time_precision, r.actor1,
               r.actor2, r.place_id AS place, r.fatalities, r.injured, r.displaced, r.arrested,
               r.civilian_targeting, '' AS merge_into, '' AS article_id, q.worth,
               array_to_string(q.reasons, '; ') AS reasons, r.review_status, r.event_type, r.location, r.admin1,
               r.num_sources, coalesce(q.evidence, r.notes) AS evidence, r.source_urls[1] AS url
        FROM reviewed_events r LEFT JOIN review_queue q ON q.event_id = r.event_id
        {where}
        ORDER BY q.worth DESC NULLS LAST, r.event_date DESC, r.event_id
        {'' if limit is None else f'LIMIT {int(limit)}'}""")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def write_sheet(rows: Iterable[dict], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})


@dataclass
class ImportResult:
    corrections: list[Correction] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)   # (line number, reason)
    skipped: int = 0                                                # rows without a decision


def read_sheet(con: duckdb.DuckDBPyConnection, path: Path) -> ImportResult:
    """Check every row of the sheet against the database; nothing is written here."""
    result = ImportResult()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        result.refused.append((0, f"cannot read {path}: {exc}"))
        return result
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:  # a spreadsheet saved in its local encoding: say where, judge nothing
        line = raw[:exc.start].count(b"\n") + 1
        result.refused.append((line, f"not UTF-8 text ({exc.reason}): save the sheet as CSV UTF-8"))
        return result
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in ("event_id", "decision") if c not in (reader.fieldnames or [])]
    if missing:
        result.refused.append((1, f"header lacks column(s) {', '.join(missing)} (export a sheet to start from)"))
        return result
    try:
        _read_rows(con, reader, path.name, result)
    except csv.Error as exc:
        result.refused.append((reader.line_num, f"not a readable CSV row ({exc}); the rows after it were not read"))
    return result


def _read_rows(con: duckdb.DuckDBPyConnection, reader: csv.DictReader, name: str, result: ImportResult) -> None:
    line = reader.line_num
    for row in reader:
        start, line = line + 1, reader.line_num  # a quoted cell may span lines: report where the row starts
        try:
            made = _row_corrections(con, row, f"csv:{name}:{start}")
        except ReviewError as exc:
            result.refused.append((start, str(exc)))
            continue
        if made is None:
            result.skipped += 1
        else:
            result.corrections.extend(made)


def _row_corrections(con: duckdb.DuckDBPyConnection, row: dict, origin: str) -> list[Correction] | None:
    if None in row:
        raise ReviewError(f"more cells than the header has columns ({len(row[None])} extra)")
    decision = (row.get("decision") or "").strip().lower()
    why = (row.get("why") or "").strip() or None
    event_id = (row.get("event_id") or "").strip()
    if decision not in DECISIONS:
        raise ReviewError(f"decision {decision!r} is not one of: confirm, correct, reject, merge, add (or empty)")
    if not decision:
        return None
    if decision == "add":
        if event_id:
            raise ReviewError("decision add is for a new event: leave event_id empty")
        values = {c: row[c] for c in EDITABLE if (row.get(c) or "").strip()}
        made = [build_add(con, values, (row.get("article_id") or "").strip() or None, why)]
    elif not event_id:
        raise ReviewError(f"decision {decision} needs an event_id")
    elif decision == "reject":
        made = [build_decision(con, "reject", event_id, why)]
    elif decision == "merge":
        other = (row.get("merge_into") or "").strip()
        if not other:
            raise ReviewError("decision merge needs merge_into: the event this one is the same as")
        made = [build_merge(con, other, event_id, why)]
    else:
        made = _edits(con, event_id, row, why)
    for correction in made:
        correction.origin = origin
    return made


def _edits(con: duckdb.DuckDBPyConnection, event_id: str, row: dict, why: str | None) -> list[Correction]:
    """One correction per edited cell (every cell checked, all problems reported together), else a confirm."""
    event = find_event(con, event_id)
    confirm = build_decision(con, "confirm", event_id, why)
    made, problems = [], []
    for column in EDITABLE:
        if column not in row or row[column] is None:
            continue
        try:
            value = normalize(con, column, row[column], event)
        except ReviewError as exc:
            problems.append(str(exc))
            continue
        current = machine_value(event, column) or ""
        if value != current:
            made.append(Correction("correct", event["event_id"], field=column, value=value,
                                   machine_value=current or None, why=why, anchors=list(confirm.anchors)))
    if problems:
        raise ReviewError("; ".join(problems))
    return made or [confirm]
