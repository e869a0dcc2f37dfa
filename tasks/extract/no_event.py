"""Words that make a sentence with a trigger tell no event of its own (real reporting, issue 14).

A leaf module of cues the sentence-level extractor (events.py) asks: talk of peace that makes no deal, what
people fled from, the war described as going on, and a sentence set inside an event already told.
"""

from __future__ import annotations

import re

from tasks.word_gates import gated
from tasks.extract.numbers import find_counts

# What makes a weak word ("agreed to", "talks", "peace process") a deal: a truce named or a deal made.
AGREEMENT_MADE = re.compile(r"\b(?:ceasefire|cease-fire|truce|peace deal|peace agreement|signed|reached|struck|concluded|brokered)\b|"
                            r"\bagreed to (?:an? )?(?:ceasefire|truce|cease|stop|halt|end|withdraw|hand|release|exchange|swap|pull)",
                            re.IGNORECASE)


# "The military is accused of mass rape, killings and burning thousands of homes": a standing accusation with
# no day of its own sums up a record, it tells no act of this report
ACCUSED_OF = gated(re.compile(r"\b(?:is|are|has been|have been|stands?)\s+(?:\w+ly\s+)?accused of\b", re.IGNORECASE))


# What people fled from: "fled an AA attack", "fleeing combat", "sheltering from an army offensive", "fled their
# homes due to junta airstrikes". The flight is told; the fighting behind it is told elsewhere or not at all.
FLED_FROM = gated(re.compile(r"\b(?:fled|flee|flees|fleeing|escaped|escaping|sheltering from|shelter from|hiding from|"
                       r"(?:fled|flee|fleeing|left|leave|leaving) (?:their |his |her )?(?:homes?|villages?) (?:due to|because of|to escape|from))"
                       r"\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE))


# The war described as going on rather than an act told: "are fighting", "is engaged in", "has intensified",
# "has seen fierce fighting", "amid ongoing offensives".
_ONGOING_VERB = gated(re.compile(r"\b(?:is|are)\s+(?:now\s+|still\s+|reportedly\s+|also\s+)?(?:\w+ly\s+)?(?:engaged in|locked in|\w+ing)\b|"
                           r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:intensified|escalated|raged|persisted|continued|seen)\b|"
                           r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:intensified|escalated)\b|"  # "clashes are intensified around X"
                           r"\b(?:continues|rages|persists|grinds on)\b", re.IGNORECASE))
