"""Precision and recall of relevance tagging on the team's labelled set (tests/data/relevance_labels.csv).

Each item is a headline and a lead paragraph written by the team; label 1 = about Myanmar's armed conflict.
Run: .venv/bin/python bench/eval_relevance.py [--seeds DIR] [--errors]
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
TARGET = 0.95


def load_labels(path: Path = LABELS_PATH) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def predictions(seeds_dir: Path | None = None) -> list[tuple[dict[str, str], bool, str, float]]:
    knowledge = load_knowledge(seeds_dir)
    results = []
    for item in load_labels():
        tags = tag_article(knowledge, item["headline"], item["lead"])
        results.append((item, tags.relevant, tags.rule, tags.score))
    return results


def evaluate(seeds_dir: Path | None = None) -> list[tuple[str, float, float]]:
    """[(metric, value, target)]: precision and recall of `relevant` against the labels."""
    results = predictions(seeds_dir)
    true_pos = sum(1 for item, predicted, _, _ in results if predicted and item["label"] == "1")
    false_pos = sum(1 for item, predicted, _, _ in results if predicted and item["label"] == "0")
    false_neg = sum(1 for item, predicted, _, _ in results if not predicted and item["label"] == "1")
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
    return [("relevance_precision", precision, TARGET), ("relevance_recall", recall, TARGET)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=None, help="seeds directory (default: settings)")
    parser.add_argument("--errors", action="store_true", help="list misclassified items")
    args = parser.parse_args()
    labels = load_labels()
    positives = sum(1 for item in labels if item["label"] == "1")
    print(f"labelled items: {len(labels)} ({positives} relevant, {len(labels) - positives} not)")
    print(f"{'metric':<22}{'value':>8}{'target':>8}  ok")
    for name, value, target in evaluate(args.seeds):
        print(f"{name:<22}{value:>8.3f}{target:>8.2f}  {'yes' if value >= target else 'NO'}")
    if args.errors:
        for item, predicted, rule, score in predictions(args.seeds):
            if predicted != (item["label"] == "1"):
                print(f"  {item['id']} label={item['label']} rule={rule} score={score}: {item['headline']}")


if __name__ == "__main__":
    main()
