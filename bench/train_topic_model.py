"""Train the topic model (tasks/topic_model.py) on the real set's English DEV half and write seeds/topic_model.json.

Only dev articles are read (bench/real_set.py; texts from the git-ignored cache), with the team's own relevance
labels (tests/data/relevance_labels.csv) beside them in training: the test half stays the
measure. The model is a logistic regression over binary word features (the words of the title and the
first WORDS words of the text), each article's features scaled by 1/sqrt(count), classes weighted to equal
mass, L2 penalty, full-batch gradient descent from zero: deterministic, so a rerun on the same cache writes
the same file. The veto threshold is chosen on the dev half by 5-fold cross-validation: the highest
threshold (in steps of 0.01) at which the held-out folds keep RECALL_KEPT of the relevant articles the model
judges. Committed: word weights (facts about the labelled set, not its text), bias, threshold, figures.
Run: .venv/bin/python -m bench.train_topic_model [--check]   (--check: train and print, write nothing)
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.real_set import load_real_set  # noqa: E402
from tasks.topic_model import MODEL_FILE, TopicModel, topic_words  # noqa: E402

WORDS = 400          # chosen by dev cross-validation AUC among 60 / 150 / 400 / 2000 (0.967 / 0.982 / 0.987 / 0.987)
MIN_WORDS = 60       # below: a headline or a summary, the rules' short-text path decides
KNOWN_SHARE = 0.5    # judged only where half the words read are the model's: real English articles 0.62-1.0
MIN_DOCS = 2         # a word seen in one article only says nothing general
L2 = 0.1             # among 0.03 / 0.1 / 0.3 / 1.0 by dev cross-validation AUC (0.990 / 0.989 / 0.987 / 0.983)
EPOCHS, RATE = 600, 8.0
FOLDS, SEED = 5, 1
# the veto may cost at most one in 200 of the relevant articles it judges (0.99 vetoed the demo's team-written
# report of the UN's displacement figures, at 0.344 against a threshold of 0.36)
RECALL_KEPT = 0.995
TEAM_LABELS = ROOT / "tests" / "data" / "relevance_labels.csv"


def fit(rows: list[tuple[set[str], int]]) -> tuple[dict[str, float], float]:
    docs: dict[str, int] = {}
    for words, _ in rows:
        for word in words:
            docs[word] = docs.get(word, 0) + 1
    vocab = {w: i for i, w in enumerate(sorted(w for w, n in docs.items() if n >= MIN_DOCS))}
    x = np.zeros((len(rows), len(vocab)), dtype=np.float64)
    for i, (words, _) in enumerate(rows):
        for word in words:
            if word in vocab:
                x[i, vocab[word]] = 1.0
    x /= np.maximum(1.0, np.sqrt(x.sum(axis=1, keepdims=True)))
    y = np.array([label for _, label in rows], dtype=np.float64)
    balance = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))
    w, b = np.zeros(len(vocab)), 0.0
    for _ in range(EPOCHS):
        gradient = (1.0 / (1.0 + np.exp(-(x @ w + b))) - y) * balance
        w -= RATE * (x.T @ gradient / len(y) + L2 * w / len(y))
        b -= RATE * gradient.mean()
    return {word: float(w[i]) for word, i in vocab.items()}, float(b)


def model(weights: dict[str, float], bias: float, threshold: float = 0.5) -> TopicModel:
    return TopicModel(weights=weights, bias=bias, threshold=threshold, words=WORDS, min_words=MIN_WORDS,
                      min_known_share=KNOWN_SHARE)


def team_rows() -> list[tuple[set[str], int]]:
    """The team's own relevance labels (headline + lead, 51 of 125 hard negatives in the war's words): always
    trained on, never scored (dev cross-validation AUC 0.989 -> 0.993 with them, and 67 -> 78 of the 96 dev
    negatives under the threshold at the same recall). The held-out set (relevance_holdout.csv) stays out."""
    with TEAM_LABELS.open(encoding="utf-8", newline="") as handle:
        return [(topic_words(r["headline"], r["lead"], WORDS), int(r["label"])) for r in csv.DictReader(handle)]


def cross_validated(rows: list[tuple[set[str], int]], extra: list[tuple[set[str], int]]) -> list[float]:
    """Each dev article's probability from a model trained on the other folds and `extra`."""
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    out = [0.0] * len(rows)
    for k in range(FOLDS):
        held = set(order[k::FOLDS])
        fold_model = model(*fit([rows[i] for i in order if i not in held] + extra))
        for i in held:
            out[i] = fold_model.probability_of(rows[i][0])
    return out


def auc(labels: list[int], scores: list[float]) -> float:
    pos = [s for y, s in zip(labels, scores) if y]
    neg = [s for y, s in zip(labels, scores) if not y]
    return sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg))


def choose_threshold(labels: list[int], scores: list[float]) -> float:
    relevant = sorted(s for y, s in zip(labels, scores) if y)
    allowed = int(len(relevant) * (1 - RECALL_KEPT))  # how many relevant articles the veto may lose
    return max(0.0, int(relevant[allowed] * 100) / 100) if relevant else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="train and print; write nothing")
    args = parser.parse_args()
    real = load_real_set()
    dev = [a for a in real.split("dev") if a.body and len(a.body.split(None, MIN_WORDS)) > MIN_WORDS]
    if not dev:
        print("no dev texts in the cache: fill it first (bench/real/README)", file=sys.stderr)
        return 1
    rows = [(topic_words(a.title, a.body, WORDS), int(a.relevant)) for a in dev]
    labels = [r[1] for r in rows]
    team = team_rows()
    scores = cross_validated(rows, team)
    threshold = choose_threshold(labels, scores)
    kept = sum(1 for y, s in zip(labels, scores) if y and s >= threshold) / max(1, sum(labels))
    caught = sum(1 for y, s in zip(labels, scores) if not y and s < threshold)
    figures = {"dev_articles": len(rows), "team_items": len(team), "dev_relevant": sum(labels), "cv_auc": round(auc(labels, scores), 4),
               "cv_recall_kept": round(kept, 4), "cv_negatives_vetoed": caught,
               "dev_negatives": len(rows) - sum(labels)}
    print(json.dumps({"threshold": threshold, **figures}))
    if args.check:
        return 0
    weights, bias = fit(rows + team)
    out = {"trained_on": "bench/real labels, English dev half, and tests/data/relevance_labels.csv", "words": WORDS,
           "min_words": MIN_WORDS, "min_known_share": KNOWN_SHARE, "threshold": threshold, "bias": round(bias, 6), "figures": figures,
           "weights": {w: round(v, 5) for w, v in sorted(weights.items()) if abs(v) >= 1e-4}}
    path = ROOT / "seeds" / MODEL_FILE
    path.write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(out['weights'])} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
