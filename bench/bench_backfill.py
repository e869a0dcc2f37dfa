"""Backfill (issue 16): articles a second and peak memory of `mmtrack backfill` over generated history.

One outlet of N articles behind a sitemap index (monthly children, half gzipped) is served on loopback by
seeds/demo/tools/history_site.py in its own process; the backfill runs in another (`mmtrack backfill`),
pacing off for loopback (MMTRACK_PER_HOST_INTERVAL=0), and the parent samples the resident memory of the
backfill process alone and of its whole tree (cleaning workers, the short-lived dedup process).

    .venv/bin/python -m bench.bench_backfill --small 5000 --large 50000   # the issue's sizes (about 20 min here)
    .venv/bin/python -m bench.bench_backfill                              # what make bench runs
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


from bench.bench_memory import peaks_until_exit
from bench.harness import BENCH_ENV, Row

ROOT = Path(__file__).resolve().parents[1]
SMALL, LARGE = 1000, 5000          # make bench on the shared 2-core machine; the issue asks 5,000 vs 50,000
TARGET_RATE = 60.0
TARGET_GROWTH = 0.20


def _serve(articles: int) -> tuple[subprocess.Popen, Path]:
    child = subprocess.Popen([sys.executable, str(ROOT / "seeds" / "demo" / "tools" / "history_site.py"),
                              "--bench-articles", str(articles)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    line = child.stdout.readline() if child.stdout else ""
    if not line.startswith("REGISTRY "):
        child.terminate()
        raise RuntimeError(f"history site did not start (said {line!r})")
    return child, Path(line.split(" ", 1)[1].strip())


def measure(articles: int) -> dict[str, float]:
    """One backfill of `articles` into an empty database: seconds, counts and the sampled peaks."""
    server, registry = _serve(articles)
    try:
        with tempfile.TemporaryDirectory(prefix="mmtrack-backfill-") as tmp:
            db = Path(tmp) / "b.duckdb"
            env = {**os.environ, **BENCH_ENV, "MMTRACK_DATA_DIR": tmp, "MMTRACK_CONTACT": "bench@localhost"}
            command = [sys.executable, "-m", "mmtrack.cli", "backfill", "--feed", "bench-history", "--since",
                       "2024-01-01", "--until", "2025-12-31", "--db", str(db), "--feeds", str(registry), "--json"]
            started = time.perf_counter()
            child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True)
            own_peak, tree_peak = peaks_until_exit(child, 0.05)
            seconds = time.perf_counter() - started
            output = child.stdout.read() if child.stdout else ""
            if child.returncode != 0:
                raise RuntimeError(f"backfill of {articles} failed (exit {child.returncode})")
            import json

            summary = json.loads(output)
    finally:
        server.terminate()
        server.wait(timeout=10)
    if summary["articles_fetched"] != articles:
        raise RuntimeError(f"backfill of {articles} fetched only {summary['articles_fetched']}")
    phases = {**next(iter(summary["feeds"].values()))["seconds"], "dedup": summary["dedup"]["seconds"]}
    return {"seconds": seconds, "events": summary["events"], "process_mb": own_peak / 2**20,
            "tree_mb": tree_peak / 2**20, "phases": phases}


def evaluate(small: int = SMALL, large: int = LARGE) -> list[Row]:
    runs = {size: measure(size) for size in (small, large)}
    rows: list[Row] = []
    for size, run in runs.items():
        rows.append((f"backfill: {size} articles, articles/s", round(size / run["seconds"], 1),
                     f">= {TARGET_RATE:g}" if size == large else ""))
        rows.append((f"backfill: {size} articles, peak RSS backfill process MB", round(run["process_mb"], 1), ""))
        rows.append((f"backfill: {size} articles, peak RSS all processes MB", round(run["tree_mb"], 1), ""))
    for phase, seconds in runs[large]["phases"].items():  # where the time goes (wall seconds, summed per phase)
        rows.append((f"backfill: {large} articles, seconds in {phase}", round(seconds, 1), ""))
    for scope, key in (("backfill process", "process_mb"), ("all processes", "tree_mb")):
        growth = runs[large][key] / runs[small][key] - 1
        rows.append((f"backfill: memory growth {small} -> {large}, {scope}", round(growth, 3), f"<= {TARGET_GROWTH:g}"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=SMALL)
    parser.add_argument("--large", type=int, default=LARGE)
    args = parser.parse_args()
    for figure, value, target in evaluate(args.small, args.large):
        print(f"{figure:<60} {value:>10g}  {target}")


if __name__ == "__main__":
    main()
