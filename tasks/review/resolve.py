"""Resolve the active corrections against today's events into the tables the analyst views read.

The live views (sql/views/013_correction_matches.sql, 014_review_member_moves_live.sql,
016_correction_targets_live.sql) re-find every anchored mention; that is too heavy to repeat inside every
analyst query, and it only changes when corrections change or when events change identity. So it runs
here, in the same transaction as every review write and every dedup run (tasks/dedup/store.py), and
reviewed_events joins the two small tables it leaves.
"""

from __future__ import annotations

import duckdb

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
    con.execute("DELETE FROM review_member_moves")
    con.execute(_MOVES)
    con.execute("DELETE FROM review_targets")
    con.execute(_TARGETS)
    return con.execute("SELECT count(*) FROM review_targets WHERE NOT applied").fetchone()[0]
