"""Other countries' names and demonyms, and the regions of their wars (seeds/other_countries.csv), for the
relevance tagger only: a short text that names none of Myanmar's places may still name another country
the gazetteer does not hold ("junta troops kill 12 in central Mali"). Myanmar's neighbours are the
gazetteer's (with their border towns), and their demonyms are left out ("near the Thai border" is said of
Myanmar's own fighting); so are the demonyms of China, India and the others that sell Myanmar arms, except
Russia's, whose compound ("Russian-made jets") is not counted. Cities and provinces of other wars are listed
too (Khartoum, Kharkiv, Narathiwat).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

FILE_NAME = "other_countries.csv"
# A word with its inner hyphens: "Guinea-Bissau" is one, "Russian-made" another (not a name); "Cambodia's"
# is "Cambodia" and "s".
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_DEFAULT_SEEDS: list[Path] = []
_NAMES: dict[str, tuple[frozenset[tuple[str, ...]], frozenset[str], int]] = {}


def _names(seeds_dir: Path) -> tuple[frozenset[tuple[str, ...]], frozenset[str], int]:
    """The names as word tuples, as written and in capitals ("turkey" and "chad" in lower case are not
    countries), their first words, and the longest name's length in words."""
    key = str(seeds_dir)
    if key not in _NAMES:
        path = seeds_dir / FILE_NAME
        names: set[tuple[str, ...]] = set()
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    for name in (row.get("name") or "", row.get("demonym") or ""):
                        if name.strip():
                            names |= {tuple(name.split()), tuple(name.upper().split())}
        _NAMES[key] = (frozenset(names), frozenset(n[0] for n in names), max((len(n) for n in names), default=0))
    return _NAMES[key]


def names_other_country(text: str, seeds_dir: Path | None = None) -> bool:
    """Does `text` name a country other than Myanmar and its neighbours, its people, or a region at war?
    Word lookups, not one regex of every name: a text is scanned once however long the list (the tagger
    asks this of every article from a Myanmar outlet)."""
    if seeds_dir is None:
        if not _DEFAULT_SEEDS:  # read once: settings are fixed for the process, and asked per article
            from tasks.settings import get_settings

            _DEFAULT_SEEDS.append(get_settings().seeds_dir)
        seeds_dir = _DEFAULT_SEEDS[0]
    names, firsts, longest = _names(Path(seeds_dir))
    words = _WORD.findall(text)
    for i, word in enumerate(words):
        if word in firsts and any(tuple(words[i:i + n]) in names for n in range(1, longest + 1)):
            return True
    return False
