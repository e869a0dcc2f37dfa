"""`make bench`: every benchmark of issue 8 plus the quality rows of the other bench modules, one table.

Order: the CPU-only benchmarks first, then those that run whole ingests. The end-to-end and incremental
figures come from one pair of ingests (the second run is the incremental one), so the 5,000-article
corpus is loaded once. The table is printed and appended, dated, to bench/RESULTS.md.

    .venv/bin/python -m bench.run_all [--quick] [--no-record]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import Result, append_results, collect, summary_line, table_text  # noqa: E402

# Quality and single-stage modules written by others: each offers evaluate() -> [(figure, value, target)].
OTHER_MODULES = ("bench.bench_clean", "bench.bench_tag", "bench.bench_extract", "bench.bench_dedup",
                 "bench.eval_relevance", "bench.eval_extraction", "bench.bench_review", "bench.bench_burmese")


def run(quick: bool) -> list[Result]:
    """quick: small sizes, to check the harness end to end in about a minute (figures not comparable)."""
    from bench import bench_e2e, bench_load, bench_memory, bench_overhead

    sizes = {"e2e": 500, "memory": (200, 1000), "overhead": 200, "load": 1000} if quick else {
        "e2e": bench_e2e.ARTICLES, "memory": (bench_memory.SMALL, bench_memory.LARGE),
        "overhead": bench_overhead.ARTICLES, "load": bench_load.ROWS}
    results: list[Result] = []
    for name in OTHER_MODULES:
        results += collect(name)
    results += collect("bench.bench_load", lambda m: m.evaluate(sizes["load"]))
    results += collect("bench.bench_idle_poll")
    pair: list[bench_e2e.IngestPair] = []

    def e2e(module):  # noqa: ANN001, ANN202 - the module collect() imported
        pair.append(module.first_and_second_ingest(sizes["e2e"]))
        return module.evaluate(pair[0])

    results += collect("bench.bench_e2e", e2e)
    if pair:
        results += collect("bench.bench_incremental", lambda m: m.evaluate(pair[0]))
    results += collect("bench.bench_overhead", lambda m: m.evaluate(sizes["overhead"]))
    results += collect("bench.bench_memory", lambda m: m.evaluate(*sizes["memory"]))
    # Issue 16: backfill speed and memory (make bench sizes; the 5,000 vs 50,000 is the module's
    # --small/--large), and freshness over a simulated day of the 15-minute schedule.
    backfill_sizes = (200, 1000) if quick else None
    results += collect("bench.bench_backfill", lambda m: m.evaluate(*(backfill_sizes or (m.SMALL, m.LARGE))))
    results += collect("bench.bench_freshness")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke test of the harness")
    parser.add_argument("--no-record", action="store_true", help="do not append to bench/RESULTS.md")
    args = parser.parse_args()
    started = time.perf_counter()
    results = run(args.quick)
    seconds = time.perf_counter() - started
    print(table_text(results))
    print(summary_line(results, seconds))
    if not args.no_record and not args.quick:
        append_results("make bench", results, seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
