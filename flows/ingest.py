"""The ingest flow: registry -> poll -> fetch and clean -> tag -> extract -> publish.

Orchestration only: each stage is one Prefect task over a whole batch (a task run costs ~10 ms, a page
~15 ms to clean, so one task per article would double the cost); the work lives in tasks/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run

from flows.hooks import record_crash, record_failure
from tasks import pipeline
from tasks.publish import publish
from tasks.summary import summary_markdown

sync_feeds = task(name="sync feed registry")(pipeline.sync_feeds_stage)
poll = task(name="poll feeds")(pipeline.poll_stage)
fetch = task(name="fetch and clean articles")(pipeline.fetch_stage)
tag = task(name="tag articles")(pipeline.tag_stage)
extract = task(name="extract events")(pipeline.extract_stage)
publish_copy = task(name="publish analysts' copy")(publish)


@flow(name="ingest", log_prints=False, on_failure=[record_failure], on_crashed=[record_crash])
def ingest(
    db_path: str | None = None,
    feeds_path: str | None = None,
    only_feeds: list[str] | None = None,
    max_articles: int | None = None,
    force: bool = False,
    base_url: str | None = None,
) -> dict[str, Any]:
    """Poll due feeds and load their new articles, tags and events.

    force polls every enabled feed whatever its schedule; base_url fills a {{BASE}} placeholder in the
    registry (the offline demo's loopback site).
    """
    logger = get_run_logger()
    settings, db, feeds = pipeline.resolve_paths(db_path, feeds_path)
    run_id = str(flow_run.get_id() or pipeline.new_run_id())
    recorder = pipeline.RunRecorder(db, run_id, "ingest")
    recorder.start()
    timer = pipeline.StageTimer()
    summary: dict[str, Any] = {"run_id": run_id, "database": str(db)}
    summary |= timer.run("sync", sync_feeds, db, feeds, base_url)
    summary |= timer.run("poll", poll, db, run_id, settings, only_feeds, force)
    logger.info("polled %s feeds: %s new, %s unchanged, %s failed", summary["feeds_polled"],
                summary["feeds_new"], summary["feeds_unchanged"], summary["feeds_failed"])
    summary |= timer.run("fetch", fetch, db, settings, max_articles)
    logger.info("articles: %s new, %s duplicate, %s fetched, %s failed", summary["articles_new"],
                summary["articles_duplicate"], summary["articles_fetched"], summary["articles_failed"])
    summary |= timer.run("tag", tag, db)
    summary |= timer.run("extract", extract, db)
    summary["published_copy"] = str(timer.run("publish", publish_copy, db, settings.published_db_path))
    summary["seconds"] = timer.seconds
    recorder.finish("completed", summary)
    create_markdown_artifact(key="ingest-summary", markdown=summary_markdown(summary),
                             description="What this ingest run did")
    return summary
