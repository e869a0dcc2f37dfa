"""Who did what to whom: actor1 (acted) and actor2 (acted upon) of a trigger among its parties.

Roles are read from the sentence around the trigger:
  passive   "Y came under attack from X", "... planted by junta troops", "at the hands of X" -> actor1 X
  between   "fighting between X and Y"                                         -> X, Y
  from      "X seized the town from Y"                                         -> X, Y
  active    "X attacked Y", "the junta bombed ..."                            -> subject X, object Y
Sources and mediators were set apart before (tasks/extract/actors.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.word_gates import gated
from tasks.extract.actors import MILITARY, SAID_IT, STATE_SIDE, ActorRef

# "by junta troops", "by a joint force of the KNLA", "by members of a Pyu Saw Htee militia"
_GROUP_OF = r"(?:(?:joint\s+|combined\s+|allied\s+)?(?:force|forces|group|unit|column|team|members|fighters|troops|soldiers|coalition)\s+of\s+(?:the\s+|a\s+)?)?"
_BY_BEFORE = re.compile(rf"\b(?:by|from|at the hands of)\s+(?:the\s+|a\s+|an\s+)?{_GROUP_OF}(?:[\w'’-]+\s+){{0,2}}$", re.IGNORECASE)
# "four civilians were killed, and eight injured, in an attack by the army": the act's agent told in a phrase
# of its own after the harm, however long the harm's telling
_ACT_BY_BEFORE = re.compile(r"\b(?:in|during|by)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|assaults?|raids?|strikes?|airstrikes?|"
                            r"shelling|bombings?|offensive|ambush|artillery attack)\s+(?:carried out\s+|launched\s+)?by\s+"
                            r"(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


def _act_by(text: str, lo: int, agent_start: int) -> bool:
    return " by " in text[max(lo, agent_start - 40):agent_start] and bool(_ACT_BY_BEFORE.search(text, max(lo, agent_start - 90), agent_start))


_PASSIVE_CUE = re.compile(r"\b(?:was|were|been|being|is|are|came|come|comes)\s+(?:\w+\s+){0,2}$|\bunder\s+(?:attack|fire)\b",
                          re.IGNORECASE)


@dataclass
class Roles:
    actor1: str | None = None
    actor2: str | None = None
    assoc1: tuple[str, ...] = ()
    assoc2: tuple[str, ...] = ()
    rule: str = ""


def assign_roles(refs: list[ActorRef], text: str, trigger_start: int, trigger_end: int, lo: int = 0,
                 hi: int | None = None) -> Roles:
    """actor1/actor2 from word order and voice around the trigger (see module doc)."""
    war = [(m.start(), m.end()) for m in _WAR_DESCRIBED.finditer(text, lo, hi) if not m.start() <= trigger_start < m.end()]
    parties = [r for r in refs if not r.source and not r.mediator and not any(a <= r.start < b for a, b in war)]
    mediators = tuple(dict.fromkeys(r.actor_id for r in refs if r.mediator))
    hi = len(text) if hi is None else hi
    roles = (_between(parties, text, lo, hi, trigger_start)
             or _state_weapon_agent(parties, text, trigger_start, trigger_end, lo)
             or _passive(parties, text, trigger_start, trigger_end)
             or _modifier_agent(parties, text, trigger_start) or _struck_a_mine(parties, text, trigger_start, trigger_end, lo)
             or _active(parties, refs, trigger_start, trigger_end, text, lo))
    roles.assoc1 = (*roles.assoc1, *mediators)
    return roles


# The trigger names the state's own weapon: "military aircraft", "junta jets", "regime warplanes"
_STATE_WEAPON = re.compile(r"\b(?:military|junta|regime|army|tatmadaw|air force)\b", re.IGNORECASE)
_WEAPON_NOUN = re.compile(r"(?:fighter\s+)?(?:jets?|aircraft|warplanes?|planes?|helicopters?|gunships?|drones?|artillery)",
                          re.IGNORECASE)
_AGENT_CUE_BEFORE = re.compile(r"\b(?:by|from|at the hands of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def _state_weapon_agent(parties: list[ActorRef], text: str, t_start: int, t_end: int, lo: int) -> Roles | None:
    """A trigger that names the state's weapon is the state acting, wherever it stands: "came under attack
    from military aircraft" (the party before it was hit), "Military aircraft bombed a TNLA base" (the party
    after it was hit). "The KIA shot down a military aircraft" keeps its subject: the trigger is the object."""
    owner = next((r for r in parties if r.actor_id in STATE_SIDE and 0 <= t_start - r.end <= 1), None)
    if owner is not None and _WEAPON_NOUN.fullmatch(text[t_start:t_end]):
        # "military drones", "junta jets": the state's word and the weapon's trigger are one phrase
        parties, t_start = [r for r in parties if r is not owner], owner.start
    elif not _STATE_WEAPON.search(text, t_start, t_end) or any(r.start < t_end and t_start < r.end for r in parties):
        return None
    before = [r for r in parties if r.end <= t_start and r.start >= lo]
    if _AGENT_CUE_BEFORE.search(text[max(lo, t_start - 40):t_start]):
        return Roles(MILITARY, before[-1].actor_id if before else None, rule="weapon-agent")
    clause_start = _clause_start(text, lo, t_start)
    if any(r.start >= clause_start for r in before):
        return None  # a subject of its own before the weapon
    after = next((r.actor_id for r in parties if r.start >= t_end and r.actor_id != MILITARY), None)
    return Roles(MILITARY, after, rule="weapon-agent")


# "during weeks of fighting between junta troops and the rebels": the war the act happened in, whose sides
# are not the act's ("the deadliest assault on civilians during months of fighting between X and Y")
_WAR_DESCRIBED = gated(re.compile(
    r"\b(?:during|amid|after|in|following|despite)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:weeks|months|years)\s+of\s+|"
    r"(?=(?:[\w-]+\s+)?(?:fighting|clashes|conflict|war|hostilities|battles)\s+between))"
    r"(?:[\w-]+\s+)?(?:fighting|clashes|conflict|war|hostilities|battles)\s+between\s+[^.;]{1,80}?\band\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=[\s,.;]|$)", re.IGNORECASE))
_BETWEEN = gated(re.compile(r"\bbetween\s+"))


def _between(parties: list[ActorRef], text: str, lo: int, hi: int, t_start: int) -> Roles | None:
    for m in _BETWEEN.finditer(text, lo, hi):
        first = [r for r in parties if m.end() <= r.start <= m.end() + 40]
        if not first:
            continue
        rest = [r for r in parties if r.start > first[0].end and r.actor_id != first[0].actor_id
                and re.fullmatch(r"[^.;]{0,25}?\band\s+(?:[\w'’-]+\s+){0,3}", text[first[0].end:r.start])]
        if rest and not _own_subject_after(parties, text, rest[0].end, t_start):
            return Roles(first[0].actor_id, rest[0].actor_id, rule="between")
    return None


def _own_subject_after(parties: list[ActorRef], text: str, end: int, t_start: int) -> bool:
    """"After a battle broke out between X and Y, the junta burned down homes": the act after the comma has a
    subject of its own, and the sides of the battle told before it are not its sides."""
    return any(end < r.start < t_start and "," in text[end:r.start] for r in parties)


def _passive(parties: list[ActorRef], text: str, t_start: int, t_end: int) -> Roles | None:
    agents = [r for r in parties if r.start >= t_end and (_BY_BEFORE.search(text[max(t_end, r.start - 30):r.start])
                                                          and r.start - t_end < 60 or _act_by(text, t_end, r.start))]
    under = re.search(r"\bunder\s+(?:attack|fire)\s+from\s+$", text[max(0, agents[0].start - 30):agents[0].start]) if agents else None
    if not agents:
        return None
    # "was attacked by X", "came under attack from X", or the trigger itself qualified by its agent:
    # "a landmine planted by junta troops" (but not "defused bombs planted by soldiers")
    passive = under or _act_by(text, t_end, agents[0].start) or _PASSIVE_CUE.search(text[max(0, t_start - 25):t_start]) or re.fullmatch(
        rf"\s*(?:[\w'’-]+\s+){{0,3}}?(?:by|from|at the hands of)\s+(?:the\s+|a\s+|an\s+)?{_GROUP_OF}(?:[\w'’-]+\s+){{0,2}}",
        text[t_end:agents[0].start])
    if not passive:
        return None
    patient = [r for r in parties if r.end <= t_start and r.actor_id != agents[0].actor_id]
    return Roles(agents[0].actor_id, patient[-1].actor_id if patient else None, rule="passive")


# "killed by the junta attack", "died in a KIA ambush", "hit during military shelling": the actor named as
# the act's modifier, after a passive or circumstance cue, acted; parties told before it were acted upon
_MODIFIER_CUE = re.compile(r"\b(?:by|in|during|under)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,2}$")
_MODIFIER_GAP = re.compile(r"(?:['’]s?)?\s+(?:[a-z][\w-]*\s+){0,2}")


def _modifier_agent(parties: list[ActorRef], text: str, t_start: int) -> Roles | None:
    agent = next((r for r in reversed(parties) if r.end <= t_start), None)
    if agent is None or not _MODIFIER_GAP.fullmatch(text[agent.end:t_start]) \
            or not _MODIFIER_CUE.search(text[max(0, agent.start - 40):agent.start]):
        return None
    patient = [r for r in parties if r.end <= agent.start and r.actor_id != agent.actor_id]
    return Roles(agent.actor_id, patient[-1].actor_id if patient else None, rule="modifier")


# "a junta convoy hit a landmine", "two soldiers stepped on mines": the subject of these verbs is what the
# mine struck, not who laid it
_STRUCK_A_MINE = re.compile(
    r"\b(?:hit|hits|struck|strikes|stepped\s+on|steps\s+on|ran\s+over|runs\s+over|drove\s+over|drove\s+onto|"
    r"triggered|triggers|set\s+off|(?:was|were|been|got)\s+(?:\w+\s+)?(?:hit|struck|injured|killed|wounded|maimed)\s+by)"
    r"\s+(?:(?:a|an|the|two|three|several|multiple|\d+)\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


_MINE_WORD = re.compile(r"mines?\b|\bieds?\b|explosive|bomb", re.IGNORECASE)


def _struck_a_mine(parties: list[ActorRef], text: str, t_start: int, t_end: int, lo: int) -> Roles | None:
    if not (_MINE_WORD.search(text[t_start:t_end]) and _STRUCK_A_MINE.search(text[max(lo, t_start - 40):t_start])):
        return None
    clause_start = _clause_start(text, lo, t_start)
    struck = [r for r in parties if clause_start <= r.start and r.end <= t_start]
    if not struck:
        return None
    return Roles(None, struck[0].actor_id, rule="struck-a-mine")


def _clause_start(text: str, lo: int, t_start: int) -> int:
    """Where the trigger's clause begins: after the last clause break ("when", "after", ";") before it."""
    return max([lo, *(m.end() for m in _CLAUSE_BREAK.finditer(text, lo, t_start))])


