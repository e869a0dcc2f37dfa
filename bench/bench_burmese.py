"""Burmese throughput on one core: tagging (tag_article) and event extraction (the Burmese rules behind
tasks.lang.extract) over generated Burmese news articles of ~2,500 characters (a typical report).

Articles are assembled at random (fixed seed) from Burmese news sentences with gazetteer names (with the
suffixes news uses), Burmese actor aliases, lexicon triggers, counts and dates, so the matcher and the
rules see a realistic density of hits. Targets (issue 15): tagging >= 400, extraction >= 80 articles/s.
Run: .venv/bin/python bench/bench_burmese.py [--articles N]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tasks.knowledge import Knowledge, load_knowledge  # noqa: E402
from tasks.lang import extract  # noqa: E402
from tasks.lang.my_words import is_burmese  # noqa: E402
from tasks.tag import tag_article  # noqa: E402

TAG_TARGET, EXTRACT_TARGET = 400.0, 80.0
CHARS_PER_ARTICLE = 2500
PUBLISHED = date(2025, 3, 8)
TEMPLATES = (
    "{state} {township}မြို့နယ် {village}ရွာတွင် {day} {actor}က {trigger}ခဲ့ရာ ရွာသား {n} ဦး သေဆုံးခဲ့ကြောင်း ဒေသခံများက ပြောသည်။",
    "{actor}ကို {actor2}က {township}မြို့နယ်တွင် {trigger}ခဲ့ပြီး စစ်သား ({n}) ဦး ကျဆုံးသည်ဟု သိရသည်။",
    "{day} ညနေပိုင်းတွင် {actor}၏ {trigger}မှုကြောင့် နေအိမ် {n} လုံး ပျက်စီးခဲ့ပြီး အရပ်သား {n2} ဦး ဒဏ်ရာရရှိခဲ့သည်။",
    "{township}မြို့နယ်ရှိ ကျေးရွာ {n} ရွာမှ ဒေသခံ ထောင်ချီ စစ်ရှောင်ထွက်ပြေးနေရကြောင်း ကယ်ဆယ်ရေးအဖွဲ့က ပြောသည်။",
)
FILLER = ("ဒေသခံများ၏ အဆိုအရ လမ်းများ ပိတ်ဆို့ထားသဖြင့် ဆေးဝါးနှင့် စားနပ်ရိက္ခာ ပို့ဆောင်ရန် "
          "ခက်ခဲနေပြီး ဈေးနှုန်းများလည်း မြင့်တက်နေကြောင်း သိရသည်။")
DAYS = ("ယနေ့", "မနေ့က", "မတ်လ ၅ ရက်နေ့", "ပြီးခဲ့သည့် သောကြာနေ့", "၃ ရက်နေ့", "ညက")


def _vocabulary(knowledge: Knowledge) -> dict[str, list[str]]:
    places = list(knowledge.places.values())
    townships = [p.name_my.removesuffix("မြို့နယ်") for p in places if p.level == "township" and p.name_my]
    states = [p.name_my for p in places if p.level == "state" and p.name_my]
    villages = [p.name_my for p in places if p.level == "village_tract" and p.name_my][:3000]
    actors = [a.alias for a in knowledge.actor_aliases if is_burmese(a.alias)]
    triggers = [t for t, trig in knowledge.triggers.items() if is_burmese(t) and trig.event_type]
    return {"township": townships, "state": states, "village": villages, "actor": actors, "trigger": triggers}


def generate_articles(knowledge: Knowledge, count: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    vocab = _vocabulary(knowledge)
    articles = []
    for _ in range(count):
        parts: list[str] = []
        while sum(map(len, parts)) < CHARS_PER_ARTICLE:
            values = {k: rng.choice(v) for k, v in vocab.items()}
            values.update(actor2=rng.choice(vocab["actor"]), day=rng.choice(DAYS), n=rng.randint(1, 40),
                          n2=rng.randint(1, 20))
            parts.append(rng.choice(TEMPLATES).format(**values))
            parts.append(FILLER + "\n")
        title = TEMPLATES[0].format(**{k: rng.choice(v) for k, v in vocab.items()}, actor2="", day="ယနေ့", n=3, n2=1)
        articles.append((title, " ".join(parts)[:CHARS_PER_ARTICLE]))
    return articles


def measure(work, articles: list[tuple[str, str]]) -> float:
    work(*articles[0])  # warm caches
    started = time.perf_counter()
    for title, text in articles:
        work(title, text)
    return len(articles) / (time.perf_counter() - started)


def evaluate(count: int = 1000) -> list[tuple[str, float, float]]:
    knowledge = load_knowledge()
    articles = generate_articles(knowledge, count)
    tagging = measure(lambda t, x: tag_article(knowledge, t, x), articles)
    extraction = measure(lambda t, x: extract(knowledge, t, x, PUBLISHED, language="my"), articles[: max(1, count // 2)])
    return [("burmese.tagging.articles_per_s", round(tagging, 1), TAG_TARGET),
            ("burmese.extraction.articles_per_s", round(extraction, 1), EXTRACT_TARGET)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    for figure, value, target in evaluate(args.articles):
        print(f"{figure:<36}{value:>10.1f}  target >= {target:g}  {'ok' if value >= target else 'BELOW'}")


if __name__ == "__main__":
    main()
