"""Memory (issue 8, benchmark 6): peak RSS of an ingest of 1,000 versus 10,000 articles.

Each ingest runs in a fresh subprocess against its own loopback site and database. The parent samples the
resident memory of the ingest's whole process tree (the pipeline process, the fork server, the cleaning
workers and the stages' short-lived children) every 50 ms, and of the pipeline process alone. The pipeline
streams in batches, the cleaning workers reset trafilatura's caches and are released once fetching is over,
and dedup and the copy's indexes run in short-lived children, so ten times the articles should need at
most 20% more memory.

    .venv/bin/python -m bench.bench_memory [--small 1000] [--large 10000] [--by-process]

--by-process adds each process role's peak (pipeline, fork server, cleaning workers, a stage's child) and
the all-process peak during each stage with its make-up, sampled inside the pipeline process.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

from bench.harness import Row, articles_loaded, ingest_direct, workspace
from bench.site import served_corpus
from tasks.pipeline import IngestStages

SMALL, LARGE = 1000, 10000
FEEDS = 50
TARGET_GROWTH = 0.20
SAMPLE_EVERY_S = 0.05


def rss(process: psutil.Process) -> tuple[int, int]:
    """Resident bytes of (the process alone, the process and all its descendants)."""
    own = process.memory_info().rss
    total = own
    for member in process.children(recursive=True):
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass  # a worker that just exited
    return own, total


def peaks_until_exit(child: subprocess.Popen, every_s: float) -> tuple[int, int]:
    """Sample a running child every `every_s` seconds until it exits: peak bytes (alone, with descendants)."""
    watched, own_peak, tree_peak = psutil.Process(child.pid), 0, 0
    while child.poll() is None:
        try:
            own, total = rss(watched)
            own_peak, tree_peak = max(own_peak, own), max(tree_peak, total)
        except psutil.Error:
            pass  # the child is exiting
        time.sleep(every_s)
    return own_peak, tree_peak


def measure(articles: int) -> dict:
    """Run one ingest of `articles` in a subprocess; its report plus the sampled peak of its tree."""
    root = Path(__file__).resolve().parents[1]
    with served_corpus(articles, FEEDS, mode="mixed") as base_url:
        command = [sys.executable, "-m", "bench.bench_memory", "--child", str(articles), "--base-url", base_url]
        child = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONPATH": str(root)})
        own_peak, tree_peak = peaks_until_exit(child, SAMPLE_EVERY_S)
        output = child.stdout.read() if child.stdout else ""
    if child.returncode != 0:
        raise RuntimeError(f"ingest of {articles} articles failed (exit {child.returncode})")
    report = json.loads(output.strip().splitlines()[-1])
    return {**report, "tree_peak_mb": tree_peak / 2**20, "process_peak_mb": own_peak / 2**20}


ROLES = ("pipeline", "fork server", "cleaning workers", "stage child", "other")


def role_rss(me: psutil.Process) -> dict[str, int]:
    """Resident bytes of this process tree by role: the pipeline itself, the fork server, the cleaning
    pool's workers, a stage's short-lived child (dedup halves, the copy's index build) and anything else
    (multiprocessing's resource tracker). Forkserver children share the server's command line, so the
    workers are told apart by the pool's own pids."""
    from tasks import clean

    pool = clean._shared_pool
    workers = {worker.process.pid for worker in getattr(pool, "_workers", [])} if pool else set()
    by_role = dict.fromkeys(ROLES, 0)
    by_role["pipeline"] = me.memory_info().rss
    for member in me.children(recursive=True):
        try:
            rss, parent = member.memory_info().rss, member.ppid()
            if member.pid in workers:
                role = "cleaning workers"
            elif parent == me.pid:
                role = "fork server" if "forkserver" in " ".join(member.cmdline()) else "other"
            else:
                role = "stage child"
        except psutil.Error:
            continue  # a worker that just exited
        by_role[role] += rss
    return by_role


class StagePeaks:
    """In the ingest process: the peak RSS of this process while each stage ran, and of its whole tree
    with the tree's make-up at that moment (the profile that says which stage, and which process, grows).
    A thread samples every few milliseconds; `wrap` marks which stage is running."""

    def __init__(self) -> None:
        self.peaks: dict[str, float] = {}
        self.tree_peaks: dict[str, dict[str, float]] = {}  # stage -> role MB at the stage's tree peak
        self.role_peaks: dict[str, float] = {}
        self.stage = "start"
        self._me = psutil.Process()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        ticks = 0
        while not self._done.wait(SAMPLE_EVERY_S / 5):
            self._note()
            ticks += 1
            if ticks % 5 == 0:  # the tree every SAMPLE_EVERY_S: walking it costs more
                self._note_tree()

    def _note(self) -> None:
        mb = self._me.memory_info().rss / 2**20
        self.peaks[self.stage] = max(self.peaks.get(self.stage, 0.0), mb)

    def _note_tree(self) -> None:
        stage = self.stage
        by_role = {role: rss / 2**20 for role, rss in role_rss(self._me).items()}
        for role, mb in by_role.items():
            self.role_peaks[role] = max(self.role_peaks.get(role, 0.0), mb)
        if sum(by_role.values()) > sum(self.tree_peaks.get(stage, {}).values()):
            self.tree_peaks[stage] = by_role

    def wrap(self, name: str, stage: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            self._note()
            self.stage = name
            try:
                return stage(*args, **kwargs)
            finally:
                self._note()
                self.stage = f"after {name}"
        return run

    def stages(self) -> IngestStages:
        base = IngestStages()
        return IngestStages(**{f.name: self.wrap(f.name, getattr(base, f.name)) for f in dataclasses.fields(base)})

    def report(self) -> dict[str, Any]:
        def rounded(values: dict[str, float]) -> dict[str, float]:
            return {name: round(mb, 1) for name, mb in values.items()}

        return {"stage_peaks_mb": {name: round(mb, 1) for name, mb in self.peaks.items() if not name.startswith("after ")},
                "tree_peaks_mb": {name: rounded(roles) for name, roles in self.tree_peaks.items()},
                "role_peaks_mb": rounded(self.role_peaks)}

    def __enter__(self) -> "StagePeaks":
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join()


def child_main(articles: int, base_url: str) -> None:
    """In the subprocess: one ingest, then a JSON line with its time, the counts and each stage's peak.
    (Its own ru_maxrss would not do: Linux keeps the parent's high-water mark across fork and exec.)"""
    with workspace(FEEDS, prefix="mmtrack-memory-") as space, StagePeaks() as peaks:
        started = time.perf_counter()
        ingest_direct(space, base_url, stages=peaks.stages())
        seconds = time.perf_counter() - started
        loaded = articles_loaded(space.db)
    print(json.dumps({"articles": articles, "seconds": seconds, **peaks.report(), **loaded}))


def process_rows(size: int, run: dict) -> list[Row]:
    """Who holds the memory: each role's own peak, and the tree's peak during each stage with its
    make-up at that moment (roles under 1 MB left out)."""
    rows: list[Row] = [(f"memory: {size} articles, peak of {role} MB", mb, "")
                       for role, mb in run["role_peaks_mb"].items() if mb >= 1]
    for stage, roles in run["tree_peaks_mb"].items():
        if stage.startswith("after "):
            continue
        parts = ", ".join(f"{role} {mb:g}" for role, mb in roles.items() if mb >= 1)
        rows.append((f"memory: {size} articles, all processes during {stage} MB ({parts})",
                     round(sum(roles.values()), 1), ""))
    return rows


def evaluate(small: int = SMALL, large: int = LARGE, by_process: bool = False) -> list[Row]:
    runs = {size: measure(size) for size in (small, large)}
    rows: list[Row] = []
    for size, run in runs.items():
        if run["articles_ok"] != size:
            raise RuntimeError(f"ingest of {size} articles loaded only {run['articles_ok']}")
        rows.append((f"memory: peak RSS, {size} articles, all processes MB", round(run["tree_peak_mb"], 1), ""))
        rows.append((f"memory: peak RSS, {size} articles, pipeline process MB", round(run["process_peak_mb"], 1), ""))
        rows.append((f"memory: ingest of {size} articles, articles/s", round(size / run["seconds"], 1), ""))
        for stage, mb in run["stage_peaks_mb"].items():
            rows.append((f"memory: {size} articles, pipeline peak during {stage} MB", mb, ""))
        if by_process:
            rows.extend(process_rows(size, run))
    growth = runs[large]["tree_peak_mb"] / runs[small]["tree_peak_mb"] - 1
    process_growth = runs[large]["process_peak_mb"] / runs[small]["process_peak_mb"] - 1
    rows.append((f"memory: growth {small} -> {large} articles, all processes", round(growth, 3), f"<= {TARGET_GROWTH:g}"))
    rows.append((f"memory: growth {small} -> {large} articles, pipeline process", round(process_growth, 3),
                 f"<= {TARGET_GROWTH:g}"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=SMALL)
    parser.add_argument("--large", type=int, default=LARGE)
    parser.add_argument("--by-process", action="store_true",
                        help="also print each process role's peak and every stage's all-process make-up")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args.child, args.base_url)
        return
    for figure, value, target in evaluate(args.small, args.large, args.by_process):
        print(f"{figure:<60} {value:>10g}  {target}", flush=True)


if __name__ == "__main__":
    main()
