"""End to end (issue 8, benchmark 2): articles per second through poll, fetch, clean, tag, extract and load.

The generated 5,000-article corpus is served by the loopback site (its own process) across 50 feeds; one
ingest through the plain stage functions loads it into a fresh DuckDB file. The rate is articles loaded
over the ingest's wall time; per-stage seconds are printed beside it so a miss points at its stage.

    .venv/bin/python -m bench.bench_e2e [--articles 5000] [--feeds 50] [--repeats 1]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import Any

from bench.harness import Row, articles_loaded, ingest_direct, median, timed, workspace
from bench.site import served_corpus

TARGET_ARTICLES_PER_S = 40.0
ARTICLES = 5000
FEEDS = 50


@dataclass
class IngestPair:
    """A first ingest of the whole site and a second one over the unchanged site, same database."""

    articles: int
    first_s: float
    first: dict[str, Any]
    second_s: float
    second: dict[str, Any]
    loaded: dict[str, int] = field(default_factory=dict)


def first_and_second_ingest(articles: int = ARTICLES, feeds: int = FEEDS) -> IngestPair:
    """Both runs share one site and one database: the second is the incremental-cost benchmark's."""
    with served_corpus(articles, feeds, mode="mixed") as base_url, workspace(feeds) as space:
        first_s, first = timed(lambda: ingest_direct(space, base_url))
        loaded = articles_loaded(space.db)
        second_s, second = timed(lambda: ingest_direct(space, base_url))
    return IngestPair(articles, first_s, first, second_s, second, loaded)


def rows_from(pair: IngestPair) -> list[Row]:
    rate = pair.loaded.get("articles_ok", 0) / pair.first_s
    stages = pair.first["seconds"]
    rows: list[Row] = [
        (f"e2e: articles/s, {pair.articles} articles, 50 feeds", round(rate, 1), f">= {TARGET_ARTICLES_PER_S:g}"),
        ("e2e: ingest wall time s", round(pair.first_s, 1), ""),
    ]
    rows += [(f"e2e: stage {name} s", seconds, "") for name, seconds in stages.items()]
    rows += [(f"e2e: rows {name}", float(count), "") for name, count in pair.loaded.items()]
    return rows


def evaluate(pair: IngestPair | None = None) -> list[Row]:
    return rows_from(pair or first_and_second_ingest())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--feeds", type=int, default=FEEDS)
    parser.add_argument("--repeats", type=int, default=1, help="runs; the median rate is reported")
    args = parser.parse_args()
    rates = []
    for _ in range(args.repeats):
        with served_corpus(args.articles, args.feeds, mode="mixed") as base_url, workspace(args.feeds) as space:
            seconds, summary = timed(lambda: ingest_direct(space, base_url))
            loaded = articles_loaded(space.db)
        rates.append(loaded["articles_ok"] / seconds)
        print(f"{seconds:.1f} s, {rates[-1]:.1f} articles/s; stages {summary['seconds']}; rows {loaded}")
    verdict = "pass" if median(rates) >= TARGET_ARTICLES_PER_S else "FAIL"
    print(f"median {median(rates):.1f} articles/s (target >= {TARGET_ARTICLES_PER_S:g}): {verdict}")


if __name__ == "__main__":
    main()
