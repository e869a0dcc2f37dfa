"""Acts told as a habit or a stretch of time rather than as an event of a day (issue 14, round 7).

"attacked the town with howitzers everyday", "is continuously attacking towns", "following weeks of intense
fighting", "for the past week, the army has used jets": the war over a period, which ACLED codes (if at all)
as the single events told elsewhere. A leaf module of cues that events.py asks.
"""

from __future__ import annotations

import re

from tasks.word_gates import gated

# a habit: the act repeats with no day of its own
_HABITUAL = gated(re.compile(r"\beveryday\b|\bevery single day\b|\b(?:continuously|constantly|incessantly|repeatedly|relentlessly)\b|"
                       r"\b(?:day|night|week) after (?:day|night|week)\b|\bon a (?:daily|nightly|weekly|regular) basis\b|"
                       r"\btime and again\b|\bround the clock\b", re.IGNORECASE))
# the trigger names what filled a period: "after weeks of fighting", "amid months of clashes"
_PERIOD_OF = gated(re.compile(r"\b(?:after|following|amid|amidst|during|despite|with|in)\s+(?:\w+\s+)?(?:days|weeks|months|years|decades)\s+of\s+"
                        r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE))
# "for the past week", "over the last few days": a stretch of time, no day
PAST_STRETCH = re.compile(r"\b(?:for|over|in|during|throughout)\s+the\s+(?:past|last|previous)\s+(?:few\s+|several\s+|couple of\s+|\w+\s+)?"
                          r"(?:days?|nights?|weeks?|months?|years?)\b", re.IGNORECASE)


def habitual(sentence: str) -> bool:
    """Does the sentence tell an act as a habit ("shelled the town everyday")?"""
    return bool(_HABITUAL.search(sentence))


def names_a_period(text: str, trigger_start: int) -> bool:
    """Is the trigger at `trigger_start` what filled a period ("following weeks of intense fighting")?"""
    return bool(_PERIOD_OF.search(text, max(0, trigger_start - 50), trigger_start))


# ", with artillery fire injuring two residents": an absolute "with" clause adds a detail to the act the
# main clause tells ("skirmishes erupted near the village, with ...")
_WITH_DETAIL = re.compile(r",\s+with\s+", re.IGNORECASE)


# "fighting continued ..., with the rebels taking control of Laukkai": a main clause that tells the war going
# on leaves the event to the "with" clause
_GOES_ON = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:continu\w*|raged?|rages|raging|persist\w*|went on|goes on|intensif\w*|escalat\w*)\b",
                      re.IGNORECASE)


def detail_of_main_clause(text: str, lo: int, hit_start: int, others: list[tuple[int, int]]) -> bool:
    """Is the trigger at `hit_start` inside a ", with ..." clause after another trigger (start, end) of the
    sentence that tells an act (not the war going on)?"""
    for cue in _WITH_DETAIL.finditer(text, lo, hit_start):
        if re.search(r"[.;]", text[cue.end():hit_start]):
            continue
        if any(lo <= s < cue.start() and not _GOES_ON.match(text, e) for s, e in others):
            return True
    return False


# "She was shot on February 9 ... and died on Friday": the day a victim died of wounds is not the day of
# the act; ACLED dates the act
_DIED_BEFORE = re.compile(r"\b(?:died|succumbed|passed away|later died|died of (?:his|her|their) (?:wounds|injuries))"
                          r"(?:\s+(?:of|from|to)\s+(?:his|her|their)\s+(?:wounds|injuries))?\s+(?:in hospital\s+)?(?:on\s+|late\s+|early\s+)?$",
                          re.IGNORECASE)


def death_day(text: str, date_start: int) -> bool:
    """Is the date at `date_start` (offset into `text`) the day someone died of earlier wounds?"""
    return bool(_DIED_BEFORE.search(text, max(0, date_start - 50), date_start))


# "troops who had arrived on Sunday killed five on Monday": a relative clause in the pluperfect tells what came
# before the act; its day is not the act's when the sentence names another
_PLUPERFECT_CLAUSE_BEFORE = re.compile(r"\b(?:who|which|that)\s+had\s+(?:been\s+)?\w+(?:[^,;.]{0,40}?)?\s+(?:(?:on|since|from)\s+)?$",
                                       re.IGNORECASE)


def earlier_clause_day(text: str, date_start: int) -> bool:
    """Is the date at `date_start` (offset into `text`) told in a pluperfect relative clause?"""
    return "had" in text and bool(_PLUPERFECT_CLAUSE_BEFORE.search(text, max(0, date_start - 70), date_start))
