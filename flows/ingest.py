"""The ingest flow: registry -> poll -> fetch and clean -> tag -> extract -> dedup -> publish.

Orchestration only: each stage is one Prefect task over a whole batch (a task run costs milliseconds, a
page ~15 ms to clean, so one task per article would double the cost); the work lives in tasks/. Tasks
take paths and return small summaries, so NO_CACHE spares Prefect hashing their inputs.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows.hooks import record_crash, record_failure
from tasks import pipeline
from tasks.publish import publish
from tasks.summary import summary_markdown

TASK_STAGES = pipeline.IngestStages(
    sync_feeds=task(cache_policy=NO_CACHE, name="sync feed registry")(pipeline.sync_feeds_stage),
    poll=task(cache_policy=NO_CACHE, name="poll feeds")(pipeline.poll_stage),
    fetch=task(cache_policy=NO_CACHE, name="fetch and clean articles")(pipeline.fetch_stage),
    refresh=task(cache_policy=NO_CACHE, name="re-fetch updated stories")(pipeline.refresh_stage),
    tag=task(cache_policy=NO_CACHE, name="tag articles")(pipeline.tag_stage),
    extract=task(cache_policy=NO_CACHE, name="extract events")(pipeline.extract_stage),
    dedup=task(cache_policy=NO_CACHE, name="cluster stories and events")(pipeline.dedup_stage),
    publish=task(cache_policy=NO_CACHE, name="publish analysts' copy")(publish),
)


@flow(name="ingest", on_failure=[record_failure], on_crashed=[record_crash])
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
    settings, db, feeds = pipeline.resolve_paths(db_path, feeds_path)
    if settings.contact_warning():  # outlets block anonymous crawlers: ops should see this every run
        get_run_logger().warning(settings.contact_warning())
    run_id = str(flow_run.get_id() or pipeline.new_run_id())
    summary = pipeline.run_ingest(
        run_id, db, feeds, settings, only_feeds=only_feeds, max_articles=max_articles, force=force,
        base_url=base_url, stages=TASK_STAGES, log=get_run_logger().info,
    )
    create_markdown_artifact(key="ingest-summary", markdown=summary_markdown(summary),
                             description="What this ingest run did")
    return summary
