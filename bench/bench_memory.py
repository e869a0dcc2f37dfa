"""Memory (issue 8, benchmark 6): peak RSS of an ingest of 1,000 versus 10,000 articles.

Each ingest runs in a fresh subprocess against its own loopback site and database. The parent samples the
resident memory of the ingest's whole process tree (the pipeline process, the fork server and the cleaning
workers) every 50 ms, and of the pipeline process alone. The pipeline streams in batches and the cleaning workers reset trafilatura's caches, so ten times the articles should need at
most 20% more memory.

    .venv/bin/python -m bench.bench_memory [--small 1000] [--large 10000]
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


class StagePeaks:
    """In the ingest process: the peak RSS of this process while each stage ran (the profile that says
    which stage grows). A thread samples every few milliseconds; `wrap` marks which stage is running."""

    def __init__(self) -> None:
        self.peaks: dict[str, float] = {}
        self.stage = "start"
        self._me = psutil.Process()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._done.wait(SAMPLE_EVERY_S / 5):
            self._note()

    def _note(self) -> None:
        mb = self._me.memory_info().rss / 2**20
        self.peaks[self.stage] = max(self.peaks.get(self.stage, 0.0), mb)

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
    stage_peaks = {name: round(mb, 1) for name, mb in peaks.peaks.items() if not name.startswith("after ")}
    print(json.dumps({"articles": articles, "seconds": seconds, "stage_peaks_mb": stage_peaks, **loaded}))


def evaluate(small: int = SMALL, large: int = LARGE) -> list[Row]:
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
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args.child, args.base_url)
        return
    for figure, value, target in evaluate(args.small, args.large):
        print(f"{figure:<60} {value:>10g}  {target}")


if __name__ == "__main__":
    main()
