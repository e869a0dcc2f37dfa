"""Burmese words the rules need (numerals, months, particles, place suffixes...), read from
seeds/language_words.csv (rows keyed by language), and the syllable-boundary rule.

Burmese is written without spaces between words, so a name or trigger is matched as a substring; what
keeps "မိုင်" (mile) from matching inside "မိုင်း" (mine) is that a match must start and end on a
syllable boundary. The rule needs no dictionary: a position is a boundary unless the character there
continues the syllable before it (a dependent vowel, medial, tone mark, asat or virama) or is a
consonant killed by a following asat (် ) or stacked by a following virama (္), which closes the
syllable before it ("ရက်" is one syllable, not ရ + က်).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ASAT, VIRAMA, DOT_BELOW = "\u103a", "\u1039", "\u1037"
# Myanmar, Myanmar Extended-A and Extended-B: the letters of Burmese (and of Shan, Mon, Karen written in it)
_BLOCKS = ((0x1000, 0x10A0), (0xAA60, 0xAA80), (0xA9E0, 0xAA00))
_BURMESE = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi - 1)}" for lo, hi in _BLOCKS) + "]")
_BURMESE_RUN = re.compile(_BURMESE.pattern + "+")
_ASCII_RUN = re.compile("[\x00-\x7f]+")
_NOT_LETTERS = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())


# sets, not unicodedata calls: syllable tests run per character of every Burmese name the knowledge loads
_MARKS = frozenset(chr(c) for c in range(0x1000, 0x10A0) if unicodedata.category(chr(c)) in ("Mn", "Mc"))
_LETTERS = frozenset(chr(c) for lo, hi in _BLOCKS for c in range(lo, hi))


def _is_mark(char: str) -> bool:
    return char in _MARKS


def _is_consonant(char: str) -> bool:
    return "\u1000" <= char <= "\u1021" or char in "\u103f\u104e\u1050\u1051\u105a-\u105d\u1061\u1065\u1066\u106e-\u1070\u1075-\u1081\u108e"


def is_syllable_boundary(text: str, index: int) -> bool:
    """May a Burmese word start (or the previous one end) at `index`?"""
    if index <= 0 or index >= len(text):
        return True
    char = text[index]
    if _is_mark(char):
        return False
    if _is_consonant(char):
        nxt = text[index + 1:index + 3]
        if nxt[:1] in (ASAT, VIRAMA) or nxt == DOT_BELOW + ASAT:
            return False
    return True


def _syllable_starts() -> re.Pattern:
    """is_syllable_boundary over a whole word at C speed: the first letter, then any letter that is no mark
    and no consonant closed by asat/virama (a consonant before "့်" is closed too)."""
    def chars(keep) -> str:  # noqa: ANN001 - a predicate
        return "".join(re.escape(c) for c in sorted(_LETTERS) if keep(c))

    opens = chars(lambda c: c not in _MARKS and not _is_consonant(c))
    return re.compile(f"^[{chars(lambda c: True)}]|(?<!^)(?:[{opens}]|[{chars(_is_consonant)}]"
                      f"(?![{ASAT}{VIRAMA}]|{DOT_BELOW}{ASAT}))")


_SYLLABLE_START = _syllable_starts()


def syllable_count(text: str) -> int:
    """Syllables in a Burmese word (Burmese letters that start one; spaces and brackets do not count)."""
    return len(_SYLLABLE_START.findall(text))


def is_burmese(text: str) -> bool:
    return _BURMESE.search(text) is not None


def burmese_share(text: str) -> tuple[int, int]:
    """(Burmese characters, Latin letters) in `text`: the two scripts the tracker reads."""
    ascii_bytes = text.encode("ascii", "ignore")   # C-speed counting: this runs on every tagged article
    latin = len(ascii_bytes.translate(None, _NOT_LETTERS))
    if len(ascii_bytes) == len(text):
        return 0, latin
    if 2 * len(ascii_bytes) > len(text):
        # mostly ASCII: the engine skips ASCII runs faster than it tests each character for Burmese, and the
        # few characters left are counted as below (no ASCII character is Burmese): half the time
        text = _ASCII_RUN.sub("", text)
    # what deleting every run of Burmese removes: a tenth of the time of listing each Burmese character
    return len(text) - len(_BURMESE_RUN.sub("", text)), latin


@dataclass(frozen=True, eq=False)  # hashed by identity: rule caches key on it
class Words:
    """The words of one language by kind: word -> value (value '' when the kind says all)."""

    language: str
    by_kind: dict[str, dict[str, str]] = field(default_factory=dict)

    def kind(self, name: str) -> dict[str, str]:
        return self.by_kind.get(name, {})

    def alternation(self, name: str) -> str:
        """A regex alternation of the words of one kind, longest first (so "မနေ့ညက" beats "မနေ့")."""
        words = sorted(self.kind(name), key=len, reverse=True)
        return "|".join(re.escape(w) for w in words) if words else "(?!)"


def default_words_path() -> Path:
    from tasks.settings import get_settings

    return Path(get_settings().seeds_dir) / "language_words.csv"


@lru_cache(maxsize=8)
def load_words(language: str = "my", path: str | None = None) -> Words:
    """The language's rows of seeds/language_words.csv (empty when the file is absent)."""
    source = Path(path) if path else default_words_path()
    if not source.exists():
        source = Path(__file__).resolve().parents[2] / "seeds" / "language_words.csv"
    by_kind: dict[str, dict[str, str]] = {}
    if source.exists():
        with source.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if (row.get("language") or "").strip() == language and row.get("word"):
                    by_kind.setdefault(row["kind"].strip(), {})[row["word"].strip()] = (row.get("value") or "").strip()
    return Words(language, by_kind)