_ONGOING_BEFORE = re.compile(r"\b(?:ongoing|continuing|persistent|escalating|intensifying|relentless)\s+(?:[\w'’-]+\s+)?$|"
                             r"\b(?:continu(?:e|es|ed|ing)|keeps?|kept) (?:to|on)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# "insurgents have been engaging in battles, firing rockets and dropping bombs": the present perfect
# progressive tells a run of acts (its list of -ing verbs shares the auxiliary), no act of a day
_HAVE_BEEN_DOING = re.compile(r"\b(?:has|have)\s+been\s+(?:\w+ly\s+)?\w+ing\b"
                              r"(?:(?!\b(?:when|after|as|that|which|who|while|before|since|on|last)\b)[^.;:]){0,160}$",
                              re.IGNORECASE)
_DOING_BEFORE = re.compile(r"\b\w+ing\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def ongoing_state(text: str, trigger_start: int, trigger_end: int) -> bool:
    """Is the trigger's clause a state of affairs in the present tense (a cue within 80 characters, no comma
    or semicolon between)? Only asked of sentences with no day of their own."""
    if _ONGOING_BEFORE.search(text[max(0, trigger_start - 40):trigger_start]):
        return True
    if _HAVE_BEEN_DOING.search(text[max(0, trigger_start - 200):trigger_start]) and (
            text[trigger_start:trigger_end].split()[0].lower().endswith("ing") or _DOING_BEFORE.search(text[max(0, trigger_start - 40):trigger_start])):
        return True
    for cue in _ONGOING_VERB.finditer(text):
        if cue.start() <= trigger_start < cue.end():
            return True  # "are fighting": the trigger is the verb in the present
        lo, hi = (cue.end(), trigger_start) if cue.end() <= trigger_start else (trigger_end, cue.start())
        if 0 <= hi - lo <= 80 and not re.search(r"[,;:]", text[lo:hi]):
            return True
    return False


# "during the attack", "in the incident", "during the clashes": a sentence set inside an event already told
DURING_TOLD = re.compile(r"\b(?:during|in|amid|throughout)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:attacks?|incident|fighting|"
                         r"clash(?:es)?|raids?|assaults?|battles?|offensive|massacre|shelling|air ?strikes?|bombings?|"
                         r"crackdown|violence|operation)\b", re.IGNORECASE)


# A tally, not an event: "has seized 12 townships", "blasts occurred in several townships", "have captured more than 20 bases" (many places taken
# over time), "Over 2,100 people have been arrested" (a count no single raid or protest reaches).
_MANY_PLACES_TAKEN = gated(re.compile(r"\b(?:has|have|had)\s+(?:now\s+|so far\s+|also\s+)?(?:seized|captured|taken|overrun|lost|"
                                r"gained control of|taken control of)\s+(?:control\s+of\s+)?(?:more than\s+|over\s+|at least\s+|"
                                r"nearly\s+|some\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens of)\s+"
                                r"(?:[\w-]+\s+)?(?:towns|townships|bases|cities|outposts|camps|positions)\b", re.IGNORECASE))
_TALLY_SIZE = 1000


_MANY_PLACES = gated(re.compile(r"\b(?:in|across|of)\s+(?:several|many|multiple|various|numerous)\s+(?:different\s+)?"
                          r"(?:townships|towns|cities|regions|states|places|locations)\b", re.IGNORECASE))


# a day of its own: "said it had overrun three outposts on Saturday" tells one day's capture, not a running tally
_DAY_TOLD = re.compile(r"\b(?:on|early|late|last)\s+(?:\w+\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
                       r"\byesterday\b|\blast night\b", re.IGNORECASE)


_PRESENT_PERFECT = gated(re.compile(r"\b(?:have|has) been\b"))


def tally(text: str) -> bool:
    if (_MANY_PLACES_TAKEN.search(text) and not _DAY_TOLD.search(text)) or _MANY_PLACES.search(text):
        return True  # "bomb blasts in several townships": many events, none told
    return bool(_PRESENT_PERFECT.search(text)) and any(
        c.value >= _TALLY_SIZE and c.kind in ("arrested", "killed", "abducted") for c in find_counts(text))


# The dead moved ("the bodies were taken away", "took away the deceased"): what became of the victims of an
# event already told, not an abduction or an arrest of its own.
_THE_DEAD = r"(?:bod(?:y|ies)|corpses?|remains|the dead|(?:the\s+)?deceased(?:\s+\w+)?)"
_DEAD_BEFORE = re.compile(rf"\b{_THE_DEAD}\s+(?:\w+\s+){{0,3}}$", re.IGNORECASE)
_DEAD_AFTER = re.compile(rf"^\s*(?:away\s+)?(?:(?:the|their|his|her|its)\s+)?(?:\w+\s+)?{_THE_DEAD}\b", re.IGNORECASE)


def dead_moved(text: str, lo: int, start: int, end: int) -> bool:
    """Is the trigger at text[start:end] an act done to the dead ("the deceased were taken away")?"""
    return bool(_DEAD_BEFORE.search(text[max(lo, start - 50):start]) or _DEAD_AFTER.match(text[end:end + 40]))


# Police seizing drugs and arresting the suspects is crime, not political violence (ACLED codes neither): an
# arrest told with a haul of narcotics and no political word is no event.
_DRUG_HAUL = re.compile(r"\b(?:heroin|opium|methamphetamine|meth|narcotics?|drugs?|yaba|stimulant tablets|kratom|"
                        r"anti-drug|anti-narcotics?)\b", re.IGNORECASE)
_POLITICAL = re.compile(r"\b(?:PDF|protest\w*|coup|resistance|rebels?|activists?|junta critics?|NUG|CDM|opposition|"
                        r"anti-(?:junta|coup|regime)|terror\w*|insurgents?|armed groups?)\b", re.IGNORECASE)


def drug_arrest(sentence: str) -> bool:
    """Is an arrest in this sentence a drug case (a narcotics word, no political one)?"""
    return bool(_DRUG_HAUL.search(sentence)) and not _POLITICAL.search(sentence)


# "a military crackdown on the KK Park compound", "cracked down on online scam centres": police work on crime,
# not a protest met with force
_CRIME_TARGET_AFTER = re.compile(r"\s+(?:on|against)\s+(?:[\w'’.-]+\s+){0,4}?(?:compounds?|scams?|scam centres?|scam centers?|"
                                 r"casinos?|gambling|fraud|drugs?|narcotics|traffick\w+|crime|criminals?|online)\b",
                                 re.IGNORECASE)


def crackdown_on_crime(text: str, trigger_end: int) -> bool:
    """Is the crackdown just told aimed at crime (scam compounds, drugs), not at protesters?"""
    return bool(_CRIME_TARGET_AFTER.match(text, trigger_end, trigger_end + 90))

