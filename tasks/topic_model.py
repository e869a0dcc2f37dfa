"""A learned second opinion on an English article's topic: is it about Myanmar's armed conflict?

The rules (tasks/relevance.py) decide relevance from triggers, anchors and their places in the text. They
were tuned on the real set's dev half until it scored 0.98 precision, yet on the test half (never tuned on)
they took 19 of 70 hard negatives for war stories: elections, scam-centre handovers, drug seizures,
diplomacy and history pieces use the war's words ("troops", "killed", "junta", "fighting") in passing.
No rule list covers that long tail; the words of a whole lead do, statistically. So a logistic regression
over the words of the title and the first `words` words of the text (trained by bench/train_topic_model.py
on the dev half only, weights in seeds/topic_model.json) may veto a rule verdict of relevant when it is
confident the article is about something else. It never makes an article relevant: recall stays the rules'
and a veto costs only what the threshold, chosen on the dev half's cross-validation, lets it cost.

It reads long English texts only: a headline or a feed summary has too few words to judge by (the rules'
short-text path decides those), and Burmese has its own script and vocabulary the model was not trained on.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

MODEL_FILE = "topic_model.json"
# lower-case words of Latin letters; digits and punctuation carry no topic the words do not
WORD = re.compile(r"[a-z][a-z'-]+")
# fewer distinct Latin-script words than this read (a Burmese text's English names) is no English to judge
MIN_DISTINCT_WORDS = 20
CHARS_PER_WORD = 12  # generous for English (about 6 with the space), so the budget ends past the last word read


def topic_words(title: str, text: str, limit: int) -> set[str]:
    """The distinct words the model reads: the title's, then the text's, the first `limit` in all. Only the
    first CHARS_PER_WORD * limit characters are lowered and scanned: a long article is not read to its end."""
    lead = f"{title} . {text[:CHARS_PER_WORD * limit]}".lower()
    return set(WORD.findall(lead)[:limit])


@dataclass(frozen=True)
class TopicModel:
    weights: dict[str, float]
    bias: float
    threshold: float            # a veto below this probability
    words: int                  # how many leading words are read
    min_words: int              # texts shorter than this are left to the rules
    min_known_share: float = 0.5  # a text of which fewer of the words read are known is in another language
    trained_on: str = ""
    figures: dict[str, float] = field(default_factory=dict)

    def probability(self, title: str, text: str) -> float:
        return self.probability_of(topic_words(title, text, self.words))

    def probability_of(self, words: set[str]) -> float:
        """The probability from words already read (topic_words)."""
        return self._probability(self._known(words))

    def _known(self, words: set[str]) -> list[float]:
        # the set intersection runs in C: most of the 400 words read are known, one lookup each
        return list(map(self.weights.__getitem__, self.weights.keys() & words))

    def _probability(self, known: list[float]) -> float:
        """P(about Myanmar's armed conflict) from the weights of the known words read; features are binary
        and the sum is scaled by the square root of how many there are, as in training."""
        score = self.bias + (sum(known) / math.sqrt(len(known)) if known else 0.0)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))

    def long_enough(self, text: str) -> bool:
        return len(text.split(None, self.min_words)) > self.min_words

    def vetoes(self, title: str, text: str) -> tuple[bool, float | None]:
        """(veto, probability): the probability is None where the model does not judge the text: too short,
        or in a language it does not know. Latin script reads as English to the language detector, but a
        French or Indonesian report shares only names and loan words with the model (about 13% of its words
        against 62-100%, median 92%, for the real set's English articles), and without its own words an
        article would score as the bias alone: a veto by ignorance."""
        if not self.long_enough(text):
            return False, None
        words = topic_words(title, text, self.words)
        known = self._known(words)
        if len(words) < MIN_DISTINCT_WORDS or len(known) < self.min_known_share * len(words):
            return False, None
        probability = self._probability(known)
        return probability < self.threshold, probability


def read_topic_model(seeds_dir: Path) -> TopicModel | None:
    """The model in `seeds_dir`, or None when the seeds carry none (the rules then decide alone)."""
    path = Path(seeds_dir) / MODEL_FILE
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return TopicModel(weights={w: float(v) for w, v in data["weights"].items()}, bias=float(data["bias"]),
                      threshold=float(data["threshold"]), words=int(data["words"]),
                      min_words=int(data["min_words"]), min_known_share=float(data.get("min_known_share", 0.5)),
                      trained_on=data.get("trained_on", ""),
                      figures=dict(data.get("figures", {})))
