"""Candidates that tell one event become one (step 3 in tasks/extract/events.py): a following sentence that
continues the story without a date of its own, an undated restatement of the same kind of event, a mention
that refers back ("the raid"), and a bare 'attack' beside a more specific violent act on its day."""

from __future__ import annotations

import re

from tasks.extract import actors as actor_rules
from tasks.extract import places as place_rules
from tasks.extract.candidate import Candidate
from tasks.extract.dates import ResolvedDate
from tasks.extract.kind_cues import same_kind
from tasks.extract.no_event import DURING_TOLD
from tasks.extract.tolls import merge_tolls

_TERRITORY_SUBS = ("Non-state actor overtakes territory", "Government regains territory")
_GENERAL = re.compile(r"\b(?:has|have)\s+(?:also\s+)?seen\b|\bthe conflict\b", re.IGNORECASE)
_PLUPERFECT_BEFORE = re.compile(r"\bhad\s+(?:been\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_ADDITIVE = re.compile(r"\b(?:also|another|other|others|more|further|additional)\b", re.IGNORECASE)


def _compatible_place(a: Candidate, b: Candidate) -> bool:
    if a.location is None or b.location is None:
        return True
    pa, pb = a.location.place, b.location.place
    if pa.country_iso != pb.country_iso:
        return pa.level == "country" or pb.level == "country"
    if pa.township_pcode and pb.township_pcode:
        return pa.township_pcode == pb.township_pcode
    return _one_state(pa, pb)


def _one_state(pa, pb) -> bool:
    """Do the two places lie in one state/region, as far as both are told?"""
    return not (pa.state_name and pb.state_name) or place_rules.state_base(pa.state_name) == place_rules.state_base(pb.state_name)


_CONTINUED_UNTIL = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:attacks?|shelling|bombardment|strikes?|fighting|"
                              r"clash(?:es)?|assault|raid|battle)\s+(?:continued|lasted|went on|raged)\s+(?:until|till|into|"
                              r"through)\b", re.IGNORECASE)


def _continues(prev: Candidate, cand: Candidate) -> bool:
    """Does `cand` (a later sentence) tell more about `prev` rather than a new event?"""
    if cand.first.index - prev.sentences[-1].index > 2 or (cand.relative is not None and cand.relative[0] != 0):
        return False
    if cand.date and prev.date and 0 <= (cand.date.event_date - prev.date.event_date).days <= 1 \
            and _CONTINUED_UNTIL.search(cand.first.text):
        return True  # "The artillery attack continued until 1 am on June 6th": the same attack, past midnight
    if cand.date and prev.date and cand.date.event_date != prev.date.event_date:
        return False
    if not _compatible_place(prev, cand):
        return False
    follows_battle = (cand.rule == "surrender" and prev.event_type == "Battles" and cand.location is None
                      and not _GENERAL.search(cand.first.text))
    if cand.hit.anaphoric or follows_battle or (cand.hit.casualty_only and prev.event_type in actor_rules.VIOLENT_TYPES):
        return cand.date is None or prev.date is None or cand.date.event_date == prev.date.event_date
    if cand.sub_event_type == "Non-violent transfer of territory" and prev.sub_event_type in _TERRITORY_SUBS:
        # "re-entered the town after the PDF withdrew": the loser's withdrawal is part of the takeover
        return cand.date is None or prev.date is None or cand.date.event_date == prev.date.event_date
    if cand.date is None and prev.event_type in actor_rules.VIOLENT_TYPES and _PLUPERFECT_BEFORE.search(
            cand.first.text[:cand.hit.start - cand.first.start]):
        return True  # "The men had been detained during the raid": how the event just told came about
    if cand.event_type != prev.event_type:
        return False
    return cand.date is None or prev.date is not None


def finer_date(date_: ResolvedDate | None, cand: Candidate) -> ResolvedDate | None:
    """ "this week" told first, "on Tuesday" in the details: the day, if it lies in that week and is no
    range ("between Saturday night and early Monday")."""
    if date_ is None or cand.date is None or date_.time_precision <= cand.date.time_precision \
            or not re.search(r"\bweek|weekend|recent days|past (?:few|several) days", date_.date_text, re.IGNORECASE):
        return date_  # only a vague week is refined; "between May 17 and 19" is a range on purpose
    if abs((date_.event_date - cand.date.event_date).days) <= 7 and not re.search(r"\bbetween\b", cand.first.text):
        return cand.date
    return date_


