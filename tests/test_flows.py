"""The Prefect flows under Prefect's test harness: summary artifact, run records, systemic failures."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from tests.conftest import write_registry
from tests.loopback import LoopbackSite
from tests.news_site import serve_news

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@pytest.fixture(scope="module")
def prefect_backend():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def _artifact_markdown(flow_run_id) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    return "\n".join(a.data for a in artifacts if a.type == "markdown")


@pytest.mark.integration
def test_ingest_flow_runs_every_stage_and_attaches_its_summary(prefect_backend, tmp_path, settings) -> None:
    from flows.ingest import ingest

    with LoopbackSite() as site:
        serve_news(site, 6)
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        state = ingest(db_path=str(tmp_path / "f.duckdb"), feeds_path=str(registry), force=True, return_state=True)
    summary = state.result()
    assert state.is_completed()
    assert summary["articles_new"] == 6 and summary["articles_fetched"] == 6
    assert summary["relevant"] == 6 and summary["events"] >= 6
    assert set(summary["seconds"]) >= {"sync", "poll", "fetch", "tag", "extract", "publish"}
    markdown = _artifact_markdown(state.state_details.flow_run_id)
    assert "| articles new | 6 |" in markdown
    con = duckdb.connect(str(tmp_path / "f.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT run_id, status FROM pipeline_runs").fetchall() == [
            (str(state.state_details.flow_run_id), "completed")]
    finally:
        con.close()
    # A run on a database other than the configured one publishes beside it, never over the analysts' copy.
    assert summary["published_copy"] == str(tmp_path / "published" / "f.duckdb")
    assert Path(summary["published_copy"]).exists() and not settings.published_db_path.exists()


@pytest.mark.integration
def test_invalid_registry_fails_the_flow_with_one_clear_message(prefect_backend, tmp_path, settings) -> None:
    from flows.ingest import ingest

    registry = tmp_path / "feeds.csv"
    registry.write_text("feed_id,url\nonly-two-columns,http://127.0.0.1:1/\n")
    state = ingest(db_path=str(tmp_path / "f.duckdb"), feeds_path=str(registry), return_state=True)
    assert state.is_failed()
    assert "lacks columns" in state.message
    con = duckdb.connect(str(tmp_path / "f.duckdb"), read_only=True)
    try:
        status, error = con.execute("SELECT status, error FROM pipeline_runs").fetchone()
    finally:
        con.close()
    assert status == "failed" and "lacks columns" in error


@pytest.mark.integration
def test_unwritable_database_fails_the_flow_with_one_clear_message(prefect_backend, tmp_path, settings) -> None:
    from flows.ingest import ingest

    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the database's folder should be")
    state = ingest(db_path=str(blocker / "f.duckdb"), feeds_path=str(tmp_path / "none.csv"), return_state=True)
    assert state.is_failed()
    assert "cannot open database" in state.message


@pytest.mark.integration
def test_reprocess_flow_retags_and_reextracts(prefect_backend, tmp_path, settings) -> None:
    from flows.ingest import ingest
    from flows.reprocess import reprocess

    with LoopbackSite() as site:
        serve_news(site, 3)
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        ingest(db_path=str(tmp_path / "f.duckdb"), feeds_path=str(registry), force=True)
    summary = reprocess(db_path=str(tmp_path / "f.duckdb"), force=True)
    assert summary["tagged"] == 3 and summary["articles"] == 3
    con = duckdb.connect(str(tmp_path / "f.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 3
        assert con.execute("SELECT count(DISTINCT article_id) FROM events").fetchone()[0] == 3
    finally:
        con.close()
