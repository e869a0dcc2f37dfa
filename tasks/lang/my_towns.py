"""Towns MIMU lists only as village tracts ("မိုးဗြဲမြို့", Moebye: a village tract of Pekon township).

News calls them towns (Xမြို့); the gazetteer has no town X, only the village tract X, so the matcher
(tasks/lang/my_places.py) does not take "Xမြို့" for it: letting every village tract match with မြို့
made such names outrank the real towns of a sentence. Here the form is read as a last resort: a village
tract name no town, township or district shares, unique in the country, written with မြို့, in a sentence
that names no other place below a state, places the sentence in that village tract's township. News
also calls some of them townships ("မိုးဗြဲမြို့နယ်": a sub-township in all but MIMU's name): the same.
"""

from __future__ import annotations

import re

from tasks.knowledge import Mention
from tasks.lang.my_words import is_syllable_boundary

_TOWN = re.compile(r"မြို့(?:\s*နယ်(?!ခွဲ))?")
_SENTENCE_END = re.compile(r"[\u104b\n]")
_LONGEST = 12   # characters of a name before မြို့
_SUFFIX = re.compile(r"(?:မြို့နယ်ခွဲ|မြို့နယ်|မြို့|ခရိုင်|ပြည်နယ်|တိုင်းဒေသကြီး|ကျေးရွာအုပ်စု)$")
_INDEX: dict[str, tuple[dict, set]] = {}


def _index(knowledge) -> tuple[dict, set]:
    key = str(getattr(knowledge, "version", id(knowledge)))
    if key not in _INDEX:
        tracts: dict[str, list] = {}
        larger: set[str] = set()
        for place in knowledge.places.values():
            name = _SUFFIX.sub("", (place.name_my or "").strip())
            if not name:
                continue
            if place.level == "village_tract":
                tracts.setdefault(name, []).append(place)
            elif place.level in ("town", "township", "district", "state"):
                larger.add(name)
        _INDEX[key] = ({n: p[0] for n, p in tracts.items() if len(p) == 1 and n not in larger}, larger)
    return _INDEX[key]


def tract_towns(knowledge, text: str, mentions: list[Mention]) -> list[Mention]:
    """The "Xမြို့" mentions of village tracts, in sentences that name no other place."""
    tracts, _ = _index(knowledge)
    places = [m for m in mentions if m.kind == "place"]
    out = []
    for m in _TOWN.finditer(text):
        found = None
        for start in range(max(0, m.start() - _LONGEST), m.start() - 1):
            name = text[start:m.start()].rstrip()   # ("မိုးဗြဲ မြို့", spaced, too)
            if name in tracts and is_syllable_boundary(text, start):
                found = (start, tracts[name])
                break   # the longest name first
        if found is None:
            continue
        s, e = _sentence(text, m.start())
        if any(s <= p.start < e and _below_state(knowledge, p) for p in places):
            continue   # (a state named with it - "ရှမ်းပြည်နယ်တောင်ပိုင်း မိုးဗြဲမြို့နယ်" - competes with no tract)
        out.append(Mention("place", (found[1].place_id,), found[0], m.end(), text[found[0]:m.end()]))
    return out


def _sentence(text: str, at: int) -> tuple[int, int]:
    before = [x.end() for x in _SENTENCE_END.finditer(text, 0, at)]
    after = _SENTENCE_END.search(text, at)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _below_state(knowledge, mention) -> bool:
    return any((p := knowledge.places.get(ref)) is not None and p.level not in ("state", "country")
               for ref in mention.ref_ids)
