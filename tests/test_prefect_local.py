"""The CLI's settings for Prefect's temporary server: set before Prefect reads them, never over the user's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READ_TIMEOUT = (
    "import os\n"
    "from mmtrack.prefect_local import prepare_environment\n"
    "prepare_environment()\n"
    "from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS as timeout\n"
    "print(timeout.value())\n"
)


def _startup_timeout(env_value: str | None, home: Path) -> str:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    if env_value is not None:
        env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = env_value
    result = subprocess.run([sys.executable, "-c", READ_TIMEOUT], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120, check=True)
    return result.stdout.strip().splitlines()[-1]


def test_temporary_server_gets_two_minutes_to_start_not_prefects_twenty_seconds(tmp_path) -> None:
    assert _startup_timeout(None, tmp_path) == "120"


def test_an_operators_own_startup_timeout_is_kept(tmp_path) -> None:
    assert _startup_timeout("45", tmp_path) == "45"
