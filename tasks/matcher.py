"""One-pass multi-pattern matching of names and trigger words in news text (pyahocorasick).

Every alias, place name and trigger is folded the same way as the text: lower case, curly quotes to
straight ones, hyphens/dashes and any whitespace to one space. Folding keeps one character per
character, so offsets found in the folded text are offsets into the original text; the rare text where
lower-casing changes length, or with runs of spaces, goes through an explicit offset map instead.

Two Aho-Corasick automata hold the patterns. Keys written in Latin-1 match whole words only: their
automaton holds each key with a space before it (and after it, where no pattern of the key inflects) and
scans the text with every character that is no letter or digit made a space, so a short key inside a
longer word ("le" in "people") is never found at all. Burmese is written without spaces between words, so
the other keys (every key with a character outside Latin-1) match as substrings, scanned only in the
regions of the text that hold such characters. The candidate hits are then filtered (exact case for
case-sensitive acronyms, a capital letter for place names, Burmese syllable boundaries) and reduced to
the leftmost-longest non-overlapping spans: what one scan of every key with the same tests after it gives.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

import ahocorasick

from tasks.burmese import normalize_order
from tasks.lang.my_words import is_burmese, is_syllable_boundary

# One character in, one character out: offsets survive folding.
_FOLD_TABLE = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
        "-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ",
        "\u2015": " ", "\u2212": " ", "_": " ",
        "\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " ", "\u00a0": " ", "\u200b": " ",
        "\u2009": " ", "\u202f": " ", "\u3000": " ",
    }
)
_SPACE_RUN = re.compile(r"  +")
# str.translate maps a non-ASCII text one character at a time through the table's dict; an article has few
# of the characters to fold (line breaks, hyphens, curly quotes), and a search for each of them and a
# replace of those present run at C speed: a sixth of the time of a regex sub per target character.
_FOLDED_FROM = tuple((chr(code), to) for code, to in _FOLD_TABLE.items())


def _fold_characters(text: str) -> str:
    """text.translate(_FOLD_TABLE), at C speed for non-ASCII text too."""
    if text.isascii():
        return text.translate(_FOLD_TABLE)
    for char, to in _FOLDED_FROM:
        if char in text:
            text = text.replace(char, to)
    return text


# Endings that turn a listed trigger into an inflected form the lexicon need not spell out:
# "clash" -> "clashes", "shell" -> "shelling", "seize" -> "seized", "ban" -> "banned".
_TRIGGER_SUFFIXES = frozenset({"s", "es", "d", "ed", "ing", "ings"})
_STEM_ENDINGS = ("ings", "ing", "ed", "es", "s")
# The verb of a phrase comes first ("take control", "seized weapons"): its forms are spelled out as extra
# keys. Irregular verbs news uses for acts of war, base -> other forms.
_IRREGULAR = {
    "take": ("took", "taken", "takes", "taking"), "seize": ("seized", "seizes", "seizing"),
    "fight": ("fought",), "shoot": ("shot",), "hold": ("held",), "fall": ("fell", "fallen"),
    "drive": ("drove", "driven"), "blow": ("blew", "blown"), "lay": ("laid",), "break": ("broke", "broken"),
    "throw": ("threw", "thrown"), "flee": ("fled",), "give": ("gave", "given"), "lose": ("lost",),
    "win": ("won",), "overrun": ("overran",), "set": ("sets", "setting"), "burn": ("burnt",),
    "shut": ("shuts", "shutting"), "beat": ("beaten",), "lead": ("led",), "run": ("ran",),
    "come": ("came",), "hit": ("hits", "hitting"), "stand": ("stood",), "send": ("sent",),
}
_IRREGULAR_BASE = {form: base for base, forms in _IRREGULAR.items() for form in forms}


def fold(text: str) -> str:
    """The folded form used for patterns: hyphen/space variants and curly quotes unified, lower case,
    Burmese marks in one order (MIMU writes "န်ု" where news writes "န့်"; a swap keeps offsets)."""
    return zero_as_wa(normalize_order(" ".join(text.translate(_FOLD_TABLE).split()).lower()))


# Typists write the digit ၀ (zero) for the letter ဝ (wa) inside words ("ဧရာ၀တီ", "ထား၀ယ်"): a zero that is
# no part of a number and comes before a letter or a mark is the letter. One character for one.
_ZERO_AS_WA = re.compile("(?<![\u1040-\u1049])\u1040(?=[\u1000-\u102a\u102b-\u103e])")


def zero_as_wa(text: str) -> str:
    return _ZERO_AS_WA.sub("\u101d", text) if "\u1040" in text else text


def fold_keep_case(text: str) -> str:
    return " ".join(text.translate(_FOLD_TABLE).split())


@dataclass(frozen=True)
class Pattern:
    """What one folded key stands for. Several patterns can share a key (e.g. a place and an actor)."""

    kind: str                  # 'place' | 'actor' | 'trigger'
    ref_id: str                # place_id / actor_id / trigger text
    surface: str               # the alias as written in the seed, case kept (case-sensitive check)
    case_sensitive: bool = False
    needs_capital: bool = False   # proper nouns: "Man" the town, not "man" the word
    needs_context: bool = False   # ambiguous short form: only in a Myanmar-anchored text
    inflects: bool = False        # triggers: accept "-s/-ed/-ing" endings


@dataclass(frozen=True)
class Hit:
    start: int                 # offsets into the original text
    end: int
    patterns: tuple[Pattern, ...]


Span = tuple[int, int, tuple[Pattern, ...]]  # a Hit's fields


class _OffsetMap:
    """Folded index -> original index after space runs were collapsed: only the runs are stored, so
    building it costs one regex pass, not one Python step per character (articles are full of "\n\n")."""

    def __init__(self, folded_starts: list[int], shifts: list[int]) -> None:
        self._folded_starts = folded_starts   # folded index from which `shift` more characters were dropped
        self._shifts = shifts                 # total characters dropped before that index

    def __getitem__(self, index: int) -> int:
        at = bisect_right(self._folded_starts, index)
        return index + (self._shifts[at - 1] if at else 0)

    def spans(self, spans: list[Span]) -> list[Span]:
        """[(self[start], self[end - 1] + 1, patterns)], without two method calls a hit."""
        starts, shifts = self._folded_starts, self._shifts
        mapped = []
        for start, end, patterns in spans:
            first, last = bisect_right(starts, start), bisect_right(starts, end - 1)
            shift_start, shift_end = shifts[first - 1] if first else 0, shifts[last - 1] if last else 0
            mapped.append((start + shift_start, end + shift_end, patterns))
        return mapped


class _KeptSpans:
    """A text's spans as the matcher keeps them between the tag and extract stages: offsets in two arrays and
    the patterns in one list, three objects where a list of span tuples was a hundred. The collector
    traverses every object a memo keeps alive as it ages, and each full collection the whole knowledge
    (~440k objects): kept as tuples, the spans of recent texts made one such collection every ~1,000 articles."""

    __slots__ = ("_starts", "_ends", "_patterns")

    def __init__(self, spans: list[Span]) -> None:
        self._starts = array("q", map(itemgetter(0), spans))
        self._ends = array("q", map(itemgetter(1), spans))
        self._patterns = list(map(itemgetter(2), spans))

    def spans(self) -> list[Span]:
        """The spans, in a list of the caller's own."""
        return list(zip(self._starts, self._ends, self._patterns))


