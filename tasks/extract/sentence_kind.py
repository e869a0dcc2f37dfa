"""The sentence's other words adjust the lexicon's kind of event: a protest met with lethal force, a crowd
that turns violent, an aircraft shot down, a town handed over, a surrender without a change of territory."""

from __future__ import annotations

import re

from tasks.word_gates import gated


_CROWD = gated(re.compile(r"\b(?:mob|crowd|angry villagers|lynch(?:ed|ing)?)\b", re.IGNORECASE))
_STONES = re.compile(r"\b(?:threw stones|hurled stones|stone-throwing|pelted|set fire to|torched|clash(?:ed)? with police|"
                     r"rioted|rioting|smashed|vandali[sz]ed)\b", re.IGNORECASE)
# "march" but not the month ("on 28 March", "March 5", "in March 2024")
_PROTEST = gated(re.compile(r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ies|ied)|(?<!\d )march(?:ed|es)?(?!\s+\d)|strikers?|flash mob)\b",
                      re.IGNORECASE))
_FORCE = re.compile(r"\b(?:opened fire|fired (?:live rounds|on|at|into the crowd)|shot|killing|killed|beat(?:en)?|"
                    r"crack(?:ed)? down|tear gas|rubber bullets|stun grenades?)\b", re.IGNORECASE)
# "before dispersing peacefully": the protesters left on their own
_INTERVENTION = re.compile(r"\b(?:(?<!before )dispers\w+(?!\s+(?:peacefully|quietly|without incident|on their own))|broke up|detained|arrested|blocked|fired (?:into the air|warning shots))\b",
                           re.IGNORECASE)
_PEACEFUL_HANDOVER = re.compile(r"\bwithout (?:a )?(?:fight|fighting|battle|resistance|a shot)|\bhanded (?:\w+ )?(?:back|over)\b|"
                                r"\bwithdrew under\b|\bunder (?:a|an|the) [\w-]+(?: [\w-]+)? (?:agreement|deal)\b", re.IGNORECASE)
# the state's forces, named as a crowd meets them
_FORCES_WORDS = r"(?:soldiers|troops|police|security forces|junta|military|army|regime)"
_STATE_FORCES = re.compile(rf"\b{_FORCES_WORDS}\b", re.IGNORECASE)
# The state's forces as the ones killing or firing: lethal force on a crowd outweighs what the crowd burnt
# (coding guide: excessive force against protesters) - "security forces killed 51 after factories were torched".
_FORCES_KILL = re.compile(rf"\b{_FORCES_WORDS}\b[^.;]{{0,40}}?"
                          r"\b(?:opened fire|fired|firing|shot|gunned down|killed|killing|mowed down)\b", re.IGNORECASE)
# "Security forces attacked protesters with slingshots, teargas and stun bombs", "police pelted demonstrators":
# the state's forces acting on a crowd make the event the protest's, whatever weapon word the lexicon caught
_STATE_ON_CROWD = gated(re.compile(rf"\b{_FORCES_WORDS}\b[^.;]{{0,40}}?"
                             r"\b(?:attacked|assaulted|pelted|beat|charged|dispersed|cracked down on|raided)\s+"
                             r"(?:(?:the|anti-coup|peaceful|anti-junta)\s+)*(?:protesters|demonstrators|demonstrations?|"
                             r"protests?|marchers|crowds?|strikers)\b", re.IGNORECASE))
_CROWD_ARMS = re.compile(r"\b(?:stun (?:bombs?|grenades?)|sound bombs?|tear ?gas|slingshots?|catapults?|rubber bullets|"
                         r"water cannons?)\b", re.IGNORECASE)
