"""Clauses that place an act in time by another act or in a period. An act dated by an earlier one ("four days
after the town fell", "almost a month after the regime killed 60 people") is told as the time of another and
gives way to it; "since ...", "for months" make a sentence the war described. Moved out of triggers.py and
events.py (round 9) to keep those modules within size; a leaf module over trigger hits and text spans."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.word_gates import gated

if TYPE_CHECKING:
    from tasks.extract.dates import ResolvedDate
    from tasks.extract.triggers import TriggerHit

# A clause that dates this event by an earlier one tells the earlier one: "jets bombed Mindat on Thursday,
# four days after resistance forces captured it", "A day after being pushed back at Daw Bu Ku, troops
# attacked ... at Oh Kay". It runs from "after"/"since" to the next comma, semicolon or "when".
_EARLIER_CLAUSE = gated(re.compile(r"\b(?:after|since)\b[^,;.:\n]*?(?=[,;.:\n]|\s+when\b|$)", re.IGNORECASE))
_GAP_BEFORE_CLAUSE = re.compile(r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)\s+"
                                r"(?:hours?|days?|weeks?|months?|years?)\s+$", re.IGNORECASE)


# weeks or more between an act and the earlier one it is dated by ("almost a month after"); "four years since"
# measures a span of time, not an earlier act
_LONG_GAP = re.compile(r"\S+\s+(?:weeks?|months?|years?)\s+after\b", re.IGNORECASE)


def earlier_clauses(text: str, lo: int, hi: int, gapped: bool = False) -> list[tuple[int, int]]:
    """Spans of text[lo:hi] that tell an earlier event ("four days after the town fell"). `gapped`: only
    those that put time between the two ("a day after ...", not "agreed after talks in Kunming", where
    the talks are where the agreement was made)."""
    spans = []
    for m in _EARLIER_CLAUSE.finditer(text, lo, hi):
        gap = _GAP_BEFORE_CLAUSE.search(text, max(lo, m.start() - 20), m.start())
        if gap or not gapped:
            spans.append((gap.start() if gap else m.start(), m.end()))
    return spans


def long_ago_clauses(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The earlier-act clauses of text[lo:hi] set weeks or more before the act they date ("almost a month after
    the regime killed over 60 people"): their counts are background, no event's toll."""
    return [(s, e) for s, e in earlier_clauses(text, lo, hi, gapped=True) if _LONG_GAP.match(text, s)]


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def drop_earlier_events(hits: list[TriggerHit], text: str, lo: int, hi: int) -> list[TriggerHit]:
    """Triggers inside an earlier-event clause give way to the act the sentence reports. They stay when
    nothing else is told: in "three villagers were killed after troops raided the village" the raid is
    the event."""
    spans = earlier_clauses(text, lo, hi)
    if not spans:
        return hits
    main = [h for h in hits if not in_spans(h.start, spans)]
    if any(not _tells_only_deaths(h) for h in main):
        return main
    gapped = earlier_clauses(text, lo, hi, gapped=True)  # "killed ... a month after troops shelled": not the cause
    kept = [h for h in hits if not in_spans(h.start, gapped)]
    # every act told lies in a clause weeks or more before the one it dates ("occurred almost a month after
    # the regime killed 60 people"): the sentence recalls background, no event of its own
    return kept or ([] if long_ago_clauses(text, lo, hi) else hits)


def _tells_only_deaths(hit: TriggerHit) -> bool:
    """'killed', or a victim phrase ("civilians were killed"): deaths whose cause the 'after' clause may tell."""
    return hit.casualty_only or (hit.sub_event_type == "Attack" and bool(_DEATHS_TOLD.search(hit.text)))


_DEATHS_TOLD = re.compile(r"\b(?:were|was|been)\s+(?:\w+\s+)?(?:killed|shot dead|wounded|injured)$", re.IGNORECASE)


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# An undated period ("since", "for months") makes a sentence the war described, not an event of a day.
_UNDATED_PERIOD = gated(re.compile(r"\bsince\b|\bfor (?:months|weeks|years|decades)\b|\b(?:over|for) the (?:past|last)\b|"
                             r"\b(?:after|following|amid) (?:weeks|months|years) of\b|"
                             r"\bin recent (?:weeks|months|years)\b|\bthis year\b|\blasted\b|"
                             # a stretch of months: "from May to August", "between March and June"
                             rf"\b(?:from|between)\s+{_MONTH}(?:\s+\d{{4}})?\s+(?:to|and|until|through|till)\s+{_MONTH}\b",
                             re.IGNORECASE))


_YEAR_TOLD = re.compile(r"(?:19|20)\d\d$|\byear(?: ago)?$", re.IGNORECASE)


def aside_year(text: str, d: ResolvedDate, trigger_at: int) -> bool:
    """A bare year in another clause ("The law, introduced in 2010, had never been enforced", "..., in a deal
    that returns two towns they captured last year") dates that clause, not the act the trigger tells."""
    if not _YEAR_TOLD.search(d.date_text) or d.time_precision < 3:
        return False
    if not text[:d.start].strip():
        return False  # "In August 2017, attacks by ARSA triggered ...": a date that opens the sentence dates it all
    lo, hi = sorted((d.start, trigger_at))
    return "," in text[lo:hi]


# "since ... last Saturday", and its apposition "since last Saturday, February 6"
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;.]{0,60}(?:\b(?:last\s+)?\w+day,\s*)?$", re.IGNORECASE)


def period_start(text: str, d: ResolvedDate) -> bool:
    """Is the date where a period began ("have been protesting since people took to the streets last Saturday",
    "the worst since March 3")? Then it is no day of the act told."""
    return "since" in text and bool(_SINCE_BEFORE.search(text, max(0, d.start - 70), d.start))


def period_governs(text: str, trigger_end: int) -> bool:
    """Does an undated-period cue ("since", "for months") belong to the trigger's clause? Not when a
    comma separates them: "soldiers killed 11 villagers, ..., the latest atrocity since the coup"."""
    for cue in _UNDATED_PERIOD.finditer(text):
        if cue.start() < trigger_end or "," not in text[trigger_end:cue.start()]:
            return True
    return False



# "The subsequent air attacks killed 20 civilians" right after "Last year's bombings followed the seizure of a
# base": an act that follows on from the sentence before, with no day of its own
_FOLLOWS_ON = re.compile(r"^(?:The|These|Those|Its|Their)\s+(?:subsequent|ensuing|resulting|following|retaliatory)\b")


def follows_history(scan, sentence, history_days: int) -> bool:
    """Does an undated sentence go on with the one before it, which is dated only long ago? Then it tells
    that history too: no event of this report, and its counts are no event's toll."""
    from tasks.extract.dates import find_dates

    if sentence.index == 0 or not _FOLLOWS_ON.match(sentence.text) or find_dates(sentence.text, scan.published):
        return False
    before = find_dates(scan.sentences[sentence.index - 1].text, scan.published)
    return bool(before) and all((scan.published - d.event_date).days > history_days for d in before)
