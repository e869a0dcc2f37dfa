"""Choosing a sentence's event trigger from the lexicon hits, and refining it with the words around it.

The lexicon (seeds/event_lexicon.csv) maps words to ACLED types. When a sentence holds several, the
most specific kind of event wins: "killed when a junta jet bombed the village" is an air strike, not an
attack; "fighting ... with the rebels taking control of Laukkai" is a territory change, not a clash.
Negated, hypothetical and future triggers ("no fighting", "vowed to retake") do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tasks.word_gates import gated
from tasks.extract.captives import PEOPLE, PERSON_SUBJECT_BEFORE, no_territory_taken
from tasks.extract.causes import told_as_cause
from tasks.extract.discoveries import bodies_found
from tasks.extract.counted_acts import (aircraft_told, burnings, civilians_killed_by, killings_of_civilians,
                                        killings_of_fighters, killings_of_group_members, killings_of_protesters,
                                        person_status, protesters_killed_by, protesters_then_killing, shootings,
                                        weapon_not_used)

SUB_PRIORITY = {
    "Non-state actor overtakes territory": 9, "Government regains territory": 9, "Suicide bomb": 9,
    "Sexual violence": 9, "Chemical weapon": 9, "Non-violent transfer of territory": 7,
    "Air/drone strike": 8, "Remote explosive/landmine/IED": 8, "Grenade": 8, "Disrupted weapons use": 8,
    "Excessive force against protesters": 8, "Shelling/artillery/missile attack": 7,
    "Abduction/forced disappearance": 7, "Protest with intervention": 6, "Violent demonstration": 7,
    "Mob violence": 7, "Agreement": 6, "Arrests": 6, "Looting/property destruction": 6,
    "Headquarters or base established": 6, "Change to group/activity": 5, "Attack": 4,
    "Peaceful protest": 4, "Armed clash": 3, "Other": 1,
}
# Words that report deaths or injuries rather than name an act: they add casualties to the event told
# around them and make an event of their own only where nothing else does.
CASUALTY_WORDS = frozenset({
    "killed", "killing", "kill", "kills", "dead", "died", "die", "wounded", "wounding", "injured", "injuring",
    "death", "deaths", "casualties", "lost their lives", "death toll",
})
_NEGATED = re.compile(r"\b(?:no|not|never|without|denied|denies|deny|neither|nor|refused to|failed to)\s+(?:\w+\s+){0,2}$",
                      re.IGNORECASE)
_HYPOTHETICAL = gated(re.compile(
    r"\b(?:would|will|could|might|may|should|must|plans? to|planning to|vowed? to|vows to|threaten(?:s|ed)? to|"
    r"threatening to|aims? to|aiming to|intends? to|intended to|tried to|trying to|attempt(?:s|ed)? to|sought to|"
    r"seeks? to|seeking to|wants? to|hopes? to|ready to|prepar(?:e|es|ed|ing) to|warned of|fear(?:s|ed|ing)?|risk(?:s|ed|ing)?|for fear of|call(?:s|ed)? for|avoid(?:s|ed|ing)?|evad(?:e|es|ed|ing)|dodg(?:e|es|ed|ing)|"
    r"urged?)\s+(?:\w+\s+){0,2}$", re.IGNORECASE))
# asked of others, not done: "urged the public to boycott the vote", "called on residents to join a march"
_ASKED_TO = re.compile(r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+on|appeal(?:s|ed|ing)?\s+to|ask(?:s|ed|ing)?|encourag(?:e|es|ed|ing))\s+"
                       r"(?:[\w'’-]+\s+){1,4}?to\s+(?:(?:join|stage|hold|attend|observe|take part in)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?)?$",
                       re.IGNORECASE)
# Not an act of the day: "a potential airborne attack", "despite the declared ceasefire".
_NOT_YET_BEFORE = gated(re.compile(r"\b(?:potential|possible|imminent|planned|future|expected)\s+(?:[\w-]+\s+)?$|"
                             r"\bdespite\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}$|"
                             # what someone wants ended: "called for an end to airstrikes", "a halt to the fighting"
                             r"\b(?:end|halt|stop|cessation|ending|halting|stopping)\s+(?:to|of)\s+(?:the\s+|all\s+|its\s+|their\s+)?"
                             r"(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE))
# "pushed the KIA to stop fighting", "ceasing hostilities": what is to end, no act (asked of the last words only)
_STOP_BEFORE = re.compile(r"\b(?:stop|stops|stopping|halt|halts|halting|cease|ceases|ceasing)\s+(?:its\s+|their\s+|all\s+)?$",
                          re.IGNORECASE)
_BEFORE_LEAVING = re.compile(r"\bbefore\s+$", re.IGNORECASE)
# A rule or duty, not an act told: "the law bars armed groups from attacking, abducting or shelling
# civilians", "are prohibited from detaining": the verbs after "from" name what is forbidden.
_FORBIDDEN_BEFORE = re.compile(r"\b(?:bars?|barred|barring|prohibits?|prohibited|prohibiting|forbids?|forbidden|bans?|banned|"
                               r"refrains?|refrained|refrain|protects?|protected|shields?)\s+(?:[\w'’-]+\s+){0,3}?from\s+"
                               r"(?:[\w-]+ing\b[^.;:]{0,80})?$", re.IGNORECASE)
# Words the matcher's inflection finds that are another word: "a site in the town" is no sit-in,
# "troops charging down the road" are running, not pressing charges.
_OTHER_WORD = re.compile(r"^(?:sites?\s+in|charg(?:ing|ed|es)(?=\s+(?:down|up|at|towards?|into|through|across|forward|"
                         r"ahead|along|past)\b))", re.IGNORECASE)
# "sit-in" written as two words after a verb or a pronoun is sitting down: "asked them to sit in rows"; the
# protest is a noun ("staged a sit in", "joined the sit in")
_SIT_IN_VERB = re.compile(r"^sits?\s+in$", re.IGNORECASE)
_SIT_IN_NOUN_BEFORE = re.compile(r"\b(?:a|an|the|their|staged?|staging|held|hold|holding|joined?|joining)\s+(?:[\w-]+\s+)?$",
                                 re.IGNORECASE)
# "the column was marching to Dawei", "troops marched into the village": an army on the move, not a protest march
_TROOPS_BEFORE = re.compile(r"\b(?:troops|soldiers|columns?|battalions?|units?|forces|army|junta|regime|convoys?|fighters|"
                            r"militias?|platoons?|companies)\b[^.;,]{0,50}$", re.IGNORECASE)
_PEACEFULLY = re.compile(r"^\s+(?:peacefully|quietly|without incident|on their own)\b", re.IGNORECASE)
_STANCE_PREFIX = re.compile(r"\b(?:anti|pro)-$", re.IGNORECASE)
_MONTH_NAME = re.compile(r"^(?:march|may)$", re.IGNORECASE)
_DAY_NEAR = re.compile(r"^\s*\d")
# Words after a trigger that make it something other than an act of war: "seized power" (the coup),
# "strike a deal", "captured the imagination"; weapons seized in a fight belong to the fight.
_NOT_AN_ACT_AFTER = re.compile(r"^\s+(?:International\b|(?:political\s+)?power|office|(?:a|the|an)\s+(?:[\w-]+\s+)?(?:deal|balance|bargain|chord|"
                               r"note|pose)|(?:the\s+)?(?:imagination|attention|headlines|hearts))\b", re.IGNORECASE)
# Support, not the act told: "soldiers backed by air strikes re-entered the town".
_MODIFIER_BEFORE = re.compile(r"\b(?:backed|supported|covered|aided|helped)\s+by\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# History inside an event report: "two towns they captured last year", "eight months after capturing it".
_PAST_AFTER = gated(re.compile(r"^[^,.;]{0,40}?\b(?:last year|(?:a|one|two|three|several|many|\d+) years? ago|years earlier|"
                         r"last month|(?:a|one|two|three|several|many|\d+) months? ago|months earlier)\b",
                         re.IGNORECASE))
# "a scene of heavy fighting for months": a stretch of the war, no act of a day
_STRETCH_AFTER = re.compile(r"^[^,.;]{0,40}?\bfor (?:many |several |some )?(?:months|weeks|years|decades)\b", re.IGNORECASE)
# A bare "strike" is a walk-out only in an article that tells one ("general strike", "went on strike",
# "striking teachers"); elsewhere it is the air strike or attack the article is about ("killed in the strike").
LABOUR_STRIKE = gated(re.compile(r"\b(?:general|silent|labou?r|workers['’]?|garment|hunger|nationwide|teachers['’]?) strikes?\b|"
                            r"\b(?:on|went on|go on|going on|join(?:ed|ing)?(?: the)?) strike\b|\bstrikers\b|"
                            r"\bstriking (?:\w+ )?(?:workers|teachers?|doctors|nurses|staff|employees|civil servants)\b|"
                            r"\bcivil disobedience\b|\bCDM\b", re.IGNORECASE))
# "three women were killed in a separate strike on the same town": in a story of air strikes, another one
_ANOTHER_BEFORE = re.compile(r"\b(?:a separate|another|a second|a third|a fresh|a new|a similar|an earlier|a later|"
                             r"a further)\s+(?:deadly\s+|fatal\s+)?$", re.IGNORECASE)
_AIR_STRIKES_TOLD = re.compile(r"\b(?:air ?strikes?|airstrikes?|drone strikes?|aerial (?:strikes?|attacks?|bombing)|"
                               r"bombing runs?|warplanes?|fighter jets?)\b", re.IGNORECASE)
_AREA_AFTER = re.compile(r"^\s+(?:areas?|zones?|territor(?:y|ies)|regions?)\b", re.IGNORECASE)
# What a body does for a living, not an act: "the AAPP, which tracks casualties and arrests".
_MONITORS_BEFORE = re.compile(r"\b(?:tracks|tracking|monitors|monitoring|documents|documenting|records|recording|counts|"
                              r"counting)\s+(?:[\w-]+\s+){0,3}(?:and\s+)?$", re.IGNORECASE)
# A noun that names a person or a body by a protest: "a protest organizer", "the protest movement".
_PROTEST_NOUN_AFTER = re.compile(r"^\s+(?:organi[sz]ers?|leaders?|movements?|groups?|committees?|songs?|art|slogans?)\b",
                                 re.IGNORECASE)
# "has lost control of large parts of the countryside": who holds the map, not a town taken on a day
# A purpose, not a capture made: "launching an offensive to retake lost territory", "in order to seize"
# ("managed to capture", "were able to take" tell it done; "the first town to fall to the AA" fell).
_PURPOSE_BEFORE = gated(re.compile(r"(?<!claimed )(?<!claims )(?<!managed )(?<!able )(?<!succeeded )(?<!began )(?<!begin )(?<!started )(?<!continued )"
                             r"(?<!continue )(?<!continues )(?<!used )\bto\s+(?:\w+ly\s+)?$", re.IGNORECASE))  # "ambition to fully capture"
# Verbs in their base form: after "to" they name a purpose or a plan, not an act told.
_BASE_VERBS = frozenset({"attack", "seize", "capture", "retake", "recapture", "take", "withdraw", "retreat", "shell", "bomb",
                         "arrest", "raid", "kill", "overrun", "storm", "ambush", "destroy", "burn", "torch", "abduct",
                         "detain", "pull out", "hand over"})
_GAP_BEFORE = gated(re.compile(r"\b(?:days|weeks|months|years)\s+(?:after|since)\s+(?:\w+\s+)?$|"
                         # "occurred almost a month after the regime killed 60 people by bombing": the earlier event
                         r"\b(?:a|one|two|three|four|several)\s+(?:weeks?|months?|years?)\s+after\s+[^.;,]{0,60}$",
                         re.IGNORECASE))
_PERSON_BURNED_AFTER = re.compile(r"^\s+(?:(?:a|an|the|one|two|three|four|five|\d+)\s+)?(?:[a-z]+\s+)?"
                                  r"(?:villagers?|civilians?|m[ae]n|wom[ae]n|boys?|girls?|teenagers?|youths?|farmers?|monks?|"
                                  r"residents?|people|persons?|person|child|children)\b(?!\s+(?:houses?|homes?))",
                                  re.IGNORECASE)
_TERRITORY_SUBS = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
# "Monday's attack was the deadliest", "after Friday's air strike": a day's possessive names an act told already
_ANAPHORIC = re.compile(r"\b(?:the|this|that|these|those|its|the latest|the same|(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                        r"Saturday|Sunday|yesterday|last week|last night)['’]s)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


_ENDED_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:collapsed|collapses|broke down|breaks down|fell apart|ended|unravell?ed|"
                          r"was broken|expired|lapsed)\b", re.IGNORECASE)
_ORDNANCE_BEFORE = re.compile(r"\b(?:pick(?:s|ed|ing)? up|find|finds|found|collect\w*|defus\w*|unexploded|remnants? of|"
                              r"clear(?:s|ed|ing)?|disposal of)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_CONFLICT_IN_GENERAL = frozenset({"armed conflict", "conflict", "war", "civil war", "violence"})
_CAUSE_BEFORE = re.compile(r"\b(?:because of|due to|caused by|driven by|fuelled by|fueled by|amid|by|from)\s+(?:the\s+)?"
                           r"(?:[\w-]+\s+)?$", re.IGNORECASE)
# "and the military retaliated by shelling villages": a second event, never the sentence's main one
# grenades for crowds ("police fired stun grenades at protesters") are a protest's intervention, not a bombing
_CROWD_CONTROL = ("stun ", "sound ", "smoke ")
_CROWD_TOLD = re.compile(r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ies)|march\w*|crowds?|gather\w*|police|riot)\b", re.IGNORECASE)
_IN_ANSWER_TO_BEFORE = re.compile(r"\bin (?:response|retaliation|reaction|revenge) (?:to|for)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_RETALIATION_BEFORE = re.compile(r"\b(?:retaliat\w*|in response|in retaliation)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# "attacked regime forces to rescue people being held hostage": a participle after a noun tells the state the
# people were in, not the act of the sentence; another act told beside it comes first
_STATE_PARTICIPLE_BEFORE = gated(re.compile(r"\b(?!(?:was|were|is|are|been|and|or|not)\b)[a-z]+\s+(?:still\s+)?being\s+$", re.IGNORECASE))


@dataclass(frozen=True)
class TriggerHit:
    text: str
    start: int
    end: int
    event_type: str
    sub_event_type: str
    weight: float
    anaphoric: bool          # "in the attack": refers back to an event already told
    found_dead: bool = False  # "the bodies of eight men were found": a killing told by its discovery
    victims_told: bool = False  # "kills two civilians": a killing told with its victims, an act of its own

    @property
    def casualty_only(self) -> bool:
        return self.text.lower() in CASUALTY_WORDS and not self.victims_told

    @property
    def priority(self) -> float:
        base = SUB_PRIORITY.get(self.sub_event_type, 2)
        return (0.5 if self.casualty_only else base) + self.weight


def trigger_hits(knowledge, mentions, text: str, lo: int, hi: int) -> list[TriggerHit]:
    if told_as_cause(text, lo, hi):
        return []  # "Fighting on Nov. 21 is believed to be the reason for the attack": background
    hits = [hit for m in mentions if m.kind == "trigger" and lo <= m.start < hi
            for hit in (_trigger_hit(knowledge, m, text, lo, hi),) if hit is not None]
    extra = [*_split_phrase_hits(knowledge, text, lo, hi), *_passive_taken_hits(mentions, text, lo, hi)]
    if not hits:
        extra += _untriggered_hits(knowledge, mentions, text, lo, hi)
    elif all(hit.event_type == "Strategic developments" for hit in hits):
        # "Military kills two civilians, torches dozens of houses": a killing beside an arson or an arrest is an act
        # of its own, which the lexicon's adjacent phrases miss when a number stands between
        extra += _killing_hits_of_any_victims(knowledge, mentions, text, lo, hi)
    for hit in extra:
        before = text[max(lo, hit.start - 40):hit.start]
        if not (_NEGATED.search(before) or _HYPOTHETICAL.search(before)):
            hits.append(hit)
    return hits


def _trigger_hit(knowledge, m, text: str, lo: int, hi: int) -> TriggerHit | None:
    """The act one lexicon term tells in the sentence lo..hi, or None when the term tells no act here."""
    trig = knowledge.triggers.get(m.ref_ids[0])
    if trig is None or not trig.event_type or not trig.sub_event_type:
        return None
    before, after = text[max(lo, m.start - 40):m.start], text[m.end:min(hi, m.end + 60)]
    if _not_an_act(trig, m, text, lo, hi, before, after):
        return None
    if m.text.lower() in ("strike", "strikes") and not LABOUR_STRIKE.search(text) \
            and not _ANAPHORIC.search(before[-25:]):
        if _ANOTHER_BEFORE.search(before[-25:]) and _AIR_STRIKES_TOLD.search(text):
            return TriggerHit(m.text, m.start, m.end, "Explosions/Remote violence", "Air/drone strike", 0.6, False)
        return None  # a bare "strike" is no walk-out; "the strike hit X village" still refers back to the attack
    if _no_act_told(trig, m, before, after):
        return None
    weight = trig.weight - (10 if _RETALIATION_BEFORE.search(before) or _STATE_PARTICIPLE_BEFORE.search(before) else 0)
    if trig.sub_event_type == "Looting/property destruction" and _PERSON_BURNED_AFTER.match(after):
        # "set fire to a villager": a person burned is an attack on him, not on property
        return TriggerHit(m.text, m.start, m.end, "Violence against civilians", "Attack", weight, False)
    if trig.event_type == "Protests" and m.text.lower().startswith(_CROWD_CONTROL) and not _CROWD_TOLD.search(text, lo, hi):
        # a stun grenade thrown at a building or car, with no crowd or police told, is a bombing
        return TriggerHit(m.text, m.start, m.end, "Explosions/Remote violence", "Grenade", weight, False)
    return TriggerHit(m.text, m.start, m.end, trig.event_type, trig.sub_event_type, weight,
                      bool(_ANAPHORIC.search(before[-25:])))


def _not_an_act(trig, m, text: str, lo: int, hi: int, before: str, after: str) -> bool:
    """The term names a date, a stance, a person's status, a purpose or an area, or is negated: no act."""
    if _MONTH_NAME.match(m.text) and (m.text[0].isupper() or _DAY_NEAR.search(text[m.end:m.end + 4])):
        return True  # "on March 5" is a date, not a march
    if _NEGATED.search(before) or _HYPOTHETICAL.search(before) or _NOT_YET_BEFORE.search(before) \
            or ("to " in before and _ASKED_TO.search(before)) or _STOP_BEFORE.search(before, len(before) - 22) \
            or weapon_not_used(text, lo, hi, m.start, m.end) \
            or ("from " in text[max(lo, m.start - 130):m.start] and _FORBIDDEN_BEFORE.search(text[max(lo, m.start - 130):m.start])):
        return True
    if _OTHER_WORD.match(text[m.start:min(hi, m.end + 20)]) or (_SIT_IN_VERB.match(m.text)
                                                              and not _SIT_IN_NOUN_BEFORE.search(before)):
        return True
    if trig.sub_event_type == "Protest with intervention" and (_BEFORE_LEAVING.search(before) or _PEACEFULLY.match(after)):
        return True  # "chanted slogans before dispersing peacefully": the crowd left on its own
    if m.text.lower().startswith("march") and _TROOPS_BEFORE.search(before):
        return True
    if person_status(m.text, before, after):
        return True  # "barred jailed leader Aung San Suu Kyi", "her father, assassinated hero Aung San": who a person is
    if _STANCE_PREFIX.search(before):
        return True  # "an anti-conscription protest", "anti-aircraft fire": what a thing is for or against
    if (_NOT_AN_ACT_AFTER.match(after) or _MODIFIER_BEFORE.search(before) or _PAST_AFTER.match(after)
            or ("for " in after and _STRETCH_AFTER.match(after))
            or _GAP_BEFORE.search(text[max(lo, m.start - 90):m.start])):
        return True
    if trig.sub_event_type in _TERRITORY_SUBS and no_territory_taken(text, lo, m.start, before, after):
        return True  # people taken, not places; "lost control of large parts of the countryside": a state of affairs
    if m.text.lower() in _BASE_VERBS and _PURPOSE_BEFORE.search(before):
        return True  # "troops moved in to attack", "Kokang army to withdraw from Lashio": not (yet) done
    return trig.sub_event_type in _TERRITORY_SUBS and (
        m.text.lower() == "under the control of" or _AREA_AFTER.match(after)
        or (_PURPOSE_BEFORE.search(before) and not m.text.lower().startswith("fall"))
    )  # "an area under the control of the AA", "a liberated area": who holds it, not a capture