@dataclass
class _Folded:
    keep_case: str             # folded, case kept (for case checks)
    lower: str                 # folded, lower case (what the automaton scans)
    offsets: list[int] | _OffsetMap | None  # folded index -> original index; None when identical


def _fold_text(text: str) -> _Folded:
    keep = zero_as_wa(normalize_order(_fold_characters(text)))
    if "  " not in keep:
        lower = keep.lower()
        if len(lower) != len(keep):
            return _fold_with_map(keep)
        return _Folded(keep, lower, None)
    return _collapse_space_runs(keep)


def _collapse_space_runs(keep: str) -> _Folded:
    """Fast path for the common case: one-to-one lower-casing, only space runs to collapse. Lower-casing
    keeps every space where it is, so the collapsed text is lowered rather than the lowered text collapsed
    again, and a length that lower-casing changes is one that changes it in the collapsed text too."""
    collapsed = _SPACE_RUN.sub(" ", keep)
    lower = collapsed.lower()
    if len(lower) != len(collapsed):
        return _fold_with_map(keep)
    folded_starts: list[int] = []
    shifts: list[int] = []
    dropped = 0
    for run in _SPACE_RUN.finditer(keep):
        dropped += run.end() - run.start() - 1
        folded_starts.append(run.end() - dropped)
        shifts.append(dropped)
    return _Folded(collapsed, lower, _OffsetMap(folded_starts, shifts))


