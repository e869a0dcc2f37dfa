"""How the words around a trigger change the kind of event it tells (real reporting, issue 14): a raid in
which people were killed is a fight, not an arrest; aircraft firing on people is an air strike.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tasks.word_gates import gated
from tasks.extract.numbers import find_counts
from tasks.extract.triggers import TriggerHit

def killing_raid(primary: TriggerHit, hits: list[TriggerHit], text: str) -> TriggerHit:
    """ "raided a police station, killing 12 officers and arresting two": where people were killed, the raid
    is a fight (or, with only civilians killed, an attack on them: finalize decides), never an arrest."""
    if primary.sub_event_type != "Arrests" or not any(c.kind == "killed" and c.scope == "event" for c in find_counts(text)):
        return primary
    raid = next((h for h in hits if h.text.lower().startswith("raid")), None)
    if raid is None:
        return primary  # "rounded up villagers and shot 30": taken then killed, an attack (finalize codes it)
    return replace(raid, event_type="Battles", sub_event_type="Armed clash")


# who a count of the killed is: "killing three policemen", "two soldiers were killed" (a fight, not an attack)
_FIGHTERS_COUNTED = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:soldiers?|troops?|police(?:men|man)?|officers?|fighters?|"
                               r"members?|personnel|guards?|militia(?:men)?|combatants?)\b", re.IGNORECASE)


def deadly_burning(primary: TriggerHit, text: str) -> TriggerHit:
    """ "troops torched 10 villages, killing a woman", "burned down 40 houses and shot dead two men": a
    burning in which people were killed is an attack on them (coding guide: property destruction only when
    no one is reported hurt); a count of the killed that names fighters leaves it alone."""
    if primary.sub_event_type != "Looting/property destruction":
        return primary
    killed = [c for c in find_counts(text) if c.kind == "killed" and c.scope == "event" and c.value > 0]
    if not killed or any(_FIGHTERS_COUNTED.match(text, c.end) for c in killed):
        return primary
    return replace(primary, event_type="Violence against civilians", sub_event_type="Attack")


_AIRCRAFT_BEFORE = re.compile(r"\b(?:jets?|warplanes?|aircraft|fighter planes?|helicopters?|gunships?)\b"
                              r"(?:(?!\b(?:during|in|after|by|with|of|on|down)\b)[^.;,]){0,40}$", re.IGNORECASE)


_AIRCRAFT_DROPPED = re.compile(r"\b(?:jets?|warplanes?|aircraft|fighter planes?|fighter jets?|jet fighters?|helicopters?|gunships?)\b"
                               r"[^.;]{0,20}?\b(?:dropped|fired|launched)\b[^.;]{0,90}$", re.IGNORECASE)


def fired_from_the_air(event_type: str, sub: str, rule: str, hit: TriggerHit, text: str, lo: int) -> tuple[str, str, str]:
    """Aircraft that fire on people or bombard a town are an air strike in ACLED's coding: "two attack helicopters
    opened fire on the village", "junta aircraft and gunboats bombarded the town" (not "downed the gunship during
    clashes": there the aircraft is the target)."""
    bombarded = sub == "Shelling/artillery/missile attack" and hit.text.lower().startswith("bombard")
    if (sub == "Attack" or bombarded) and _AIRCRAFT_BEFORE.search(text, max(lo, hit.start - 60), hit.start):
        return "Explosions/Remote violence", "Air/drone strike", "aircraft-fired"
    if sub == "Grenade" and _AIRCRAFT_DROPPED.search(text, max(lo, hit.start - 120), hit.start):
        # "a junta jet fighter dropped two 250-pound bombs and two rocket-propelled grenades on the town"
        return "Explosions/Remote violence", "Air/drone strike", "aircraft-fired"
    return event_type, sub, rule


_MINES = r"(?:(?:land|remote(?:-controlled)?|road-?side)\s*)?(?:mines?|IEDs?|improvised explosive devices?)"
_MINE_AMBUSH = gated(re.compile(r"\b(?:ambush(?:ed|es)?|attack(?:ed)?)\b[^.;:]{0,80}?\b(?:with|using)\s+(?:\w+\s+)?" + _MINES
                          + r"\b|\b(?:land[\s-]?)?mines? (?:ambush|attack)"
                          # "used a cluster of 45 land mines to ambush the column": the weapon told before the act
                          + r"|\b(?:us(?:ed|ing|es?)|planted|laid|detonated)\s+(?:[\w-]+\s+){0,5}?" + _MINES
                          + r"\s+to\s+(?:ambush|attack|target|hit|strike)\b", re.IGNORECASE))


def mine_ambush(sub: str, trigger: str, texts: list[str]) -> bool:
    """A clash whose own sentence names mines as the weapon ("ambushed junta troops with mines", "a landmine
    ambush"), or an ambush whose details name them in a later sentence, is a mine attack in ACLED's coding
    (Explosions/Remote violence, Remote explosive/landmine/IED). Another act merged into the clash ("raided
    the village. A convoy was ambushed with mines") does not lend it its weapon."""
    if sub != "Armed clash" or not texts:
        return False
    return bool(_MINE_AMBUSH.search(texts[0])) or (trigger.lower().startswith("ambush")
                                                   and any(_MINE_AMBUSH.search(t) for t in texts[1:]))