def _no_act_told(trig, m, before: str, after: str) -> bool:
    """A monitor, ordnance lying about, a truce that ended, the war in general, or an act answered: no new act."""
    if _MONITORS_BEFORE.search(before) or (trig.event_type == "Protests" and _PROTEST_NOUN_AFTER.match(after)):
        return True  # "a group that tracks arrests", "a protest organizer"
    if _ORDNANCE_BEFORE.search(before):
        return True  # "children pick up shells they find": ordnance lying about, not a shelling
    if trig.sub_event_type == "Agreement" and _ENDED_AFTER.match(after):
        return True  # "as a five-month truce collapsed": the fighting is the event, not the truce
    if m.text.lower() in _CONFLICT_IN_GENERAL and _CAUSE_BEFORE.search(before):
        return True  # "displaced because of armed conflict": the war in general, not an event
    # "In response to a general strike, the junta imposed a curfew": the act answered was told before
    return "n re" in before and bool(_IN_ANSWER_TO_BEFORE.search(before))


def _untriggered_hits(knowledge, mentions, text: str, lo: int, hi: int) -> list[TriggerHit]:
    """A sentence no lexicon term fired in may still tell an act by its verbs: a killing (of civilians,
    protesters or fighters, in that order), a shooting, bodies found; and houses burned."""
    hits = _killing_hits_of_any_victims(knowledge, mentions, text, lo, hi) or [
        TriggerHit(verb, s, e, "Violence against civilians", "Attack", 0.55, False)
        for verb, s, e in shootings(knowledge, mentions, text, lo, hi)] or [
        TriggerHit(verb, s, e, "Violence against civilians", "Attack", 0.5, True, True)
        for verb, s, e in bodies_found(text, lo, hi)]  # anaphoric: the bodies of a killing told just before
    return hits + [TriggerHit(verb, s, e, "Strategic developments", "Looting/property destruction", 0.8, False)
                   for verb, s, e in burnings(knowledge, mentions, text, lo, hi)]  # "burned about 40 houses"


