"""What every pipeline benchmark shares: benchmark settings, a fresh workspace, a timed ingest, medians.

The loopback site is one host, and the HTTP policy's per-host politeness (one request start per second
by default) would make every benchmark measure the sleep instead of the pipeline. The benchmarks therefore
lift the per-host limits for 127.0.0.1 only through the settings' own environment variables, never by
changing code; real feeds span many hosts, each still gated.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.site import write_registry

BENCH_ENV = {
    "MMTRACK_PER_HOST_INTERVAL": "0",
    "MMTRACK_PER_HOST_CONCURRENCY": "16",
    "MMTRACK_CONCURRENCY": "16",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}

Row = tuple[str, float, str]  # (figure, value, target) as printed by run_all


@contextmanager
def bench_environment(extra: dict[str, str] | None = None) -> Iterator[None]:
    """Set the benchmark's environment variables for the duration, then restore the old values."""
    wanted = {**BENCH_ENV, **(extra or {})}
    saved = {name: os.environ.get(name) for name in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@dataclass(frozen=True)
class Workspace:
    """A data directory with its own database, published copy and feed registry."""

    root: Path
    feeds: int

    @property
    def db(self) -> Path:
        return self.root / "mmtrack.duckdb"

    @property
    def registry(self) -> Path:
        return self.root / "feeds.csv"

    def environment(self) -> dict[str, str]:
        return {"MMTRACK_DATA_DIR": str(self.root), "MMTRACK_DB": str(self.db),
                "MMTRACK_PUBLISHED_DB": str(self.root / "published" / "mmtrack.duckdb"),
                "MMTRACK_FEEDS": str(self.registry)}


@contextmanager
def workspace(feeds: int, prefix: str = "mmtrack-bench-") -> Iterator[Workspace]:
    with tempfile.TemporaryDirectory(prefix=prefix) as directory:
        space = Workspace(Path(directory), feeds)
        write_registry(space.registry, feeds)
        with bench_environment(space.environment()):
            yield space


def ingest_direct(space: Workspace, base_url: str, max_articles: int | None = None,
                  stages: Any = None) -> dict[str, Any]:
    """One ingest through the plain stage functions (no Prefect), every feed polled."""
    from tasks import pipeline
    from tasks.settings import get_settings

    settings = get_settings()
    return pipeline.run_ingest(pipeline.new_run_id(), space.db, space.registry, settings, force=True,
                               base_url=base_url, max_articles=max_articles,
                               stages=stages or pipeline.IngestStages())


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def median(values: list[float]) -> float:
    return statistics.median(values)


def articles_loaded(db: Path) -> dict[str, int]:
    """Counts that show an ingest did the whole job, not just returned quickly."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        counts = {}
        for name, sql in {
            "articles": "SELECT count(*) FROM articles",
            "articles_ok": "SELECT count(*) FROM articles WHERE fetch_status = 'ok' AND text_source = 'article'",
            "tagged": "SELECT count(*) FROM article_tags",
            "relevant": "SELECT count(*) FROM article_tags WHERE relevant",
            "events": "SELECT count(*) FROM events",
        }.items():
            try:
                counts[name] = con.execute(sql).fetchone()[0]
            except duckdb.Error:
                counts[name] = -1  # the table is not there (yet): shown, never hidden
        return counts
    finally:
        con.close()
