"""Analysts query while the schedule runs (DESIGN decision 5): a reader process polls the published copy
every 50 ms through 5 consecutive ingest runs. Neither side may see an error, and every count the reader
sees must be one that a complete run published, in run order (never a half-loaded run, never going back).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tasks.settings import PROJECT_ROOT
from tests.conftest import write_registry
from tests.loopback import LoopbackSite
from tests.news_site import serve_news

RUNS = 5
STORIES_FIRST_RUN = 3
STORIES_ADDED_PER_RUN = 2

# What a reader counts: raw rows and the analyst views built on them, in one snapshot.
COUNTS_SQL = """
SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_tags), (SELECT count(*) FROM events),
       (SELECT count(*) FROM unique_events), (SELECT count(*) FROM acled_export),
       (SELECT count(*) FROM feed_polls), (SELECT count(*) FROM pipeline_runs)
"""

READER = r"""
import json, os, sys, time
import duckdb
path, stop_file, sql = sys.argv[1], sys.argv[2], sys.argv[3]
while not os.path.exists(stop_file):
    started = time.monotonic()
    if not os.path.exists(path):
        print(json.dumps({"absent": True}), flush=True)
    else:
        try:
            with duckdb.connect(path, read_only=True) as con:
                print(json.dumps({"counts": list(con.execute(sql).fetchone())}), flush=True)
        except Exception as exc:
            print(json.dumps({"error": repr(exc)}), flush=True)
    time.sleep(max(0.0, 0.05 - (time.monotonic() - started)))
"""


def published_counts(path: Path) -> list[int]:
    with duckdb.connect(str(path), read_only=True) as con:
        return list(con.execute(COUNTS_SQL).fetchone())


def ingest(db: Path, feeds: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mmtrack.cli", "ingest", "--no-prefect", "--force", "--db", str(db),
         "--feeds", str(feeds)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )


@pytest.mark.integration
def test_reader_sees_only_complete_runs_in_order_while_five_ingests_run(settings, tmp_path: Path,
                                                                         monkeypatch) -> None:
    published = tmp_path / "published" / "mmtrack.duckdb"
    monkeypatch.setenv("MMTRACK_PUBLISHED_DB", str(published))  # inherited by the ingest processes
    db = tmp_path / "data" / "mmtrack.duckdb"
    stop_file = tmp_path / "stop-reader"
    with LoopbackSite() as site:
        feeds = write_registry(tmp_path / "feeds.csv", [{"feed_id": "test-news", "url": site.url("/feed")}])
        reader = subprocess.Popen([sys.executable, "-c", READER, str(published), str(stop_file), COUNTS_SQL],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            run_counts = []
            for run in range(RUNS):
                serve_news(site, STORIES_FIRST_RUN + STORIES_ADDED_PER_RUN * run)  # more stories each run
                done = ingest(db, feeds)
                assert done.returncode == 0, done.stderr
                assert "Traceback" not in done.stderr, done.stderr
                run_counts.append(published_counts(published))
                time.sleep(0.3)  # let the reader see this run's copy before the next run replaces it
        finally:
            stop_file.touch()
            out, err = reader.communicate(timeout=30)
    observations = [json.loads(line) for line in out.splitlines()]
    errors = [o["error"] for o in observations if "error" in o]
    assert reader.returncode == 0, err
    assert errors == []

    # each run published more articles than the one before, so a count identifies its run
    assert [c[0] for c in run_counts] == [STORIES_FIRST_RUN + STORIES_ADDED_PER_RUN * r for r in range(RUNS)]
    seen = [o["counts"] for o in observations if "counts" in o]
    first_read = next(i for i, o in enumerate(observations) if "counts" in o)
    assert not any("absent" in o for o in observations[first_read:]), "the published copy disappeared"
    run_of = [run_counts.index(c) if c in run_counts else None for c in seen]
    assert None not in run_of, f"a reader saw counts no complete run published: {seen[run_of.index(None)]}"
    assert run_of == sorted(run_of), "a reader saw an older run after a newer one"
    assert set(run_of) == set(range(RUNS)), "the reader should have seen every run's copy"
    assert len(seen) >= 5 * RUNS, f"only {len(seen)} reads: the reader was not polling every 50 ms"
    print(f"{len(seen)} reads, 0 errors; reads per run: {[run_of.count(r) for r in range(RUNS)]}; "
          f"published counts per run: {run_counts}")