def _killing_hits_of_any_victims(knowledge, mentions, text: str, lo: int, hi: int) -> list[TriggerHit]:
    """A killing told by its verb and its victims: of civilians (by a killer before the verb or after "by"),
    protesters or fighters, in that order."""
    hits = _killing_hits(knowledge, mentions, text, lo, hi) or [
        TriggerHit(verb, s, e, "Violence against civilians", "Attack", 0.6, False)
        for verb, s, e in civilians_killed_by(knowledge, mentions, text, lo, hi)] or [
        TriggerHit(verb, s, e, "Protests", "Excessive force against protesters", 0.6, False)
        for verb, s, e in [*killings_of_protesters(knowledge, mentions, text, lo, hi),
                           *protesters_killed_by(knowledge, mentions, text, lo, hi),
                           *protesters_then_killing(knowledge, mentions, text, lo, hi)]] or [
        TriggerHit(verb, s, e, "Battles", "Armed clash", 0.5, False)
        for verb, s, e in [*killings_of_fighters(knowledge, mentions, text, lo, hi),
                           *killings_of_group_members(knowledge, mentions, text, lo, hi)]]
    return [replace(hit, victims_told=True) for hit in hits]


def _killing_hits(knowledge, mentions, text: str, lo: int, hi: int) -> list[TriggerHit]:
    """Killings of civilians told by verb and victims (counted_acts.killings_of_civilians); from the air where the
    sentence names aircraft: "three jets struck a concert, killing 50 people"."""
    killings = killings_of_civilians(knowledge, mentions, text, lo, hi)
    aerial = bool(killings) and aircraft_told(text, lo, hi)  # asked only of a sentence that tells a killing
    return [TriggerHit(verb, s, e, "Explosions/Remote violence" if aerial else "Violence against civilians",
                       "Air/drone strike" if aerial else "Attack", 0.6, False)
            for verb, s, e in killings]


