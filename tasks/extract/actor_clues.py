"""Where in an article a side of an event is found: the non-state armed groups it names, the state force
nearest the act, the bomber or killer the next sentences name, the state a drone strike hit, the group that
held a place, the armed group that tells a fight, the state's opponent (never a group named as an ally).
The rules that decide which clue fills which role live in event_actors.py."""

from __future__ import annotations

import re

from tasks.word_gates import gated
from tasks.extract import actors as actor_rules
from tasks.extract.scan import mentions_in


def article_armed_groups(knowledge, scan) -> list[str]:
    """Non-state armed groups named in the article, alliances replaced by their members, in order (once
    per article: every event of it asks)."""
    cached = getattr(scan, "_armed_groups", None)
    if cached is None:
        cached = _find_armed_groups(knowledge, scan)
        scan._armed_groups = cached
    return cached


def _find_armed_groups(knowledge, scan) -> list[str]:
    out: list[str] = []
    for m in scan.mentions:
        if m.kind != "actor":
            continue
        actor = knowledge.actors.get(m.ref_ids[0])
        if actor is None or actor.inter_code not in (2, 3, 4) or actor.country_iso != "MMR":
            continue
        if actor_rules.is_source(scan.text, m.start, m.end):
            continue  # "according to a local resistance group": who told the story, not who fought
        members = knowledge.alliance_members(actor.actor_id)
        for actor_id in (members or (actor.actor_id,)):
            out.append(actor_id)
    named_by_people = [(s, a) for a, s, _ in actor_rules.ethnic_rebels(scan.text) if a in knowledge.actors]
    if named_by_people:  # "Kachin insurgents" counts where it is told, among the groups named
        firsts = {a: m.start for m in reversed(scan.mentions) if m.kind == "actor" for a in m.ref_ids[:1]}
        order = sorted([(firsts.get(a, 0), a) for a in out] + named_by_people)
        out = [a for _, a in order]
    return list(dict.fromkeys(out))


def normalize_actor(knowledge, actor_id: str | None, event_type: str) -> str | None:
    if actor_id is None or actor_id == actor_rules.GENERIC:
        return actor_id
    if actor_id in actor_rules.STATE_ALIASES_TO_MILITARY and actor_rules.MILITARY in knowledge.actors:
        return actor_rules.MILITARY
    actor = knowledge.actors.get(actor_id)
    if actor and actor.armed_wing and event_type in actor_rules.VIOLENT_TYPES and actor.armed_wing in knowledge.actors:
        return actor.armed_wing
    return actor_id


def dominant_state_actor(knowledge, scan) -> str | None:
    for m in scan.mentions:
        actor = knowledge.actors.get(m.ref_ids[0]) if m.kind == "actor" else None
        if actor and actor.inter_code == 1 and actor.country_iso == "MMR":
            return normalize_actor(knowledge, actor.actor_id, "Battles")
    return None


_NOT_THE_FORCE_AFTER = re.compile(r"^\s*(?:coup|takeover|rule|regime['’]s|government|junta['’]s|-run|-ruled|-installed)\b",
                                  re.IGNORECASE)


# "fighting between junta troops and rebels": a side of the war described, not who flew the drone
_WAR_SIDE_BEFORE = re.compile(r"\bbetween\s+(?:[\w'’-]+\s+){0,4}$|\bbetween\s+[^.;]{1,60}\band\s+(?:[\w'’-]+\s+){0,3}$",
                              re.IGNORECASE)


def state_actor_in(knowledge, scan, cand, acting: bool = False) -> str | None:
    """The state force named in the event's sentences nearest the act ("police opened fire"), not the one a
    phrase names in passing ("protests against the military coup"). `acting`: only a force told as doing
    something, not one of the sides of the war described nor one that tells or blames ("the militia and
    the military blamed each other")."""
    found = []
    for s in cand.sentences:
        for m in mentions_in(scan, s.start, s.end):
            actor = knowledge.actors.get(m.ref_ids[0]) if m.kind == "actor" else None
            if acting and (_WAR_SIDE_BEFORE.search(scan.text[max(s.start, m.start - 80):m.start])
                           or actor_rules.is_source(scan.text, m.start, m.end)):
                continue
            if actor and actor.inter_code == 1 and actor.country_iso == "MMR" \
                    and not _NOT_THE_FORCE_AFTER.match(scan.text[m.end:m.end + 20]) \
                    and not _OPPOSED_BEFORE.search(scan.text[max(s.start, m.start - 25):m.start]):
                # "security forces" names no force: a force named by its own name ("riot police") goes first
                generic = scan.text[m.start:m.end].lower().startswith("security")
                found.append((generic, abs(m.start - cand.hit.start), actor.actor_id))
    return normalize_actor(knowledge, min(found)[2], "Protests") if found else None


