"""Sentences and paragraphs with character offsets into the original text, and news datelines.

A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before whitespace and an
upper-case letter, digit or opening quote, unless the dot belongs to an abbreviation news writers use
("Jan.", "Gen.", "U.S.", "Lt. Col.", "No."), an initial ("U Kyaw T. Naing") or a decimal. A line break
always ends a sentence (feeds and cleaners put one paragraph per line) unless the line was hard-wrapped mid-
sentence (it ends in a word or comma and the next line goes on in lower case); a blank line, or a single line
break when the text has no blank lines, ends a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr gen lt col maj capt cpl sgt brig adm "
    "gov sen rep st no vs etc approx est dept govt u.s u.n u.k e.g i.e a.m p.m inc ltd co corp jr sr "
    "mt ft vol fig pp gen. assn prof rev hon".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u1000-\u109f])|[.!?]+[\"'”’)\]]*(?=\s*$)")
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z'’.-]+(?:[ /-][A-Za-z][A-Za-z'’.-]+){0,3}(?:,\s*[A-Z][A-Za-z ]+?)?)"
    r"(?:\s*\[[A-Z][A-Za-z ]{1,30}\])?"  # "Naypyitaw [Myanmar], March 28 (ANI):": a wire's country in brackets
    r"(?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))(?:,?\s*\d{4})?)?"
    r",?\s*(?:\((?P<agency>[A-Za-z .&/]{2,30}(?:\s[-–]\s[^()]{1,70})?)\)\s*(?:(?:-|–|—|:)\s+)?|(?:-|–|—|:)\s+)"  # "(AP) Soldiers ...": no dash
    # ... "Yangon, (APP - a site's name - 28th Jun, 2024) Troops ...": a wire's name, then the site and day
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int
    index: int


@dataclass(frozen=True)
class Dateline:
    place: str
    place_start: int
    place_end: int
    date_text: str | None
    end: int            # where the body text starts


_WIRES = frozenset({"AP", "REUTERS", "AFP", "XINHUA", "DPA", "UPI", "BERNAMA", "KYODO", "ANI", "IANS", "PTI", "EFE", "ANADOLU",
                    "MEKONG WIRE", "APP", "VNA"})
# "21-12-2024 (YANGON) the Arakan Army ...": the day in figures, then the place filed from in brackets
_BRACKETED_PLACE_DATELINE = re.compile(r"^\s*(?P<date>\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s*\((?P<place>[A-Z][A-Z '’.-]{2,30})\)\s*"
                                       r"(?:(?:-|–|—|:)\s+)?")
_DATE_ONLY_DATELINE = re.compile(r"^\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s*\d{4})?\s*"
                                 r"\((?P<agency>[A-Za-z .&/]{2,30})\)\s*(?:-|–|—|:)\s+")


def find_dateline(text: str) -> Dateline | None:
    """'YANGON, Jan 12 (Reuters) - ...', 'MANDALAY — ...' or 'April 23 (Reuters) - ...': where and when a
    wire story was filed. Only an all-caps place or one followed by a date/agency counts, so
    'Fighting - again -' does not."""
    bare = _DATE_ONLY_DATELINE.match(text[:80])
    if bare:
        return Dateline("", 0, 0, bare.group(0).split("(")[0].strip(), bare.end())
    bracketed = _BRACKETED_PLACE_DATELINE.match(text[:80])
    if bracketed:
        return Dateline(bracketed.group("place"), bracketed.start("place"), bracketed.end("place"),
                        bracketed.group("date"), bracketed.end())
    m = _DATELINE.match(text[:200])
    if not m:
        return None
    place = m.group("place")
    if not (place.split(",")[0].isupper() or m.group("date") or m.group("agency")):
        return None
    if not re.search(r"[-–—:]\s*$", m.group(0)) and re.split(r"\s[-–]\s", (m.group("agency") or "").strip())[0].upper() not in _WIRES:
        return None  # without a dash only a wire's name closes a dateline: "Bangkok, May 12 (AP) Soldiers ..."
    return Dateline(place, m.start("place"), m.end("place"), m.group("date"), m.end())


_WORD_BEFORE_DOT = re.compile(r"([A-Za-z.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _WORD_BEFORE_DOT.search(text[max(0, dot - 12):dot])
    if not word:
        return False
    w = word.group(1).lower().rstrip(".")
    return w in ABBREVIATIONS or (len(w) == 1 and text[dot - 1].isupper())


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group(0).startswith(".") and _is_abbreviation(text, m.start()):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# A hard-wrapped line: it stops mid-sentence (a word, a number or a comma) and the next goes on in lower case
_WRAPPED = re.compile(r"(?<=[A-Za-z0-9,])\n(?=[a-z])")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into `text`, numbered, each with its paragraph number."""
    text = _WRAPPED.sub(" ", text)  # one character for one: offsets stay those of the original text
    blank_lines = re.search(r"\n\s*\n", text) is not None
    sentences: list[Sentence] = []
    paragraph = 0
    for line in re.finditer(r"[^\n]*(?:\n|$)", text):
        if line.start() >= len(text) and line.group(0) == "":
            break
        body_end = line.end() - (1 if line.group(0).endswith("\n") else 0)
        if not text[line.start():body_end].strip():
            if blank_lines and sentences and sentences[-1].paragraph == paragraph:
                paragraph += 1
            continue
        for s, e in _split_line(text, line.start(), body_end):
            sentences.append(Sentence(text[s:e], s, e, paragraph, len(sentences)))
        if not blank_lines:
            paragraph += 1
    return sentences


# "YANGON, May 3:" opening a paragraph below the page's first lines: where and when the story was filed
_FILED_PREFIX = re.compile(r"[A-Z][A-Z'’. -]{2,30},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s*\d{4})?\s*"
                           r"(?:\([A-Za-z .&/]{2,30}\)\s*)?(?:-|–|—|:)\s*")


def filed_prefix_end(text: str, lo: int, hi: int) -> int:
    """Where a sentence's own text starts after a filing line ("YANGON, May 3: A rebel army said ..."): the
    filing place is no place of the event."""
    m = _FILED_PREFIX.match(text, lo, hi)
    return m.end() if m else lo
