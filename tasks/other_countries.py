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
_PATTERNS: dict[str, re.Pattern[str] | None] = {}


def _pattern(seeds_dir: Path) -> re.Pattern[str] | None:
    key = str(seeds_dir)
    if key not in _PATTERNS:
        path = seeds_dir / FILE_NAME
        names: set[str] = set()
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    names |= {n.strip() for n in (row.get("name", ""), row.get("demonym", "")) if n and n.strip()}
        # As written or in capitals (a headline in capitals): "turkey" and "chad" in lower case are not countries.
        forms = sorted({form for n in names for form in (n, n.upper())}, key=len, reverse=True)
        # "Russian-made jets": a compound names the goods, not the country's story
        _PATTERNS[key] = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b(?![-\u2010\u2011])") if forms else None
    return _PATTERNS[key]


def names_other_country(text: str, seeds_dir: Path | None = None) -> bool:
    """Does `text` name a country other than Myanmar and its neighbours, its people, or a region at war?"""
    if seeds_dir is None:
        from tasks.settings import get_settings

        seeds_dir = get_settings().seeds_dir
    pattern = _pattern(Path(seeds_dir))
    return pattern is not None and pattern.search(text) is not None
