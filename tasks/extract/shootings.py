"""People shot by an armed force (real reporting, issue 14): "militia members shot four villagers", "soldiers
opened fire on three farmers". News often leaves out whether they died; the act is an attack on civilians
either way, so the sentence tells an event, but no death is counted from "shot" alone (the toll comes only
from words that say so: "shot dead", "killed", "died").
"""

from __future__ import annotations

import re

# "shot" (not "shot dead", which the lexicon knows) with civilians as its object; "shot down a helicopter",
# "shot at the convoy" and "shot two soldiers" are not attacks on civilians.
_SHOT_PEOPLE = re.compile(
    r"\b(?:shot|shoots|shoot|shooting|opened fire on|fired (?:on|at|into))\s+"
    r"(?:(?:at least|more than|over|some|nearly|about|around|up to)\s+)?(?:[\w,-]+\s+){0,2}?(?:of\s+)?"
    r"(?:(?:unarmed|innocent|local|fleeing|displaced)\s+)?(?:villagers|civilians|residents|people|men|women|children|"
    r"farmers|monks|students|teachers|family members|passengers|worshippers|"
    r"(?:(?<=\ba )|(?<=\ban ))(?:villager|civilian|resident|man|woman|child|boy|girl|farmer|monk|student|teacher))\b",
    re.IGNORECASE)
_ARMED_CODES = (1, 2, 3, 4)


def shootings(knowledge, mentions, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(verb, start, end) of each "shot <people>" with an armed actor named before it in the sentence: an attack
    on civilians (the trigger module makes the hit; this leaf imports nothing of the extract package)."""
    hits = []
    for m in _SHOT_PEOPLE.finditer(text, lo, hi):
        armed = any(a.kind == "actor" and lo <= a.start < m.start() and (actor := knowledge.actors.get(a.ref_ids[0]))
                    and actor.inter_code in _ARMED_CODES for a in mentions)
        if armed:
            verb = m.group(0).split()[0]
            hits.append((verb, m.start(), m.start() + len(verb)))
    return hits
