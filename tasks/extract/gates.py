"""A pattern behind a word gate: before a big pattern scans a sentence, a few substring tests (C speed) ask
whether the text holds any of the words every match of the pattern must contain; most sentences hold none,
and the pattern is then not run at all.

The words are read off the pattern's own parse tree, so the gate cannot drift from the pattern it guards:
in a sequence every literal run is required, so the most selective one is taken; of alternatives, each
alternative's; of a repeat, its body's only when it must occur at least once. Anything else (a character
class, a lookaround, an optional part, a back-reference) requires nothing, and where a pattern has a part
that requires nothing on every path, it gets no gate and always runs.

Case: a case-blind pattern's words are compared with the lowered text. In ASCII that is exactly what
IGNORECASE does; outside it, Python's matcher also folds four letters to ASCII ones ('İ', 'ı' -> i, 'ſ' -> s,
'K' (Kelvin) -> k) that lower() keeps apart, so a text holding one of them always goes to the pattern.
"""

from __future__ import annotations

import re
import sys
from re import _constants as sre
from re import _parser

# Non-ASCII letters that IGNORECASE matches to an ASCII letter while str.lower() does not turn them into it
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


class GatedPattern:
    """A compiled pattern with its search, match and finditer skipped where the text lacks all its words."""

    __slots__ = ("compiled", "pattern", "flags", "words", "_blind")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self._blind = bool(compiled.flags & re.IGNORECASE)
        words = _required(_parser.parse(compiled.pattern, compiled.flags), self._blind)
        if not words:
            raise ValueError(f"no word every match needs: gating would only cost ({compiled.pattern[:60]!r})")
        self.words = tuple(sorted(words, key=len, reverse=True))

    def cannot_match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        window = text[max(pos, 0):endpos] if pos > 0 or endpos < len(text) else text
        if self._blind:
            if not window.isascii() and any(c in window for c in _FOLDS_TO_ASCII):
                return False
            window = window.lower()
        return not any(word in window for word in self.words)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self.cannot_match(text, pos, endpos) else self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self.cannot_match(text, pos, endpos) else self.compiled.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return iter(()) if self.cannot_match(text, pos, endpos) else self.compiled.finditer(text, pos, endpos)


def gated(compiled: re.Pattern[str]) -> GatedPattern:
    return GatedPattern(compiled)


def _required(items, blind: bool) -> frozenset[str] | None:
    """Words one of which every match of the sequence `items` contains (None: nothing is required)."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        char = _literal(op, av, blind)
        if char is not None:
            run.append(char)
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        found = _required_of(op, av, blind)
        if found:
            options.append(found)
    if run:
        options.append(frozenset({"".join(run)}))
    # any required option is sound; the one whose shortest word is longest rejects most text
    return max(options, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def _literal(op, av, blind: bool) -> str | None:
    if op is not sre.LITERAL:
        return None
    char = chr(av)
    if blind:
        return char.lower() if char.isascii() else None  # a non-ASCII letter folds in ways lower() does not tell
    return char


def _required_of(op, av, blind: bool) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE and not blind:
            return None  # a case-blind part inside a case-true pattern: its words would need folding
        return _required(sub, blind)
    if op is sre.ATOMIC_GROUP:
        return _required(av, blind)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _required(body, blind) if low >= 1 else None
    if op is sre.BRANCH:
        words: set[str] = set()
        for alternative in av[1]:
            found = _required(alternative, blind)
            if not found:
                return None  # one alternative needs no word: the gate would hide its matches
            words |= found
        return frozenset(words)
    return None
