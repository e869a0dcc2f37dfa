"""Running a backfill: discover each feed's past URLs (tasks/backfill.py), then work the backfill queue in
MMTRACK_BATCH_SIZE batches through the unchanged stages: fetch and clean, tag, extract (these two in
worker processes, tasks/analysis_pool.py); dedup and publish once at the end.

Sharing the database with the scheduled ingest (DuckDB has one writer): the backfill opens the file only
to load one batch (fetch results, then that batch's tags, then its events) and closes it again, and its
HTTP work and cleaning happen with the file closed. An ingest that starts meanwhile waits for the lock
(tasks/db.py) at most as long as one batch load takes. The live fetch queue leaves `source = 'backfill'`
rows alone, so a 50,000-URL backlog never lands in a scheduled run either.

Memory: the per-batch stages stream; dedup (story half, then event half) runs in short-lived child
processes (tasks/isolated.py), see docs/history.md for what still grows with the backlog.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb

from tasks.analysis_pool import AnalysisPool, batch_rows
from tasks.backfill import Discoverer, Window, read_robots
from tasks.faults import kill_point
from tasks.feeds import FeedSpec, RegistryError, read_registry
from tasks.fetch import PendingArticle, fetch_batch, load_articles
from tasks.http import HttpPolicy
from tasks.pipeline import RunRecorder, dedup_stage, new_run_id, opened, sync_feeds_stage
from tasks.progress import reporter
from tasks.publish import publish
from tasks.settings import Settings

Log = Callable[..., None]


def select_feeds(feeds_path: Path, feed_ids: list[str] | None, outlet: str | None,
                 base_url: str | None = None) -> list[FeedSpec]:
    """The registry entries a backfill was asked for (by feed id or by outlet name, case-insensitive)."""
    specs = read_registry(feeds_path, base_url=base_url)
    if feed_ids:
        chosen = [s for s in specs if s.feed_id in set(feed_ids)]
        missing = set(feed_ids) - {s.feed_id for s in chosen}
        if missing:
            raise RegistryError(f"no feed {', '.join(sorted(missing))} in {feeds_path}")
    elif outlet:
        chosen = [s for s in specs if s.outlet.lower() == outlet.lower()]
        if not chosen:
            raise RegistryError(f"no outlet named {outlet!r} in {feeds_path}")
    else:
        chosen = [s for s in specs if s.enabled]
    return chosen


_QUEUE = (
    "FROM articles a LEFT JOIN feeds f USING (feed_id) WHERE a.source = 'backfill' AND a.fetch_status = 'pending' "
    "AND a.feed_id IN (SELECT unnest(?::VARCHAR[]))")


def backfill_pending(con: duckdb.DuckDBPyConnection, feed_ids: list[str], limit: int) -> list[PendingArticle]:
    """The next batch of the backfill queue: newest history first, so a capped run keeps the recent past."""
    rows = con.execute(
        "SELECT a.article_id, a.url, a.title, a.summary, a.feed_published_at, a.first_seen_at, a.fetch_attempts, "
        f"coalesce(f.allow_private, false) {_QUEUE} "
        "ORDER BY a.feed_published_at DESC NULLS LAST, a.url DESC LIMIT ?", [feed_ids, limit]).fetchall()
    return [PendingArticle(*row) for row in rows]


@dataclass
class Throughput:
    """Count and ETA for the plain-line log (the rich bar shows its own)."""

    total: int
    done: int = 0
    started: float = time.perf_counter()

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate else float("inf")
        return f"{self.done}/{self.total} articles, {rate:.1f}/s, ETA {eta / 60:.1f} min"


class PhaseTimer:
    """Wall seconds per phase of the batch loop, summed over batches (where a slow backfill spends its time)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, phase: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[phase] = self.seconds.get(phase, 0.0) + time.perf_counter() - started


def work_queue(db: Path, policy: HttpPolicy, feed_ids: list[str], settings: Settings, max_articles: int | None,
               log: Log) -> dict[str, Any]:
    """Fetch, clean, tag and extract the feeds' backfill queue, one batch (and one short lock) at a time.

    Batch N+1 is fetched and cleaned (threads and the cleaning processes) while batch N is tagged and
    extracted by the analysis processes (tasks/analysis_pool.py), so the work fills both cores. Only this
    thread opens the file.
    """
    from tasks.knowledge import load_knowledge
    from tasks.reference_tables import sync_reference_tables

    knowledge = load_knowledge()
    with opened(db) as con:
        sync_reference_tables(con, knowledge)
        queued = con.execute(f"SELECT count(*) {_QUEUE}", [feed_ids]).fetchone()[0]
    total = int(min(queued, max_articles if max_articles is not None else queued))
    totals = {"articles_fetched": 0, "articles_failed": 0, "tagged": 0, "relevant": 0, "events": 0}
    progress, pace, timer = reporter(), Throughput(total, started=time.perf_counter()), PhaseTimer()
    progress.start("backfill", total, "articles")

    def next_batch() -> list[PendingArticle]:
        if pace.done >= total:
            return []
        with opened(db) as con:
            return backfill_pending(con, feed_ids, min(settings.batch_size, total - pace.done))

    loaded = False
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="backfill-fetch") as fetcher, \
            AnalysisPool(settings.analysis_workers, settings.seeds_dir, knowledge) as analysts:
        batch = next_batch()
        while batch:
            fetching = fetcher.submit(fetch_batch, policy, batch, settings.clean_timeout_s, settings.clean_workers)
            if loaded:
                _analyse(db, knowledge, settings, totals, timer, analysts)
            with timer("fetch (waiting)"):
                rows, outcome = fetching.result()
            with timer("load"), opened(db) as con:
                load_articles(con, rows)
            kill_point("backfill_batch_loaded")  # loaded, not yet analysed: tests/test_backfill.py
            loaded = True
            totals["articles_fetched"] += outcome.fetched
            totals["articles_failed"] += outcome.failed
            pace.done += len(batch)
            progress.advance("backfill", len(batch))
            log("backfill: %s", pace.line())
            batch = next_batch()
        # Also with an empty queue: a run killed after its last batch's load left articles nobody analysed.
        _analyse(db, knowledge, settings, totals, timer, analysts)
        _catch_up(db, knowledge, settings, totals, timer)
        for failure in analysts.failures:
            log("backfill: %s", failure)
    progress.finish("backfill")
    return totals | {"seconds": {k: round(v, 2) for k, v in timer.seconds.items()},
                     "analysis_failures": analysts.failures}


