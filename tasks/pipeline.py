"""The ingest stages as plain functions over a batch, each opening the database only while it loads.

flows/ingest.py wraps each stage in a Prefect task; `run_ingest` calls them directly for commands and
benchmarks that need no orchestration. Every stage returns a small JSON-able summary.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import duckdb

from tasks import db as database
from tasks import lake
from tasks.clean import release_workers
from tasks.feeds import read_registry, sync_registry
from tasks.fetch import count_pending, fetch_batch, load_articles, pending_articles
from tasks.http import HttpPolicy, utc_now
from tasks.adaptive import AdaptivePolicy
from tasks.poll import due_feeds, load_poll_results, poll_feeds
from tasks.progress import reporter
from tasks.publish import publish
from tasks.refresh import refresh_stage
from tasks.settings import VERSION, Settings, get_settings


@contextmanager
def opened(db_path: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """The write connection, held only for the duration of a load (DESIGN decision 5)."""
    con = database.connect(db_path)
    try:
        yield con
    finally:
        con.close()


def sync_feeds_stage(db_path: Path, feeds_path: Path, base_url: str | None = None) -> dict[str, Any]:
    specs = read_registry(feeds_path, base_url=base_url)
    with opened(db_path) as con:
        sync_registry(con, specs)
    return {"feeds_in_registry": len(specs), "feeds_enabled": sum(s.enabled for s in specs)}


def poll_stage(
    db_path: Path, run_id: str, settings: Settings, only_feeds: list[str] | None = None, force: bool = False
) -> dict[str, Any]:
    with opened(db_path) as con:
        states = due_feeds(con, utc_now(), only_feeds, force)
    with HttpPolicy(settings) as policy:
        outcomes = poll_feeds(policy, states)
    rows = database.retry_conflicts(_load, db_path, load_poll_results, run_id, outcomes, settings.max_backoff_minutes,
                                    AdaptivePolicy.from_settings(settings))
    by_outcome = {name: sum(o.outcome == name for o in outcomes) for name in ("new", "unchanged", "not_modified", "failed")}
    return {
        "feeds_polled": len(outcomes),
        "feeds_new": by_outcome["new"],
        "feeds_unchanged": by_outcome["unchanged"] + by_outcome["not_modified"],
        "feeds_not_modified": by_outcome["not_modified"],
        "feeds_failed": by_outcome["failed"],
        "failed_feeds": {o.state.spec.feed_id: o.error for o in outcomes if o.outcome == "failed"},
        "entries_seen": rows.entries,
        "articles_new": len(rows.articles),
        "articles_duplicate": rows.duplicates,
    }


def _load(db_path: Path, load: Callable[..., Any], *args: Any) -> Any:
    """One load on a fresh write connection (retried whole on the shared store: its rows are in hand)."""
    with opened(db_path) as con:
        return load(con, *args)


def fetch_stage(db_path: Path, settings: Settings, max_articles: int | None = None,
                only_feeds: list[str] | None = None) -> dict[str, Any]:
    """Fetch and clean pending articles in batches until none are left (or the cap is reached); with
    `only_feeds`, only those feeds' articles (a worker's shard in the scaled setup)."""
    totals = {"articles_fetched": 0, "articles_failed": 0, "pages_clean_failed": 0, "text_from_feed": 0}
    failures: dict[str, str] = {}
    remaining = max_articles if max_articles is not None else float("inf")
    with opened(db_path) as con:
        queued = count_pending(con, utc_now(), only_feeds)
    progress = reporter()
    progress.start("fetch", int(min(queued, remaining)), "articles")
    with HttpPolicy(settings) as policy:
        while remaining > 0:
            limit = int(min(settings.batch_size, remaining))
            # A loaded batch leaves the queue (ok, or failed with a retry time later than now).
            with opened(db_path) as con:
                batch = pending_articles(con, limit, utc_now(), only_feeds)
            if not batch:
                break
            rows, outcome = fetch_batch(policy, batch, settings.clean_timeout_s, settings.clean_workers)
            database.retry_conflicts(_load, db_path, load_articles, rows)
            remaining -= len(batch)
            progress.advance("fetch", len(batch))
            totals["articles_fetched"] += outcome.fetched
            totals["articles_failed"] += outcome.failed
            totals["pages_clean_failed"] += outcome.clean_failed
            totals["text_from_feed"] += outcome.from_summary
            urls = {a.article_id: a.url for a in batch}  # ops recognise a link, not a hash
            failures.update({urls[r["article_id"]]: r["fetch_error"] for r in rows if r["fetch_error"]})
    progress.finish("fetch")
    return {**totals, "failed_articles": failures}


@dataclass
class RunRecorder:
    """Writes the run's row in pipeline_runs at start and at the end, whatever the end is."""

    db_path: Path
    run_id: str
    flow: str

    def start(self) -> None:
        with opened(self.db_path) as con, database.transaction(con):
            database.upsert(con, "pipeline_runs", [{
                "run_id": self.run_id, "flow": self.flow, "started_at": utc_now(), "status": "running",
                "code_version": VERSION,
            }], ["run_id"])

    def finish(self, status: str, summary: dict[str, Any] | None = None, error: str | None = None) -> None:
        with opened(self.db_path) as con, database.transaction(con):
            con.execute(
                "UPDATE pipeline_runs SET finished_at = ?, status = ?, summary = ?, error = ? WHERE run_id = ?",
                [utc_now(), status, json.dumps(summary, default=str) if summary else None, error, self.run_id],
            )


