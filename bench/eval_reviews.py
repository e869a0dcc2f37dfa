"""The extractor's accuracy on the events analysts reviewed: corrections are labelled data (DESIGN 11).

Reads the review_field_checks view (sql/views/310_review_field_checks.sql) of a database: every machine
event an analyst confirmed, corrected or rejected, field by field, machine value (as today's rules code
it) against the reviewed value. A correction reviews the whole event: the fields it left alone count as
right. Figures from these real stories are never mixed with the team's gold set (bench/eval_extraction.py).

The database: $MMTRACK_REVIEW_DB, else the analysts' published copy, else the pipeline's ($MMTRACK_DB).
No database, or no reviewed event in it, is said so and FAILS the "reviewed events" row (>= 1): a figure
that measured nothing must not look like a pass.

    .venv/bin/python bench/eval_reviews.py [-v]     (-v: every wrong field, with both values)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tasks.settings import get_settings  # noqa: E402

TARGET = 0.80            # per-field accuracy, as bench/eval_extraction.py's default
MIN_EVENTS = 5           # fewer reviewed events than this: shown, no verdict (too few to judge)


def database_path() -> Path | None:
    settings = get_settings()
    given = os.environ.get("MMTRACK_REVIEW_DB")
    candidates = [Path(given)] if given else [settings.published_db_path, settings.db_path]
    return next((p for p in candidates if p.exists()), None)


def field_accuracy(db: Path) -> tuple[int, list[tuple[str, int, int]]]:
    """(reviewed events, [(field, events, correct)]) over the whole database."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        reviewed = con.execute("SELECT count(DISTINCT event_id) FROM review_field_checks").fetchone()[0]
        fields = con.execute("SELECT field, count(*), count(*) FILTER (WHERE correct) FROM review_field_checks "
                             "GROUP BY field ORDER BY field").fetchall()
    finally:
        con.close()
    return reviewed, fields


def evaluate() -> list[tuple[str, float | str, float | str]]:
    db = database_path()
    if db is None:
        return [("reviews: reviewed events (no database: set MMTRACK_REVIEW_DB)", 0, ">= 1")]
    try:
        reviewed, fields = field_accuracy(db)
    except duckdb.CatalogException:
        return [(f"reviews: reviewed events ({db.name} predates review)", 0, ">= 1")]
    rows: list[tuple[str, float | str, float | str]] = [(f"reviews: reviewed events in {db}", reviewed, ">= 1")]
    for field, events, correct in fields:
        target = TARGET if reviewed >= MIN_EVENTS else f"(n={events}, too few to judge)"
        rows.append((f"reviews.{field} accuracy", round(correct / events, 3), target))
    return rows


def wrong_fields(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT event_id, field, machine_value, reviewed_value, outlet, month FROM "
                           "review_field_checks WHERE NOT correct ORDER BY field, event_id").fetchall()
    finally:
        con.close()


def main() -> int:
    rows = evaluate()
    print(f"{'figure':<52}{'value':>10}  target")
    for figure, value, target in rows:
        print(f"{figure:<52}{value!s:>10}  {target}")
    db = database_path()
    if "-v" in sys.argv and db is not None:
        for event_id, field, machine, reviewed, outlet, month in wrong_fields(db):
            print(f"  {event_id[:12]} {field}: machine {machine!r}, reviewed {reviewed!r} ({outlet}, {month})")
    return 0 if rows[0][1] else 1


if __name__ == "__main__":
    sys.exit(main())
