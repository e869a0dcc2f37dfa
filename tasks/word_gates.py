"""A pattern behind a word gate, for the extractor's rules and the tagger's mention tests: before a big
pattern scans a sentence, a few substring tests (C speed) ask whether the text holds any of the words every
match of the pattern must contain; most sentences hold none, and the pattern is then not run at all.

The words are read off the pattern's own parse tree, so the gate cannot drift from the pattern it guards:
in a sequence every literal run is required; of alternatives, one word of each alternative's, which for two
or three alternatives may still give several required sets ((a and b) or (c and d) needs a or c, and b or d);
of a repeat, its body's only when it must occur at least once. Anything else (a character class, a
lookaround, an optional part, a back-reference) requires nothing; a pattern with a path that requires
nothing gets no gate. The gate asks for the two most selective sets (longest shortest word first).

Where the pattern's alternatives each open with a literal word (after zero-width cues such as \b, a
character or two of a class, or an optional part whose own opening is known), search and finditer call
match() only where such a word stands, in order, instead of trying every alternative at every position:
the leftmost match is found all the same, and finditer's scan resumes at each match's end as its own does.

Case: a case-blind pattern's words are compared with the lowered text. In ASCII that is exactly what
IGNORECASE does; outside it, Python's matcher also folds four letters to ASCII ones ('İ', 'ı' -> i, 'ſ' -> s,
'K' (Kelvin) -> k) that lower() keeps apart, so a text holding one of them always goes to the pattern.
"""

from __future__ import annotations

import re
import sys
from itertools import product
from re import _constants as sre
from re import _parser

# Non-ASCII letters that IGNORECASE matches to an ASCII letter while str.lower() does not turn them into it
FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def blind_lower(text: str) -> str | None:
    """text.lower() as case-blind matching compares it, or None where lowering cannot tell what the matcher
    folds (a text holding one of FOLDS_TO_ASCII)."""
    if not text.isascii() and any(c in text for c in FOLDS_TO_ASCII):
        return None
    return text.lower()


class GatedPattern:
    """A compiled pattern whose search, match and finditer are skipped where the text lacks its words, and whose
    search and finditer try the pattern only where a word a match opens with stands, not at every position."""

    __slots__ = ("compiled", "pattern", "flags", "clauses", "openings", "_blind")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self._blind = bool(compiled.flags & re.IGNORECASE)
        tree = list(_parser.parse(compiled.pattern, compiled.flags))
        clauses = _clauses(tree, self._blind)[:2]  # a third test would mostly cost more than it saves
        if not clauses:
            raise ValueError(f"no word every match needs: gating would only cost ({compiled.pattern[:60]!r})")
        # a word holding another is tested by that one already ("threaten" covers "threatening to")
        self.clauses = tuple(tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))
                             for words in clauses)
        slack: dict[str, int] = {}
        for run, chars in _openings(tree, self._blind) or ():
            slack[run] = max(chars, slack.get(run, 0))
        self.openings = tuple(sorted(slack.items()))
        if self.openings:  # where no opening stands there is no start: a set every opening holds a word of is told
            self.clauses = tuple(words for words in self.clauses
                                 if not all(any(word in run for word in words) for run in slack))

    def _window(self, text: str, pos: int, endpos: int) -> str | None:
        """text[pos:endpos] as the words are compared with it (None: lowering cannot tell what the matcher folds)."""
        window = text[pos:endpos] if pos > 0 or endpos < len(text) else text
        return blind_lower(window) if self._blind else window

    def _holds_clauses(self, window: str) -> bool:
        for words in self.clauses:
            if not _holds_any(window, words):
                return False
        return True

    def _starts(self, window: str) -> list[int]:
        """Every index of the window a match can open at, in order."""
        starts = []
        for run, slack in self.openings:
            at = window.find(run)
            while at >= 0:
                if slack:
                    starts.extend(range(max(at - slack, 0), at + 1))
                else:
                    starts.append(at)
                at = window.find(run, at + 1)
        return sorted(set(starts))

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pos = max(pos, 0)
        window = self._window(text, pos, endpos)
        if window is None:
            return self.compiled.search(text, pos, endpos)
        if not self._holds_clauses(window):
            return None
        if not self.openings:
            return self.compiled.search(text, pos, endpos)
        # search's match is the leftmost; match() at an opening finds what search finds there (a lookbehind
        # or \b still sees the text before it, and ^ matches at 0 only, as in search)
        return next(self._matches_at(text, pos, endpos, window), None)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        pos = max(pos, 0)
        window = self._window(text, pos, endpos)
        if window is None:
            return self.compiled.finditer(text, pos, endpos)
        if not self._holds_clauses(window):
            return iter(())
        if not self.openings:
            return self.compiled.finditer(text, pos, endpos)
        return self._matches_at(text, pos, endpos, window)

    def _matches_at(self, text: str, pos: int, endpos: int, window: str):
        """finditer's matches, tried at the openings only: each match holds its opening run, so none is empty,
        and the scan goes on from its end, as finditer's does."""
        done = pos
        for start in self._starts(window):
            if pos + start >= done:
                found = self.compiled.match(text, pos + start, endpos)
                if found:
                    done = found.end()
                    yield found

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pos = max(pos, 0)
        window = self._window(text, pos, endpos)
        if window is not None and not self._holds_clauses(window):
            return None
        return self.compiled.match(text, pos, endpos)