def new_run_id() -> str:
    return uuid.uuid4().hex


class StageTimer:
    """Runs stages and keeps their wall times, for the run summary."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def run(self, name: str, stage: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return stage(*args, **kwargs)
        finally:
            self.seconds[name] = round(time.perf_counter() - started, 3)


def tag_stage(db_path: Path, force: bool = False, only_feeds: list[str] | None = None) -> dict[str, Any]:
    """Tag every article not yet tagged by this tagger and these seeds (every fetched one with force);
    with `only_feeds`, only those feeds' articles (a worker's shard)."""
    from tasks.article_span import cap_for_batches
    from tasks.knowledge import load_knowledge
    from tasks.reference_tables import sync_reference_tables
    from tasks.tag import tag_stage as tag_articles

    knowledge = load_knowledge()
    with opened(db_path) as con:
        cap_for_batches(con)  # tasks/article_span.py: DuckDB's cache must not grow with the archive
        if not database.shared_store() or lake.reference_version(con) != knowledge.version:
            sync_reference_tables(con, knowledge)  # analysts join on the seeds the tags were made with
            if database.shared_store():  # every worker would rewrite the same rows, each a commit
                with database.transaction(con):
                    lake.set_reference_version(con, knowledge.version)
        ids = _ids(con, "SELECT article_id FROM articles WHERE fetch_status <> 'pending'") if force else None
        settings = get_settings()
        return tag_articles(con, knowledge, ids, batch_size=settings.batch_size, feeds=only_feeds,
                            workers=settings.analysis_workers, seeds_dir=settings.seeds_dir)


def extract_stage(db_path: Path, force: bool = False, only_feeds: list[str] | None = None) -> dict[str, Any]:
    """Extract events from relevant articles not yet extracted by this extractor and these seeds.

    Events of articles that a newer tagging found irrelevant are retracted first, so a reprocess never
    leaves events behind that today's rules would not produce.
    """
    from tasks.article_span import cap_for_batches
    from tasks.extract.store import extract_stage as extract_articles
    from tasks.knowledge import load_knowledge

    knowledge = load_knowledge()
    with opened(db_path) as con:
        cap_for_batches(con)
        retracted = _retract_irrelevant(con)
        ids = _ids(con, "SELECT article_id FROM article_tags WHERE relevant") if force else None
        settings = get_settings()
        return {**extract_articles(con, knowledge, ids, batch_size=settings.batch_size, feeds=only_feeds,
                                   workers=settings.analysis_workers, seeds_dir=settings.seeds_dir),
                "events_retracted": retracted}


def dedup_stage(db_path: Path, rebuild: bool = False) -> dict[str, Any]:
    """Cluster near-duplicate articles and the event mentions that describe one real-world event, each
    part of tasks.dedup.run_dedup on a fresh open of the database, each in its own short-lived child
    process: what they hold grows with the backlog and must not stay in the pipeline's memory, and the
    event half must not start on top of what the story half left in its allocator."""
    from tasks.isolated import run_isolated

    stories = run_isolated(_stories_here, Path(db_path), rebuild)
    return run_isolated(_events_here, Path(db_path), stories, rebuild)


def _stories_here(db_path: Path, rebuild: bool) -> dict[str, str]:
    from tasks.dedup.store import run_story_dedup

    return run_story_dedup(lambda: opened(db_path), rebuild)


def _events_here(db_path: Path, stories: dict[str, str], rebuild: bool) -> dict[str, Any]:
    from tasks.dedup.store import dedup_events

    with opened(db_path) as con:
        return dedup_events(con, stories, rebuild)


def _ids(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    return [row[0] for row in con.execute(sql).fetchall()]


def _retract_irrelevant(con: duckdb.DuckDBPyConnection) -> int:
    irrelevant = "SELECT article_id FROM article_tags WHERE NOT relevant"
    with database.transaction(con):
        count = con.execute(f"SELECT count(*) FROM events WHERE article_id IN ({irrelevant})").fetchone()[0]
        for table in ("events", "figures", "article_extractions"):
            con.execute(f"DELETE FROM {table} WHERE article_id IN ({irrelevant})")
    return count


@dataclass(frozen=True)
class IngestStages:
    """The stage callables an ingest runs: the plain functions, or the flow's Prefect-task wrappers."""

    sync_feeds: Callable[..., dict[str, Any]] = sync_feeds_stage
    poll: Callable[..., dict[str, Any]] = poll_stage
    fetch: Callable[..., dict[str, Any]] = fetch_stage
    refresh: Callable[..., dict[str, Any]] = refresh_stage  # updated stories (issue 16)
    tag: Callable[..., dict[str, Any]] = tag_stage
    extract: Callable[..., dict[str, Any]] = extract_stage
    dedup: Callable[..., dict[str, Any]] = dedup_stage
    publish: Callable[..., Path] = publish


