"""Sentences that tell an act as the cause of the event the story reports (real reporting, issue 14): background,
no new event. A leaf module (the trigger module asks it; it imports nothing of the extract package)."""

from __future__ import annotations

import re

from tasks.word_gates import gated


# An act told as the cause of the event the story reports: "Fighting in the village on Nov. 21 is believed to be
# part of the reason for the attack", "clashes last week were the trigger for the raid": background, no new event.
_TOLD_AS_CAUSE = gated(re.compile(r"\b(?:is|was|are|were)\s+(?:(?:believed|thought|said|seen|reported)\s+to\s+"
                            r"(?:be|have been)\s+)?(?:(?:part|one)\s+of\s+)?(?:the|a|an)\s+(?:main\s+|likely\s+)?"
                            r"(?:reasons?|causes?|triggers?|motives?)\s+(?:for|of|behind)\s+(?:the|this|that|these|those)\b",
                            re.IGNORECASE))


def told_as_cause(text: str, lo: int, hi: int) -> bool:
    """Does the sentence text[lo:hi] tell its act as the cause of one told already ("... is believed to be the
    reason for the attack")? Then neither the cause nor "the attack" is a new event."""
    return bool(_TOLD_AS_CAUSE.search(text, lo, hi))
