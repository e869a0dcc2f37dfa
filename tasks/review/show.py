"""What `mmtrack review next` and `mmtrack review list` print: the next event worth reviewing with its
coded fields beside the evidence, and the corrections with whether each still applies."""

from __future__ import annotations

import textwrap
from itertools import zip_longest

import duckdb

from tasks.db import dict_rows

from tasks.review.fields import FIELDS

FIELD_WIDTH = 58
TEXT_WIDTH = 74




def next_text(con: duckdb.DuckDBPyConnection, skip: int = 0, event_id: str | None = None) -> str:
    """The queue's next event (after `skip`), or the event `event_id`: coded fields beside the evidence."""
    # two queries, not one join: each view is heavy enough on its own under the pipeline's memory limit
    queue = dict_rows(con, "SELECT event_id, worth, reasons FROM review_queue ORDER BY worth DESC, event_date DESC, "
                        "event_id LIMIT 1 OFFSET ?", [skip]) if not event_id else []
    wanted = event_id.lower() if event_id else (queue[0]["event_id"] if queue else None)
    rows = dict_rows(con, "SELECT * FROM reviewed_events WHERE starts_with(event_id, ?) LIMIT 1",
                  [wanted]) if wanted else []
    if not rows:
        return "nothing to review: every shown event has been reviewed\n" if not event_id else f"no event {event_id}\n"
    if queue:
        rows[0] |= {"worth": queue[0]["worth"], "reasons": queue[0]["reasons"]}
    event = rows[0]
    waiting = con.execute("SELECT count(*) FROM review_queue").fetchone()[0]
    head = [f"event {event['event_id']}  ({event['review_status']}; {waiting} events waiting for review)"]
    if event.get("worth") is not None:
        head.append(f"worth {event['worth']}: {', '.join(event['reasons']) or 'no particular reason'}")
    fields = [f"{name:<18} {_cell(event, name)}" for name in FIELDS if name not in ("notes",)]
    fields += [f"{'sources':<18} {', '.join(event['sources'] or [])}"]
    evidence = _evidence(con, event["event_id"])
    left = [f[:FIELD_WIDTH].ljust(FIELD_WIDTH) for f in ["CODED FIELDS", *fields]]
    out = [*head, ""]
    for a, b in zip_longest(left, ["EVIDENCE", *evidence], fillvalue=" " * FIELD_WIDTH):
        out.append(f"{a} | {b}".rstrip())
    short = event["event_id"][:12]
    out += ["", f"mmtrack review confirm {short}   |  reject {short} --why ...  |  correct {short} FIELD VALUE",
            f"mmtrack review next --skip {skip + 1}   (the one after)"]
    return "\n".join(out) + "\n"


def _cell(event: dict, name: str) -> str:
    if name == "place":
        parts = [event.get("location"), event.get("admin3"), event.get("admin1")]
        place = ", ".join(dict.fromkeys(p for p in parts if p))
        return f"{place} [{event.get('place_id') or '-'}]"
    value = event.get(name)
    return "-" if value is None or value == "" else str(value)


def _evidence(con: duckdb.DuckDBPyConnection, event_id: str) -> list[str]:
    rows = dict_rows(con, """
        SELECT e.event_id, f.outlet, a.canonical_url, a.published_at::DATE AS published, e.sentence, e.rule,
               e.confidence, e.fatalities, e.sub_event_type
        FROM reviewed_members r JOIN events e ON e.event_id = r.member_event_id
        JOIN articles a ON a.article_id = e.article_id LEFT JOIN feeds f ON f.feed_id = a.feed_id
        WHERE r.reviewed_event_id = ? ORDER BY a.published_at, e.event_id""", [event_id])
    lines: list[str] = []
    for row in rows:
        lines.append(f"[{row['event_id'][:12]}] {row['outlet'] or '?'}, {row['published']} "
                     f"(rule {row['rule']}, confidence {row['confidence']})")
        lines += textwrap.wrap(f"\u201c{' '.join((row['sentence'] or '').split())}\u201d", TEXT_WIDTH)
        lines += [row["canonical_url"] or "", ""]
    return lines or ["(added by hand: no machine report)"]


def list_text(con: duckdb.DuckDBPyConnection, limit: int = 50, orphaned_only: bool = False) -> str:
    """Orphaned corrections first (they need the analyst), then the latest corrections with their state."""
    orphans = dict_rows(con, "SELECT * FROM orphaned_corrections")
    out = []
    if orphans:
        out.append(f"ORPHANED: {len(orphans)} correction(s) no longer match anything (re-do or withdraw them):")
        for o in orphans:
            what = f"{o['field']} -> {o['value']!r}" if o["kind"] == "correct" else (o["value"] or "")
            out.append(f"  {o['correction_id']} {o['kind']} {(o['target_event_id'] or o['article_id'] or '')[:12]} "
                       f"{what} by {o['who']} {o['created_at']:%Y-%m-%d}: {o['orphan_reason']}")
        out.append("")
    if orphaned_only:
        return "\n".join(out or ["no orphaned corrections"]) + "\n"
    rows = dict_rows(con, """
        SELECT c.correction_id, c.kind, c.field, c.value, c.machine_value, c.who, c.created_at, c.why, c.status,
               coalesce(c.target_event_id, c.article_id) AS target, t.reviewed_event_id, t.applied, t.matched_by
        FROM corrections c LEFT JOIN review_targets t ON t.correction_id = c.correction_id
        ORDER BY c.created_at DESC, c.correction_id LIMIT ?""", [limit])
    total = con.execute("SELECT count(*), count(*) FILTER (WHERE status = 'active') FROM corrections").fetchone()
    out.append(f"{total[0]} corrections ({total[1]} active, {len(orphans)} orphaned); latest {len(rows)}:")
    for r in rows:
        state = r["status"] if r["status"] != "active" else ("applied" if r["applied"] else "ORPHANED")
        moved = r["reviewed_event_id"] and r["reviewed_event_id"] != r["target"]
        now = f" now {r['reviewed_event_id'][:12]}" if moved else ""
        what = f" {r['field']}: {r['machine_value']!r} -> {r['value']!r}" if r["kind"] == "correct" else (
            f" {r['value'][:60]}" if r["kind"] in ("relevance", "add", "merge", "split") else "")
        out.append(f"  {r['correction_id']} {r['created_at']:%Y-%m-%d %H:%M} {r['who']:<10} {r['kind']:<9} "
                   f"{(r['target'] or '')[:12]}{now}{what} [{state}]" + (f" ({r['why']})" if r["why"] else ""))
    return "\n".join(out) + "\n"
