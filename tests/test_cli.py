"""The command line: fast commands never import Prefect, and say what they should."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEED_ARTICLE

ROOT = Path(__file__).resolve().parents[1]
NO_PREFECT = (
    "import sys; from mmtrack.cli import main; code = main({argv!r}); "
    "assert 'prefect' not in sys.modules, 'prefect was imported'; sys.exit(code)"
)


def _fast(argv: list[str]) -> subprocess.CompletedProcess:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", NO_PREFECT.format(argv=argv)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    result.seconds = time.perf_counter() - started  # type: ignore[attr-defined]
    return result


def test_feeds_list_shows_the_registry_without_prefect() -> None:
    result = _fast(["feeds", "list"])
    assert result.returncode == 0, result.stderr
    for feed_id in ("irrawaddy", "myanmar-now", "frontier", "mizzima", "dvb", "rfa-myanmar", "bni", "kachin-news",
                    "narinjara", "karen-news", "shan-herald", "benarnews-myanmar", "guardian-myanmar",
                    "aljazeera-all", "google-news-myanmar", "bbc-burmese", "myanmar-now-mm"):
        assert feed_id in result.stdout
    assert "23 feeds, 19 enabled" in result.stdout


def test_settings_lists_every_environment_variable_without_prefect() -> None:
    result = _fast(["settings"])
    assert result.returncode == 0, result.stderr
    for variable in ("MMTRACK_DB", "MMTRACK_USER_AGENT", "MMTRACK_CONCURRENCY", "MMTRACK_PER_HOST_INTERVAL",
                     "MMTRACK_READ_TIMEOUT", "MMTRACK_PAGE_MAX_BYTES", "MMTRACK_ALLOW_PRIVATE_HOSTS"):
        assert variable in result.stdout


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason="../shared/seed is absent")
def test_extract_runs_without_prefect() -> None:
    result = _fast(["extract", str(SEED_ARTICLE), "--published", "2024-01-12", "--json"])
    assert result.returncode == 0, result.stderr
    assert "Agreement" in result.stdout


def test_extract_on_a_missing_or_binary_file_says_so_in_one_line(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40)
    for path, reason in ((tmp_path / "absent.txt", "cannot read"), (binary, "binary content")):
        result = _fast(["extract", str(path), "--published", "2025-01-01"])
        assert result.returncode == 1
        assert reason in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_help_lists_the_commands() -> None:
    result = subprocess.run([sys.executable, "-m", "mmtrack.cli", "--help"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    for command in ("demo", "ingest", "reprocess", "feeds", "settings", "extract"):
        assert command in result.stdout
