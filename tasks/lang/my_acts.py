"""Which act a Burmese story tells when its headline and its lead name it in different words.

A headline often says only that a group "attacked" (တိုက်ခိုက်) or "fired on" (ပစ်ခတ်) a post; the lead
then names the weapon: "လက်ပစ်ဗုံးဖြင့် တိုက်ခိုက်" (attacked with a grenade), "မိုင်းခွဲ" (set off a mine).
That is one act, and the weapon decides its ACLED type. The other direction (a mine first, then a generic
"attacked") is already one act in my_events' merge.
"""

from __future__ import annotations

import re

from tasks.extract.sentences import Sentence
from tasks.lang.my_words import is_burmese, is_syllable_boundary, syllable_count

GENERIC_ATTACK = frozenset({"တိုက်ခိုက်", "ပစ်ခတ်", "ပစ်ခတ်တိုက်ခိုက်"})
# weapons the attacker itself carries to the target: the generic attack before them is their act;
# air strikes and shelling are left out (a headline's ground attack and the junta's air support of the
# same fight are two sides' acts, my_actors.air_support)
CLOSE_WEAPONS = frozenset({"Grenade", "Remote explosive/landmine/IED", "Suicide bomb"})


def refines(general, specific) -> bool:
    """Does `specific` (a later sentence's act) name the weapon of `general` (a generic attack)?"""
    return general.text in GENERIC_ATTACK and specific.sub_event_type in CLOSE_WEAPONS \
        and general.event_type != specific.event_type


def spaced_spellings(trigger: str) -> list[str]:
    """A Burmese trigger typed with one space between two of its syllables: news puts spaces between
    words at will ("လေကြောင်း တိုက်ခိုက်", air-attacked) and even inside a word at a line's wrap
    ("တိုက် ခိုက်"). The matcher knows the trigger in each of those spellings, under the same lexicon
    entry."""
    if " " in trigger or not is_burmese(trigger) or syllable_count(trigger) < 2:
        return []
    return [f"{trigger[:i]} {trigger[i:]}" for i in range(1, len(trigger))
            if is_syllable_boundary(trigger, i) and is_burmese(trigger[i - 1]) and is_burmese(trigger[i])]


# "သိမ်းပိုက်ဖို့ ကြိုးစားခဲ့" / "သိမ်းယူရန် ကြိုးပမ်း" (tried to take it): the assault happened, the taking did not
_TRIED = re.compile(r"\s*(?:နိုင်)?\s*(?:ဖို့|ရန်|ဖို)\s*(?:ထပ်မံ)?\s*(?:ကြိုးစား|ကြိုးပမ်း|အားထုတ်)")


def attempted(text: str, end: int) -> bool:
    """Does an act's word end in "to try to" ("...ဖို့ ကြိုးစား")?"""
    return _TRIED.match(text, end) is not None


# "after" between two acts: "ရဲစခန်းကို ပကဖ တိုက်ခိုက်ပြီးနောက် ဒေသခံတွေ ဖမ်းဆီးခံရ" (after the PDF attacked the
# police post, locals were arrested) - each act has its own parties when its clause names any
_AFTER_ACT = re.compile(r"ပြီး\s*(?:တဲ့|သည့်)?\s*နောက်(?:ပိုင်း)?(?:မှာ|တွင်)?")


def clause_of(text: str, sentence: Sentence, local, at: int) -> tuple[list, tuple[int, int]]:
    """The mentions and span whose actors take part in the act whose word starts at `at`: the whole sentence, or the clause before or
    after "ပြီးနောက်" (after) that holds the act when that clause names a side of its own (a clause that
    names none shares the sentence's: "စစ်တပ်က ရွာကို စီးနင်းပြီးနောက် အိမ်များ မီးရှို့", one doer)."""
    whole = (sentence.start, sentence.end)
    if "နောက်" not in sentence.text:
        return local, whole
    start = sentence.start
    for cut in _AFTER_ACT.finditer(text, sentence.start, sentence.end):
        if cut.start() <= at:
            start = cut.end()
        else:
            span = (start, cut.start())
            break
    else:
        span = (start, sentence.end)
    if span == whole:
        return local, whole
    inside = [m for m in local if m.kind != "actor" or span[0] <= m.start < span[1]]
    own = any(m.kind == "actor" for m in inside)
    return (inside, span) if own else (local, whole)
