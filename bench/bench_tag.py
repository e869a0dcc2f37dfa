"""Tagging throughput on one core: generated ~600-word news articles through tag_article.

Articles are assembled at random (fixed seed) from news-style sentences, gazetteer names, actor aliases
and lexicon triggers, so the matcher sees realistic density of hits. Prints articles/s; target >= 500.
Run: .venv/bin/python bench/bench_tag.py [--articles N] [--seeds DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tasks.knowledge import Knowledge, load_knowledge  # noqa: E402
from tasks.tag import tag_article  # noqa: E402

TARGET = 500.0
WORDS_PER_ARTICLE = 600
FILLER = (
    "the residents said on Tuesday that the situation remained tense and that many families had left "
    "their homes for nearby villages while local officials could not be reached for comment and the "
    "price of rice and fuel had risen sharply in the market over the past weeks according to traders "
    "who asked not to be named for fear of reprisals as the roads were closed"
).split()
TEMPLATES = (
    "{actor} said it {trigger} positions near {place} on {day}, according to local sources.",
    "Residents of {place} said {actor} troops {trigger} the area, forcing families to flee.",
    "The {actor}'s spokesman told reporters that {trigger} continued around {place} for a third day.",
    "In {place}, witnesses described {trigger} by {actor} forces late at night.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def generate_articles(knowledge: Knowledge, count: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    places = [p.name_en for p in knowledge.places.values() if p.name_en and p.level != "village_tract"]
    every_place = list(knowledge.places.values())
    places += [p.name_en for p in rng.sample(every_place, min(200, len(every_place))) if p.name_en]
    actors = [a.alias for a in knowledge.actor_aliases] or [a.name for a in knowledge.actors.values()]
    triggers = list(knowledge.triggers) or ["fighting"]
    articles = []
    for _ in range(count):
        words: list[str] = []
        while len(words) < WORDS_PER_ARTICLE:
            sentence = rng.choice(TEMPLATES).format(
                actor=rng.choice(actors), trigger=rng.choice(triggers), place=rng.choice(places),
                day=rng.choice(DAYS),
            )
            words.extend(sentence.split())
            words.extend(rng.sample(FILLER, rng.randint(15, 30)))
            words[-1] += ".\n\n"  # paragraph breaks as cleaned pages have them (the space-run folding path)
        title = rng.choice(TEMPLATES).format(
            actor=rng.choice(actors), trigger=rng.choice(triggers), place=rng.choice(places), day="Monday"
        )
        articles.append((title, " ".join(words[:WORDS_PER_ARTICLE])))
    return articles


def measure(knowledge: Knowledge, articles: list[tuple[str, str]]) -> float:
    tag_article(knowledge, *articles[0])  # warm caches
    started = time.perf_counter()
    for title, text in articles:
        tag_article(knowledge, title, text)
    return len(articles) / (time.perf_counter() - started)


def evaluate(count: int = 2000) -> list[tuple[str, float, float]]:
    """The row `make bench` prints: tagging throughput on one core against its target."""
    knowledge = load_knowledge()
    return [("tagging.articles_per_s", round(measure(knowledge, generate_articles(knowledge, count)), 1), TARGET)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seeds", type=Path, default=None)
    args = parser.parse_args()
    started = time.perf_counter()
    knowledge = load_knowledge(args.seeds)
    load_s = time.perf_counter() - started
    articles = generate_articles(knowledge, args.articles)
    chars = sum(len(title) + len(text) for title, text in articles) / len(articles)
    rate = measure(knowledge, articles)
    print(f"knowledge load + compile: {load_s:.2f} s ({knowledge._matcher.pattern_count} patterns)")
    print(f"articles: {len(articles)} x ~{WORDS_PER_ARTICLE} words ({chars:.0f} chars)")
    verdict = "ok" if rate >= TARGET else "BELOW"
    print(f"tagging throughput: {rate:.0f} articles/s (target >= {TARGET:.0f}) {verdict}")


if __name__ == "__main__":
    main()
