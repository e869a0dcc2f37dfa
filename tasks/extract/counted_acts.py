"""Acts told as a verb with a counted object, which the lexicon's adjacent phrases ("burned houses") miss when a
number stands between (real reporting, issue 14). Only with an armed actor named before the verb (or after
"by" in a passive).

- People shot: "militia members shot four villagers", "soldiers opened fire on three farmers". News often
  leaves out whether they died; the act is an attack on civilians either way, but no death is counted from
  "shot" alone (the toll comes only from words that say so: "shot dead", "killed", "died").
- Buildings burned: "troops burned about 40 houses", "torched more than 100 homes": property destruction.
- Protesters killed ("killed seven protesters"): lethal force on a protest; soldiers or fighters killed
  ("killed 12 junta soldiers"): a fight.
- Civilians killed by an armed actor told after "by" ("Two Civilians Killed by Myanmar Security Forces", a
  headline's reduced passive): an attack on civilians.
- Weapons told by their trade or their use ("supplied fighter jets", "drones used in airstrikes") tell no act.

A leaf module: it returns (verb, start, end) spans and the trigger module makes the hits.
"""

from __future__ import annotations

import re

from tasks.word_gates import gated

# Civilians as the object of a killing or a shooting: "dozens of villagers", "a boy", "members of one family"
_CIVILIAN_VICTIMS = (
    r"(?:(?:at least|more than|over|some|nearly|about|around|up to)\s+)?(?:[\w,-]+\s+){0,2}?(?:of\s+)?"
    r"(?:(?:unarmed|innocent|local|fleeing|displaced)\s+)?(?:villagers|civilians|residents|people|men|women|children|"
    r"farmers|monks|students|teachers|family members|passengers|worshippers|brothers|sisters|sons|daughters|locals|"
    r"members of (?:a|one|the same|his|her|their) family|famil(?:y|ies)(?= of\b)|"
    r"(?:(?<=\ba )|(?<=\ban ))(?:villager|civilian|resident|man|woman|child|boy|girl|farmer|monk|student|teacher))\b")
# "shot" (not "shot dead", which the lexicon knows) with civilians as its object; "shot down a helicopter",
# "shot at the convoy" and "shot two soldiers" are not attacks on civilians.
_SHOT_PEOPLE = gated(re.compile(
    r"\b(?:shot|shoots|shoot|shooting|opened fire on|fired (?:on|at|into))\s+" + _CIVILIAN_VICTIMS, re.IGNORECASE))
# "troops killed dozens of villagers", "shot dead at least 12 people": a killing of people named as civilians, where
# the lexicon's adjacent phrases ("killed civilians") miss the number in between. Used only when the sentence
# names no other act of violence: "an airstrike killed ten villagers" stays an air strike.
_KILLING = gated(re.compile(
    r"\b(?:killed|killing|kill|kills|shot dead|shot and killed|executed|murdered|massacred|slaughtered|burned alive)\s+"
    r"(?:(?:and|then)\s+\w+ed\s+)?"  # "killed and burned 18 villagers": the second verb shares the object
    + _CIVILIAN_VICTIMS, re.IGNORECASE))
_AIRCRAFT = re.compile(r"\b(?:jets?|warplanes?|aircraft|fighter planes?|helicopters?|gunships?|drones?|paragliders?)\b",
                       re.IGNORECASE)
_ARMED_CODES = (1, 2, 3, 4)


_BURNED_BUILDINGS = gated(re.compile(
    r"\b(?:burned|burnt|burned down|burnt down|torched|set fire to|razed|destroyed)\s+"
    r"(?:(?:at least|more than|over|some|nearly|about|around|up to|dozens of|hundreds of|scores of)\s+)?"
    r"(?:[\d,]+|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|hundred|dozens|hundreds)\s+"
    r"(?:(?:more|other|residential|civilian|village|local)\s+)?(?:houses|homes|buildings|huts|shops|structures|"
    r"churches|monasteries|schools|villages)\b", re.IGNORECASE))