# "protests against the regime", "a rally opposing the junta": what the crowd opposes, not the force that fired
_OPPOSED_BEFORE = re.compile(r"\b(?:against|opposing|denouncing|condemning)\s+(?:the\s+)?(?:ruling\s+)?$", re.IGNORECASE)
_BOMBER_BEFORE = re.compile(r"\b(?:planted|laid|placed|buried|thrown|hurled|lobbed|detonated|set off|triggered)\s+by\s+"
                            r"(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_CLAIM_AFTER = re.compile(r"^\s+(?:[\w'’-]+\s+){0,2}?claimed responsibility\b", re.IGNORECASE)


# "the victims were reportedly shot by government troops", "villagers said they were killed by soldiers"
_KILLER_BEFORE = re.compile(r"\b(?:shot|killed|massacred|executed|murdered|slain|beaten|tortured|burned|burnt|stabbed|"
                            r"beheaded|gunned down)\s+(?:dead\s+|to death\s+|alive\s+)?by\s+(?:the\s+|a\s+|an\s+)?"
                            r"(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


def named_killer(knowledge, scan, cand) -> str | None:
    """Who killed the people of a massacre told with no perpetrator, when the next sentences say it
    ("Photos showed bodies of people who were reportedly shot by government troops")."""
    return named_bomber(knowledge, scan, cand, _KILLER_BEFORE)


def named_bomber(knowledge, scan, cand, agent_before=_BOMBER_BEFORE) -> str | None:
    """Who planted the mine or threw the grenade, when a following sentence says so: "Villagers said
    the mine had been planted by junta troops", "The PDF claimed responsibility"."""
    if cand is None:
        return None
    told = {x.index for x in cand.sentences}  # the event's sentences and the two after each
    window = [s for s in scan.sentences if any(0 <= s.index - i <= 2 for i in told)]
    for s in window:
        refs = actor_rules.actor_refs(knowledge, mentions_in(scan, s.start, s.end), scan.text, s.start, s.end)
        for r in refs:
            if r.actor_id != actor_rules.GENERIC and (agent_before.search(scan.text[max(s.start, r.start - 50):r.start])
                                                      or _CLAIM_AFTER.match(scan.text[r.end:r.end + 40])):
                return normalize_actor(knowledge, r.actor_id, "Explosions/Remote violence")
    return None


# The state's forces named as what a strike hit: "drones struck a military headquarters", "attacks on
# the junta's airbase", "targeted the regime chief's residence".
_TARGET_AFTER = re.compile(r"^['’]?s?\s+(?:[\w-]+\s+){0,2}?(?:headquarters|bases?|air ?bases?|airports?|airfields?|outposts?|"
                           r"camps?|positions?|residences?|command|targets?|installations?|facilities|compounds?|barracks|"
                           r"council|offices?|stations?|posts?|checkpoints?|convoys?|columns?)\b", re.IGNORECASE)
_TARGET_BEFORE = re.compile(r"\b(?:on|at|against|targeting|targeted|target|hit|hitting|struck|striking|bomb|bombed|bombing)\s+(?:the\s+|a\s+|an\s+)?"
                            r"(?:[\w-]+\s+)?$", re.IGNORECASE)


def state_struck(knowledge, scan, cand) -> str | None:
    """The state actor a drone strike hit, when the sentences telling it name the state as the target and
    never as the one who struck before the strike is told ("junta drones bombed ...")."""
    found = None
    for s in cand.sentences:
        for m in mentions_in(scan, s.start, s.end):
            actor = knowledge.actors.get(m.ref_ids[0]) if m.kind == "actor" else None
            if not (actor and actor.inter_code == 1 and actor.country_iso == "MMR"):
                continue
            if _TARGET_AFTER.match(scan.text[m.end:m.end + 40]) or _TARGET_BEFORE.search(scan.text[max(s.start, m.start - 30):m.start]):
                found = found or normalize_actor(knowledge, actor.actor_id, "Explosions/Remote violence")
            elif s is cand.first and m.start < cand.hit.start:
                return None
    return found


# "had been under the control of the TNLA", "controlled by the KIA", "retook the town from the AA", "TNLA-held"
_HELD_BEFORE = gated(re.compile(
    r"(?:under\s+(?:the\s+)?control\s+of|(?:controlled|held|run|administered)\s+by|in\s+the\s+hands\s+of|"
    r"(?:re)?(?:captured|took|taken|seized|retook|retaken|regained|reclaimed|wrested|won)\s+(?:[\w'’-]+\s+){0,6}?from)"
    r"\s+(?:the\s+)?(?:ethnic\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE))


def place_holder_group(knowledge, scan) -> str | None:
    """The non-state group the report says held a place, first told."""
    named = [(m.start, m.end, m.ref_ids[0]) for m in scan.mentions if m.kind == "actor"]
    named += list((s, e, a) for a, s, e in actor_rules.ethnic_rebels(scan.text))
    for start, end, actor_id in sorted(named):
        actor = knowledge.actors.get(actor_id)
        if actor is None or actor.inter_code not in (2, 3) or knowledge.alliance_members(actor_id):
            continue
        if _HELD_BEFORE.search(scan.text[max(0, start - 90):start]) or re.match(r"-(?:controlled|held)\b", scan.text[end:end + 12]):
            return normalize_actor(knowledge, actor_id, "Battles")
    return None


def armed_teller(knowledge, scan, cand) -> str | None:
    """A fight told with no side named, by an armed group telling it ("According to the KNLA, fighting broke
    out near the camp"): a rebel group reports its own fights, so the teller is a side."""
    for s in cand.sentences:
        for m in mentions_in(scan, s.start, s.end):
            actor = knowledge.actors.get(m.ref_ids[0]) if m.kind == "actor" else None
            if actor and actor.inter_code in (2, 3) and actor.country_iso == "MMR" and not knowledge.alliance_members(actor.actor_id) \
                    and actor_rules.is_source(scan.text, m.start, m.end):
                return normalize_actor(knowledge, actor.actor_id, "Battles")
    return None


# "junta troops and allied SNA forces", "the pro-junta Pyu Saw Htee": fights beside the side named with it
_ALLY_BEFORE = re.compile(r"\b(?:allied|pro-(?:junta|military|regime)|(?:junta|military|regime)-(?:backed|allied|aligned))"
                                r"\s+(?:[\w'’-]+\s+){0,1}$", re.IGNORECASE)


def named_allies(scan) -> frozenset[str]:
    """Actors the article names as the state's allies (once per article: every fight of it asks)."""
    cached = getattr(scan, "_named_allies", None)
    if cached is None:
        cached = scan._named_allies = frozenset(m.ref_ids[0] for m in scan.mentions if m.kind == "actor"
                                                and _ALLY_BEFORE.search(scan.text[max(0, m.start - 30):m.start]))
    return cached


def state_opponent(knowledge, scan, cand) -> str | None:
    """The armed group a fight of the state's forces was against: one named in the fight's own sentences,
    else the article's first; never a group the article names as the state's ally."""
    allies = named_allies(scan)
    groups = [g for g in article_armed_groups(knowledge, scan) if g not in allies and g not in actor_rules.STATE_SIDE]
    if cand is not None:
        own = {m.ref_ids[0] for s in cand.sentences for m in mentions_in(scan, s.start, s.end) if m.kind == "actor"}
        groups = [g for g in groups if g in own] + [g for g in groups if g not in own]
    return normalize_actor(knowledge, groups[0], "Battles") if groups else None


# "the airstrikes targeted Camp Victoria, the military headquarters of the Chin National Army", "jets bombed
# KIA positions": the non-state group whose base or positions the strikes hit
_STRIKE_WORD = re.compile(r"\b(?:air ?strikes?|strikes?|bomb\w*|shell\w*|target\w*|hit|struck|attack\w*)\b", re.IGNORECASE)
_OWNED_BY_BEFORE = re.compile(r"\b(?:headquarters|bases?|camps?|positions|outposts?|posts|strongholds?)\s+of\s+(?:the\s+)?$",
                              re.IGNORECASE)
_OWNED_AFTER = re.compile(r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,1}?(?:headquarters|bases?|camps?|positions|outposts?|posts|strongholds?)\b",
                          re.IGNORECASE)


def group_struck(knowledge, scan) -> str | None:
    """The armed group a strike with no victims told hit, when a sentence of the article names its base or
    positions as the strikes' target."""
    for s in scan.sentences:
        for m in mentions_in(scan, s.start, s.end):
            actor = knowledge.actors.get(m.ref_ids[0]) if m.kind == "actor" else None
            if not (actor and actor.inter_code in (2, 3) and actor.country_iso == "MMR") or knowledge.alliance_members(actor.actor_id):
                continue
            owned = _OWNED_BY_BEFORE.search(scan.text[max(s.start, m.start - 40):m.start]) or _OWNED_AFTER.match(scan.text[m.end:m.end + 30])
            if owned and _STRIKE_WORD.search(scan.text[s.start:m.start]):
                return normalize_actor(knowledge, actor.actor_id, "Explosions/Remote violence")
    return None


# the strike told is by jets, planes or helicopters, and no drone is told (both sides fly drones)
_JETS = re.compile(r"\b(?:air-?strikes?|air\s+raids?|jets?|warplanes?|aircraft|fighter|planes?|helicopters?|gunships?|"
                   r"air\s*force|bombers?)\b", re.IGNORECASE)
_DRONES = re.compile(r"\b(?:drones?|uavs?|quadcopters?|unmanned)\b", re.IGNORECASE)


def flown_by_state(cand) -> bool:
    """Is the strike told by jets, planes or helicopters, with no drone told (both sides fly drones)?"""
    texts = [s.text for s in cand.sentences]
    return any(_JETS.search(t) for t in (cand.hit.text, *texts)) and not any(_DRONES.search(t) for t in texts)


# "resistance forces", "Chin resistance": a side told by what it is, which the seeds map to a default group
_TOLD_BY_KIND = re.compile(r"\bresistance\b", re.IGNORECASE)


def named_for_generic(knowledge, scan, actor_id: str | None, home_fit) -> str | None:
    """A side the article tells only generically ("the resistance coalition ambushed the convoy") is the armed
    group it names that fits: one at home where the event was or one telling the fight ("CNDF spokesperson
    said ..."); else the seeds' default stays. None when the side is named as itself anywhere."""
    if actor_id is None or actor_id not in _told_only_by_kind(scan) or knowledge.actors[actor_id].inter_code not in (2, 3):
        return None
    pool, tellers = _named_groups(knowledge, scan)
    pool = [a for a in pool if a != actor_id]
    telling = [a for a in pool if a in tellers]  # the group whose spokesman tells the fight fought it
    fitting = telling if len(telling) == 1 else [a for a in pool if home_fit(a) > 0]
    return fitting[0] if len(fitting) == 1 else None


def _told_only_by_kind(scan) -> set[str]:
    """Actors every mention of which is generic ("resistance forces"), once per article."""
    cached = getattr(scan, "_told_by_kind", None)
    if cached is None:
        kinds: dict[str, bool] = {}
        for m in scan.mentions:
            if m.kind == "actor":
                kinds[m.ref_ids[0]] = kinds.get(m.ref_ids[0], True) and bool(_TOLD_BY_KIND.search(m.text))
        cached = {a for a, generic in kinds.items() if generic}
        scan._told_by_kind = cached
    return cached


def _named_groups(knowledge, scan) -> tuple[list[str], set[str]]:
    """(the non-state armed groups the article names as themselves, those of them telling the story), once per
    article."""
    cached = getattr(scan, "_named_groups", None)
    if cached is None:
        tellers = {m.ref_ids[0] for m in scan.mentions if m.kind == "actor" and m.ref_ids[0] in knowledge.actors
                   and knowledge.actors[m.ref_ids[0]].inter_code in (2, 3) and actor_rules.is_source(scan.text, m.start, m.end)}
        by_kind = _told_only_by_kind(scan)
        pool = [a for a in dict.fromkeys([*article_armed_groups(knowledge, scan), *tellers])
                if a in knowledge.actors and knowledge.actors[a].inter_code in (2, 3) and a not in actor_rules.STATE_SIDE
                and knowledge.actors[a].country_iso == "MMR" and not knowledge.alliance_members(a) and a not in by_kind]
        cached = scan._named_groups = (pool, tellers)
    return cached
