"""Numbers in English news text and which of them can be counts of people, the way ACLED codes them.

* "at least 10", "more than 300,000", "over 50", "nearly 50", "up to 20" -> the number itself;
  a range "10 to 15" / "between 10 and 15" -> the lower bound;
* vague quantities: "tens" 10, "a dozen"/"dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1,000,
  "tens of thousands" 10,000, "hundreds of thousands" 100,000, "millions" 1,000,000 (ACLED's own rule for
  tens/dozens/hundreds; the rest follow it);
* "several", "a few", "a number of", "multiple", "many" -> 3. ACLED publishes no number for these; we
  take the smallest count the word can honestly mean beyond "a couple" (2), so totals never overstate;
* "a"/"an"/"one" + a singular person noun ("a villager was killed") -> 1;
* never negative; figures that are not counts of people (years, battalion numbers, ages, distances,
  percentages, "Operation 1027") are skipped.

What each count counts (killed, injured, displaced ...) is tasks/extract/numbers.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.case_blind import case_blind

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = {
    "tens of thousands": 10_000, "hundreds of thousands": 100_000, "millions": 1_000_000,
    "thousands": 1_000, "hundreds": 100, "scores": 20, "dozens": 12, "a dozen": 12, "tens": 10,
    "several": 3, "a few": 3, "a number of": 3, "multiple": 3, "many": 3, "a handful of": 3,
    "a couple of": 2, "a pair of": 2, "both": 2,
}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_WRITTEN = rf"(?:(?:{_WORD})(?:[\s-]+(?:{_WORD}))?(?:\s+(?:dozen|hundred|thousand|million)(?:\s+(?:and\s+)?(?:{_WORD})(?:[\s-]+(?:{_WORD}))?)?)*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:million|thousand|lakh|m\b|k\b))?"
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
QUALIFIER = (r"(?:at least|more than|over|some|about|around|nearly|almost|approximately|up to|an estimated|"
              r"roughly|as many as|no fewer than|not less than|close to|upwards of|in excess of|a total of|"
              r"between|a further|another)")
# scanned over the lowered sentence: the long case-blind alternation at every word was a tenth of extraction
QUANTITY_RE = case_blind(re.compile(
    rf"\b(?:(?P<qual>{QUALIFIER})\s+)?(?P<num>{_DIGITS}|{_VAGUE}|{_WRITTEN}|an?|one)\b"
    rf"(?:\s*(?:-|–|to|and|or)\s*(?P<upper>{_DIGITS}|{_WRITTEN})\b)?",
    re.IGNORECASE,
))


def parse_number(text: str) -> int | None:
    """'300,000' -> 300000, 'twenty-five' -> 25, '1.5 million' -> 1500000, 'dozens' -> 12; else None."""
    t = " ".join(text.lower().replace("–", "-").split())
    if t in VAGUE:
        return VAGUE[t]
    if t in ("a", "an"):
        return 1
    digits = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(million|thousand|lakh|m|k)?", t)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        scale = {"million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3, "lakh": 1e5}.get(digits.group(2) or "", 1)
        return max(0, int(round(value * scale)))
    return _parse_written(t)


def _parse_written(t: str) -> int | None:
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", t.replace(" and ", " ")):
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@dataclass(frozen=True)
class Quantity:
    value: int
    start: int
    end: int
    text: str
    qualifier: str | None


_NOT_PEOPLE_AFTER = re.compile(
    r"^\s*(?:-|–)?\s*(?:years?|yrs?|year-old|percent|per cent|%|km|kilometres?|kilometers?|miles?|metres?|"
    r"meters?|feet|kyat|dollars|usd|\$|hours?|minutes?|days?|weeks?|months?|a\.m\.|p\.m\.|am\b|pm\b|"
    r"o'clock|tons?|tonnes?|acres?|times|rounds|th\b|st\b|nd\b|rd\b)",
    re.IGNORECASE,
)
_NOT_PEOPLE_BEFORE = re.compile(
    r"(?:battalion|regiment|division|brigade|operation|no\.|number|route|highway|road|article|section|"
    r"command|column|tactical|unit|aged|age|chapter|page|code|law|year|in|since|of)\s*$",
    re.IGNORECASE,
)


_DEAD_OF_BEFORE = re.compile(r"\b(?:bodies|massacre|killings?|deaths?|murders?|lives|executions?)\s+of\s*$", re.IGNORECASE)  # "the bodies of 12"
_ANY_NUMBER = case_blind(re.compile(rf"\d|\b(?:{_WORD}|{_VAGUE}|an?|one|hundreds|thousands|dozens?|scores|tens|millions)\b", re.IGNORECASE))  # (a case-true scan of the lowered sentence)


def find_quantities(text: str) -> list[Quantity]:
    """Counts in a sentence that can be counts of people (see module doc for what is skipped)."""
    found: list[Quantity] = []
    if not _ANY_NUMBER.search(text):
        return found
    for m in QUANTITY_RE.finditer(text):
        raw = m.group("num")
        value = parse_number(raw)
        if value is None:
            continue
        after = text[m.end():m.end() + 14]
        before = text[max(0, m.start() - 12):m.start()]
        if _NOT_PEOPLE_AFTER.match(after) or (raw[0].isdigit() and _NOT_PEOPLE_BEFORE.search(before)
                                               and not _DEAD_OF_BEFORE.search(before)):
            continue
        if raw.isdigit() and 1900 <= value <= 2100 and not m.group("qual"):
            continue  # a year
        if raw.lower() in ("a", "an", "one", "both", "many") and not person_follows(text[m.end():m.end() + 40]):
            continue  # "a" is a count only before a person noun ("a villager")
        qual = (m.group("qual") or "").lower() or None
        found.append(Quantity(value, m.start(), m.end(), m.group(0), qual))
    return found


_PERSON_NOUN = re.compile(  # "a villager", "an underage 14 years old child"; "one death": the dead by their deaths
    r"^\s*(?:[a-z]+(?:-[a-z]+)*\s+){0,2}?(?:\d{1,2}\s+years?\s+old\s+)?(?:civilians?|villagers?|people|persons?|residents?|soldiers?|troops?|"
    r"police(?:men|man| officers?)?(?!\s+(?:stations?|posts?|outposts?|camps?|headquarters|offices?|bases?|compounds?|"
    r"force|forces|chief|department|vehicles?|trucks?))|officers?|fighters?|members?|children|child|boys?|girls?|women|woman|"
    r"men|man|students?|monks?|teachers?|doctors?|nurses?|journalists?|reporters?|farmers?|workers?|"
    r"refugees?|detainees?|prisoners?|protesters?|demonstrators?|youths?|teenagers?|insurgents?|rebels?|"
    r"combatants?|personnel|forces|guards?|passengers?|family|families|relatives|others|dead|bodies|body|"
    r"victims?|patients?|households?|individuals?|infants?|babies|baby|elderly|adults?|leaders?|"
    r"administrators?|recruits?|conscripts?|militiamen|militia members?|gunmen|comrades?|terrorists?|"
    r"militants?|guerrillas?|volunteers?|medics?|staff|officials?|captives?|hostages?|cadets?|"
    r"citizens?|kids?|pastors?|elders?|captains?|majors?|colonels?|lieutenants?|sergeants?|commanders?|"
    r"[a-z]+-year-olds?|rohingyas?|muslims?|christians?|buddhists?|hindus?|idps?|"
    r"sons?|daughters?|husbands?|wife|wives|mothers?|fathers?|brothers?|sisters?|parents?|grand(?:sons?|daughters?|children)|"
    r"nephews?|nieces?|siblings?|couples?|locals|inhabitants?|townspeople|worshippers?|novices?|nuns?|traders?|"
    r"vendors?|drivers?|labou?rers?|miners?|fishermen|shopkeepers?|deaths?|fatalit(?:y|ies))\b",
    re.IGNORECASE,
)


def person_follows(after: str) -> bool:
    return bool(_PERSON_NOUN.match(after))
