"""The command line and `make eval` rows of a one-figure UCDP evaluation (eval_ucdp_tolls, eval_ucdp_types): each
half measured, dev misses printed on request, a reason printed where ../shared/data is absent."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from bench.eval_ucdp import data_path
from bench.real_set import SPLITS

# (knowledge, split, misses to fill or None) -> (the figure, how many items it was measured on)
Measure = Callable[[object, str, "list[str] | None"], tuple[float, int]]


def figure_rows(module: str, figure: str, target: float, measure: Measure) -> list[tuple[str, object, object]]:
    if not data_path().is_file():
        print(f"{module}: skipped: {data_path()} is absent (../shared/data not here)", file=sys.stderr)
        return [(f"{module}: skipped, data absent", "skipped", "")]
    from tasks.knowledge import load_knowledge

    knowledge = load_knowledge()
    rows: list[tuple[str, object, object]] = []
    for split in SPLITS:
        rate, count = measure(knowledge, split, None)
        rows.append((f"{module}_{split}.{figure} ({count} headlines)", round(rate, 3), target))
    return rows


def figure_main(doc: str, module: str, figure: str, target: float, measure: Measure) -> int:
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, action="append", help="which half (repeatable; default both)")
    parser.add_argument("--misses", action="store_true", help="print the dev half's misses")
    args = parser.parse_args()
    if not data_path().is_file():
        print(f"skipped: {data_path()} is absent")
        return 0
    from tasks.knowledge import load_knowledge

    knowledge = load_knowledge()
    for split in args.split or SPLITS:
        misses: list[str] = []
        rate, count = measure(knowledge, split, misses if args.misses and split == "dev" else None)
        print(f"{module}_{split}.{figure}  {rate:.3f}  target {target}  ({count} headlines)")
        for miss in misses:
            print("  " + miss)
    return 0
