"""Resolve the active corrections against today's events into the tables the analyst views read.

The live views (sql/views/013_correction_matches.sql, 014_review_member_moves_live.sql,
016_correction_targets_live.sql) re-find every anchored mention; that is too heavy to repeat inside every
analyst query, and it only changes when corrections change or when events change identity. So it runs
here, in the same transaction as every review write and every dedup run (tasks/dedup/store.py), and
reviewed_events joins the two small tables it leaves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

# Re-finding anchors joins every report with the corrections. Inside a write transaction (uncommitted rows
# stay in memory) at 10,000 reports that can pass the pipeline's 64MB per-connection limit, and a dedup
# run must never fail over the analysts' corrections: the limit is raised to this for the refresh only.
REFRESH_MEMORY = "256MB"
_UNITS = {"": 1, "b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12, "kib": 2**10, "mib": 2**20, "gib": 2**30,
          "tib": 2**40}


def _bytes(text: str) -> float:
    match = re.match(r"^\s*([\d.]+)\s*([a-z]*)\s*$", text.lower())
    return float(match.group(1)) * _UNITS.get(match.group(2), 1) if match else float("inf")


@contextmanager
def _memory_at_least(con: duckdb.DuckDBPyConnection, limit: str) -> Iterator[None]:
    before = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    if _bytes(before) >= _bytes(limit):
        yield
        return
    con.execute(f"SET memory_limit = '{limit}'")
    try:
        yield
    finally:
        con.execute(f"SET memory_limit = '{before}'")

_MOVES = ("INSERT INTO review_member_moves (member_event_id, cluster_id, reviewed_event_id, split_correction_id, "
          "merged, dropped) SELECT member_event_id, cluster_id, reviewed_event_id, split_correction_id, merged, "
          "dropped FROM review_member_moves_live")
_TARGETS = ("INSERT INTO review_targets (correction_id, kind, target_event_id, reviewed_event_id, anchors, "
            "anchors_matched, matched_by, applied, orphan_reason, resolved_at) SELECT correction_id, kind, "
            "target_event_id, reviewed_event_id, anchors, anchors_matched, matched_by, applied, "
            "CASE WHEN applied THEN NULL ELSE orphan_reason END, now() FROM correction_targets_live")


def refresh_review(con: duckdb.DuckDBPyConnection) -> int:
    """Rewrite review_member_moves and review_targets (call inside the writer's transaction).

    Costs nothing on a database without corrections. Moves first: targets are found through
    reviewed_members, which reads the moves. Returns the number of orphaned corrections."""
    active = con.execute("SELECT count(*) FROM corrections WHERE status = 'active'").fetchone()[0]
    stored = con.execute("SELECT (SELECT count(*) FROM review_targets) + (SELECT count(*) FROM review_member_moves)"
                         ).fetchone()[0]
    if not active and not stored:
        return 0
    with _memory_at_least(con, REFRESH_MEMORY):
        con.execute("DELETE FROM review_member_moves")
        con.execute(_MOVES)
        con.execute("DELETE FROM review_targets")
        con.execute(_TARGETS)
    return con.execute("SELECT count(*) FROM review_targets WHERE NOT applied").fetchone()[0]
