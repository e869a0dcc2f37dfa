"""What a capture word took when it took no territory: people ("captured 80 soldiers", "a Major from the 106th
battalion based in Maw Ka Nin village was captured"), goods ("seized 141.72 kg drugs") or a state of affairs
("lost control of large parts of the countryside"). A leaf module that triggers.py asks of capture words (real
reporting, issue 14)."""

from __future__ import annotations

import re

from tasks.word_gates import gated

_SWATHES_AFTER = re.compile(r"^\s+(?:of\s+)?(?:large|vast|huge|big|wide)?\s*(?:parts|swathes|swaths|areas|tracts|much|most|"
                            r"stretches)\s+of\b", re.IGNORECASE)
# "captured 80 soldiers", "a general had been captured", "her son was seized": people, not territory.
PEOPLE = (r"(?:soldiers|troops|prisoners|officers?|men|police(?:men)?(?!\s+(?:stations?|posts?|outposts?|headquarters|"
          r"offices?|bases?|camps?|buildings?|compounds?))|personnel|fighters|members|civilians?|villagers?|"
          r"people|him|her|them|general|commander|son|daughter|husband|wife|residents?|youths?|man|woman|patients?)")
_PERSON_OBJECT_AFTER = re.compile(rf"^\s+(?:(?:at least|more than|about|some|over|nearly)\s+)?(?:[\d,]+\s+|[a-z]+\s+)?"
                                  rf"(?:(?:junta|regime|military|government|enemy|police)\s+)?{PEOPLE}\b", re.IGNORECASE)
PERSON_SUBJECT_BEFORE = gated(re.compile(rf"\b{PEOPLE}\s+(?:(?:had|has|have)\s+)?(?:been|was|were)\s+(?:\w+\s+)?$", re.IGNORECASE))
# "seized six weapons", "weapons and ammunition were seized": spoils or a haul, not territory.
_GOODS = (r"(?:weapons?|arms|ammunition|ammo|munitions|guns?|rifles?|explosives|mines|drones|phones|drugs|narcotics|"
          r"vehicles?|trucks?|motorbikes?|documents|equipment|supplies|cash|timber|jade|(?:satellite\s+)?(?:tv\s+)?dishes|"
          r"computers?|laptops?|cars?|motorcycles?|money|gold|property|goods|valuables|belongings|livestock|cattle|rice|"
          r"food|medicines?|fuel|heroin|opium|methamphetamine|stimulant tablets|yaba)")
# "seized 141.72 kg drugs", "seized 60 blocks of heroin weighing 21 kg": amounts and units before the goods
_AMOUNT = r"(?:[\d.,]+|kg|kilograms?|grams?|tons?|tonnes?|blocks?|bags?|packets?|pills|tablets|million|billion|kyats?|worth|of|raw|crystal)"
_GOODS_OBJECT_AFTER = re.compile(rf"^\s+(?:(?:at least|more than|about|some|over|nearly|all|large amounts of|a cache of)\s+)?"
                                 rf"(?:{_AMOUNT}\s+){{0,6}}(?:[a-z]+\s+)?(?:[a-z]+\s+)?{_GOODS}\b", re.IGNORECASE)
# "drugs seized in Myanmar": a headline drops the auxiliary, and goods never seize anything themselves
_GOODS_SUBJECT_BEFORE = gated(re.compile(rf"\b{_GOODS}\s+(?:(?:(?:had|has|have)\s+)?(?:been|was|were)\s+(?:\w+\s+)?)?$", re.IGNORECASE))

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


def no_territory_taken(text: str, lo: int, start: int, before: str, after: str) -> bool:
    """Does the capture word at `start` take people, goods or a state of affairs rather than a place?"""
    return bool(_PERSON_OBJECT_AFTER.match(after) or PERSON_SUBJECT_BEFORE.search(before) or _SWATHES_AFTER.match(after)
                or _GOODS_OBJECT_AFTER.match(after) or _GOODS_SUBJECT_BEFORE.search(before) or person_taken(text, lo, start))