# with one word before it: "12 artillery shells", "six mortar rounds", "two 500-pound bombs"
_WEAPONS = re.compile(r"(?:[\w-]+\s+)?(?:mines|IEDs|bombs|shells|rounds|rockets|missiles|grenades|explosives|mortars)", re.IGNORECASE)


def names_weapons(trigger: str) -> bool:
    """ "used 45 land mines", "dropped 12 bombs": a number before a weapon counts the weapons of one attack,
    not attacks (unlike "more than 30 air strikes")."""
    return bool(_WEAPONS.fullmatch(trigger.strip()))


_BLAST_WORDS = frozenset({"exploded", "explosion", "explosions", "blast", "blasts", "explode", "explodes"})
_FIRED_ROUND = re.compile(r"\b(?:fired|firing|launched|lobbed)\b[^.;]{0,60}?\b(?:cannons?|mortars?|artillery|howitzers?|"
                          r"rockets?|missiles?|\d+\s?mm)\b", re.IGNORECASE)


def blast_of_fired_round(event_type: str, sub: str, rule: str, hit: TriggerHit, sentence: str) -> tuple[str, str, str]:
    """ "the army fired a 120 mm cannon from the hill and it exploded inside the camp": a blast whose sentence says
    what was fired is a shelling, not a mine or a bomb planted."""
    if sub == "Remote explosive/landmine/IED" and hit.text.lower() in _BLAST_WORDS and _FIRED_ROUND.search(sentence):
        return "Explosions/Remote violence", "Shelling/artillery/missile attack", "fired-round"
    return event_type, sub, rule


_CRACKDOWN = re.compile(r"\b(?:clampdown|crackdown|crack(?:ed|ing|s)? down|clamp(?:ed|ing|s)? down)\b", re.IGNORECASE)
_SECURITY_FORCES = re.compile(r"\b(?:security forces|police|soldiers|troops|junta|military|army|regime)\b", re.IGNORECASE)
_PROTESTS_TOLD = re.compile(r"\b(?:protest\w*|demonstrat(?:ors?|ions?)|anti-coup)\b", re.IGNORECASE)


def crackdown_on_protests(event_type: str, sub: str, rule: str, sentence: str, text: str) -> tuple[str, str, str]:
    """ "A day-long clampdown by security forces killed 82 people in a town": in a story about protests, the
    forces' crackdown that kills is excessive force against protesters (ACLED), not an attack on civilians."""
    if (event_type, sub) == ("Violence against civilians", "Attack") and _CRACKDOWN.search(sentence) \
            and _SECURITY_FORCES.search(sentence) and _PROTESTS_TOLD.search(text):
        return "Protests", "Excessive force against protesters", "crackdown-protests"
    return event_type, sub, rule


# a force that kills in the protest's own sentence: "police kill three as protesters launch night marches",
# "troops shot dead two people at a rally", "two killed during protests in Yangon"
_FORCE_KILLS = re.compile(r"\b(?:security forces|police|soldiers|troops|junta|military|army|regime)\b[^.;]{0,40}?"
                          r"\b(?:kill(?:s|ed|ing)?|shot dead|shoots? dead|gun(?:s|ned)? down|open(?:s|ed)? fire)\b", re.IGNORECASE)
_KILLED_AT_PROTEST = re.compile(r"\b(?:killed|dead|died|die|dies|shot dead|gunned down)\s+(?:in|at|during)\s+(?:[\w'’-]+\s+){0,5}?"
                                r"(?:protests?|demonstrations?|rall(?:y|ies)|marches)\b|"
                                # "defy crackdown, five killed", "deadly crackdown": the crackdown that killed
                                r"\b(?:deadly|bloody|lethal)\s+(?:crackdowns?|clampdowns?)\b|"
                                r"\bcrack(?:down|ed down|ing down)\b[^.;]{0,40}?\b(?:killed|dead|died)\b", re.IGNORECASE)


def deadly_protest(event_type: str, sub: str, rule: str, sentence: str) -> tuple[str, str, str]:
    """A protest told with a force killing in its own sentence is lethal force on it (ACLED: Excessive force
    against protesters), not a peaceful protest or a mere intervention."""
    if event_type == "Protests" and sub in ("Peaceful protest", "Protest with intervention") \
            and (_FORCE_KILLS.search(sentence) or _KILLED_AT_PROTEST.search(sentence)):
        return "Protests", "Excessive force against protesters", "deadly-protest"
    return event_type, sub, rule


def same_kind(sub: str, trigger: str, other_sub: str) -> bool:
    """May an undated telling of kind `sub` retell an event of kind `other_sub`? The same kind, or an ambush told
    without its weapon ("resistance forces ambushed junta troops") and the mine ambush its details tell."""
    return sub == other_sub or (sub == "Armed clash" and trigger.lower().startswith("ambush")
                                and other_sub == "Remote explosive/landmine/IED")