def run_ingest(
    run_id: str, db: Path, feeds: Path, settings: Settings, *, only_feeds: list[str] | None = None,
    max_articles: int | None = None, force: bool = False, base_url: str | None = None,
    stages: IngestStages = IngestStages(), log: Callable[..., None] = lambda *_: None,
) -> dict[str, Any]:
    """Every stage in order, recorded in pipeline_runs; returns the run summary."""
    retry = database.retry_conflicts  # on the shared store a stage that lost a commit race runs again
    recorder = RunRecorder(db, run_id, "ingest")
    retry(recorder.start)
    timer = StageTimer()
    summary: dict[str, Any] = {"run_id": run_id, "database": str(db)}
    summary |= timer.run("sync", retry, stages.sync_feeds, db, feeds, base_url)
    summary |= timer.run("poll", retry, stages.poll, db, run_id, settings, only_feeds, force)
    log("polled %s feeds: %s new, %s unchanged, %s failed", summary["feeds_polled"],
        summary["feeds_new"], summary["feeds_unchanged"], summary["feeds_failed"])
    summary |= timer.run("fetch", retry, stages.fetch, db, settings, max_articles, only_feeds)
    log("articles: %s new, %s duplicate, %s fetched, %s failed", summary["articles_new"],
        summary["articles_duplicate"], summary["articles_fetched"], summary["articles_failed"])
    summary |= timer.run("refresh", retry, stages.refresh, db, settings)
    release_workers()  # the cleaning workers' memory is not needed again in this run (tasks/clean.py)
    summary |= timer.run("tag", retry, stages.tag, db, False, only_feeds)
    summary |= timer.run("extract", retry, stages.extract, db, False, only_feeds)
    if database.shared_store():
        # Dedup plans over the whole store before it writes, so two workers' plans could overwrite each
        # other; on the shared store it runs once after the workers' ingests (docs/scaling.md).
        summary["dedup"] = "deferred to the shared store's dedup run"
    else:
        summary |= timer.run("dedup", retry, stages.dedup, db)
    summary["published_copy"] = str(settings.published_copy_of(db))
    summary["seconds"] = timer.seconds
    # The run is recorded before publishing, so the analysts' copy shows it completed.
    retry(recorder.finish, "completed", summary)
    timer.run("publish", stages.publish, db, settings.published_copy_of(db))
    return summary


def resolve_paths(db_path: str | Path | None, feeds_path: str | Path | None) -> tuple[Settings, Path, Path]:
    settings = get_settings()
    return settings, Path(db_path or settings.db_path), Path(feeds_path or settings.feeds_path)