# ", which has been fighting the military since 2023," / ", an ally of the army,": a description of the
# subject, whose actors are not the subject
_ASIDE = re.compile(r",\s+(?:which|who|whose|an?\s+(?:ally|member|wing|group|armed group|ethnic))\b[^,.;]{1,160},")
_FRONTED = re.compile(r"\s*(?:despite|amid|after|following|during|in response to|in retaliation for|unlike|according to)\b[^,;.]{3,200},",
                      re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"\b(?:when|after|as|while|that|which|who|because|before|where)\b|[;:]", re.IGNORECASE)
_PASSIVE_MAIN = re.compile(r"\b(?:was|were|been|are|is)\s+(?:\w+\s+){0,2}?(?:killed|injured|wounded|hurt|hit|arrested|"
                           r"detained|abducted|displaced|shot)\b|\bdied\b", re.IGNORECASE)


def _active(parties: list[ActorRef], refs: list[ActorRef], t_start: int, t_end: int, text: str, lo: int) -> Roles:
    """The subject is the first party of the trigger's clause ("A coalition of PDF battalions and the KIA
    took control"); a main clause in the passive before it names the victims ("Two farmers were
    killed when a landmine exploded")."""
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text, lo, t_start)]
    inside = lambda pos: any(a <= pos < b for a, b in asides)  # noqa: E731
    clause_start = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, t_start):
        if not inside(m.start()):
            clause_start = m.end()
    fronted = _FRONTED.match(text, lo, t_start)
    if fronted and any(fronted.end() <= r.start and r.end <= t_start for r in parties):
        # "Despite China's calls to stop fighting the junta, the KIA seized ...", "After clashes with the KIA,
        # troops torched ...": the parties of a phrase put before the main clause are not its subject
        clause_start = max(clause_start, fronted.end())
    in_clause = [r for r in parties if clause_start <= r.start and r.end <= t_start and not inside(r.start)]
    before_clause = [r for r in parties if r.end <= clause_start]
    # Only parties are placed against the clause's end, so no break past the last one needs finding (a text
    # with none would otherwise be read to its end for every trigger).
    reach = min(len(text), max((r.end for r in parties), default=t_end) + 10)
    clause_end = next((m.start() for m in _CLAUSE_BREAK.finditer(text, t_end, reach)), len(text))
    objects = [r for r in parties if t_end <= r.start < clause_end]
    actor1 = in_clause[0].actor_id if in_clause else None
    sayer = next((r for r in parties if r.said_it and r.end <= t_start), None)
    if sayer is not None and not [r for r in parties if r.start > sayer.end + _said_offset(text, sayer) and r.end <= t_start]:
        return Roles(sayer.actor_id, next((r.actor_id for r in objects if r.actor_id != sayer.actor_id), None),
                     rule="said-it")  # "The AA, which was in a truce with the military, said it took Paletwa"
    victims, hit_in = None, False
    if in_clause and _HIT_IN.fullmatch(text, in_clause[0].end, t_start) and not _BOTH_SIDES.search(text, t_start, t_end):
        # "Five policemen were killed in a bomb attack": the passive subject is what the act hit, not its doer
        victims, actor1, in_clause, hit_in = in_clause[0].actor_id, None, in_clause[1:], True
    elif before_clause and _PASSIVE_MAIN.search(text[before_clause[0].end:clause_start]):
        victims = before_clause[0].actor_id
    elif actor1 is None and before_clause:
        actor1 = before_clause[0].actor_id
    if actor1 is None:
        sources = [r for r in refs if r.end <= t_start and (r.said_it or re.search(
            r"\b(?:its|their|it|they)\b", text[r.end:t_start]))]
        actor1 = sources[0].actor_id if sources else None
    assoc = tuple(dict.fromkeys(r.actor_id for r in in_clause[1:] if r.actor_id != actor1))
    actor2 = next((r.actor_id for r in objects if r.actor_id != actor1), None) or victims
    if not objects and _PASSIVE_OUTCOME.search(text, max(lo, t_start - 20), t_end + 12):
        # "Two civilians were killed when junta soldiers opened fire": the doer is the next clause's subject
        cause = _CAUSE_CLAUSE.match(text, t_end)
        doer = next((r for r in parties if cause and cause.end() <= r.start <= cause.end() + 40), None)
        if doer is not None:
            return Roles(doer.actor_id, next((r.actor_id for r in reversed(in_clause) if r.actor_id != doer.actor_id), None),
                         rule="cause-clause")
    transitive = re.fullmatch(r"[a-z]+ed", text[t_start:t_end]) and not _TWO_SIDED.match(text, t_start, t_end)
    if actor1 is None and objects and victims is None and (_TARGET_AFTER.match(text, t_end, objects[0].start) or (
            transitive and _DIRECT_OBJECT.match(text, t_end, objects[0].start))):
        # "An ambush on a junta convoy ... , the PDF said": what the act was on is its target, not its doer
        return Roles(None, objects[0].actor_id, assoc1=assoc, rule="target")
    if actor1 is None and objects and victims is None and not _BOTH_SIDES.search(text, t_start, t_end) \
            and _FACILITY_AFTER.match(text, objects[0].end):
        # "bombs fell into a compound containing the police office", "shells landed near an army camp": a force
        # named as the owner of a place after the act is where the act landed, not who did it
        return Roles(None, objects[0].actor_id, assoc1=assoc, rule="target")
    if actor1 is None and objects and victims is None and (_BOTH_SIDES.search(text, t_start, t_end) or not _HARMED_BEFORE.search(
            text, t_end, objects[0].start)):
        actor1 = objects[0].actor_id
        actor2 = next((r.actor_id for r in objects[1:] if r.actor_id != actor1), None)
    return Roles(actor1, actor2, assoc1=assoc, rule="hit-in" if hit_in and actor2 == victims else "active")