def _fold_with_map(keep: str) -> _Folded:
    """Slow path for the rare text where lower-casing changes length ("İ"): an explicit offset map."""
    out_keep: list[str] = []
    out_lower: list[str] = []
    offsets: list[int] = []
    previous_space = False
    for index, char in enumerate(keep):
        if char == " ":
            if previous_space:
                continue
            previous_space = True
        else:
            previous_space = False
        low = char.lower()
        if len(low) != 1:
            low = char  # e.g. "İ": keep as is rather than break alignment
        out_keep.append(char)
        out_lower.append(low)
        offsets.append(index)
    offsets.append(len(keep))
    return _Folded("".join(out_keep), "".join(out_lower), offsets)


def _is_word_char(char: str) -> bool:
    return char.isalnum()


RECENT_TEXTS = 600       # more than a batch (MMTRACK_BATCH_SIZE, 500) of article texts
RECENT_MIN_CHARS = 300   # headlines and sentences are cheap to scan again: only article texts are kept


class PatternMatcher:
    """A compiled automaton over folded patterns; `scan` returns filtered, non-overlapping hits."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        by_key: dict[str, list[Pattern]] = {}
        for pattern in patterns:
            for key in _keys_for(pattern):
                by_key.setdefault(key, []).append(pattern)
        # Two automata: keys written in Latin-1 match whole words only, scanned over the text with every
        # character that is no letter or digit made a space (see _word_keys); the rest (Burmese, which has no
        # spaces between words) scanned over the text itself.
        self._words = ahocorasick.Automaton()
        self._others = ahocorasick.Automaton()
        readings: dict[str, dict[str, tuple]] = {}
        for key, entries in by_key.items():
            unique = tuple(dict.fromkeys(entries))
            # the inflecting subset is built once here so that accepted hits share the automaton's own
            # tuples (callers memoise per tuple; see Knowledge.find)
            inflecting = tuple(p for p in unique if p.inflects)
            inflecting = inflecting if inflecting != unique else unique
            if _in_latin_1(key):
                spellings = readings.setdefault(_word_key(key, bool(inflecting)), {})
                spellings[key] = (unique, inflecting, _case_rule(unique))
            else:
                # the key's length less one: a hit at `last` starts at last - reach
                burmese = is_burmese(key)
                self._others.add_word(key, (len(key) - 1, unique, burmese, _opens(key) if burmese else None,
                                            inflecting))
        for word_key, spellings in readings.items():
            self._words.add_word(word_key, _word_value(word_key, spellings))
        self._regions = _Regions(self._others.keys())
        self.pattern_count = len(by_key)
        for automaton in (self._words, self._others):
            if len(automaton):
                automaton.make_automaton()
        self._recent: dict[str, _KeptSpans] = {}

    def scan(self, text: str) -> list[Hit]:
        return [Hit(start, end, patterns) for start, end, patterns in self.spans(text)]

    def spans(self, text: str) -> list[Span]:
        """The hits of `scan` as (start, end, patterns) tuples: for callers that make their own object of each."""
        if not text or self.pattern_count == 0:
            return []
        # The tag stage scans a batch's texts and the extract stage the same texts again (a batch is 500):
        # the hits of the last RECENT_TEXTS article texts are kept, so the second scan is a lookup.
        recent = self._recent.get(text) if len(text) >= RECENT_MIN_CHARS else None
        if recent is not None:
            return recent.spans()
        spans = self._scan(text)
        if len(text) >= RECENT_MIN_CHARS:
            if len(self._recent) >= RECENT_TEXTS:
                del self._recent[next(iter(self._recent))]
            self._recent[text] = _KeptSpans(spans)
        return spans

    def _scan(self, text: str) -> list[Span]:
        folded = _fold_text(text)
        lower = folded.lower
        encoded, latin_1 = _latin_1(lower)
        candidates = self._scan_words(folded, _word_text(encoded), latin_1)
        if not latin_1:  # a key with a character outside Latin-1 needs a text with one
            candidates += self._scan_others(folded, self._regions.of(encoded))
        spans = _leftmost_longest(candidates)
        offsets = folded.offsets
        if offsets is None:
            return spans
        if isinstance(offsets, _OffsetMap):
            return offsets.spans(spans)
        return [(offsets[s], offsets[e - 1] + 1, p) for s, e, p in spans]

    def _scan_words(self, folded: _Folded, bounded: str, latin_1: bool) -> list[Span]:
        """Hits of the Latin-1 keys: the automaton finds only keys that start a word (and end one, where no
        pattern of the key inflects), so a key inside a longer word ("le" in "people") costs nothing here."""
        if not len(self._words):
            return []
        candidates: list[Span] = []
        lower = folded.lower
        size = len(lower)
        keep_case = folded.keep_case
        for last, (reach, length, entries, inflecting, case_rule, spellings) in self._words.iter(bounded):
            start = last - reach
            end = start + length
            if spellings is not None:
                # a space of the key stood for any character no letter or digit: the text must spell the key
                reading = spellings.get(lower[start:end])
                if reading is None:
                    continue
                entries, inflecting, case_rule = reading
            if not latin_1:
                # a character outside Latin-1 was made a space, letter or not: ask the text itself
                if start > 0 and lower[start - 1].isalnum():
                    continue
                if not inflecting and end < size and lower[end].isalnum():
                    continue
            whole_word = not inflecting or end == size or not lower[end].isalnum()
            if whole_word and case_rule is not _CASE_MIXED:
                # The common verdicts of _accept, decided here without a call: most hits are one of them.
                if case_rule is _CAPITAL and keep_case[start].isalpha() and not keep_case[start].isupper():
                    continue  # "to", not the village "To": _case_ok's verdict for every pattern of the key
                candidates.append((start, end, entries))
                continue
            accepted = _accept(folded, start, end, entries, False, inflecting)
            if accepted:
                candidates.append(accepted)
        return candidates

    def _scan_others(self, folded: _Folded, regions: list[tuple[int, int]]) -> list[Span]:
        """Hits of the keys with a character outside Latin-1 (Burmese, matched as substrings), over the regions
        of the text that can hold one: an English report naming a Burmese word or two is not scanned whole."""
        if not len(self._others):
            return []
        candidates: list[Span] = []
        for region_start, region_end in regions:
            candidates += self._others_in(folded, region_start, region_end)
        return candidates

    def _others_in(self, folded: _Folded, region_start: int, region_end: int) -> list[Span]:
        candidates: list[Span] = []
        lower = folded.lower
        for last, (reach, entries, burmese, opens, inflecting) in self._others.iter(
                lower, region_start, region_end):
            start = last - reach
            end = last + 1
            if burmese:
                # _accept's verdict on a term between two syllable boundaries, decided here without a call; the
                # boundary at its start is the key's own where the key tells it
                if start > 0 and not (opens if opens is not None else is_syllable_boundary(lower, start)):
                    continue
                if is_syllable_boundary(lower, end):
                    candidates.append((start, end, entries))
                    continue
            # a key in another script outside Latin-1 is rare enough for _accept to judge every hit of it
            accepted = _accept(folded, start, end, entries, burmese, inflecting)
            if accepted:
                candidates.append(accepted)
        return candidates


def _opens(key: str) -> bool | None:
    """Whether a Burmese word may start where `key` is found (past the text's start): the first letter and the
    two after it decide, so a key of three letters or more tells it alone; None where the text must."""
    return is_syllable_boundary(" " + key, 1) if len(key) >= 3 else None


# Latin-1 letters and digits as themselves, every other byte (and "?", which stands for a character outside
# Latin-1) a space: one C pass over the encoded text, one character for one.
_WORD_BYTES = bytes(code if chr(code).isalnum() else 0x20 for code in range(256))


def _in_latin_1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _latin_1(lower: str) -> tuple[bytes, bool]:
    """The text in Latin-1, one byte a character ("?" for one outside it), and whether it was all Latin-1."""
    try:
        return lower.encode("latin-1"), True
    except UnicodeEncodeError:
        return lower.encode("latin-1", "replace"), False


def _word_text(encoded: bytes) -> str:
    """The text the word automaton scans: letters and digits kept, everything else a space, a space either
    side (where the text is not all Latin-1, a space there may stand for a letter)."""
    return " " + encoded.translate(_WORD_BYTES).decode("latin-1") + " "


class _Regions:
    """Where in a text a key with characters outside Latin-1 can stand: around the runs of such characters
    (a "?" of the text's Latin-1 bytes), as far as the keys' own Latin-1 characters reach. Keys: a space
    or "(" at most before or after, spaces and brackets of up to a few characters between."""

    def __init__(self, keys: Iterable[str]) -> None:
        lead = trail = gap = 0
        for key in keys:
            outside = [index for index, char in enumerate(key) if ord(char) > 0xFF]
            lead, trail = max(lead, outside[0]), max(trail, len(key) - 1 - outside[-1])
            gap = max([gap] + [later - earlier - 1 for earlier, later in zip(outside, outside[1:])])
        self._lead, self._trail = lead, trail
        # a "?" that was one in the text only widens a region. "\?[?]*", not "\?+": a literal first lets the
        # engine skip to each "?" at C speed (a tenth of the time on an English text)
        self._runs = re.compile(rb"\?[?]*" + (rb"(?:[^?]{1,%d}\?+)*" % gap if gap else b""))

    def of(self, encoded: bytes) -> list[tuple[int, int]]:
        """(start, end) of each region, in order, none overlapping (a hit is found in one only)."""
        regions: list[tuple[int, int]] = []
        for run in self._runs.finditer(encoded):
            start, end = max(run.start() - self._lead, 0), run.end() + self._trail
            if regions and start < regions[-1][1]:
                start = regions.pop()[0]
            regions.append((start, end))
        return regions


def _word_key(key: str, inflects: bool) -> str:
    """A key as the word automaton holds it: a space before (a word starts there) and, where no pattern of it
    inflects, a space after (the word ends there): in-word hits are never found."""
    word = key.encode("latin-1").translate(_WORD_BYTES).decode("latin-1")
    return f" {word}" if inflects else f" {word} "


def _word_value(word_key: str, spellings: dict[str, tuple]) -> tuple:
    """(reach, length, entries, inflecting, case rule, spellings): a hit at `last` starts at last - reach; keys
    of letters and digits only are what the automaton found, others are looked up by the text's spelling."""
    key = next(iter(spellings))
    entries, inflecting, case_rule = spellings[key]
    exact = len(spellings) == 1 and key.isalnum()
    return len(word_key) - 1, len(key), entries, inflecting, case_rule, None if exact else spellings


# What _case_ok asks of a key's patterns: nothing, a capital first letter of every one, or something per pattern.
_CASE_FREE, _CAPITAL, _CASE_MIXED = "free", "capital", "mixed"


def _case_rule(patterns: tuple[Pattern, ...]) -> str:
    if any(p.case_sensitive for p in patterns):
        return _CASE_MIXED
    capital = [p.needs_capital for p in patterns]
    return _CAPITAL if all(capital) else _CASE_FREE if not any(capital) else _CASE_MIXED


def _keys_for(pattern: Pattern) -> list[str]:
    key = fold(pattern.surface)
    if not key:
        return []
    keys = [key]
    if pattern.inflects:
        stem = _stem(key)
        if stem:
            keys.append(stem)
        if " " in key:
            verb, rest = key.split(" ", 1)
            keys.extend(f"{form} {rest}" for form in verb_forms(verb) if form != verb)
    # "Pyin Oo Lwin" is also written "PyinOoLwin"; only for names long enough not to collide with words.
    if pattern.kind != "trigger" and " " in key and not is_burmese(key):
        joined = key.replace(" ", "")
        if len(joined) >= 7:
            keys.append(joined)
    return keys


def verb_forms(word: str) -> list[str]:
    """The forms of a (possibly already inflected) English verb: "take" -> takes, taking, took, taken;
    "seized" -> seize, seizes, seizing; "shell" -> shells, shelled, shelling. Over-generation is harmless
    ("taked" never occurs in text); under-generation loses events."""
    if len(word) < 3 or is_burmese(word) or not word.isalpha():
        return [word]
    base = _IRREGULAR_BASE.get(word, word)
    if base not in _IRREGULAR:
        for ending in _STEM_ENDINGS + ("d",):
            if base.endswith(ending) and len(base) - len(ending) >= 3:
                base = base[: -len(ending)]
                break
    roots = {base, base + "e"} if not base.endswith("e") else {base, base[:-1]}
    forms = {word, *_IRREGULAR.get(base, ()), *_IRREGULAR.get(base + "e", ())}
    for root in roots:
        bare = root[:-1] if root.endswith("e") else root
        forms.update({root, root + "s", bare + "es", bare + "ed", bare + "ing"})
    return sorted(f for f in forms if len(f) >= 3)


def _stem(key: str) -> str | None:
    """The stem of an inflected trigger, so that "seized" also finds "seizes" and "seizing" and
    "shelling" finds "shelled": the stem only ever matches with an inflection ending after it (or bare)."""
    if is_burmese(key):
        return None
    for ending in _STEM_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            return key[: -len(ending)]
    if key.endswith("e") and len(key) >= 5 and " " not in key[-6:]:
        return key[:-1]  # "seize" -> "seiz": finds "seizing", "seized"
    return None


def _accept(
    folded: _Folded, start: int, end: int, entries: tuple[Pattern, ...], burmese: bool,
    inflecting: tuple[Pattern, ...],
) -> tuple[int, int, tuple[Pattern, ...]] | None:
    lower = folded.lower
    if burmese:
        # a Burmese term starts and ends on syllable boundaries: "မိုင်" (mile) is not in "မိုင်း" (mine)
        if not is_syllable_boundary(lower, start):
            return None
        if not is_syllable_boundary(lower, end):
            # the possessive's creaky tone on an actor's open last syllable: "စစ်ကောင်စီ့တပ်" (the junta's troops)
            # (not a place's: "အရှေ" + ့ is "east"; nor the people's: "ပြည်သူ့" is the adjective "public")
            actors = tuple(p for p in entries if p.kind == "actor" and not p.ref_id.startswith("civilians"))
            toned = lower[end] == "\u1037" and lower[end - 1] not in "\u103a\u1037"
            if actors and toned and is_syllable_boundary(lower, end + 1):
                return start, end + 1, actors
            return None
        return start, end, entries
    if start > 0 and _is_word_char(lower[start - 1]):
        return None
    new_end = end
    if end < len(lower) and _is_word_char(lower[end]):
        new_end = _inflected_end(lower, start, end)
        if new_end is None:
            return None
        entries = inflecting
        if not entries or not entries[0].inflects:
            return None
    if all(_case_ok(folded.keep_case, start, end, p) for p in entries):
        return start, new_end, entries
    kept = tuple(p for p in entries if _case_ok(folded.keep_case, start, end, p))
    if not kept:
        return None
    return start, new_end, kept


def _inflected_end(lower: str, start: int, end: int) -> int | None:
    """End of "clash|es", "ban|ned" when the letters after the match are an inflection ending."""
    stop = end
    while stop < len(lower) and _is_word_char(lower[stop]):
        stop += 1
    tail = lower[end:stop]
    if tail in _TRIGGER_SUFFIXES:
        return stop
    if len(tail) > 1 and tail[0] == lower[end - 1] and tail[1:] in ("ed", "ing", "ings"):
        return stop  # doubled final consonant
    return None


def _case_ok(keep_case: str, start: int, end: int, pattern: Pattern) -> bool:
    if pattern.case_sensitive:
        return keep_case[start:end] == fold_keep_case(pattern.surface)
    if pattern.needs_capital:
        first = keep_case[start]
        return not first.isalpha() or first.isupper()
    return True


def _leftmost_longest(
    candidates: list[tuple[int, int, tuple[Pattern, ...]]],
) -> list[tuple[int, int, tuple[Pattern, ...]]]:
    """Merge candidates on the same span, then keep the leftmost-longest spans that do not overlap."""
    # by start, the longest first: two stable C-keyed sorts instead of a Python key tuple a span. Stable, so
    # candidates on one span stay in the order found, next to each other: the chosen span takes the
    # patterns of the rest of them, in that order, instead of a dict merging every span first.
    spans = sorted(candidates, key=itemgetter(1), reverse=True)
    spans.sort(key=itemgetter(0))
    chosen = []
    last_start = last_end = -1
    for span in spans:
        start, end = span[0], span[1]
        if start >= last_end:
            chosen.append(span)
            last_start, last_end = start, end
        elif start == last_start and end == last_end:
            chosen[-1] = (start, end, chosen[-1][2] + span[2])
    return chosen
