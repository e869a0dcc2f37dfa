"""A stage run in a short-lived child (tasks/isolated.py) gives its result back, and dies with its caller:
a killed pipeline must not leave its dedup or publishing child writing on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tasks.isolated import run_isolated

ROOT = Path(__file__).resolve().parents[1]

# The caller: runs a child that writes its pid and then waits far longer than the test.
CALLER = """
import sys, time
from pathlib import Path
from tasks.isolated import run_isolated

def linger(pid_file):
    import os
    Path(pid_file).write_text(str(os.getpid()))
    time.sleep(120)

if __name__ == "__main__":
    run_isolated(linger, sys.argv[1])
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split(") ")[-1].startswith("Z"))


def _probe(name: str) -> tuple[str | None, int]:
    return os.environ.get(name), os.getpid()


def test_result_and_environment_come_back() -> None:
    os.environ["MMTRACK_ISOLATED_PROBE"] = "seen"
    try:
        assert run_isolated(_probe, "MMTRACK_ISOLATED_PROBE") != ("seen", os.getpid())
        assert run_isolated(_probe, "MMTRACK_ISOLATED_PROBE")[0] == "seen"
    finally:
        del os.environ["MMTRACK_ISOLATED_PROBE"]


def test_child_dies_when_its_caller_is_killed(tmp_path) -> None:
    script, pid_file = tmp_path / "caller.py", tmp_path / "child.pid"
    script.write_text(CALLER)
    caller = subprocess.Popen([sys.executable, str(script), str(pid_file)], cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 60
        while not pid_file.exists() or not pid_file.read_text():
            assert time.monotonic() < deadline and caller.poll() is None, "the child never started"
            time.sleep(0.05)
        child = int(pid_file.read_text())
        assert _alive(child)
        caller.send_signal(signal.SIGKILL)
        caller.wait(timeout=10)
        deadline = time.monotonic() + 20
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(child), "the child outlived its killed caller"
    finally:
        caller.kill()
        caller.wait(timeout=10)
