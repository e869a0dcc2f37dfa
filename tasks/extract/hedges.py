"""Sentences that mention an act without reporting it as done (issue 14, round 7): a rumour passed on
("unconfirmed reports that some had been arrested"), a question ("asked whether an air strike so close to
the border..."), and a state of affairs in force ("martial law is in force", "clashes are reported to be
intense"). A leaf module of cues that events.py asks of the trigger's clause.
"""

from __future__ import annotations

import re

# hearsay the reporter does not vouch for, right before the act
_UNCONFIRMED = re.compile(r"\b(?:unconfirmed|unverified)\s+(?:reports?|claims?|accounts?|information)\b[^.;]{0,60}$|"
                          r"\brumou?rs?\b[^.;]{0,40}$", re.IGNORECASE)
# a question: "asked if", "wondered whether", "it is unclear whether"
_QUESTION = re.compile(r"\b(?:asked|asking|asks|wondered|questioned|unclear|unknown|not known|not clear|whether)\b"
                       r"[^.;,]{0,15}?\b(?:if|whether)?\s*(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
# a state in force rather than an act: "curfew is imposed", "martial law remains in force" (matched right
# after the trigger: re.match(text, pos) anchors there, so no "^")
_IN_FORCE = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}?(?:is|are|remains?|has been|have been)\s+(?:still\s+)?(?:in (?:force|effect|place)|imposed)\b|"
                       r"[^.;,]{0,60}?\b(?:is|are)\s+(?:reported|said|believed)\s+to\s+be\s+(?:\w+\s+)?(?:intense|fierce|heavy|ongoing|raging|continuing)\b",
                       re.IGNORECASE)


def not_reported_as_done(text: str, lo: int, trigger_start: int, trigger_end: int) -> bool:
    """Does the trigger's own clause pass on a rumour, ask a question, or tell a state in force?"""
    before = text[max(lo, trigger_start - 90):trigger_start]
    if _UNCONFIRMED.search(before):
        return True
    if _QUESTION.search(before) and re.search(r"\b(?:if|whether)\b", before[-60:], re.IGNORECASE):
        return True
    return bool(_IN_FORCE.match(text, trigger_end, trigger_end + 120))
