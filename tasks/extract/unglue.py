"""Words some outlets' pages run together where a line was wrapped (real reporting, issue 14): "killing
15soldiers", "ambushed thejunta forces", "in GangawTownship", "on 29 Augustabout 5 am". The matcher needs word
boundaries, so a glued toll, actor or place is lost. Only safe joins are split: a number glued to a word (not
a unit or an ordinal: "5am", "120mm", "21st" stay), a function word glued to a capitalised name or to a few
conflict nouns, a place glued to the word for its kind of area, a month glued to a function word.
The extractor works on the split text; `OffsetMap` turns its events' and figures' character offsets back
into the original text (the split only adds a space per join), so evidence offsets stay true to the page.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_UNITS = "kms|mph|hrs|yrs|mins|lbs|sec|secs|rpm|kph|sqm|cal"
_NUMBER_WORD = re.compile(rf"\b(\d+)(?!(?:{_UNITS})\b)([a-z]{{3,}})\b")
_FUNCTION_NAME = re.compile(r"\b(the|of|in|at|on|and|to|from|by|near|with)([A-Z][a-z]{2,})")
_CONFLICT_NOUNS = ("junta|regime|military|army|troops|soldiers|villagers|village|villages|township|town|statement|"
                   "resistance|fighting|attack|attacks")
_THE_NOUN = re.compile(rf"\b(the)({_CONFLICT_NOUNS})\b")
_PLACE_KIND = re.compile(r"\b([A-Z][a-z]{2,})(township|village|region|Township|Village|Region)\b")
_MONTH_WORD = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                         r"(about|at|when|while|near)\b")  # not "in"/"on"/"and": "Augustin", "Mayon", "Marchand"
_JOINS = (_NUMBER_WORD, _THE_NOUN, _FUNCTION_NAME, _PLACE_KIND, _MONTH_WORD)
_ANY_LATIN_JOIN = re.compile(r"\d[a-z]{3}|[a-z][A-Z]|(?:the|ship|lage|gion)[a-z]|[a-z](?:about|at|when|while|near)\b")
# Every join in one pass: the quick test above lets most texts through ("that" has "hat"), and five scans
# of a text that has no join cost twice this one (the patterns take no flags, so their union means the same)
_ANY_JOIN = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _JOINS))


def unglued(text: str) -> str:
    """`text` with the safe joins split by a space; a text without any is returned as it is."""
    if not text or not _ANY_LATIN_JOIN.search(text) or not _ANY_JOIN.search(text):
        return text
    for pattern in _JOINS:
        text = pattern.sub(r"\1 \2", text)
    return text


class OffsetMap:
    """Offsets in the un-glued text -> offsets in the original: the spaces it added are counted off."""

    def __init__(self, original: str, split: str) -> None:
        self._added: list[int] = []
        if split != original:
            i = 0
            for j, char in enumerate(split):
                if i < len(original) and original[i] == char:
                    i += 1
                else:  # a space the split put between two joined characters
                    self._added.append(j)

    def original(self, offset: int) -> int:
        return offset - bisect_left(self._added, offset)

    def restore(self, items) -> None:
        """Moves each item's start_char/end_char (events, figures) back into the original text."""
        if not self._added:
            return
        for item in items:
            item.start_char, item.end_char = self.original(item.start_char), self.original(item.end_char)
