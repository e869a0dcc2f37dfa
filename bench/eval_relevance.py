"""Precision and recall of relevance tagging on the team's labelled set (tests/data/relevance_labels.csv).

Each item is a headline and a lead paragraph written by the team; label 1 = about Myanmar's armed conflict.
Sets: "labels" (tests/data/relevance_labels.csv, tuned on) and "holdout" (tests/data/relevance_holdout.csv,
written for measuring only; never tune rules on its wording).
Run: .venv/bin/python bench/eval_relevance.py [--set labels|holdout] [--seeds DIR] [--errors]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tasks.knowledge import load_knowledge  # noqa: E402
from tasks.tag import tag_article  # noqa: E402

LABELS_PATH = ROOT / "tests" / "data" / "relevance_labels.csv"
HOLDOUT_PATH = ROOT / "tests" / "data" / "relevance_holdout.csv"
SETS = {"labels": LABELS_PATH, "holdout": HOLDOUT_PATH}
TARGET = 0.95


def load_labels(path: Path = LABELS_PATH) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def predictions(seeds_dir: Path | None = None, path: Path = LABELS_PATH) -> list[tuple[dict[str, str], bool, str, float]]:
    knowledge = load_knowledge(seeds_dir)
    results = []
    for item in load_labels(path):
        tags = tag_article(knowledge, item["headline"], item["lead"])
        results.append((item, tags.relevant, tags.rule, tags.score))
    return results


def _scores(results: list[tuple[dict[str, str], bool, str, float]]) -> tuple[float, float]:
    true_pos = sum(1 for item, predicted, _, _ in results if predicted and item["label"] == "1")
    false_pos = sum(1 for item, predicted, _, _ in results if predicted and item["label"] == "0")
    false_neg = sum(1 for item, predicted, _, _ in results if not predicted and item["label"] == "1")
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
    return precision, recall


def evaluate(seeds_dir: Path | None = None, sets: tuple[str, ...] = ("labels", "holdout")) -> list[tuple[str, float, float]]:
    """[(metric, value, target)]: precision and recall of `relevant` per set; holdout rows are relevance_holdout_*."""
    rows = []
    for name in sets:
        precision, recall = _scores(predictions(seeds_dir, SETS[name]))
        prefix = "relevance" if name == "labels" else f"relevance_{name}"
        rows += [(f"{prefix}_precision", precision, TARGET), (f"{prefix}_recall", recall, TARGET)]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=None, help="seeds directory (default: settings)")
    parser.add_argument("--errors", action="store_true", help="list misclassified items")
    parser.add_argument("--set", choices=sorted(SETS), default="labels", help="which labelled set")
    args = parser.parse_args()
    labels = load_labels(SETS[args.set])
    positives = sum(1 for item in labels if item["label"] == "1")
    print(f"labelled items: {len(labels)} ({positives} relevant, {len(labels) - positives} not)")
    print(f"{'metric':<22}{'value':>8}{'target':>8}  ok")
    for name, value, target in evaluate(args.seeds, (args.set,)):
        print(f"{name:<22}{value:>8.3f}{target:>8.2f}  {'yes' if value >= target else 'NO'}")
    if args.errors:
        for item, predicted, rule, score in predictions(args.seeds, SETS[args.set]):
            if predicted != (item["label"] == "1"):
                print(f"  {item['id']} label={item['label']} rule={rule} score={score}: {item['headline']}")


if __name__ == "__main__":
    main()
