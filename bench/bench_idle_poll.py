"""Idle poll (issue 8, benchmark 4): the poll stage over 300 feeds that all answer 304 or an unchanged body.

A first poll stores every feed's validators, body hash and entries; then the poll stage runs again several
times with nothing new (even feeds answer 304 to If-None-Match, odd feeds send the same bytes without
validators). Target: the median idle poll stage takes <= 5 s.

    .venv/bin/python -m bench.bench_idle_poll [--feeds 300] [--repeats 5]
"""

from __future__ import annotations

import argparse

from bench.harness import Row, median, timed, workspace
from bench.site import served_corpus

FEEDS = 300
ITEMS_PER_FEED = 20
REPEATS = 5
TARGET_S = 5.0


def measure(feeds: int = FEEDS, repeats: int = REPEATS) -> tuple[list[float], dict, float]:
    """(idle poll seconds per repeat, the last idle summary, seconds of the first, loading poll)."""
    from tasks import pipeline
    from tasks.settings import get_settings

    with served_corpus(feeds * ITEMS_PER_FEED, feeds, mode="mixed") as base_url, workspace(feeds) as space:
        settings = get_settings()
        pipeline.sync_feeds_stage(space.db, space.registry, base_url)
        first_s, first = timed(lambda: pipeline.poll_stage(space.db, "bench-first", settings, None, True))
        if first["feeds_new"] != feeds:
            raise RuntimeError(f"first poll did not load every feed: {first}")
        times, summary = [], {}
        for repeat in range(repeats):
            seconds, summary = timed(lambda: pipeline.poll_stage(space.db, f"bench-idle-{repeat}", settings, None, True))
            times.append(seconds)
    return times, summary, first_s


def evaluate(feeds: int = FEEDS, repeats: int = REPEATS) -> list[Row]:
    times, summary, first_s = measure(feeds, repeats)
    idle = summary["feeds_unchanged"]
    return [
        (f"idle poll: {feeds} unchanged feeds, median s", round(median(times), 2), f"<= {TARGET_S:g}"),
        ("idle poll: feeds recognised unchanged", float(idle), f"== {feeds}"),
        ("idle poll: of which 304 Not Modified", float(summary["feeds_not_modified"]), ""),
        (f"idle poll: first poll loading {feeds * ITEMS_PER_FEED} entries s", round(first_s, 2), ""),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=FEEDS)
    parser.add_argument("--repeats", type=int, default=REPEATS)
    args = parser.parse_args()
    for figure, value, target in evaluate(args.feeds, args.repeats):
        print(f"{figure:<50} {value:>10g}  {target}")


if __name__ == "__main__":
    main()