# A phrasal verb with its object inside: "handed the city over", "pulled its troops out". Only where the
# object is ground (a town, a base, control, a named place): "handed the suspects over" is no transfer.
_SPLIT_PHRASE = gated(re.compile(
    r"\b(?P<verb>(?:hand|pull|turn|giv|gave|took|tak|mov|sign|g[ai]ve)\w*)\s+(?P<obj>(?:[\w'’-]+\s+){1,4}?)(?P<particle>over|back|out)\b", re.IGNORECASE))
_GROUND = re.compile(r"\b(?:towns?|city|cities|villages?|bases?|camps?|posts?|outposts?|areas?|territory|control|"
                     r"headquarters|positions?|stations?|township|capital|hills?|bridges?|border|airport|port|compound)\b",
                     re.IGNORECASE)
_PEOPLE_WORD = re.compile(rf"\b{PEOPLE}\b|\b(?:he|she|they|bodies|weapons|arms)\b", re.IGNORECASE)


def _split_phrase_hits(knowledge, text: str, lo: int, hi: int) -> list[TriggerHit]:
    hits = []
    for m in _SPLIT_PHRASE.finditer(text, lo, hi):
        verb, particle, obj = m.group("verb").lower(), m.group("particle").lower(), m.group("obj")
        base = re.sub(r"(?:s|ing|ed)$", "", verb)
        trig = next((knowledge.triggers[k] for k in (f"{verb} {particle}", f"{base} {particle}", f"{base}ed {particle}")
                     if k in knowledge.triggers), None)
        if trig is None or not trig.sub_event_type or not _GROUND.search(obj) or _PEOPLE_WORD.search(obj):
            continue
        hits.append(TriggerHit(f"{verb} {particle}", m.start(), m.end(), trig.event_type, trig.sub_event_type,
                               trig.weight, False))
    return hits


