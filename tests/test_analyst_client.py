"""The analysts' copy opens in the DuckDB analysts have: a 1.5.0 client in its own venv runs the guide.

The venv (`.venv-analyst`, git-ignored) is made from tests/analyst_client/requirements.txt the first time
and reused while that file is unchanged. The copy comes from a real ingest of the offline demo site,
published the way every run publishes it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tasks.db import connect
from tasks.demo_site import DemoSite
from tasks.pipeline import new_run_id, run_ingest
from tasks.settings import get_settings

ROOT = Path(__file__).resolve().parents[1]
CLIENT_DIR = ROOT / "tests" / "analyst_client"
REQUIREMENTS = CLIENT_DIR / "requirements.txt"
GUIDE = ROOT / "docs" / "analysts.md"
CLIENT_VENV = Path(os.environ.get("MMTRACK_ANALYST_VENV", ROOT / ".venv-analyst"))


def _unavailable(reason: str) -> None:
    """CI installs what the test needs (.ci/run), so there a missing client is a failure, not a skip."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def analyst_python() -> Path:
    python = CLIENT_VENV / "bin" / "python"
    stamp = CLIENT_VENV / ".requirements"
    wanted = REQUIREMENTS.read_text(encoding="utf-8")
    if python.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return python
    venv.create(CLIENT_VENV, with_pip=True, clear=True)
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                              "-r", str(REQUIREMENTS)], capture_output=True, text=True, timeout=600)
    if install.returncode != 0:
        _unavailable(f"cannot install the analysts' DuckDB client from PyPI: {install.stderr[-800:]}")
    stamp.write_text(wanted, encoding="utf-8")
    return python


@pytest.fixture(scope="module")
def published_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("analyst-copy")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MMTRACK_DATA_DIR", str(data))
        patch.setenv("MMTRACK_PER_HOST_INTERVAL", "0")
        patch.setenv("MMTRACK_PER_HOST_CONCURRENCY", "8")
        patch.setenv("MMTRACK_READ_TIMEOUT", "2")
        patch.setenv("MMTRACK_REQUEST_DEADLINE", "4")
        settings = get_settings()
        with DemoSite(hold_seconds=3) as site:
            run_ingest(new_run_id(), settings.db_path, ROOT / "seeds" / "demo" / "feeds.csv", settings,
                       force=True, base_url=site.base_url)
    return settings.published_db_path


def _guide_on(python: Path | str, database: Path) -> dict:
    run = subprocess.run([str(python), str(CLIENT_DIR / "run_guide.py"), str(database), str(GUIDE)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


@pytest.mark.integration
def test_a_duckdb_1_5_client_runs_every_question_of_the_guide_on_the_published_copy(published_demo) -> None:
    analyst = _guide_on(analyst_python(), published_demo)
    project = _guide_on(sys.executable, published_demo)
    assert analyst["duckdb"].startswith("1.5."), analyst["duckdb"]
    assert analyst["errors"] == []
    assert len(analyst["rows"]) >= 10
    # The same answers as the project's own DuckDB gives, and the demo answers most questions.
    assert analyst["rows"] == project["rows"]
    assert sum(1 for n in analyst["rows"] if n) >= len(analyst["rows"]) // 2


@pytest.mark.integration
def test_the_published_copy_is_the_pipelines_database_complete(published_demo) -> None:
    con = connect(published_demo, read_only=True)
    try:
        runs = con.execute("SELECT status FROM pipeline_runs").fetchall()
        articles = con.execute("SELECT count(*) FROM articles WHERE fetch_status = 'ok'").fetchone()[0]
    finally:
        con.close()
    assert runs == [("completed",)]
    assert articles > 30