_AIRCRAFT_DOWNED = gated(re.compile(r"\b(?:shot down|shoots down|shoot down|downed|brought down)\s+(?:\w+\s+){0,3}?(?:helicopters?|"
                              r"jets?|fighter jets?|gunships?|aircraft|warplanes?|planes?)\b|\b(?:helicopters?|jets?|gunships?|"
                              r"aircraft|warplanes?|planes?)\s+(?:\w+\s+){0,3}?(?:was|were|had been|has been)\s+(?:\w+\s+)?"
                              r"(?:shot down|downed|brought down)\b", re.IGNORECASE))
_SURRENDER = gated(re.compile(r"\b(?:surrender\w*|defect\w*|desert\w*|laid down)\b", re.IGNORECASE))
_TERRITORY = re.compile(r"\b(?:captur\w+|seiz\w+|overr[au]n|t(?:ook|aken|aking|akes?) (?:control|over)|"
                        r"gain(?:ed|s|ing)? control|fell)\b", re.IGNORECASE)


# "soldiers at the last base outside Myawaddy surrendered to Karen rebels": the base changed hands
_BASE_SURRENDERED = gated(re.compile(r"\b(?:bases?|camps?|outposts?|headquarters|garrison|battalion|positions?|town)\b[^.;]{0,80}?"
                               r"\bsurrender(?:ed|s)?\s+to\b", re.IGNORECASE))


def refine(event_type: str, sub: str, sentence: str) -> tuple[str, str, str]:
    """Adjust the lexicon's type with the sentence's other words: protests met with force, crowds that
    turn violent, surrenders without a territorial change. Returns (event_type, sub_event_type, rule)."""
    if sub in ("Disrupted weapons use", "Air/drone strike") and _AIRCRAFT_DOWNED.search(sentence):
        # a crewed military aircraft shot down: a fight, not a seizure nor a strike ("said it downed the
        # helicopter gunship"), and never fire on a protest told in the same sentence
        return "Battles", "Armed clash", "aircraft-downed"
    # "riot police fired at a crowd of protesters": the crowd is the target, the force the state's
    if _CROWD.search(sentence) and _FORCE.search(sentence) and event_type in ("Violence against civilians", "Riots") \
            and not (_PROTEST.search(sentence) and _FORCES_KILL.search(sentence)):
        return "Riots", "Mob violence", "crowd-violence"
    if _STATE_ON_CROWD.search(sentence) and not _FORCES_KILL.search(sentence) and (
            event_type in ("Protests", "Riots", "Battles") or (event_type == "Explosions/Remote violence" and _CROWD_ARMS.search(sentence))):
        if _FORCE.search(sentence):
            return "Protests", "Excessive force against protesters", "protest-force"
        return "Protests", "Protest with intervention", "protest-intervention"
    if _PROTEST.search(sentence) and event_type in ("Protests", "Riots", "Violence against civilians", "Strategic developments",
                                                     "Battles"):
        if _STONES.search(sentence) and not _FORCES_KILL.search(sentence):
            return "Riots", "Violent demonstration", "protest-violent"
        if _FORCE.search(sentence) and _STATE_FORCES.search(sentence):
            return "Protests", "Excessive force against protesters", "protest-force"
        if event_type == "Protests" and _INTERVENTION.search(sentence) and _STATE_FORCES.search(sentence):
            return "Protests", "Protest with intervention", "protest-intervention"
        if event_type == "Protests":
            return event_type, sub, "lexicon"
    if sub in ("Government regains territory", "Non-state actor overtakes territory") and _PEACEFUL_HANDOVER.search(sentence):
        return "Strategic developments", "Non-violent transfer of territory", "handover"
    if _BASE_SURRENDERED.search(sentence) and sub in ("Non-state actor overtakes territory", "Other", "Armed clash"):
        return "Battles", "Non-state actor overtakes territory", "surrender-base"
    if _SURRENDER.search(sentence) and not _TERRITORY.search(sentence) and sub in (
            "Non-state actor overtakes territory", "Other", "Armed clash"):
        return "Strategic developments", "Change to group/activity", "surrender"
    return event_type, sub, "lexicon"