# "The headquarters was taken by the MNDAA": a passive "taken" with a named armed agent and ground as its
# subject is a capture; direct_territory later names it after who gained ("A wounded man was taken by
# the AA to hospital" is not).
_PASSIVE_TAKEN = gated(re.compile(r"\b(?:was|were|been)\s+(?:\w+\s+)?(?P<verb>taken)\s+by\s+(?:the\s+)?", re.IGNORECASE))


_TAKEN_SOMEWHERE = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?to\s+(?:a\s+|an\s+|the\s+)?(?:nearby\s+|local\s+|military\s+)?"
                              r"(?:hospitals?|clinics?|safety|custody|prisons?|jails?|interrogation|court|their|his|her)\b",
                              re.IGNORECASE)


def _passive_taken_hits(mentions, text: str, lo: int, hi: int) -> list[TriggerHit]:
    hits = []
    for m in _PASSIVE_TAKEN.finditer(text, lo, hi):
        agent = next((a for a in mentions if a.kind == "actor" and 0 <= a.start - m.end() <= 2), None)
        if agent is not None and _TAKEN_SOMEWHERE.match(text, agent.end, hi):
            continue  # "was taken by the AA to hospital": people moved, not ground won
        before = text[max(lo, m.start() - 40):m.start()]
        clause = max([lo, *(text.rfind(c, lo, m.start()) + 1 for c in ",;")])
        ground = _GROUND.search(text, clause, m.start()) or any(
            p.kind == "place" and clause <= p.start < m.start() for p in mentions)
        if agent is None or not ground or PERSON_SUBJECT_BEFORE.search(text[max(lo, m.start("verb") - 60):m.start("verb")]) or \
                re.search(r"\b(?:he|she|they|who|it)\s+$", before, re.IGNORECASE):
            continue
        hits.append(TriggerHit("taken", m.start("verb"), m.end("verb"), "Battles", "Non-state actor overtakes territory",
                               0.8, False))
    return hits