def killings_of_civilians(knowledge, mentions, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(verb, start, end) of each "killed <number> villagers" with an armed actor named before it ("the earthquake
    killed 1,700 people" is no attack)."""
    return _acts(knowledge, mentions, _KILLING, text, lo, hi)


def aircraft_told(text: str, lo: int, hi: int) -> bool:
    return _AIRCRAFT.search(text, lo, hi) is not None


def shootings(knowledge, mentions, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(verb, start, end) of each "shot <people>" with an armed actor named before it in the sentence."""
    return _acts(knowledge, mentions, _SHOT_PEOPLE, text, lo, hi)


# "killed seven protesters", "shot dead at least 20 demonstrators": lethal force on a protest
_KILLED_PROTESTERS = gated(re.compile(
    r"\b(?:killed|killing|kills|kill|shot dead|shot and killed|gunned down)\s+(?:(?:at least|more than|over|some|nearly|"
    r"about|around|up to)\s+)?(?:[\w,-]+\s+){0,2}?(?:(?:unarmed|peaceful|young|anti-coup|anti-junta)\s+)?"
    r"(?:protesters|demonstrators|protestors)\b", re.IGNORECASE))
# "killed 12 junta soldiers", "killing at least five police officers", "killed three PDF fighters": the dead are
# combatants, so the act is a fight (the killer is told before the verb)
_KILLED_FIGHTERS = re.compile(
    r"\b(?:killed|killing|kills|kill)\s+(?:(?:at least|more than|over|some|nearly|about|around|up to|dozens of|scores of)\s+)?"
    r"(?:[\d,]+\s+|[a-z]+\s+)?(?:[\w'’-]+\s+){0,2}?(?:soldiers|troops|police(?:men| officers)?|fighters|"
    r"combatants|militiamen|servicemen|personnel)\b", re.IGNORECASE)


# "Two Civilians Killed by Myanmar Security Forces" (a headline), "four villagers were shot dead by soldiers": the
# killers told after the verb, as its agent
_KILLED_BY = (r"\s+(?:(?:were|have been|had been)\s+)?(?:\w+ly\s+)?"
              r"(?P<verb>killed|shot dead|murdered|massacred|executed|gunned down)\s+(?:(?!by\b)[\w'’-]+\s+){0,3}?by\b")
_CIVILIANS_KILLED_BY = gated(re.compile(
    r"\b(?:villagers|civilians|residents|people|men|women|children|farmers|monks|students|teachers|family members|"
    r"passengers|worshippers|brothers)" + _KILLED_BY, re.IGNORECASE))
# "At least four protesters killed in Myanmar by security forces": lethal force on a protest
_PROTESTERS_KILLED_BY = gated(re.compile(r"\b(?:protesters|demonstrators|protestors)" + _KILLED_BY, re.IGNORECASE))


def civilians_killed_by(knowledge, mentions, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(verb, start, end) of each "<people> (were) killed (in X) by <armed actor>" in text[lo:hi]."""
    return _killed_by(knowledge, mentions, _CIVILIANS_KILLED_BY, text, lo, hi)


def protesters_killed_by(knowledge, mentions, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(verb, start, end) of each "<protesters> (were) killed (in X) by <armed actor>" in text[lo:hi]."""
    return _killed_by(knowledge, mentions, _PROTESTERS_KILLED_BY, text, lo, hi)


def _killed_by(knowledge, mentions, pattern: re.Pattern, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """The killers told after the verb, as its agent: an armed actor named after the match in the sentence."""
    hits = []
    for m in pattern.finditer(text, lo, hi):
        if _actor_in(knowledge, mentions, m.end(), hi):
            verb = m.group("verb").split()[0]
            hits.append((verb, m.start("verb"), m.start("verb") + len(verb)))
    return hits


def killings_of_protesters(knowledge, mentions, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(verb, start, end) of each "killed <number> protesters" with an armed actor named before it."""
    return _acts(knowledge, mentions, _KILLED_PROTESTERS, text, lo, hi)


# "Regime troops ram into protesters, killing at least five": the protesters told before, the dead after the verb
_PROTESTERS_THEN_KILLING = gated(re.compile(
    r"\b(?:protesters|demonstrators|protestors|crowds?)\b[^.;:]{0,30}?,\s+(?P<verb>killing)\s+"
    r"(?:(?:at least|more than|over|some|nearly|about|around|up to)\s+)?"
    r"(?:[\d,]+|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores)\b",
    re.IGNORECASE))


def protesters_then_killing(knowledge, mentions, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(verb, start, end) of "... protesters, killing <number>" with an armed actor named before the protesters."""
    return [(m.group("verb"), m.start("verb"), m.end("verb"))
            for m in _PROTESTERS_THEN_KILLING.finditer(text, lo, hi) if _actor_in(knowledge, mentions, lo, m.start())]


# "Military kills four KNDF members": members of an armed group named by its name are fighters
_KILLED_MEMBERS = gated(re.compile(
    r"\b(?P<verb>killed|killing|kills|kill)\s+(?:(?:at least|more than|over|some|nearly|about|around|up to)\s+)?"
    r"(?:[\d,]+|one|two|three|four|five|six|seven|eight|nine|ten|dozens of|scores of)\s+"
    r"(?P<group>[A-Z][\w-]+)\s+members\b"))
_GROUP_CODES = (2, 3)   # rebels and militias (inter codes)


def killings_of_group_members(knowledge, mentions, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(verb, start, end) of "killed <number> <armed group> members" with an armed actor named before the verb."""
    hits = []
    for m in _KILLED_MEMBERS.finditer(text, lo, hi):
        group = m.start("group")
        named_group = _actor_in(knowledge, mentions, group, group + 1, _GROUP_CODES)
        if named_group and _actor_in(knowledge, mentions, lo, m.start()):
            hits.append((m.group("verb"), m.start("verb"), m.end("verb")))
    return hits


def _actor_in(knowledge, mentions, start: int, end: int, codes: tuple[int, ...] = _ARMED_CODES) -> bool:
    """Does an actor mention of one of `codes` (armed by default) begin in text[start:end]?"""
    return any(a.kind == "actor" and start <= a.start < end and (actor := knowledge.actors.get(a.ref_ids[0]))
               and actor.inter_code in codes for a in mentions)


def killings_of_fighters(knowledge, mentions, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(verb, start, end) of each "killed <number> soldiers" with an armed actor named before it."""
    return _acts(knowledge, mentions, _KILLED_FIGHTERS, text, lo, hi)


def burnings(knowledge, mentions, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(verb, start, end) of each "burned <number> houses" with an armed actor named before it."""
    return _acts(knowledge, mentions, _BURNED_BUILDINGS, text, lo, hi)


def _acts(knowledge, mentions, pattern: re.Pattern, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    hits = []
    for m in pattern.finditer(text, lo, hi):
        if _actor_in(knowledge, mentions, lo, m.start()):
            verb = m.group(0).split()[0]
            hits.append((verb, m.start(), m.start() + len(verb)))
    return hits


# A weapon told by what it is used for, not an act of a day: "fighter jets used by the military in airstrikes",
# "drones used for bombing"
_WEAPON_USE_BEFORE = gated(re.compile(r"\b(?:jets?|aircraft|warplanes?|helicopters?|weapons?|arms|drones?|bombs?|fuel|planes?)\s+"
                                r"(?:[\w-]+\s+){0,2}?used\s+(?:by\s+[^.;,]{1,50}?\s+)?(?:in|for)\s+(?:[\w-]+\s+)?$",
                                re.IGNORECASE))
# ... or the weapon itself as the trigger: "fighter jets used by the military", "supplied helicopters to the junta"
_WEAPON_USE_AFTER = re.compile(r"^\s+(?:and\s+(?:[\w-]+\s+){1,2}?)?(?:(?:that|which)\s+(?:were|are|have been)\s+)?used\s+(?:by|in|for|to)\b",
                               re.IGNORECASE)
_WEAPON_TRADE_BEFORE = re.compile(r"\b(?:suppl(?:y|ies|ied|ying)|deliver(?:s|ed|ing)?|s[eo]ll(?:s|ing)?|sold|bought|buy(?:s|ing)?|"
                                  r"purchas(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)|import(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,3}$",
                                  re.IGNORECASE)


def weapon_not_used(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Is the trigger at text[start:end] a weapon traded or told by its use, not an act of a day?"""
    return bool(_WEAPON_USE_BEFORE.search(text, max(lo, start - 110), start) or _WEAPON_USE_AFTER.match(text, end, hi)
                or _WEAPON_TRADE_BEFORE.search(text, max(lo, start - 40), start))


# "barred jailed former leader Aung San Suu Kyi", "her father, assassinated hero Aung San": an arrest or killing
# word used of who a person is, before the person's title, tells no act (unlike "the junta jailed a journalist")
_PARTICIPLE = re.compile(r"(?:jailed|detained|imprisoned|arrested|incarcerated|assassinated|slain|murdered|executed|"
                         r"abducted|kidnapped)", re.IGNORECASE)
_HELD_PERSON_AFTER = re.compile(r"^\s+(?!(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|scores)\b)"
                                r"(?:[\w-]+\s+){0,2}?(?:leaders?|activists?|journalists?|politicians?|president|counsell?or|"
                                r"chief|ministers?|lawmakers?|reporters?|icon|laureate|hero|general|(?:Daw|U|Dr)\b)", re.IGNORECASE)
_NOT_A_SUBJECT_BEFORE = re.compile(r"(?:^\s*|[—–(]\s*|\b(?:the|a|an|his|her|their|its|of|for|to|from|with|on|barred|bars|"
                                   r"bar|visit\w*|meet\w*|met|free|freed|freeing|release|released|releasing|see|saw)\s+)$",
                                   re.IGNORECASE)


def person_status(word: str, before: str, after: str) -> bool:
    return bool(_PARTICIPLE.fullmatch(word) and _HELD_PERSON_AFTER.match(after) and _NOT_A_SUBJECT_BEFORE.search(before))
