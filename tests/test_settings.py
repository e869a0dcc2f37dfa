"""Settings: where a run publishes the analysts' copy, so a scratch run never replaces it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.settings import get_settings


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MMTRACK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MMTRACK_DB", raising=False)
    monkeypatch.delenv("MMTRACK_PUBLISHED_DB", raising=False)
    return tmp_path / "data"


def test_the_configured_database_publishes_the_configured_copy(data_dir: Path) -> None:
    settings = get_settings()
    assert settings.published_copy_of(data_dir / "mmtrack.duckdb") == data_dir / "published" / "mmtrack.duckdb"


def test_a_run_on_another_database_publishes_beside_it(data_dir: Path, tmp_path: Path) -> None:
    copy = get_settings().published_copy_of(tmp_path / "scratch" / "trial.duckdb")
    assert copy == tmp_path / "scratch" / "published" / "trial.duckdb"
    assert copy != get_settings().published_db_path


def test_a_named_copy_takes_every_run(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MMTRACK_PUBLISHED_DB", str(tmp_path / "analysts.duckdb"))
    assert get_settings().published_copy_of(tmp_path / "trial.duckdb") == tmp_path / "analysts.duckdb"


def test_the_derived_flag_is_not_listed_as_a_setting(data_dir: Path) -> None:
    variables = [variable for variable, _, _ in get_settings().describe()]
    assert variables.count("MMTRACK_PUBLISHED_DB") == 1 and len(variables) == len(set(variables))
