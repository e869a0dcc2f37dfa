"""Tagging and extraction of a backfill batch in worker processes, so a long backfill uses both cores.

A backfill's own process tagged and extracted each batch while the next one was fetched and cleaned; on two
cores that left the second core half idle (cleaning is cheap next to the rules) and made the rules the
bottleneck. Tagging and extraction are pure functions of an article's title, text and dates, so the batch's
rows are read here, worked in `workers` processes (each loads the knowledge once, at start) and the results
come back to be loaded by the one process that writes the database (DuckDB has one writer).

forkserver, as tasks/clean.py and tasks/isolated.py: the backfill process runs HTTP threads, and forking it
could copy a held lock. Each worker takes the caller's environment (settings, seeds) and ends itself when
the caller is gone, as an isolated stage does.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from tasks.article_span import span_filter
from tasks.extract.model import Event, Figure
from tasks.sql_ids import IDS, id_list

CHUNK = 25  # articles a task: small enough that two workers finish a 500-article batch together
# Workers cost their start (each loads the knowledge, about 3 s) and about 200 MB each: worth it for a
# backlog (a first ingest, a reprocess), not for a scheduled poll's few new articles.
POOL_AT_LEAST = 300


@dataclass
class Analysed:
    """What one chunk of articles gave: their tag rows, and events and figures of the relevant ones."""

    tags: list[dict] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)  # relevant article ids (their extraction is replaced)

    def add(self, other: "Analysed") -> None:
        self.tags += other.tags
        self.events += other.events
        self.figures += other.figures
        self.extracted += other.extracted


def batch_rows(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[tuple]:
    """(article_id, title, text, outlet_anchor, published, first_seen) of each id: what tagging reads
    (tasks/tag.py) and what extraction reads (tasks/extract/store.py), in one query."""
    span, bounds = span_filter(con, article_ids)
    return con.execute(
        "SELECT a.article_id, a.title, coalesce(a.text, a.summary), NOT coalesce(f.general, true), "
        "CAST(a.published_at AS DATE), CAST(a.first_seen_at AS DATE) "
        "FROM articles a LEFT JOIN feeds f ON f.feed_id = a.feed_id "
        f"WHERE a.article_id IN {IDS}{span} ORDER BY a.article_id", [id_list(article_ids), *bounds]).fetchall()


_KNOWLEDGE: Any = None


def _start(environment: dict[str, str], caller: int, seeds_dir: str) -> None:
    from tasks.isolated import serve_caller
    from tasks.knowledge import load_knowledge

    global _KNOWLEDGE
    serve_caller(environment, caller)
    _KNOWLEDGE = load_knowledge(Path(seeds_dir))


def analyse(knowledge: Any, rows: list[tuple]) -> Analysed:
    """Tag each (article_id, title, text, outlet_anchor, published, first_seen) row and extract the
    events of those judged relevant, as tag_stage then extract_stage would."""
    from tasks.tag import tag_rows

    out = Analysed(tags=tag_rows(knowledge, [row[:4] for row in rows]))
    relevant = [(row[0], row[1], row[2], row[4], row[5]) for tag, row in zip(out.tags, rows) if tag["relevant"]]
    out.add(extract_rows(knowledge, relevant))
    return out


def tag_only(knowledge: Any, rows: list[tuple]) -> Analysed:
    """Tag each (article_id, title, text[, outlet_anchor]) row, as tag_stage does."""
    from tasks.tag import tag_rows

    return Analysed(tags=tag_rows(knowledge, rows))


def extract_rows(knowledge: Any, rows: list[tuple]) -> Analysed:
    """Events and figures of each (article_id, title, text, published, first_seen) row, as extract_stage
    finds them."""
    from tasks.extract.store import extract_stored

    out = Analysed()
    for article_id, title, text, published, first_seen in rows:
        result = extract_stored(knowledge, article_id, title, text, published, first_seen)
        out.events += result.events
        out.figures += result.figures
        out.extracted.append(article_id)
    return out


JOBS = {"analyse": analyse, "tag": tag_only, "extract": extract_rows}


def _work_here(job: str, rows: list[tuple]) -> Analysed:
    from tasks.faults import kill_point

    kill_point("analysis_chunk")  # a worker killed (out of memory, a crash): tests/test_analysis_pool.py
    return JOBS[job](_KNOWLEDGE, rows)


def pool_for(count: int, workers: int, seeds_dir: Path | None, knowledge: Any) -> "AnalysisPool":
    """The pool for a stage with `count` articles to do: workers only for a backlog."""
    return AnalysisPool(workers if count >= POOL_AT_LEAST else 0, seeds_dir, knowledge)


class AnalysisPool:
    """`workers` processes that tag and extract; `analyse(rows)`, `tag(rows)` and `extract(rows)` return the
    batch's results in row order. 0 workers, or no `seeds_dir` for them to load: the caller's process does
    it with `knowledge` (a one-core machine, a small batch, or to compare). A worker that dies takes the pool
    with it: that batch and the rest of the run are then done in the caller's process (slower, nothing
    lost), and `failures` says why."""

    def __init__(self, workers: int, seeds_dir: Path | None, knowledge: Any = None) -> None:
        self._knowledge = knowledge
        self.failures: list[str] = []
        self._pool = None if workers <= 0 or seeds_dir is None else ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("forkserver"),
            initializer=_start, initargs=(dict(os.environ), os.getpid(), str(Path(seeds_dir).resolve())))

    def analyse(self, rows: list[tuple]) -> Analysed:
        return self._run("analyse", rows)

    def tag(self, rows: list[tuple]) -> Analysed:
        return self._run("tag", rows)

    def extract(self, rows: list[tuple]) -> Analysed:
        return self._run("extract", rows)

    def _run(self, job: str, rows: list[tuple]) -> Analysed:
        if self._pool is not None:
            try:
                return self._in_workers(job, rows)
            except BrokenProcessPool as error:
                if self._knowledge is None:
                    raise
                self.failures.append(f"analysis worker died ({error}); the rest runs in the caller's process")
                self.close()
        return JOBS[job](self._knowledge, rows)

    def _in_workers(self, job: str, rows: list[tuple]) -> Analysed:
        out = Analysed()
        chunks = [rows[i:i + CHUNK] for i in range(0, len(rows), CHUNK)]
        for part in self._pool.map(_work_here, [job] * len(chunks), chunks):  # type: ignore[union-attr]
            out.add(part)
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "AnalysisPool":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
