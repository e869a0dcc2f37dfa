"""Run one stage in a short-lived child process, so what it holds while it works (event dedup keeps every
mention of the database in memory) is returned to the system when it ends, and the long-lived pipeline or
backfill process stays flat however large the database grows (bench/bench_memory.py, bench_backfill.py).

forkserver, as the cleaning pool uses (tasks/clean.py): the parent runs Prefect's and httpx's threads, and
forking it could copy a held lock. A forkserver child inherits the environment of when the server started,
so the caller's current environment is passed along and installed first (settings are read from it).

The child asks Linux to SIGKILL it when its parent (the fork server) goes, and the fork server exits when
the calling process does: a killed pipeline or backfill takes its child with it instead of leaving it
writing on (the kill tests, tests/test_backfill.py and tests/test_crash_consistency.py, rely on that).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any


_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _call(environment: dict[str, str], function: Callable[..., Any], args: tuple) -> Any:
    _die_with_parent()
    os.environ.clear()
    os.environ.update(environment)
    return function(*args)


def run_isolated(function: Callable[..., Any], *args: Any) -> Any:
    """function(*args) in a fresh child process; its result (picklable) or its exception is returned here."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("forkserver")) as pool:
        return pool.submit(_call, dict(os.environ), function, args).result()
