"""Recording analysts' corrections: check each against the database as it is now, anchor it to what
outlives a reprocess, and write a batch in one transaction.

How a correction survives new rules: event ids are hashes of the coded fields, so a reprocess that codes
an event differently gives it a new id (and its unique event a new cluster id). A correction is therefore
anchored to the event's member mentions by what a reprocess does not change: the article and the evidence
sentence (a hash of it, normalised; and its character span). sql/views/013_correction_matches.sql finds
the mention that stands for each anchor today; the unique event holding most of them is the one corrected.
"""

from __future__ import annotations

import getpass
import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field as dataclass_field
from datetime import datetime, timezone

import duckdb
import pyarrow as pa

from tasks.db import dict_rows, insert, registered, transaction
from tasks.review.fields import ReviewError, machine_value, normalize
from tasks.review.resolve import refresh_review

# The same normalisation as sql/views/013_correction_matches.sql (lower case, white space collapsed).
SENTENCE_HASH_SQL = "md5(lower(trim(regexp_replace(coalesce(e.sentence, ''), '\\s+', ' ', 'g'))))"
KINDS = ("confirm", "reject", "correct", "merge", "split", "add", "relevance")
CORRECTION_SCHEMA = pa.schema([
    ("correction_id", pa.string()), ("kind", pa.string()), ("target_event_id", pa.string()),
    ("article_id", pa.string()), ("field", pa.string()), ("value", pa.string()), ("machine_value", pa.string()),
    ("who", pa.string()), ("created_at", pa.timestamp("us", tz="UTC")), ("why", pa.string()),
    ("status", pa.string()), ("origin", pa.string()),
])
ANCHOR_SCHEMA = pa.schema([("correction_id", pa.string()), ("role", pa.string()), ("member_event_id", pa.string())])


def new_correction_id() -> str:
    return "c" + uuid.uuid4().hex[:12]


def reviewer(who: str | None = None) -> str:
    """Who is reviewing: as given, else $MMTRACK_REVIEWER, else the login name."""
    return who or os.environ.get("MMTRACK_REVIEWER") or getpass.getuser()


@dataclass
class Correction:
    kind: str
    target_event_id: str | None = None
    article_id: str | None = None
    field: str | None = None
    value: str | None = None
    machine_value: str | None = None
    why: str | None = None
    origin: str = "command"
    anchors: list[tuple[str, str]] = dataclass_field(default_factory=list)  # (role, member event_id)
    correction_id: str = dataclass_field(default_factory=new_correction_id)

    def describe(self) -> str:
        target = (self.target_event_id or self.article_id or "")[:12]
        if self.kind == "correct":
            return f"{self.correction_id}: correct {self.field} of {target}: {self.machine_value!r} -> {self.value!r}"
        if self.kind == "merge":
            return f"{self.correction_id}: merge {self.value[:12]} into {target}"
        if self.kind == "relevance":
            return f"{self.correction_id}: article {target} is {self.value}"
        if self.kind == "add":
            return f"{self.correction_id}: add event {self.value}"
        return f"{self.correction_id}: {self.kind} {target}"




def find_event(con: duckdb.DuckDBPyConnection, given: str) -> dict:
    """The reviewed event `given` names: its id or an unambiguous start of it (8+ characters)."""
    key = given.strip().lower()
    if len(key) < 8:
        raise ReviewError(f"event id {given!r} is too short: give at least 8 characters")
    rows = dict_rows(con, "SELECT * FROM reviewed_events WHERE starts_with(event_id, ?) ORDER BY event_id", [key])
    if len(rows) == 1:
        return rows[0]
    if rows:
        raise ReviewError(f"event id {given!r} starts {len(rows)} events: give more characters")
    # an id from before a reprocess: the corrections made under it know which event it is now
    now = con.execute("SELECT DISTINCT reviewed_event_id FROM review_targets WHERE applied AND kind <> 'split' AND "
                      "reviewed_event_id IS NOT NULL AND starts_with(target_event_id, ?)", [key]).fetchall()
    if len(now) == 1:
        return find_event(con, now[0][0])
    gone = con.execute("SELECT count(*) FROM unique_events WHERE starts_with(event_id, ?)", [key]).fetchone()[0]
    if gone:
        raise ReviewError(f"event {given!r} is no longer shown: it was rejected, merged into another event or its "
                          "articles marked not relevant (mmtrack review list)")
    raise ReviewError(f"no event {given!r} (ids: mmtrack query \"SELECT event_id FROM reviewed_events\")")


def members(con: duckdb.DuckDBPyConnection, event_id: str) -> list[str]:
    return [r[0] for r in con.execute("SELECT member_event_id FROM reviewed_members WHERE reviewed_event_id = ? "
                                      "ORDER BY member_event_id", [event_id]).fetchall()]


def _reviewable(con: duckdb.DuckDBPyConnection, given: str, role: str = "target") -> tuple[dict, list[tuple[str, str]]]:
    event = find_event(con, given)
    if event["review_status"] == "added":
        raise ReviewError(f"event {given!r} was added by hand: withdraw its correction and add it again "
                          "(mmtrack review list)")
    return event, [(role, m) for m in members(con, event["event_id"])]


def build_decision(con: duckdb.DuckDBPyConnection, kind: str, given: str, why: str | None = None) -> Correction:
    """confirm (the event is right as coded) or reject (it is not an event)."""
    event, anchors = _reviewable(con, given)
    return Correction(kind, event["event_id"], why=why, anchors=anchors)


