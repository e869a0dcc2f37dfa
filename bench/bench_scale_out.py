"""Scale-out: 1, 2 and 4 worker processes ingesting disjoint feed shards into one shared DuckLake store
(a PostgreSQL catalog started here, data files in a shared directory) while an analyst process reads it.

Per worker count, on a fresh store: articles a second (wall time of the workers), the ratio to one worker,
commits lost to another writer and retried, the analyst's read errors (target 0), and whether the rows
equal those of the one-worker run over the same shards (after the store's one dedup run).

    .venv/bin/python -m bench.bench_scale_out [--articles 240] [--feeds 8]

Needs PostgreSQL's server binaries (apt-get install postgresql; .ci/run installs them).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.harness import Row, bench_environment  # noqa: E402
from bench.site import served_corpus, write_registry  # noqa: E402
from tests.pg_server import PostgresServer  # noqa: E402
from tests.scale_out import feed_ids, run_workers, shards, store_rows  # noqa: E402

ARTICLES, FEEDS = 240, 8
WORKERS = (1, 2, 4)
TARGET_RATIO_2 = 1.2  # two workers should beat one by a fifth at least, even on two shared cores


def _store_rows(env: dict[str, str]) -> dict:
    from tasks import db
    from tasks.pipeline import dedup_stage
    from tasks.settings import get_settings

    with bench_environment(env):
        dedup_stage(get_settings().db_path, rebuild=True)
        con = db.connect_lake(read_only=True)
        try:
            return store_rows(con)
        finally:
            con.close()


def measure(articles: int = ARTICLES, feeds: int = FEEDS) -> list[Row]:
    rows: list[Row] = []
    with PostgresServer() as postgres, served_corpus(articles, feeds) as base_url, \
            tempfile.TemporaryDirectory(prefix="mmtrack-scale-") as tmp:
        registry = write_registry(Path(tmp) / "feeds.csv", feeds, base_url)
        ids = feed_ids(registry)
        reference, rate_one = None, None
        for workers in WORKERS:
            data = Path(tmp) / f"w{workers}"
            env = {"MMTRACK_CATALOG": "postgres:" + postgres.create_database(f"w{workers}"),
                   "MMTRACK_LAKE_DATA": str(data / "shared-files"), "MMTRACK_DATA_DIR": str(data),
                   "MMTRACK_PER_HOST_INTERVAL": "0", "MMTRACK_PER_HOST_CONCURRENCY": "8",
                   "MMTRACK_CLEAN_WORKERS": "1", "MMTRACK_BATCH_SIZE": "50"}
            run = run_workers(env, registry, base_url, shards(ids, workers), readers=1)
            fetched = sum(w["articles_fetched"] for w in run["workers"])
            rate = fetched / run["seconds"]
            stored = _store_rows(env)
            reference = reference or stored
            rate_one = rate_one or rate
            prefix = f"scale-out {workers} worker{'s' if workers > 1 else ''}:"
            rows += [
                (f"{prefix} articles/s", round(rate, 2), ""),
                (f"{prefix} workers that failed", float(sum(code != 0 for code in run["exit_codes"])), "== 0"),
                (f"{prefix} articles fetched", float(fetched), f"== {articles}"),
                (f"{prefix} commit conflicts retried", float(run["conflicts_retried"]), ""),
                (f"{prefix} analyst reads", float(run["reads"]), ""),
                (f"{prefix} analyst read errors", float(len(run["read_errors"])), "== 0"),
                (f"{prefix} rows differing from 1 worker (tables)",
                 float(sum(stored[t] != reference[t] for t in reference)), "== 0"),
            ]
            if workers > 1:
                target = f">= {TARGET_RATIO_2:g}" if workers == 2 else ""
                rows.append((f"{prefix} articles/s vs 1 worker", round(rate / rate_one, 2), target))
            for error in run["read_errors"][:3]:
                print(f"  read error: {error}", file=sys.stderr)
    return rows


def evaluate() -> list[Row]:
    return measure()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--feeds", type=int, default=FEEDS)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, articles {args.articles}, feeds {args.feeds}")
    for figure, value, target in measure(args.articles, args.feeds):
        print(f"{figure:<55} {value:>10g}  {target}")


if __name__ == "__main__":
    main()
