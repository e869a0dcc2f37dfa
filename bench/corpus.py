"""A generated news corpus for the speed benchmarks: varied ~600-word articles, about 1/3 not about the conflict.

Every sentence comes from the team-written templates below, filled with real place names, armed groups and
event kinds; nothing is copied from real reporting. Article i depends only on (seed, i), so any slice of the
corpus is the same wherever it is generated (the loopback site and the benchmark that checks it agree).

    .venv/bin/python -m bench.corpus --articles 3   # print a few generated articles
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bench.corpus_templates import (
    CITIES, CLUBS, CONTEXT, DAYS, EVENT_KINDS, EVERYDAY, GIVEN_NAMES, HONORIFICS, MONTHS, OPENERS, OTHER_TOPICS,
    PLACES, REGIME, RELATIVES, RESISTANCE, SPEAKERS, SYNONYMS,
)

IRRELEVANT_SHARE = 1 / 3
MEAN_WORDS = 600
CORPUS_START = datetime(2024, 1, 1, 6, 0, tzinfo=timezone.utc)

@dataclass(frozen=True)
class Article:
    index: int
    slug: str
    title: str
    paragraphs: tuple[str, ...]
    published_at: datetime
    relevant: bool
    kind: str

    @property
    def summary(self) -> str:
        return self.paragraphs[0]

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


_VARIABLE_WORDS = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b")


def _vary(rng: random.Random, sentence: str) -> str:
    """The same statement in this reporter's words: synonyms drawn per word, sometimes an opener."""
    varied = _VARIABLE_WORDS.sub(lambda m: rng.choice(SYNONYMS[m.group(1)]), sentence)
    opener = rng.choice(OPENERS)
    if opener and varied[:1].isupper() and not varied.startswith(("The ", "A ")):
        return varied  # a name starts the sentence: keep its capital, skip the opener
    return opener + varied[0].lower() + varied[1:] if opener else varied


def _fill(rng: random.Random, template: str, slots: dict[str, str], vary: bool = True) -> str:
    """Article-level slots as given; people, ages and small numbers drawn afresh for each sentence."""
    template = _vary(rng, template) if vary else template
    fresh = {
        "person": f"{rng.choice(HONORIFICS)} {' '.join(rng.sample(GIVEN_NAMES, rng.randint(1, 3)))}",
        "age": str(rng.randint(19, 78)), "n": str(rng.randint(2, 12)), "month": rng.choice(MONTHS),
        "relative": rng.choice(RELATIVES),
    }
    return template.format(**slots, **fresh)


def _conflict_slots(rng: random.Random) -> dict[str, str]:
    (town, region), (town2, _) = rng.sample(PLACES, 2)
    rebel = rng.choice(RESISTANCE)
    regime = rng.choice(REGIME).format(battalion=rng.randint(1, 400))
    speaker = rng.choice(SPEAKERS).format(rebel=rebel)
    short = rebel.removeprefix("the ")
    return {
        "town": town, "town2": town2, "region": region, "rebel": rebel, "rebel_cap": rebel[0].upper() + rebel[1:],
        "rebel_short": short[0].upper() + short[1:], "regime": regime, "regime_cap": regime[0].upper() + regime[1:],
        "speaker": speaker, "speaker_cap": speaker[0].upper() + speaker[1:], "day": rng.choice(DAYS),
        "killed": str(rng.randint(2, 40)), "wounded": str(rng.randint(3, 60)), "displaced": f"{rng.randint(2, 40) * 500:,}",
        "nth": rng.choice(("second", "third", "fourth", "fifth")), "nth2": str(rng.randint(2, 12)),
    }


def _other_slots(rng: random.Random) -> dict[str, str]:
    club, club2 = rng.sample(CLUBS, 2)
    return {
        "city": rng.choice(CITIES), "club": club, "club2": club2, "day": rng.choice(DAYS),
        "pct": str(rng.randint(5, 40)), "temp": str(rng.randint(38, 44)), "score": f"{rng.randint(1, 4)}-{rng.randint(0, 2)}",
        "crowd": f"{rng.randint(3, 25) * 1000:,}",
    }


def _paragraphs(rng: random.Random, first: str, pool: tuple[str, ...], slots: dict[str, str], words: int) -> list[str]:
    """A lead paragraph, then paragraphs of 1-4 sentences until about `words` words. Templates are dealt
    from a shuffled deck, so one is used again only after every other one has been."""
    paragraphs, count, deck = [first], len(first.split()), []
    while count < words:
        sentences = []
        for _ in range(rng.randint(1, 4)):
            if not deck:
                deck = rng.sample(pool, len(pool))
            sentences.append(_fill(rng, deck.pop(), slots))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def article(seed: int, index: int) -> Article:
    """The index-th article of the corpus with this seed."""
    rng = random.Random(f"{seed}:{index}")
    words, published_at, relevant, kind = _head(rng, index)
    if relevant:
        templates, slots = EVENT_KINDS[kind], _conflict_slots(rng)
        lead = _fill(rng, rng.choice(templates["lead"]), slots)
        pool = templates["body"] + CONTEXT
    else:
        templates, slots = OTHER_TOPICS[kind], _other_slots(rng)
        lead = " ".join(_fill(rng, s, slots) for s in rng.sample(templates["body"], 2))
        pool = templates["body"] + EVERYDAY
    title = _fill(rng, rng.choice(templates["headline"]), slots, vary=False)
    paragraphs = _paragraphs(rng, lead, pool, slots, words)
    slug = f"{published_at:%Y/%m/%d}/{kind}-{index}"
    return Article(index, slug, title, tuple(paragraphs), published_at, relevant, kind)


def article_kind(seed: int, index: int) -> str:
    """The index-th article's kind without writing its text (sitemaps list thousands of URLs)."""
    return _head(random.Random(f"{seed}:{index}"), index)[3]


def _head(rng: random.Random, index: int) -> tuple[int, datetime, bool, str]:
    """The first draws of an article: length, time, relevance, kind (in this order: the seed's stream)."""
    words = max(250, int(rng.gauss(MEAN_WORDS, 150)))
    published_at = CORPUS_START + timedelta(minutes=17 * index + rng.randint(0, 16))
    relevant = rng.random() >= IRRELEVANT_SHARE
    kind = rng.choice(sorted(EVENT_KINDS)) if relevant else rng.choice(sorted(OTHER_TOPICS))
    return words, published_at, relevant, kind


def corpus(seed: int, count: int, start: int = 0) -> list[Article]:
    return [article(seed, index) for index in range(start, start + count)]


def main() -> None:
    parser = argparse.ArgumentParser(description="print generated benchmark articles")
    parser.add_argument("--articles", type=int, default=3)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    for item in corpus(args.seed, args.articles):
        print(f"# {item.title}  ({item.kind}, relevant={item.relevant}, {item.words} words)\n")
        print("\n\n".join(item.paragraphs), end="\n\n")


if __name__ == "__main__":
    main()
