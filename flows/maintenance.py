"""The daily maintenance flow: checkpoint, prune old poll history, publish the analysts' copy, export.

Orchestration only; the work is in tasks/maintenance.py and tasks/publish.py. Pruning runs before the
publish so the analysts' copy and the Parquet snapshot (read from that copy) match the pruned database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows.hooks import record_crash, record_failure
from tasks import maintenance as upkeep
from tasks import pipeline
from tasks.publish import publish
from tasks.report import write_report

# Inputs are paths and numbers and nothing is worth caching: NO_CACHE skips hashing the inputs.
prune_polls = task(name="prune feed poll history", cache_policy=NO_CACHE)(upkeep.prune_feed_polls)
checkpoint = task(name="checkpoint database", cache_policy=NO_CACHE)(upkeep.checkpoint)
publish_copy = task(name="publish analysts' copy", cache_policy=NO_CACHE)(publish)
export = task(name="export Parquet snapshot", cache_policy=NO_CACHE)(upkeep.export_snapshot)
report = task(name="write HTML report", cache_policy=NO_CACHE)(write_report)


@flow(name="maintenance", on_failure=[record_failure], on_crashed=[record_crash])
def maintenance(
    db_path: str | None = None,
    poll_retention_days: int = 90,
    exports_dir: str | None = None,
    report_path: str | None = None,
) -> dict[str, Any]:
    """Daily upkeep. poll_retention_days: feed_polls rows older than this are deleted.

    exports_dir defaults to <data dir>/exports; each run writes <exports_dir>/YYYY-MM-DD/<table>.parquet.
    report_path names the HTML report file to write (default <data dir>/report.html).
    """
    logger = get_run_logger()
    settings, db, _ = pipeline.resolve_paths(db_path, None)
    run_id = str(flow_run.get_id() or pipeline.new_run_id())
    recorder = pipeline.RunRecorder(db, run_id, "maintenance")
    recorder.start()
    timer = pipeline.StageTimer()
    summary: dict[str, Any] = {"run_id": run_id, "database": str(db),
                               "poll_retention_days": poll_retention_days}
    summary["feed_polls_pruned"] = timer.run("prune", prune_polls, db, poll_retention_days)
    summary["database_bytes"] = timer.run("checkpoint", checkpoint, db)
    published = timer.run("publish", publish_copy, db, settings.published_copy_of(db))
    summary["published_copy"] = str(published)
    snapshot = timer.run("export", export, published, Path(exports_dir or settings.data_dir / "exports"))
    summary["export_dir"] = str(snapshot.directory)
    summary["exported_rows"] = snapshot.rows_by_table
    # Readers who would rather look than read: one self-contained HTML page, rewritten every day.
    report_file = Path(report_path or settings.data_dir / "report.html")
    summary["report"] = str(timer.run("report", report, published, report_file))
    summary["seconds"] = timer.seconds
    logger.info("pruned %s feed polls; exported %s tables to %s", summary["feed_polls_pruned"],
                len(snapshot.rows_by_table), snapshot.directory)
    recorder.finish("completed", summary)
    create_markdown_artifact(key="maintenance-summary", markdown=upkeep.maintenance_markdown(summary),
                             description="What this maintenance run did")
    create_link_artifact(key="conflict-report", link=report_file.resolve().as_uri(), link_text="HTML report",
                         description="The day's self-contained report: map, timeline, fronts, agreements")
    return summary