def _absorb(prev: Candidate, cand: Candidate) -> None:
    prev.sentences.append(cand.first)
    if not (cand.hit.anaphoric or cand.hit.casualty_only) and cand.event_type == prev.event_type:
        from tasks.extract.triggers import SUB_PRIORITY
        if SUB_PRIORITY.get(cand.sub_event_type, 0) > SUB_PRIORITY.get(prev.sub_event_type, 0):
            prev.sub_event_type, prev.hit, prev.rule = cand.sub_event_type, cand.hit, cand.rule
    prev.date = finer_date(prev.date, cand) or cand.date
    prev.report_date = prev.report_date or cand.report_date
    if cand.location and (prev.location is None or cand.location.strength > prev.location.strength):
        prev.location = cand.location
    if (prev.roles.actor1 is None or (prev.roles.actor1 == actor_rules.GENERIC and cand.roles.actor1 not in (
            None, actor_rules.GENERIC, *actor_rules.PEOPLE, *actor_rules.STATE_SIDE))) \
            and (cand.roles.actor1 is None or cand.roles.actor1 != prev.roles.actor2) \
            and (prev.roles.rule != "struck-a-mine" or cand.roles.actor2 == prev.roles.actor2):
        # a later sentence's subject does not turn the side the act was done to into its doer, nor name who laid
        # a mine unless it tells it acting on the same side ("the PDF attacked the convoy with landmines")
        prev.roles.actor1 = cand.roles.actor1 or prev.roles.actor1
    if cand.sub_event_type == "Non-violent transfer of territory" and prev.sub_event_type in _TERRITORY_SUBS \
            and cand.roles.actor1 not in (None, prev.roles.actor1):
        prev.roles.actor2 = cand.roles.actor1  # the side that withdrew is the side that lost the place
    if prev.roles.actor2 is None and cand.roles.actor2 != prev.roles.actor1:
        prev.roles.actor2 = cand.roles.actor2
    prev.roles.assoc1 = tuple(dict.fromkeys([*prev.roles.assoc1, *cand.roles.assoc1]))
    additive = bool(_ADDITIVE.search(cand.first.text))
    for kind in ("killed", "injured", "displaced", "arrested"):
        a, b = getattr(prev, kind), getattr(cand, kind)
        setattr(prev, kind, a + b if additive else max(a, b))
    prev.toll = merge_tolls(prev.toll, cand.toll)
    prev.counts.extend(cand.counts)


