"""The reprocess flow: re-run tagging and extraction over stored articles after seeds or rules change.

Tags and events record the tagger/extractor and seed versions that made them; the stages select every
article whose derived rows are from another version, so a reprocess replaces them, never duplicates.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run

from flows.hooks import record_crash, record_failure
from tasks import pipeline
from tasks.db import retry_conflicts
from tasks.publish import publish
from tasks.summary import summary_markdown

tag = task(cache_policy=NO_CACHE, name="tag articles")(pipeline.tag_stage)
extract = task(cache_policy=NO_CACHE, name="extract events")(pipeline.extract_stage)
dedup = task(cache_policy=NO_CACHE, name="cluster stories and events")(pipeline.dedup_stage)
publish_copy = task(cache_policy=NO_CACHE, name="publish analysts' copy")(publish)


@flow(name="reprocess", on_failure=[record_failure], on_crashed=[record_crash])
def reprocess(db_path: str | None = None, force: bool = False) -> dict[str, Any]:
    """Re-tag and re-extract what older rules or seeds made (force: every stored article)."""
    settings, db, _ = pipeline.resolve_paths(db_path, None)
    run_id = str(flow_run.get_id() or pipeline.new_run_id())
    recorder = pipeline.RunRecorder(db, run_id, "reprocess")
    recorder.start()
    timer = pipeline.StageTimer()
    summary: dict[str, Any] = {"run_id": run_id, "database": str(db)}
    retry = retry_conflicts  # on the shared store (MMTRACK_CATALOG) a stage that lost a commit race runs again
    summary |= timer.run("tag", retry, tag, db, force)
    summary |= timer.run("extract", retry, extract, db, force)
    # Rebuilt from scratch, so clusters are exactly what one pass over today's events gives.
    summary |= timer.run("dedup", retry, dedup, db, True)
    summary["published_copy"] = str(settings.published_copy_of(db))
    summary["seconds"] = timer.seconds
    recorder.finish("completed", summary)  # before publishing, so the analysts' copy shows it completed
    timer.run("publish", publish_copy, db, settings.published_copy_of(db))
    create_markdown_artifact(key="reprocess-summary", markdown=summary_markdown(summary))
    return summary