def gated(compiled: re.Pattern[str]) -> GatedPattern:
    return GatedPattern(compiled)


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
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] == 1:
        low, _high, body = av  # "(?:ethnic\s+)?Kachin": the match opens with the optional part or with what follows
        with_body = _openings(list(body) + rest, blind, slack)
        if low:
            return with_body
        without = _openings(rest, blind, slack)
        return None if with_body is None or without is None else with_body + without
    if op is sre.BRANCH:
        found: list[tuple[str, int]] = []
        for alternative in av[1]:
            opened = _openings(list(alternative) + rest, blind, slack)
            if opened is None:
                return None
            found += opened
        return found
    return None


def _clauses(items, blind: bool) -> list[frozenset[str]]:
    """Sets of words every match of the sequence `items` holds one of each, the most selective first: the
    longest shortest word (a short word is common), then the fewest words."""
    clauses: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        char = _literal(op, av, blind)
        if char is not None:
            run.append(char)
            continue
        if run:
            clauses.append(frozenset({"".join(run)}))
            run = []
        clauses += _clauses_of(op, av, blind)
    if run:
        clauses.append(frozenset({"".join(run)}))
    return sorted(set(clauses), key=lambda words: (-min(map(len, words)), len(words), sorted(words)))


def _literal(op, av, blind: bool) -> str | None:
    if op is not sre.LITERAL:
        return None
    char = chr(av)
    if blind:
        return char.lower() if char.isascii() else None  # a non-ASCII letter folds in ways lower() does not tell
    return char


def _clauses_of(op, av, blind: bool) -> list[frozenset[str]]:
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE and not blind:
            return []  # a case-blind part inside a case-true pattern: its words would need folding
        return _clauses(sub, blind)
    if op is sre.ATOMIC_GROUP:
        return _clauses(av, blind)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _clauses(body, blind) if low >= 1 else []
    if op is sre.BRANCH:
        alternatives = [_clauses(alternative, blind)[:2] for alternative in av[1]]
        if not all(alternatives):
            return []  # one alternative needs no word: the gate would hide its matches
        if len(alternatives) > 3:
            return [frozenset().union(*(best for best, *_ in alternatives))]
        # (a1 and a2) or (b1 and b2) holds (a1 or b1), (a1 or b2), (a2 or b1) and (a2 or b2)
        return [frozenset().union(*combination) for combination in product(*alternatives)]
    return []