_PROTEST_TOPIC = gated(re.compile(r"\b(?:against|over|calling (?:for|on)|demanding|denounc\w+|condemn\w+|to protest|in protest)\b",
                            re.IGNORECASE))


def drop_protest_topics(hits: list[TriggerHit], text: str) -> list[TriggerHit]:
    """In "protested ... over its airstrikes on civilians" the air strikes are what the protest is about."""
    protest = next((h for h in hits if h.event_type == "Protests"), None)
    if protest is None:
        return hits
    cue = _PROTEST_TOPIC.search(text, protest.end)
    if cue is None:
        return hits
    return [h for h in hits if h.event_type == "Protests" or h.start < cue.start()]


def best_trigger(hits: list[TriggerHit]) -> TriggerHit | None:
    if not hits:
        return None
    if any(h.event_type == "Battles" for h in hits):
        # "repelled the attack, killing eight and seizing weapons": the weapons are the battle's spoils
        hits = [h for h in hits if h.sub_event_type != "Disrupted weapons use"] or hits
    best = max(hits, key=lambda h: (h.priority, -h.start))
    if best.event_type == "Strategic developments":
        # "troops killed two civilians and torched dozens of houses": the killing is the event, the arson or the
        # arrests that went with it its circumstance (one event a sentence; the deaths must not be lost)
        killings = [h for h in hits if h.victims_told]
        if killings:
            return max(killings, key=lambda h: (h.priority, -h.start))
    if best.text.lower() in _DETONATION_WORDS:
        # "an artillery shell ... exploded", "mortar shells caused an explosion": the blast is the shell's
        fired = [h for h in hits if h.sub_event_type in ("Shelling/artillery/missile attack", "Air/drone strike")]
        if fired:
            return max(fired, key=lambda h: (h.priority, -h.start))
    return best


# Words that tell only that something blew up, not what: the weapon named beside them decides the kind
_DETONATION_WORDS = frozenset({"exploded", "explosion", "explosions", "blast", "blasts"})
