"""Progress of the running stages, for whoever is watching: rich bars on a terminal, plain lines otherwise.

Stages report through the module-level reporter; the CLI installs one before it runs a flow in-process.
A flow run by a Prefect worker has none installed, and its log lines tell the story instead.
"""

from __future__ import annotations

import sys
import threading
from typing import Protocol


class Reporter(Protocol):
    def start(self, stage: str, total: int, unit: str) -> None: ...
    def advance(self, stage: str, amount: int = 1) -> None: ...
    def finish(self, stage: str) -> None: ...


class NullReporter:
    def start(self, stage: str, total: int, unit: str) -> None:
        pass

    def advance(self, stage: str, amount: int = 1) -> None:
        pass

    def finish(self, stage: str) -> None:
        pass


class LineReporter:
    """One plain line per finished stage (logs, pipes, CI)."""

    def __init__(self, stream=None) -> None:
        self._stream = stream or sys.stderr
        self._state: dict[str, list] = {}
        self._lock = threading.Lock()

    def start(self, stage: str, total: int, unit: str) -> None:
        with self._lock:
            self._state[stage] = [0, total, unit]

    def advance(self, stage: str, amount: int = 1) -> None:
        with self._lock:
            if stage in self._state:
                self._state[stage][0] += amount

    def finish(self, stage: str) -> None:
        with self._lock:
            done, total, unit = self._state.pop(stage, [0, 0, "items"])
        print(f"{stage}: {done}/{total} {unit}", file=self._stream, flush=True)


class RichReporter:
    """A rich progress bar per stage, for a terminal."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(),
                                  TextColumn("{task.fields[unit]}"), TimeElapsedColumn())
        self._tasks: dict[str, int] = {}

    def __enter__(self) -> "RichReporter":
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def start(self, stage: str, total: int, unit: str) -> None:
        self._tasks[stage] = self._progress.add_task(stage, total=max(total, 0), unit=unit)

    def advance(self, stage: str, amount: int = 1) -> None:
        if stage in self._tasks:
            self._progress.advance(self._tasks[stage], amount)

    def finish(self, stage: str) -> None:
        task_id = self._tasks.pop(stage, None)
        if task_id is not None:
            total = self._progress.tasks[task_id].total or 0
            self._progress.update(task_id, completed=max(total, self._progress.tasks[task_id].completed))


_reporter: Reporter = NullReporter()


def set_reporter(reporter: Reporter) -> None:
    global _reporter
    _reporter = reporter


def reporter() -> Reporter:
    return _reporter
