"""Run one stage in a short-lived child process, so what it holds while it works (event dedup keeps every
mention of the database in memory) is returned to the system when it ends, and the long-lived pipeline or
backfill process stays flat however large the database grows (bench/bench_memory.py, bench_backfill.py).

forkserver, as the cleaning pool uses (tasks/clean.py): the parent runs Prefect's and httpx's threads, and
forking it could copy a held lock. A forkserver child inherits the environment of when the server started,
so the caller's current environment is passed along and installed first (settings are read from it).

The child watches the process that asked for it and ends itself when that one is gone: a killed pipeline
or backfill takes its child with it instead of leaving it writing on (tests/test_isolated.py). Its real
parent is the fork server, and that outlives the caller: every child holds the fork server's "caller
alive" pipe open, so neither the server's exit nor a parent-death signal would come.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any


WATCH_EVERY_S = 0.5


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:  # killed but not yet reaped by its own parent: a zombie is gone too
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[-1].split()[0] == "Z"
    except OSError:
        return False


def _die_with(caller: int) -> None:
    def watch() -> None:
        while not _gone(caller):
            time.sleep(WATCH_EVERY_S)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="die-with-caller", daemon=True).start()


def serve_caller(environment: dict[str, str], caller: int) -> None:
    """In a forkserver child: end with `caller`, and take its environment (settings are read from it)."""
    _die_with(caller)
    os.environ.clear()
    os.environ.update(environment)


def _call(environment: dict[str, str], caller: int, function: Callable[..., Any], args: tuple) -> Any:
    serve_caller(environment, caller)
    return function(*args)


def run_isolated(function: Callable[..., Any], *args: Any) -> Any:
    """function(*args) in a fresh child process; its result (picklable) or its exception is returned here."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("forkserver")) as pool:
        return pool.submit(_call, dict(os.environ), os.getpid(), function, args).result()
