"""Extraction throughput on one core: articles per second for ~600-word articles.

Articles are assembled from the gold set's sentences (shuffled with a fixed seed, ~600 words each), so
they read like real reporting with the usual density of places, actors and triggers. Knowledge loading
is excluded (it happens once per process). Target: >= 100 articles/s.

The corpus's sentences recur from article to article, which real news's do not: the memos keyed on a
sentence's text (counts, dates, a sentence's history test) would answer from earlier articles and flatter
the figure by about a third. They are emptied before each article, so each article pays for its own
sentences and keeps only the reuse within itself; the figure with them kept is printed beside it.
Run: .venv/bin/python bench/bench_extract.py [N]
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval_extraction import load_gold  # noqa: E402
from tasks.extract import extract  # noqa: E402
from tasks.extract.dates import find_dates  # noqa: E402
from tasks.extract.numbers import find_counts  # noqa: E402
from tasks.knowledge import load_knowledge  # noqa: E402
from tasks.mention_context import _history_sentence  # noqa: E402

# memos keyed on a sentence's text, which the corpus repeats across articles (see the docstring)
TEXT_MEMOS = (find_counts, find_dates, _history_sentence)

TARGET = 100.0


def make_articles(n: int, words: int = 600, seed: int = 7) -> list[str]:
    sentences = [line for article in load_gold() for line in article["text"].splitlines() if line.strip()]
    rng = random.Random(seed)
    articles = []
    for _ in range(n):
        picked, count = [], 0
        while count < words:
            line = rng.choice(sentences)
            picked.append(line)
            count += len(line.split())
        # blank lines between paragraphs, as cleaned pages have them (exercises the space-run folding)
        articles.append("\n\n".join(picked))
    return articles


def measure(n: int = 300, keep_text_memos: bool = False) -> tuple[float, float]:
    knowledge = load_knowledge()
    articles = make_articles(n)
    extract(knowledge, "", articles[0], date(2024, 3, 1))  # warm the knowledge's own caches
    events, elapsed = 0, 0.0
    for i, text in enumerate(articles):
        if not keep_text_memos:
            for memo in TEXT_MEMOS:
                memo.cache_clear()
        started = time.process_time()
        events += len(extract(knowledge, "", text, date(2024, 3, 1), f"a{i}").events)
        elapsed += time.process_time() - started
    return n / elapsed, events / n


def evaluate() -> list[tuple[str, float, float]]:
    rate, _ = measure()
    return [("extraction.articles_per_s", round(rate, 1), TARGET)]


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rate, per_article = measure(n)
    warm, _ = measure(n, keep_text_memos=True)
    print(f"extraction: {rate:.1f} articles/s on one core (600-word articles, {per_article:.1f} events each; "
          f"target >= {TARGET:.0f}); {warm:.1f} with the sentence memos kept across articles")
