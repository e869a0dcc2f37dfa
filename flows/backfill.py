"""The backfill flow: an outlet's history (sitemaps, else its paginated feed) through the unchanged stages.

Orchestration only (tasks/backfill_run.py does the work): one Prefect task per feed, then dedup and
publish. Run by hand from the `backfill` deployment (no schedule). It never delays the scheduled ingest
by more than one batch: it holds DuckDB's single write lock only while it loads one MMTRACK_BATCH_SIZE
batch (fetching and cleaning happen with the file closed), and the ingest's fetch queue skips rows a
backfill queued, so the ingest waits for the lock at most one batch load and never inherits the backlog.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows.hooks import record_crash, record_failure
from tasks import pipeline
from tasks.backfill import Window
from tasks.backfill_run import backfill_feed, run_backfill

backfill_feed_task = task(cache_policy=NO_CACHE, name="backfill one feed")(backfill_feed)


@flow(name="backfill", on_failure=[record_failure], on_crashed=[record_crash])
def backfill(
    since: date,
    until: date | None = None,
    feed_ids: list[str] | None = None,
    outlet: str | None = None,
    max_articles: int | None = None,
    db_path: str | None = None,
    feeds_path: str | None = None,
    dedup: bool = True,
) -> dict[str, Any]:
    """Backfill the chosen feeds (all enabled ones when neither feed_ids nor outlet is given)."""
    settings, db, feeds = pipeline.resolve_paths(db_path, feeds_path)
    logger = get_run_logger()
    if settings.contact_warning():
        logger.warning(settings.contact_warning())
    summary = run_backfill(db, feeds, settings, feed_ids=feed_ids, outlet=outlet,
                           window=Window(since, until or date.today()), max_articles=max_articles, dedup=dedup,
                           log=logger.info, run_id=str(flow_run.get_id() or pipeline.new_run_id()),
                           feed_step=backfill_feed_task)
    rows = "\n".join(f"| {feed} | {r['method']} | {r['urls_queued']} | {r['articles_fetched']} | {r['events']} |"
                     for feed, r in summary["feeds"].items())
    create_markdown_artifact(key="backfill-summary", description="What this backfill did", markdown=(
        f"Backfill {summary['since']} .. {summary['until']}\n\n| feed | method | queued | fetched | events |\n"
        f"|---|---|---|---|---|\n{rows}\n"))
    return summary