# "... troops were killed in a", "soldiers were wounded during the": the subject was hit by the act told next
_HIT_IN = re.compile(r"(?:['’]s?)?\s+(?:[\w'’-]+\s+){0,4}?(?:were|was|been|got)\s+(?:\w+ly\s+)?(?:killed|injured|wounded|hurt|"
                     r"hit|shot|struck|targeted|arrested|detained|abducted)(?:\s+(?:and|or)\s+(?:killed|injured|wounded))?\s+"
                     r"(?:in|by|during|after|under|with|from)\s+(?:[^.;,]{0,40}?\s)?", re.IGNORECASE)
# "a bomb attack on the compound killed five officials and wounded 11 policemen", "the blast wounded three
# soldiers": the party after a later harm verb was hit, not the doer
_HARMED_BEFORE = re.compile(r"\b(?:kill|injur|wound|hurt|hit|struck|strik|target|destroy|damag)\w*\b", re.IGNORECASE)
_BOTH_SIDES = re.compile(r"clash|fight|fought|battl|skirmish|engag|exchang|confront|hostilit|combat|assault|offensive|siege", re.IGNORECASE)
_PASSIVE_OUTCOME = re.compile(r"\b(?:were|was|been)\s+(?:\w+\s+)?(?:killed|injured|wounded|hurt|shot|arrested|detained|"
                              r"abducted)\b", re.IGNORECASE)
_CAUSE_CLAUSE = re.compile(r"[^.;]{0,60}?\b(?:when|as|after)\s+(?:the\s+|a\s+|an\s+)?", re.IGNORECASE)
# "Attackers ambushed a junta convoy": the object of an attack verb is its target (not "fought the army")
_DIRECT_OBJECT = re.compile(r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,1}$")
_TWO_SIDED = re.compile(r"(?:clash|fought|battl|skirmish|engag|exchang|confront)", re.IGNORECASE)
_FACILITY_AFTER = re.compile(r"['’]?s?\s+(?:[\w-]+\s+)?(?:offices?|stations?|compounds?|headquarters|bases?|camps?|outposts?|posts?|"
                             r"checkpoints?|buildings?|barracks|premises|quarters)\b", re.IGNORECASE)
_TARGET_AFTER = re.compile(r"\s+(?:on|against|targeting|at)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)


def _said_offset(text: str, ref: ActorRef) -> int:
    """Where the reported clause starts after a said-it subject (past any aside)."""
    m = SAID_IT.match(text[ref.end:ref.end + 220])
    return m.end() if m else 0
