"""Past one machine: worker processes ingest disjoint feed shards into one shared DuckLake store (a real
PostgreSQL catalog started here, data files in a shared directory) while an analyst reads it.

The same stage code as the embedded default, so the reference is one embedded run over every feed: the
shared store must end with the same rows. .ci/run installs PostgreSQL's server; without it these tests
skip (and fail under CI).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.site import CorpusSite, write_registry
from tests.pg_server import PostgresServer, PostgresUnavailable
from tests.scale_out import feed_ids, run_workers, shards, store_rows

ARTICLES, FEEDS = 60, 6
FAST = {"MMTRACK_PER_HOST_INTERVAL": "0", "MMTRACK_PER_HOST_CONCURRENCY": "8", "MMTRACK_READ_TIMEOUT": "3",
        "MMTRACK_CONNECT_TIMEOUT": "2", "MMTRACK_REQUEST_DEADLINE": "6", "MMTRACK_RETRIES": "1",
        "MMTRACK_CLEAN_WORKERS": "1", "MMTRACK_BATCH_SIZE": "8"}

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def postgres():
    try:
        with PostgresServer() as server:
            yield server
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install PostgreSQL's server (.ci/run): {exc}")
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def site():
    with CorpusSite(ARTICLES, FEEDS) as served:
        yield served


@pytest.fixture(scope="module")
def registry(site, tmp_path_factory) -> Path:
    return write_registry(tmp_path_factory.mktemp("registry") / "feeds.csv", FEEDS, site.base_url)


def _dedup_and_rows(env: dict[str, str]) -> dict:
    """The shared store's one dedup run (rebuild: clusters from scratch), then its compared rows."""
    from tasks import db
    from tasks.pipeline import dedup_stage
    from tasks.settings import get_settings

    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        dedup_stage(get_settings().db_path, rebuild=True)
        con = db.connect(get_settings().db_path, read_only=True)
        try:
            return store_rows(con)
        finally:
            con.close()


@pytest.fixture(scope="module")
def embedded_rows(site, registry, tmp_path_factory) -> dict:
    """One embedded run over every feed: what the shared store must end up with."""
    from tasks.pipeline import new_run_id, run_ingest
    from tasks.settings import get_settings

    env = {**FAST, "MMTRACK_DATA_DIR": str(tmp_path_factory.mktemp("embedded"))}
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("MMTRACK_CATALOG", raising=False)
        for name, value in env.items():
            patch.setenv(name, value)
        settings = get_settings()
        run_ingest(new_run_id(), settings.db_path, registry, settings, force=True, base_url=site.base_url)
    rows = _dedup_and_rows(env)
    assert len(rows["articles"]) == ARTICLES and rows["events"]
    return rows


def _lake_env(postgres: PostgresServer, name: str, tmp: Path) -> dict[str, str]:
    return {**FAST, "MMTRACK_CATALOG": "postgres:" + postgres.create_database(name),
            "MMTRACK_LAKE_DATA": str(tmp / "shared-files"), "MMTRACK_DATA_DIR": str(tmp)}


def test_three_workers_on_disjoint_shards_store_what_one_embedded_run_stores(
        postgres, site, registry, embedded_rows, tmp_path) -> None:
    env = _lake_env(postgres, "three_workers", tmp_path)
    run = run_workers(env, registry, site.base_url, shards(feed_ids(registry), 3), readers=1)
    assert run["exit_codes"] == [0, 0, 0]
    assert sum(w["articles_fetched"] for w in run["workers"]) == ARTICLES  # each page fetched once
    assert run["read_errors"] == [] and run["reads"] > 0
    assert run["backwards"] == 0  # readers only ever see whole commits
    rows = _dedup_and_rows(env)
    assert {t: len(r) for t, r in rows.items()} == {t: len(r) for t, r in embedded_rows.items()}
    assert rows == embedded_rows


def test_a_killed_worker_loses_nothing_and_analysts_read_an_earlier_snapshot(
        postgres, site, registry, embedded_rows, tmp_path) -> None:
    from tasks import db, lake

    env = _lake_env(postgres, "killed_worker", tmp_path)
    worker_shards = shards(feed_ids(registry), 2)
    # Worker 0 dies inside its third write transaction, after its writes and before COMMIT.
    first = run_workers(env, registry, site.base_url, worker_shards, readers=0, kill_env={0: "before_commit#3"})
    assert first["exit_codes"][0] == -9 and first["exit_codes"][1] == 0
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        con = db.connect_lake(read_only=True)
        then_snapshot = lake.snapshots(con)[-1][0]
        then_articles = con.execute("SELECT count(*) FROM articles WHERE fetch_status = 'ok'").fetchone()[0]
        con.close()
    # The worker is started again on its shard and finishes the job.
    second = run_workers(env, registry, site.base_url, worker_shards[:1], readers=1)
    assert second["exit_codes"] == [0] and second["read_errors"] == []
    assert _dedup_and_rows(env) == embedded_rows
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        past = db.connect_lake(snapshot=then_snapshot)
        now = db.connect_lake(read_only=True)
        try:
            as_of = past.execute("SELECT count(*) FROM articles WHERE fetch_status = 'ok'").fetchone()[0]
            latest = now.execute("SELECT count(*) FROM articles WHERE fetch_status = 'ok'").fetchone()[0]
        finally:
            past.close()
            now.close()
    assert as_of == then_articles < latest == ARTICLES
