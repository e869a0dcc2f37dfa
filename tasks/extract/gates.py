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
    """A compiled pattern whose search, match and finditer are skipped where the text lacks all its words.
    With at_openings, search tries the pattern only where a word a match opens with stands, instead of at
    every position: for a pattern read over a short window whose alternatives are costly to try everywhere."""

    __slots__ = ("compiled", "pattern", "flags", "words", "openings", "_blind")

    def __init__(self, compiled: re.Pattern[str], at_openings: bool = False) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self._blind = bool(compiled.flags & re.IGNORECASE)
        tree = list(_parser.parse(compiled.pattern, compiled.flags))
        words = _required(tree, self._blind)
        if not words:
            raise ValueError(f"no word every match needs: gating would only cost ({compiled.pattern[:60]!r})")
        # a word holding another is tested by that one already ("threaten" covers "threatening to")
        self.words = tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))
        self.openings: tuple[tuple[str, int], ...] = ()
        if at_openings:
            openings = _openings(tree, self._blind)
            if not openings:
                raise ValueError(f"no word every match opens with ({compiled.pattern[:60]!r})")
            slack: dict[str, int] = {}
            for run, chars in openings:
                slack[run] = max(chars, slack.get(run, 0))
            self.openings = tuple(sorted(slack.items()))

    def _window(self, text: str, pos: int, endpos: int) -> str | None:
        """text[pos:endpos] as the words are compared with it (None: lowering cannot tell what the matcher folds)."""
        window = text[pos:endpos] if pos > 0 or endpos < len(text) else text
        if not self._blind:
            return window
        if not window.isascii() and any(c in window for c in _FOLDS_TO_ASCII):
            return None
        return window.lower()

    def cannot_match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        window = self._window(text, max(pos, 0), endpos)
        return window is not None and not _holds_any(window, self.words)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pos = max(pos, 0)
        window = self._window(text, pos, endpos)
        if window is None:
            return self.compiled.search(text, pos, endpos)
        if not _holds_any(window, self.words):
            return None
        if not self.openings:
            return self.compiled.search(text, pos, endpos)
        # the leftmost match opens at one of these starts; match() there is what search() finds there
        # (a lookbehind or \b still sees the text before the start, and ^ matches at 0 only, as in search)
        for start in sorted(self._starts(window)):
            found = self.compiled.match(text, pos + start, endpos)
            if found:
                return found
        return None

    def _starts(self, window: str) -> set[int]:
        starts = set()
        for run, slack in self.openings:
            at = window.find(run)
            while at >= 0:
                starts.update(range(max(at - slack, 0), at + 1))
                at = window.find(run, at + 1)
        return starts

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self.cannot_match(text, pos, endpos) else self.compiled.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return iter(()) if self.cannot_match(text, pos, endpos) else self.compiled.finditer(text, pos, endpos)


def gated(compiled: re.Pattern[str], at_openings: bool = False) -> GatedPattern:
    return GatedPattern(compiled, at_openings)


def _holds_any(window: str, words: tuple[str, ...]) -> bool:
    for word in words:  # a plain loop: a generator costs more than most of the tests it runs
        if word in window:
            return True
    return False


def _openings(items: list, blind: bool, slack: int = 0) -> list[tuple[str, int]] | None:
    """(literal run, slack) pairs one of which opens every match of the sequence `items`: the run stands at most
    `slack` characters after the match's start (None: some match may open otherwise)."""
    if not items or slack > 2:
        return None
    (op, av), rest = items[0], items[1:]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _openings(rest, blind, slack)  # zero width: the match starts where the next item does
    if op is sre.LITERAL and _literal(op, av, blind) is not None:
        run = []
        for item in items:
            char = _literal(*item, blind)
            if char is None:
                break
            run.append(char)
        return [("".join(run), slack)]
    if op in (sre.IN, sre.LITERAL, sre.ANY):
        return _openings(rest, blind, slack + 1)  # one character of a class (or one lower() cannot tell)
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE and not blind:
            return None
        return _openings(list(sub) + rest, blind, slack)
    if op is sre.BRANCH:
        found: list[tuple[str, int]] = []
        for alternative in av[1]:
            opened = _openings(list(alternative) + rest, blind, slack)
            if opened is None:
                return None
            found += opened
        return found
    return None


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
