"""Orchestration overhead (issue 8, benchmark 3): the same stages called directly versus through the flow.

One loopback site serves the corpus; each ingest loads it into its own fresh database, alternately through
`tasks.pipeline.run_ingest` (plain functions) and through the Prefect flow `flows.ingest.ingest` (the same
functions as batch tasks). The flow runs against Prefect's test harness, a temporary server in a
subprocess: its one-off start-up is timed and reported on its own, not charged to the flow. A warm-up
ingest first pays the one-off costs both sides share (imports, the cleaning processes).
Target: median flow time <= 1.15x median direct time.

    .venv/bin/python -m bench.bench_overhead [--articles 1000] [--repeats 2]
"""

from __future__ import annotations

import argparse
import time

from bench.harness import Row, bench_environment, ingest_direct, median, timed, workspace
from bench.site import served_corpus

ARTICLES = 1000
FEEDS = 50
REPEATS = 2
TARGET_RATIO = 1.15


def _ingest_flow(base_url: str) -> dict:
    from flows.ingest import ingest

    return ingest(force=True, base_url=base_url)  # paths come from the workspace's environment


def _one(mode: str, base_url: str) -> float:
    with workspace(FEEDS) as space:
        if mode == "direct":
            seconds, summary = timed(lambda: ingest_direct(space, base_url))
        else:
            seconds, summary = timed(lambda: _ingest_flow(base_url))
    if summary["articles_fetched"] == 0:
        raise RuntimeError(f"{mode} ingest fetched nothing: {summary}")
    return seconds


def measure(articles: int = ARTICLES, repeats: int = REPEATS) -> dict[str, list[float] | float]:
    # The harness runs its temporary server on a throw-away database, so no run lands in ~/.prefect.
    with bench_environment():
        import_s, _ = timed(lambda: __import__("flows.ingest"))
        from prefect.testing.utilities import prefect_test_harness

        with served_corpus(articles, FEEDS, mode="mixed") as base_url:
            started = time.perf_counter()
            with prefect_test_harness(server_startup_timeout=120):
                startup_s = time.perf_counter() - started
                with workspace(FEEDS) as space:  # warm-up, not measured
                    ingest_direct(space, base_url, max_articles=50)
                    _ingest_flow(base_url)
                times: dict[str, list[float]] = {"direct": [], "flow": []}
                for repeat in range(repeats):
                    order = ("direct", "flow") if repeat % 2 == 0 else ("flow", "direct")
                    for mode in order:
                        times[mode].append(_one(mode, base_url))
    return {**times, "startup_s": startup_s, "import_s": import_s}


def evaluate(articles: int = ARTICLES, repeats: int = REPEATS) -> list[Row]:
    result = measure(articles, repeats)
    direct, flow = median(result["direct"]), median(result["flow"])
    return [
        (f"overhead: flow / direct, {articles} articles", round(flow / direct, 3), f"<= {TARGET_RATIO:g}"),
        ("overhead: direct ingest median s", round(direct, 2), ""),
        ("overhead: flow ingest median s", round(flow, 2), ""),
        ("overhead: Prefect server start-up s (one-off)", round(result["startup_s"], 2), ""),
        ("overhead: import flows (Prefect) s (one-off)", round(result["import_s"], 2), ""),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--repeats", type=int, default=REPEATS)
    args = parser.parse_args()
    for figure, value, target in evaluate(args.articles, args.repeats):
        print(f"{figure:<50} {value:>10g}  {target}")


if __name__ == "__main__":
    main()