_DETERMINER_BEFORE = re.compile(r"\b(?:the|this|that|these|those)\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE)


_OTHER_BEFORE = re.compile(r"\b(?:other|another|further|more|earlier|previous|separate)\s+$", re.IGNORECASE)  # "the other arrests"
_GENERIC_ATTACK = frozenset({"attack", "attacks", "attacked", "assault", "assaulted"})


def _refers_back(cand: Candidate) -> bool:
    """ "condemned the attack", "details of the assault": a noun for an event with a determiner, not an
    act told ("the junta bombed ...")."""
    hit = cand.hit
    before = cand.first.text[max(0, hit.start - cand.first.start - 30):hit.start - cand.first.start]
    if cand.event_type not in actor_rules.VIOLENT_TYPES and cand.sub_event_type not in _TAKINGS:
        return False
    if hit.text.lower() in _GENERIC_ATTACK and cand.roles.actor2 is None and cand.roles.actor1 == actor_rules.MILITARY:
        return True  # "The military attacked on Monday evening as people gathered": the strike told before
    return (not hit.text.lower().endswith("ed") and bool(_DETERMINER_BEFORE.search(before))
            and not (cand.sub_event_type in _TAKINGS and _OTHER_BEFORE.search(before))
            and not before.strip().lower().endswith(("junta", "military", "army")))


def _absorb_mention(prev: Candidate, cand: Candidate) -> None:
    """A later mention of an event adds its sentence and what the event lacked, never its date: "On Sunday,
    the embassy condemned the attack" dates the condemnation."""
    own_date = prev.date
    _absorb(prev, cand)
    prev.date = own_date or prev.date


def _violent_told(events: list[Candidate], cand: Candidate) -> list[Candidate]:
    # "following the military's detention of the two": an arrest told again points back to the arrest
    return [e for e in events if _can_host(e, cand) and _compatible_place(e, cand)]


def _can_host(event: Candidate, cand: Candidate) -> bool:
    if cand.sub_event_type in _TAKINGS and cand.event_type not in actor_rules.VIOLENT_TYPES:
        return event.sub_event_type == cand.sub_event_type
    return event.event_type in actor_rules.VIOLENT_TYPES


_TAKINGS = frozenset({"Arrests", "Abduction/forced disappearance"})


def _told_before(events: list[Candidate], cand: Candidate) -> list[Candidate]:
    """The violent events an anaphor ("during the attack", "the site of the attack") can point to: those in a
    compatible place, else, for an anaphor with no day of its own, the violent events told at all (the
    anaphor's own place words describe the site: "the Naung Mon police station, on the Mandalay road")."""
    near = _violent_told(events, cand)
    if near or cand.date is not None:
        return near
    # ... but never across states: "the latest assault came a day after it bombed a township in Sagaing
    # region, killing 20" after a strike in Rakhine tells another event, and its toll is not this one's
    return [e for e in events if _can_host(e, cand) and _same_state(e, cand)]


def _same_state(a: Candidate, b: Candidate) -> bool:
    return a.location is None or b.location is None or _one_state(a.location.place, b.location.place)


def merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    events: list[Candidate] = []
    undated: list[Candidate] = []
    for cand in candidates:
        prev = next((e for e in reversed(events) if e.sentences[-1].index >= cand.first.index - 2), None)
        same_sentence = prev is not None and prev.first.index == cand.first.index
        if prev is not None and not same_sentence and _continues(prev, cand):
            _absorb(prev, cand)
        elif cand.date is None and cand.relative is None and DURING_TOLD.search(cand.first.text) and _told_before(events, cand):
            # "The police post also burned down during the attack": what happened in the event told; its
            # place ("the victims in the attack, ... in Rakhine state") never replaces the event's own
            host = _told_before(events, cand)[-1]
            own_place = host.location
            _absorb_mention(host, cand)
            host.location = own_place or host.location
        elif _refers_back(cand) and _told_before(events, cand):
            # "condemned the attack", "missing in the massacre": an event told already, however far back
            host = _told_before(events, cand)[-1]
            own_place = host.location
            _absorb_mention(host, cand)
            host.location = own_place or host.location
        elif _refers_back(cand) and cand.date is None and cand.event_type in actor_rules.VIOLENT_TYPES \
                and any(e.event_type in actor_rules.VIOLENT_TYPES for e in events):
            continue  # "the latest assault came a day after it bombed X in another state": a mention, no new event
        elif not cand.anchored and cand.sub_event_type == "Armed clash" and cand.hit.weight < 0.8 and not events:
            continue  # "as fighting spreads": no date, no place, no side: the war in general
        elif cand.date is None and cand.relative is None and not cand.hit.casualty_only:
            undated.append(cand)
        elif cand.hit.casualty_only and cand.date is None and events and not cand.anchored:
            continue  # "X were killed" with nothing else: counts only, told elsewhere
        else:
            events.append(cand)
    for cand in undated:  # undated restatements join the nearest event of the same kind
        same = [e for e in events if same_kind(cand.sub_event_type, cand.hit.text, e.sub_event_type) and _compatible_place(e, cand)]
        if not same and cand.sub_event_type == "Armed clash" and cand.roles.actor1 is None:
            # "Fighting in the area has forced ... to flee" after a capture: the fighting that took the town
            same = [e for e in events if e.event_type == "Battles" and _compatible_place(e, cand)]
        lead = candidates and cand is candidates[0] and cand.first.index <= 1
        if same and lead:  # a lead is what the story reports: the later telling joins it, not the reverse
            host = min(same, key=lambda e: abs(e.first.index - cand.first.index))
            _absorb_mention(cand, host)
            cand.sentences.sort(key=lambda x: x.index)
            events[events.index(host)] = cand
        elif same:
            _absorb(min(same, key=lambda e: abs(e.first.index - cand.first.index)), cand)
        else:
            events.append(cand)
    return _absorb_generic_attacks(sorted(events, key=lambda e: e.first.index))


def _absorb_generic_attacks(events: list[Candidate]) -> list[Candidate]:
    """ "Shar Htoo Waw claimed to attack the headquarters" beside "drones struck the headquarters on
    Thursday": a bare 'attack' on the day (or with no day) of a more specific violent event retells it."""
    out: list[Candidate] = []
    for cand in events:
        host = None
        if cand.hit.text.lower() in _GENERIC_ATTACK and cand.sub_event_type == "Armed clash" and (cand.hit.anaphoric and not cand.hit.text.lower().endswith("ed") or (
                cand.roles.actor2 is None and cand.roles.actor1 in (None, actor_rules.MILITARY))):
            # ... and so does "Monday's attack", "the attack", whoever the sentence names beside it
            host = next((e for e in events if e is not cand and e.event_type in actor_rules.VIOLENT_TYPES
                         and e.sub_event_type != "Armed clash" and _compatible_place(e, cand)
                         and (cand.date is None or e.date is None or e.date.event_date == cand.date.event_date)), None)
        if host is None:
            out.append(cand)
        else:
            _absorb_mention(host, cand)
    return out
