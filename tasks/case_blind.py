"""A case-blind pattern scanned as a case-true one over the lowered text: Python's matcher tries a case-blind
alternation letter by letter with folding, three to four times slower than the same alternation case-true
(and without the literal-prefix skips), so a long scan ("every count in a sentence") pays for the folding at
every position. Only the scan moves to the lowered text: each match it finds is matched again, case-blind, on
the text itself at the same start, so callers get the very Match (groups in the text's own case) they got.

The two agree only where lowering the text is what the matcher's folding does:
* the text: lower() changes no character's length or class (letter, digit, space) except 'İ' (two
  characters), and the matcher folds four letters to ASCII ones that lower() keeps apart ('İ', 'ı' -> i,
  'ſ' -> s, 'K' (Kelvin) -> k); a text holding one of them is scanned case-blind as before;
* the pattern: no upper-case letter in a literal or a class (a lowered text has none to meet), no cased
  non-ASCII literal (its folds are not lower()'s), no flag switched inside it, no back-reference, no
  re.ASCII or re.LOCALE; any other pattern is scanned case-blind as before.
"""

from __future__ import annotations

import re
import sys
from re import _constants as sre
from re import _parser

from tasks.word_gates import blind_lower


class CaseBlindPattern:
    """A compiled case-blind pattern whose search and finditer scan the lowered text with a case-true twin."""

    __slots__ = ("compiled", "pattern", "flags", "twin")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.twin = re.compile(compiled.pattern, compiled.flags & ~re.IGNORECASE) if _lowers_cleanly(compiled) else None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        lowered = lowered_text(text) if self.twin is not None else None
        if lowered is None:
            return self.compiled.search(text, pos, endpos)
        found = self.twin.search(lowered, pos, endpos)
        # the case-blind match at the twin's start is the one search would have found there
        return self.compiled.match(text, found.start(), endpos) if found else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        lowered = lowered_text(text) if self.twin is not None else None
        if lowered is None:
            return self.compiled.finditer(text, pos, endpos)
        return (self.compiled.match(text, found.start(), endpos) for found in self.twin.finditer(lowered, pos, endpos))

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)  # one position: nothing to scan

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, pos, endpos)


def case_blind(compiled: re.Pattern[str]) -> CaseBlindPattern:
    return CaseBlindPattern(compiled)


# The text last lowered and its lowering: the patterns of one sentence or article ask for the same text in a
# row (one entry, compared by identity: a text equal to an earlier one but new is lowered anew)
_last_text: str | None = None
_last_lowered: str | None = None


def lowered_text(text: str) -> str | None:
    """text.lower(), or None where lowering is not what case-blind matching does (see the module doc)."""
    global _last_text, _last_lowered
    if text is not _last_text:
        _last_text = text
        _last_lowered = blind_lower(text)
    return _last_lowered


def _lowers_cleanly(compiled: re.Pattern[str]) -> bool:
    if not compiled.flags & re.IGNORECASE or compiled.flags & (re.ASCII | re.LOCALE):
        return False
    return _items_lower_cleanly(_parser.parse(compiled.pattern, compiled.flags))


def _items_lower_cleanly(items) -> bool:
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if not _uncased_or_lower(chr(av)):
                return False
        elif op is sre.IN:
            if not all(_class_item_lowers_cleanly(o, a) for o, a in av):
                return False
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags or not _items_lower_cleanly(sub):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _items_lower_cleanly(av[2]):
                return False
        elif op is sre.BRANCH:
            if not all(_items_lower_cleanly(alternative) for alternative in av[1]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _items_lower_cleanly(av[1]):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _items_lower_cleanly(av):
                return False
        elif op not in (sre.AT, sre.ANY, sre.CATEGORY):
            return False  # a back-reference, a conditional group: not worth reasoning about
    return True


def _class_item_lowers_cleanly(op, av) -> bool:
    if op is sre.LITERAL:
        return _uncased_or_lower(chr(av))
    if op is sre.RANGE:
        low, high = av
        return all(_uncased_or_lower(chr(code)) for code in range(low, high + 1))
    return op in (sre.NEGATE, sre.CATEGORY)


def _uncased_or_lower(char: str) -> bool:
    """A lower-case ASCII letter, or a character with no case at all (a digit, a dash, a curly quote)."""
    if char.isascii():
        return not char.isupper()
    return char.lower() == char == char.upper()