def _analyse(db: Path, knowledge: Any, settings: Settings, totals: dict[str, int], timer: "PhaseTimer",
             pool: AnalysisPool) -> None:
    """Tag and extract every article not yet tagged, in the analysis workers (so a batch killed before this
    is caught up by the next one)."""
    from tasks.article_span import cap_for_batches
    from tasks.extract.store import load_events
    from tasks.tag import ids_to_tag, load_tags, tagger_version

    with timer("read"), opened(db) as con:
        ids = ids_to_tag(cap_for_batches(con), tagger_version(knowledge))
    for start in range(0, len(ids), settings.batch_size):
        with timer("read"), opened(db) as con:
            rows = batch_rows(cap_for_batches(con), ids[start:start + settings.batch_size])
        with timer("analyse"):
            done = pool.analyse(rows)
        with timer("load results"), opened(db) as con:
            load_tags(con, done.tags)
            load_events(con, done.extracted, done.events, done.figures, knowledge.version)
        totals["tagged"] += len(done.tags)
        totals["relevant"] += len(done.extracted)
        totals["events"] += len(done.events)


def _catch_up(db: Path, knowledge: Any, settings: Settings, totals: dict[str, int], timer: "PhaseTimer") -> None:
    """Extract the articles tagged relevant but never extracted: a run killed between a batch's two loads
    left them. Once a run (its own batches load both together): the query reads every relevant article."""
    from tasks.article_span import cap_for_batches
    from tasks.extract.store import extract_stage as extract_articles

    with timer("load results"), opened(db) as con:
        totals["events"] += extract_articles(cap_for_batches(con), knowledge, None,
                                             batch_size=settings.batch_size)["events"]


def backfill_feed(db: Path, spec: FeedSpec, window: Window, settings: Settings, max_articles: int | None,
                  log: Log) -> dict[str, Any]:
    """Discover one feed's history and work its queue; Crawl-delay slows this outlet's pacing, never speeds it."""
    with HttpPolicy(settings) as probe:
        robots = read_robots(probe, spec)
    delay = robots.crawl_delay_s if robots and robots.crawl_delay_s else 0.0
    paced = replace(settings, per_host_interval_s=max(settings.per_host_interval_s, delay))
    with HttpPolicy(paced) as policy:
        started = time.perf_counter()
        found = Discoverer(lambda: opened(db), policy, spec, window, max_articles, robots).run()
        discovery_s = round(time.perf_counter() - started, 2)
        log("%s: %s via %s, %s new URLs, %s already stored, %s sources failed, %s refused", spec.feed_id,
            found.sources_read, found.method, found.urls_queued, found.urls_known, len(found.sources_failed),
            len(found.sources_refused))
        worked = work_queue(db, policy, [spec.feed_id], paced, max_articles, log)
    worked["seconds"]["discovery"] = discovery_s
    return {**found.__dict__, **worked, "per_host_interval_s": paced.per_host_interval_s}


def run_backfill(db: Path, feeds_path: Path, settings: Settings, *, feed_ids: list[str] | None = None,
                 outlet: str | None = None, window: Window, max_articles: int | None = None,
                 base_url: str | None = None, dedup: bool = True, log: Log = lambda *_: None,
                 run_id: str | None = None, feed_step: Callable[..., dict[str, Any]] = backfill_feed) -> dict[str, Any]:
    """Backfill the chosen feeds over the window; recorded in pipeline_runs as flow 'backfill'."""
    specs = select_feeds(feeds_path, feed_ids, outlet, base_url)
    sync_feeds_stage(db, feeds_path, base_url)
    recorder = RunRecorder(db, run_id or new_run_id(), "backfill")
    recorder.start()
    started = time.perf_counter()
    summary: dict[str, Any] = {"database": str(db), "since": str(window.since), "until": str(window.until),
                               "feeds": {}}
    remaining = max_articles
    for spec in specs:
        result = feed_step(db, spec, window, settings, remaining, log)
        summary["feeds"][spec.feed_id] = result
        if remaining is not None:
            remaining = max(0, remaining - result["urls_queued"])
    for key in ("urls_queued", "urls_known", "articles_fetched", "articles_failed", "events"):
        summary[key] = sum(r[key] for r in summary["feeds"].values())
    if dedup:
        dedup_started = time.perf_counter()
        summary["dedup"] = dedup_stage(db)  # in a short-lived process (tasks/isolated.py)
        summary["dedup"]["seconds"] = round(time.perf_counter() - dedup_started, 2)
    summary["seconds"] = round(time.perf_counter() - started, 2)
    recorder.finish("completed", summary)
    summary["published_copy"] = str(publish(db, settings.published_copy_of(db)))
    return summary
