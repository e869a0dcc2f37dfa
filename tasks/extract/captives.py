"""People taken are no territory taken: "a Major from the 106th battalion based in Maw Ka Nin village was
captured by resistance forces" tells a capture of a person, however long the phrase that says where he served.
A leaf module that triggers.py asks of capture words (real reporting, issue 14)."""

from __future__ import annotations

import re

_RANKS = (r"(?:major|corporal|lance corporal|sergeant|captain|lieutenant|colonel|brigadier|general|private|officer|"
          r"soldier|commander|policeman|police officer|administrator|official|informant)")
# the person opens the clause ("a Major from ...", "an army corporal from a unit stationed in ...") and the
# capture is told in the passive at its end
_PERSON_THEN_TAKEN = re.compile(rf"\b(?:a|an|one|two|three|four|five|\d+)\s+(?:[\w-]+\s+){{0,2}}?{_RANKS}s?\b"
                                rf"(?P<gap>[^.;]{{0,160}}?)\b(?:was|were)\s+(?:\w+\s+)?$", re.IGNORECASE)
# a place or a speaker between them makes the place the thing taken: "an officer said the base was captured"
_OTHER_SUBJECT = re.compile(r"\b(?:said|says|told|reported|claimed|announced|confirmed|that|and|bases?|camps?|towns?|"
                            r"outposts?|posts?|headquarters|positions?|hill|bridge|stations?)\b",
                            re.IGNORECASE)


def person_taken(text: str, lo: int, trigger_start: int) -> bool:
    """Is the capture word at trigger_start the passive end of a clause whose subject is a person by rank?"""
    m = _PERSON_THEN_TAKEN.search(text, max(lo, trigger_start - 220), trigger_start)
    return bool(m) and not _OTHER_SUBJECT.search(m.group("gap"))
