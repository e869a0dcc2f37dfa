"""Updated stories: re-fetch articles that may have changed, and when their text did, have them re-tagged
and re-extracted with their earlier events kept as history.

Which articles: those whose feed entry's updated date moved on (tasks/poll.py sets refetch_requested_at),
and those younger than MMTRACK_REFRESH_WINDOW_HOURS not fetched for MMTRACK_REFRESH_EVERY_MINUTES (live
pages, "death toll rises to 40"). A changed text replaces the article's text, its tag row and extraction
record are dropped so the unchanged tag and extract stages redo it, and its current events are copied to
`event_history` first (the view `fatality_revisions` compares each revision with the next). One
transaction per batch: a kill leaves either the old article and events or the new text with history.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from tasks.db import transaction, update_rows
from tasks.fetch import PendingArticle, fetch_batch
from tasks.http import HttpPolicy, utc_now
from tasks.settings import Settings
from tasks.sql_ids import IDS, id_list

_HISTORY_COLUMNS = ("event_id, event_type, sub_event_type, event_date, location, admin1, actor1, actor2, "
                    "fatalities, injured, displaced, sentence")


def due_for_refresh(con: duckdb.DuckDBPyConnection, now: datetime, settings: Settings, limit: int) -> list[PendingArticle]:
    rows = con.execute(
        """
        SELECT a.article_id, a.url, a.title, a.summary, a.feed_published_at, a.first_seen_at, a.fetch_attempts,
               coalesce(f.allow_private, false)
        FROM articles a LEFT JOIN feeds f USING (feed_id)
        WHERE a.fetch_status = 'ok' AND (
              (a.refetch_requested_at IS NOT NULL AND a.refetch_requested_at > a.fetched_at)
           OR (coalesce(a.source, 'feed') = 'feed' AND a.published_at > ?::TIMESTAMPTZ - to_seconds(?)
               AND a.fetched_at < ?::TIMESTAMPTZ - to_seconds(?)))
        ORDER BY a.published_at DESC, a.article_id
        LIMIT ?
        """,
        [now, settings.refresh_window_hours * 3600, now, settings.refresh_every_minutes * 60, limit],
    ).fetchall()
    return [PendingArticle(*row) for row in rows]


def _apply(con: duckdb.DuckDBPyConnection, rows: list[dict], now: datetime) -> int:
    """Store one batch of re-fetches; returns how many texts changed."""
    ids = [r["article_id"] for r in rows]
    stored = dict(con.execute(f"SELECT article_id, content_hash FROM articles WHERE article_id IN {IDS}",
                              [id_list(ids)]).fetchall())
    changed = [r for r in rows if not r["fetch_error"] and r["content_hash"] and r["content_hash"] != stored.get(r["article_id"])]
    unchanged = [{"article_id": r["article_id"], "fetched_at": now} for r in rows if r not in changed]
    changed_ids = [r["article_id"] for r in changed]
    with transaction(con):
        update_rows(con, "articles", unchanged, ["article_id"])
        if changed:
            con.execute(
                f"INSERT INTO event_history (article_id, revision, superseded_at, content_hash, {_HISTORY_COLUMNS}) "
                f"SELECT e.article_id, coalesce(a.revision, 0), ?, a.content_hash, "
                f"{', '.join('e.' + c.strip() for c in _HISTORY_COLUMNS.split(','))} "
                "FROM events e JOIN articles a USING (article_id) WHERE e.figure_scope = 'event' "
                f"AND e.article_id IN {IDS} ON CONFLICT DO NOTHING", [now, id_list(changed_ids)])
            update_rows(con, "articles", [{k: v for k, v in r.items() if k != "fetch_attempts"} for r in changed],
                        ["article_id"])
            con.execute(f"UPDATE articles SET revision = coalesce(revision, 0) + 1 WHERE article_id IN {IDS}",
                        [id_list(changed_ids)])
            for table in ("article_tags", "article_extractions"):  # the stages redo what is missing
                con.execute(f"DELETE FROM {table} WHERE article_id IN {IDS}", [id_list(changed_ids)])
    return len(changed)


def refresh_stage(db_path: Path, settings: Settings) -> dict[str, Any]:
    """Re-fetch what may have changed (one batch per run: freshness work never crowds out new articles)."""
    from tasks.pipeline import opened

    now = utc_now()
    with opened(db_path) as con:
        batch = due_for_refresh(con, now, settings, settings.batch_size)
    if not batch:
        return {"articles_refetched": 0, "articles_revised": 0}
    with HttpPolicy(settings) as policy:
        rows, _ = fetch_batch(policy, batch, settings.clean_timeout_s, settings.clean_workers)
    with opened(db_path) as con:
        revised = _apply(con, rows, now)
    return {"articles_refetched": len(rows), "articles_revised": revised}
