"""Shared fixtures: fast HTTP settings, a temporary database, a feed registry writer and the shipped knowledge."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, settings as hypothesis_settings
from hypothesis.database import DirectoryBasedExampleDatabase

from mmtrack.prefect_local import prepare_environment
from tasks.settings import Settings, get_settings

# The flows tested in this process use Prefect's temporary server, with the CLI's settings for it.
prepare_environment()

# Property tests: `make test` (and CI) must give the same result on every run of one commit, so the
# default profile is derandomized (a fixed seed per test) with no example database. `make fuzz` runs the
# same properties with the random "fuzz" profile and many more examples; what it finds becomes a table case.
hypothesis_settings.register_profile(
    "ci", derandomize=True, database=None, max_examples=300, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "fuzz", derandomize=False, max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20000")), deadline=None,
    database=DirectoryBasedExampleDatabase(".hypothesis/fuzz"), print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SEED_ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seed" / "kunming-ceasefire-article.txt"


@pytest.fixture(scope="session")
def knowledge():
    """The shipped seeds' knowledge, compiled once for every rule test (modules testing other seeds
    define their own `knowledge`)."""
    from tasks.knowledge import load_knowledge

    return load_knowledge()


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    """Settings for loopback tests: no politeness delay, short timeouts, data under tmp_path."""
    monkeypatch.setenv("MMTRACK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MMTRACK_PER_HOST_INTERVAL", "0")
    monkeypatch.setenv("MMTRACK_PER_HOST_CONCURRENCY", "8")
    monkeypatch.setenv("MMTRACK_READ_TIMEOUT", "2")
    monkeypatch.setenv("MMTRACK_CONNECT_TIMEOUT", "2")
    monkeypatch.setenv("MMTRACK_REQUEST_DEADLINE", "5")
    monkeypatch.setenv("MMTRACK_RETRIES", "1")
    monkeypatch.setenv("MMTRACK_CLEAN_TIMEOUT", "5")
    return get_settings()


def write_registry(path: Path, feeds: list[dict]) -> Path:
    """Write a feed registry CSV; each feed dict needs feed_id and url, the rest has loopback defaults."""
    columns = ["feed_id", "name", "outlet", "url", "language", "enabled", "poll_interval_minutes", "general",
               "allow_private"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for feed in feeds:
            writer.writerow({"name": feed["feed_id"], "outlet": feed["feed_id"], "language": "en", "enabled": "true",
                             "poll_interval_minutes": "15", "general": "false", "allow_private": "true", **feed})
    return path


def query_rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Rows of one query on a database file, opened read-only and closed again."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
