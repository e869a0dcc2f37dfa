"""Clustering 10,000 event mentions: synthetic, spread like real reporting, timed end to end in memory.

About 3,500 real events over a year in 300 townships of 14 states (a few hot townships get most of them);
each is reported by 1-5 articles, so about 10,000 mentions; reports disagree the way outlets do (a
village vs its township, a week instead of a day, no actors). The clusterer blocks by (state, day), so
its work grows with the mentions per state-day, not with all mentions. Prints mentions, unique events
found vs true, and seconds for clustering and for merging the clusters' fields.
Run: .venv/bin/python bench/bench_dedup.py [mentions]
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tasks.dedup.clustering import cluster_mentions  # noqa: E402
from tasks.dedup.events import make_mention  # noqa: E402
from tasks.dedup.merge import merge_cluster  # noqa: E402

MENTIONS = 10_000
TARGET_SECONDS = 3.0
TYPES = [("Battles", "Armed clash"), ("Battles", "Non-state actor overtakes territory"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests"), ("Protests", "Peaceful protest")]
GROUPS = [("KIA", 2), ("TNLA", 2), ("AA", 2), ("KNDF", 2), ("PDF", 2), ("KNLA", 2), ("CDF", 2)]


def synthetic_rows(mentions: int = MENTIONS, seed: int = 7) -> list[tuple[dict, datetime]]:
    rng = random.Random(seed)
    states = [f"State{i:02d}" for i in range(14)]
    townships = [(states[i % 14], f"MMR{i % 14:03d}{i:03d}") for i in range(300)]
    weights = [1.0 / (1 + i) ** 0.7 for i in range(len(townships))]  # a few hot fronts, a long tail
    rows, event_no, start = [], 0, date(2024, 1, 1)
    while len(rows) < mentions:
        event_no += 1
        state, township = rng.choices(townships, weights)[0]
        day = start + timedelta(days=rng.randrange(366))
        kind, sub = rng.choice(TYPES)
        group, inter = rng.choice(GROUPS)
        village = f"{township}{rng.randrange(40):03d}"
        for report in range(rng.choice((1, 2, 2, 3, 4, 5))):
            precise = rng.random() < 0.85
            at_village = rng.random() < 0.6
            article = f"a{event_no:06d}-{report}"
            rows.append(({
                "event_id": f"e{event_no:06d}-{report}", "article_id": article, "event_type": kind, "sub_event_type": sub,
                "event_date": day, "time_precision": 1 if precise else 2, "date_text": "x",
                "place_id": village if at_village else township, "location": village if at_village else "T" + township,
                "country_iso": "MMR", "admin1": state, "admin1_pcode": state, "admin2_pcode": township[:7],
                "admin3": "T" + township, "admin3_pcode": township, "actor1": group if rng.random() < 0.8 else None,
                "inter1": inter, "actor2": "Military Forces of Myanmar (2021-)", "inter2": 1, "fatalities": rng.randrange(6),
                "sentence": "", "notes": "",
            }, datetime.combine(day, datetime.min.time(), timezone.utc) + timedelta(hours=6 + report * 5)))
    return rows[:mentions]


def evaluate(mentions: int = MENTIONS) -> list[tuple[str, float, str]]:
    rows = synthetic_rows(mentions)
    true_events = len({row["event_id"].split("-")[0] for row, _ in rows})
    started = time.perf_counter()
    clustering = cluster_mentions([], [make_mention(row, reported) for row, reported in rows])
    clustered = time.perf_counter() - started
    now = datetime.now(timezone.utc)
    started = time.perf_counter()
    for cluster in clustering.clusters.values():
        merge_cluster(cluster, {}, {}, "bench", now)
    merged = time.perf_counter() - started
    bound = f"< {TARGET_SECONDS:g}"
    return [("dedup.mentions", mentions, ""), ("dedup.true_events", true_events, ""),
            ("dedup.unique_events_found", len(clustering.clusters), ""),
            ("dedup.cluster_seconds", round(clustered, 3), bound), ("dedup.merge_seconds", round(merged, 3), bound)]


def main() -> None:
    mentions = int(sys.argv[1]) if len(sys.argv) > 1 else MENTIONS
    for name, value, target in evaluate(mentions):
        print(f"{name:<28}{value:>12g}  {target}")


if __name__ == "__main__":
    main()
