"""Several worker processes ingesting disjoint feed shards into one shared DuckLake store while analyst
processes read it: the parts tests/test_scale_out.py and bench/bench_scale_out.py share.

A worker is a process that runs the ordinary ingest (tasks.pipeline.run_ingest) over its shard of the
registry with MMTRACK_CATALOG pointing at the shared store: the same stage code as the embedded default.
"""

from __future__ import annotations

import csv
import multiprocessing
import os
import time
from pathlib import Path
from typing import Any

# What must be identical between stores, per table: the content columns (clock times, run ids and
# attempt counters differ from run to run by design).
COMPARED = {
    "feeds": "feed_id, url, etag, body_hash, last_status, failure_count, last_http_status",
    "articles": "article_id, canonical_url, url, feed_id, title, fetch_status, fetch_error, text_source, "
                "content_hash, language, page_title",
    "article_feeds": "article_id, feed_id, entry_url",
    "article_tags": "article_id, relevant, score, rule, topics, regions, actors",
    "events": "event_id, article_id, event_type, sub_event_type, event_date, actor1, actor2, location, "
              "fatalities, sentence",
    "figures": "figure_id, article_id, kind, value, scope",
    "article_extractions": "article_id, events, figures",
    "article_clusters": "article_id, story_cluster_id, is_representative",
    "event_clusters": "cluster_id, event_type, event_date, location, fatalities, num_events, num_articles",
}


def feed_ids(registry: Path) -> list[str]:
    with registry.open(encoding="utf-8") as handle:
        return [row["feed_id"] for row in csv.DictReader(handle)]


def shards(ids: list[str], workers: int) -> list[list[str]]:
    """Round-robin shards: each feed (and so each outlet's politeness gate) in exactly one worker."""
    return [ids[i::workers] for i in range(workers)]


def _environ(env: dict[str, str]) -> None:
    """A spawned process starts from the parent's environment; the store and kill point are the caller's."""
    os.environ.update(env)


def ingest_worker(env: dict[str, str], registry: str, shard: list[str], base_url: str, results: Any) -> None:
    """One worker process: the ordinary ingest over its shard; reports its summary and conflict retries."""
    _environ(env)
    from tasks import db
    from tasks.pipeline import new_run_id, run_ingest
    from tasks.settings import get_settings

    settings = get_settings()
    started = time.perf_counter()
    summary = run_ingest(new_run_id(), settings.db_path, Path(registry), settings, only_feeds=shard,
                         force=True, base_url=base_url)
    results.put({"shard": shard, "seconds": time.perf_counter() - started,
                 "articles_fetched": summary["articles_fetched"], "conflicts_retried": db.conflicts_retried})


def prepare_store(env: dict[str, str]) -> None:
    """Create the store's tables and views once, before analysts are pointed at it."""
    _environ(env)
    from tasks.db import connect_lake

    connect_lake().close()


def analyst_reader(env: dict[str, str], stop: Any, results: Any) -> None:
    """An analyst polling the shared store read-only: counts reads, errors and whether counts ever went
    backwards (a reader must only ever see whole commits)."""
    _environ(env)
    from tasks.db import connect_lake

    reads, errors, backwards, last = 0, [], 0, -1
    while not stop.is_set():
        try:
            con = connect_lake(read_only=True)
            try:
                articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                con.execute("SELECT count(*) FROM feed_health").fetchall()
                con.execute("SELECT count(*) FROM events_by_day").fetchall()
            finally:
                con.close()
            backwards += articles < last
            last = max(last, articles)
            reads += 1
        except Exception as exc:  # every failure counts: the target is none
            errors.append(f"{type(exc).__name__}: {str(exc)[:300]}")
        time.sleep(0.05)
    results.put({"reads": reads, "errors": errors, "backwards": backwards})


def run_workers(env: dict[str, str], registry: Path, base_url: str, worker_shards: list[list[str]],
                readers: int = 1, kill_env: dict[int, str] | None = None) -> dict[str, Any]:
    """Start the workers (and analyst readers) at once; wait for the workers; stop the readers.

    `kill_env`: worker index -> MMTRACK_KILL_AT, for a worker that dies mid-run."""
    context = multiprocessing.get_context("spawn")
    setup = context.Process(target=prepare_store, args=(env,))
    setup.start()
    setup.join(timeout=120)
    results, reader_results, stop = context.Queue(), context.Queue(), context.Event()
    reader_procs = [context.Process(target=analyst_reader, args=(env, stop, reader_results))
                    for _ in range(readers)]
    for proc in reader_procs:
        proc.start()
    workers = []
    for index, shard in enumerate(worker_shards):
        worker_env = {**env, **({"MMTRACK_KILL_AT": kill_env[index]} if kill_env and index in kill_env else {})}
        workers.append(context.Process(target=ingest_worker,
                                       args=(worker_env, str(registry), shard, base_url, results)))
    started = time.perf_counter()
    for proc in workers:
        proc.start()
    for proc in workers:
        proc.join(timeout=600)
    seconds = time.perf_counter() - started
    stop.set()
    reports = [results.get(timeout=5) for proc in workers if proc.exitcode == 0]
    reads = [reader_results.get(timeout=60) for _ in reader_procs]
    for proc in reader_procs:
        proc.join(timeout=30)
    return {"seconds": seconds, "exit_codes": [p.exitcode for p in workers], "workers": reports,
            "reads": sum(r["reads"] for r in reads), "read_errors": [e for r in reads for e in r["errors"]],
            "backwards": sum(r["backwards"] for r in reads),
            "conflicts_retried": sum(r["conflicts_retried"] for r in reports)}


def store_rows(con: Any) -> dict[str, list[tuple]]:
    """The compared content of a store, sorted, table by table."""
    return {table: sorted(con.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)
            for table, columns in COMPARED.items()}
