"""The database when the disk fills or the file is read-only: a clear one-line error, nothing half written,
and a later run on a healthy disk ends equal to one clean run.

The disk fills for real on a small tmpfs when the tests may mount one (root in the CI sandbox); the file
size limit (RLIMIT_FSIZE: writes fail with EFBIG) stands in for it everywhere else.
"""

from __future__ import annotations

import re

import hashlib
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import write_registry
from tests.loopback import LoopbackSite
from tests.news_site import serve_news
from tests.test_crash_consistency import snapshot

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 40


def _ingest(site: LoopbackSite, work: Path, db: Path, file_limit: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "MMTRACK_DATA_DIR": str(db.parent / "data"), "MMTRACK_PER_HOST_INTERVAL": "0",
           "MMTRACK_BATCH_SIZE": "10", "MMTRACK_READ_TIMEOUT": "5"}
    env.pop("MMTRACK_KILL_AT", None)
    registry = write_registry(work / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])

    def limit_file_size() -> None:
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run(
        [sys.executable, "-m", "mmtrack.cli", "ingest", "--no-prefect", "--force", "--db", str(db), "--feeds",
         str(registry)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, preexec_fn=limit_file_size,
    )


def _assert_consistent(db: Path) -> None:
    """What a failed write may leave: whole transactions only. Feed state never ahead of its entries,
    every article either queued or complete."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "articles" not in tables:
            return
        marked_without_entries = con.execute(
            "SELECT count(*) FROM feeds f WHERE body_hash IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM article_feeds af WHERE af.feed_id = f.feed_id)").fetchone()[0]
        half_done = con.execute(
            "SELECT count(*) FROM articles WHERE fetch_status NOT IN ('pending', 'ok', 'failed') "
            "OR (fetch_status <> 'pending' AND (fetched_at IS NULL OR text IS NULL))").fetchone()[0]
        assert (marked_without_entries, half_done) == (0, 0)
    finally:
        con.close()


PROGRESS_LINE = re.compile(r"^[a-z]+: \d+/\d+ [a-z]+$")


def _assert_clear_error(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    # Progress lines ("poll: 1/1 feeds") may precede it; the error itself is one line.
    lines = [line for line in result.stderr.strip().splitlines() if not PROGRESS_LINE.match(line)]
    assert len(lines) == 1 and lines[0].startswith("mmtrack ingest: "), result.stderr[-2000:]
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def news_site():
    with LoopbackSite() as site:
        serve_news(site, ARTICLES)
        yield site


@pytest.fixture(scope="module")
def clean_snapshot(news_site, tmp_path_factory) -> dict[str, list[tuple]]:
    work = tmp_path_factory.mktemp("clean")
    result = _ingest(news_site, work, work / "clean.duckdb")
    assert result.returncode == 0, result.stderr[-2000:]
    return snapshot(work / "clean.duckdb")


@pytest.fixture
def small_disk(tmp_path):
    """A directory on a tmpfs of the requested size (skips where mounting is not permitted)."""
    mounted: list[Path] = []

    def make(size: str) -> Path:
        where = tmp_path / f"disk-{size}"
        where.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(where)
        return where

    yield make
    for where in mounted:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _recover_elsewhere(site: LoopbackSite, disk: Path, roomy: Path) -> Path:
    """Move what the failed run left to a healthy disk, check it, and run again there."""
    roomy.mkdir()
    for leftover in disk.glob("full.duckdb*"):
        shutil.copy2(leftover, roomy / leftover.name)
    db = roomy / "full.duckdb"
    _assert_consistent(db)
    result = _ingest(site, roomy, db)
    assert result.returncode == 0, result.stderr[-2000:]
    return db


@pytest.mark.integration
@pytest.mark.parametrize("size", ["1m", "4m"])  # full while migrating / full while loading articles
def test_disk_filling_up_fails_clearly_and_a_later_run_completes_the_data(
    size, news_site, clean_snapshot, small_disk, tmp_path
) -> None:
    disk = small_disk(size)
    result = _ingest(news_site, tmp_path, disk / "full.duckdb")
    _assert_clear_error(result)
    assert "No space left on device" in result.stderr or "space" in result.stderr.lower()
    db = _recover_elsewhere(news_site, disk, tmp_path / "roomy")
    assert snapshot(db) == clean_snapshot


@pytest.mark.integration
def test_file_size_limit_fails_clearly_and_a_later_run_completes_the_data(news_site, clean_snapshot, tmp_path) -> None:
    disk = tmp_path / "limited"
    disk.mkdir()
    result = _ingest(news_site, tmp_path, disk / "full.duckdb", file_limit=3 * 1024 * 1024)
    _assert_clear_error(result)
    db = _recover_elsewhere(news_site, disk, tmp_path / "roomy")
    assert snapshot(db) == clean_snapshot


def _digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.glob("*.duckdb*"))}


@pytest.mark.integration
def test_read_only_database_fails_clearly_and_is_left_untouched(news_site, clean_snapshot, small_disk, tmp_path) -> None:
    disk = small_disk("64m")
    first = _ingest(news_site, tmp_path, disk / "full.duckdb")
    assert first.returncode == 0, first.stderr[-2000:]
    before = _digest(disk)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    result = _ingest(news_site, tmp_path, disk / "full.duckdb")
    _assert_clear_error(result)
    assert _digest(disk) == before and snapshot(disk / "full.duckdb") == clean_snapshot


def test_duckdb_out_of_memory_is_one_clear_error_and_nothing_of_the_batch_is_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A memory limit too small for a load: the operator is told which setting to raise, not "transaction
    # aborted" (what DuckDB reports once the failed statement's view is unregistered).
    import pyarrow as pa

    from tasks.db import DatabaseError, connect, transaction, upsert

    db = tmp_path / "oom.duckdb"
    connect(db).close()
    monkeypatch.setenv("MMTRACK_DB_MEMORY_LIMIT", "8MB")
    con = connect(db)
    rows = pa.table({"run_id": [f"run-{i}" for i in range(20_000)], "flow": ["ingest"] * 20_000,
                     "status": ["completed"] * 20_000, "summary": ["x" * 2_000] * 20_000})
    with pytest.raises(DatabaseError, match="MMTRACK_DB_MEMORY_LIMIT=8MB"):
        with transaction(con):
            upsert(con, "pipeline_runs", rows, ["run_id"])
    assert con.execute("SELECT count(*) FROM pipeline_runs").fetchone()[0] == 0
    con.close()
