"""Incremental cost (issue 8, benchmark 7): a second ingest over the unchanged 5,000-article site.

The first ingest loads everything; the second polls every feed again (half answer 304 to the conditional
GET, half send the same body, which the body hash recognises), finds nothing new to fetch, tag or
extract, and publishes. Target: the second run costs <= 10% of the first, measured in the same process.

    .venv/bin/python -m bench.bench_incremental [--articles 5000]
"""

from __future__ import annotations

import argparse

from bench.bench_e2e import ARTICLES, FEEDS, IngestPair, first_and_second_ingest
from bench.harness import Row

TARGET_RATIO = 0.10


def rows_from(pair: IngestPair) -> list[Row]:
    second = pair.second
    rows: list[Row] = [
        ("incremental: second run / first run", round(pair.second_s / pair.first_s, 3), f"<= {TARGET_RATIO:g}"),
        ("incremental: second run s", round(pair.second_s, 2), ""),
        ("incremental: feeds answering 304 / same body", float(second["feeds_not_modified"]), ""),
        ("incremental: feeds same body (hash)", float(second["feeds_unchanged"] - second["feeds_not_modified"]), ""),
        ("incremental: articles fetched on second run", float(second["articles_fetched"]), "== 0"),
    ]
    rows += [(f"incremental: stage {name} s", seconds, "") for name, seconds in second["seconds"].items()]
    return rows


def evaluate(pair: IngestPair | None = None) -> list[Row]:
    return rows_from(pair or first_and_second_ingest())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--feeds", type=int, default=FEEDS)
    args = parser.parse_args()
    pair = first_and_second_ingest(args.articles, args.feeds)
    print(f"first run {pair.first_s:.1f} s, second run {pair.second_s:.2f} s")
    for figure, value, target in rows_from(pair):
        print(f"{figure:<50} {value:>10g}  {target}")


if __name__ == "__main__":
    main()