def build_correct(con: duckdb.DuckDBPyConnection, given: str, field_name: str, raw: str | None,
                  why: str | None = None) -> Correction:
    event, anchors = _reviewable(con, given)
    value = normalize(con, field_name, raw, event)
    current = machine_value(event, field_name)
    if value == (current or ""):
        raise ReviewError(f"{field_name} of {given} is already {value!r} (mmtrack review confirm to say it is right)")
    return Correction("correct", event["event_id"], field=field_name, value=value, machine_value=current, why=why,
                      anchors=anchors)


def build_merge(con: duckdb.DuckDBPyConnection, keep: str, other: str, why: str | None = None) -> Correction:
    kept, anchors = _reviewable(con, keep)
    merged, other_anchors = _reviewable(con, other, role="other")
    if kept["event_id"] == merged["event_id"]:
        raise ReviewError(f"{keep} and {other} are the same event")
    return Correction("merge", kept["event_id"], value=merged["event_id"], why=why, anchors=anchors + other_anchors)


def build_split(con: duckdb.DuckDBPyConnection, given: str, member: str, why: str | None = None) -> Correction:
    event, _ = _reviewable(con, given)
    ids = members(con, event["event_id"])
    chosen = [m for m in ids if m.startswith(member.strip().lower())]
    if len(ids) < 2:
        raise ReviewError(f"event {given} has one report only: nothing to split off")
    if len(chosen) != 1:
        raise ReviewError(f"{member!r} is not one member report of {given} (members: {', '.join(m[:12] for m in ids)})")
    return Correction("split", event["event_id"], value=chosen[0], why=why, anchors=[("split", chosen[0])])


def build_add(con: duckdb.DuckDBPyConnection, values: dict[str, str], article: str | None = None,
              why: str | None = None) -> Correction:
    """An event the machine missed: at least its date and sub-event type; optionally the article."""
    missing = [f for f in ("event_date", "sub_event_type") if not (values.get(f) or "").strip()]
    if missing:
        raise ReviewError(f"an added event needs {' and '.join(missing)}")
    stored = {}
    for name, raw in values.items():
        if name == "event_type":
            continue  # follows the sub-event type
        value = normalize(con, name, raw)
        if value != "":
            stored[name] = value
    article_id = find_article(con, article) if article else None
    return Correction("add", article_id=article_id, value=json.dumps(stored, sort_keys=True), why=why)


def find_article(con: duckdb.DuckDBPyConnection, given: str) -> str:
    """An article by its id (or the start of it) or its URL."""
    key = given.strip()
    rows = con.execute("SELECT article_id FROM articles WHERE starts_with(article_id, lower(?)) AND length(?) >= 8 "
                       "OR canonical_url = ? OR url = ? LIMIT 2", [key, key, key, key]).fetchall()
    if len(rows) != 1:
        raise ReviewError(f"no single article {given!r} (give its article_id or URL)")
    return rows[0][0]


def build_relevance(con: duckdb.DuckDBPyConnection, article: str, relevant: bool, why: str | None = None) -> Correction:
    article_id = find_article(con, article)
    row = con.execute("SELECT relevant FROM article_tags WHERE article_id = ?", [article_id]).fetchone()
    machine = None if row is None else ("relevant" if row[0] else "not relevant")
    return Correction("relevance", article_id=article_id, value="relevant" if relevant else "not relevant",
                      machine_value=machine, why=why)


def record(con: duckdb.DuckDBPyConnection, corrections: Sequence[Correction], who: str) -> int:
    """Write the corrections and their anchors in one transaction: all of them or none."""
    now = datetime.now(timezone.utc)
    rows = [{"correction_id": c.correction_id, "kind": c.kind, "target_event_id": c.target_event_id,
             "article_id": c.article_id, "field": c.field, "value": c.value, "machine_value": c.machine_value,
             "who": who, "created_at": now, "why": c.why, "status": "active", "origin": c.origin}
            for c in corrections]
    anchors = [{"correction_id": c.correction_id, "role": role, "member_event_id": m}
               for c in corrections for role, m in c.anchors]
    with transaction(con):
        insert(con, "corrections", pa.Table.from_pylist(rows, schema=CORRECTION_SCHEMA))
        if anchors:
            with registered(con, "_new_anchors", pa.Table.from_pylist(anchors, schema=ANCHOR_SCHEMA)):
                con.execute(
                    "INSERT INTO correction_anchors (correction_id, role, member_event_id, article_id, sentence_hash, "
                    f"start_char, end_char, event_type) SELECT n.correction_id, n.role, e.event_id, e.article_id, "
                    f"{SENTENCE_HASH_SQL}, e.start_char, e.end_char, e.event_type "
                    "FROM _new_anchors n JOIN events e ON e.event_id = n.member_event_id")
        refresh_review(con)
    return len(rows)


def withdraw(con: duckdb.DuckDBPyConnection, correction_id: str) -> None:
    """Take a correction back (it stays in the table, status 'withdrawn')."""
    with transaction(con):
        found = con.execute("UPDATE corrections SET status = 'withdrawn', withdrawn_at = now() "
                            "WHERE correction_id = ? AND status = 'active' RETURNING correction_id",
                            [correction_id.strip()]).fetchall()
        if not found:
            raise ReviewError(f"no active correction {correction_id!r} (mmtrack review list)")
        refresh_review(con)
