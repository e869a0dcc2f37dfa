"""Killings told only by the discovery of the dead ("villagers found the bodies of eight men", "five men were
found dead"): the killing is the event (coding guide), dated by the discovery when nothing else dates it.
Bodies found after a deadly act the article has already told are that act's dead, not a new event."""

from __future__ import annotations

import re

_FOUND_DEAD = re.compile(
    r"\b(?:found|discovered|recovered|unearthed)\s+(?:the\s+)?(?:[\w,'’-]+\s+){0,3}?(?:bodies|corpses|body|corpse)\b|"
    r"\b(?:bodies|corpses|body|corpse)\b[^.;]{0,60}?\b(?:was|were|been)\s+(?:\w+\s+)?(?:found|discovered|recovered|unearthed)\b|"
    r"\b(?:found|discovered)\s+(?:dead|killed|murdered|shot dead|beheaded)\b", re.IGNORECASE)


def bodies_found(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(verb, start, end) of a discovery of the dead in text[lo:hi]; asked only where the sentence names no act."""
    part = text[lo:hi]
    if "found" not in part and "discovered" not in part and "recovered" not in part and "unearthed" not in part:
        return []  # cheap test first: most sentences find nothing
    m = _FOUND_DEAD.search(text, lo, hi)
    if m is None:
        return []
    verb = m.group(0).split()[0]
    return [(verb, m.start(), m.start() + len(verb))]


_DEADLY = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def later_discoveries_dropped(candidates: list) -> list:
    """A discovery that stays an event of its own after merging ("when he returned the next day he found the
    bodies", "13 more bodies were found last week") is no new killing when a deadly act with a toll is told
    before it: those are that act's dead, or the background of the killings the article reports."""
    if not any(c.hit.found_dead for c in candidates):
        return candidates
    first_deadly = min((c.first.index for c in candidates
                        if c.event_type in _DEADLY and c.toll.reported and c.toll.killed > 0), default=None)
    return [c for c in candidates if not (c.hit.found_dead and first_deadly is not None and first_deadly < c.first.index)]
