"""Events that are part of another one or told again, and events recalled from weeks before: passes over the
finalized events of one article (real reporting, issue 14). A leaf module: it reads Event rows only.
"""

from __future__ import annotations

import re
from datetime import date

from tasks.extract import actors as actor_rules
from tasks.extract.model import Event

_UNNAMED = "unidentified_armed_group"


# an arrest told as an act of its own: "also arrested", "later detained", "police afterwards raided a ward"
_ANOTHER_ACT = re.compile(r"\b(?:also|separately|later|afterwards|subsequently|then)\b", re.IGNORECASE)
_DEADLY_CROWD = frozenset({"Excessive force against protesters", "Mob violence", "Violent demonstration"})


def parts_of_other_events(events: list[Event]) -> list[Event]:
    """Arrests told beside a fight, a massacre or a deadly crackdown of the same day are part of it in ACLED's
    coding (detained in a raid, "killed after they were arrested", protesters detained as police fired on
    the crowd): the host event keeps the count, no separate arrest event is stored. An arrest on another day,
    in another state, or told as a later act ("Police later detained eight men") stays an event. Likewise
    drones the state says it intercepted on the day of a drone strike are that strike's outcome."""
    out = []
    for event in events:
        host = None
        if event.sub_event_type == "Arrests" and not _ANOTHER_ACT.search(event.notes or ""):
            host = next((h for h in events if h is not event and (h.event_type in actor_rules.VIOLENT_TYPES or h.sub_event_type in _DEADLY_CROWD)
                         and (h.start_char < event.start_char or (h.fatalities or 0) > 0)  # not a later retelling of the raid
                         and (h.event_date == event.event_date or not event.date_text)
                         and (not (h.admin1 and event.admin1) or h.admin1 == event.admin1)), None)
        elif event.sub_event_type == "Disrupted weapons use":
            # "the junta said it intercepted 13 drones" on the day of a drone strike: the strike's outcome
            host = next((h for h in events if h.sub_event_type == "Air/drone strike"
                         and abs((h.event_date - event.event_date).days) <= 1
                         and (not (h.admin1 and event.admin1) or h.admin1 == event.admin1)), None)
        if host is None:
            out.append(event)
        else:
            host.arrested = (host.arrested or 0) + (event.arrested or 0) or None
    return out


_ATTACK_WORD = re.compile(r":(?:attack|attacks|attacked|assault|assaults|assaulted)\|")
_REMOTE_STRIKES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
_NO_SIDE = frozenset({None, _UNNAMED})


def attacks_retold(events: list[Event]) -> list[Event]:
    """ "the attack", "the resistance group said it attacked the headquarters": a bare attack word, told on
    the day of a more specific violent event (an air or drone strike, shelling, a massacre) in the same
    state, with no side that event lacks, is that event told again. An attack with two sides of its own is
    a battle ("the KIA attacked a junta base" beside the army's shelling; an ambush with mines), unless the
    same attacker's strike from afar is what it names ("the drone unit said it attacked the headquarters")."""
    out = []
    for event in events:
        host = None
        if event.sub_event_type == "Armed clash" and _ATTACK_WORD.search(event.rule or ""):
            sides = {event.actor1_id, event.actor2_id} - _NO_SIDE
            host = next((h for h in events if h is not event and h.event_type in actor_rules.VIOLENT_TYPES
                         and h.sub_event_type != "Armed clash" and (h.event_date == event.event_date or not event.date_text)
                         and event.admin1 in (None, h.admin1) and sides <= {h.actor1_id, h.actor2_id}
                         and (len(sides) < 2 or (h.sub_event_type in _REMOTE_STRIKES and h.actor1_id == event.actor1_id))),
                        None)
        if host is None:
            out.append(event)
        elif host.fatalities is None:
            host.fatalities = event.fatalities
    return out


# A report tells new events; one dated more than a week before publication, beside an event of the last
# few days that the report is about, is history recalled for context ("She was shot at a protest on
# February 9", "two weeks ago", "as it did on May 18").
RECALLED_DAYS = 7
_WEEKS_AGO = re.compile(r"\b(?:weeks|months) ago\b|\blast month\b", re.IGNORECASE)
_FRESH_DAYS = 3


def _drop_weeks_ago(events: list[Event]) -> list[Event]:
    """ "near the site of air strikes two weeks ago", "a month after the massacre last month": an act the
    report itself dates weeks back, told beside an act a week or more newer, is the newer story's background
    (round 7: the newer act need not be of the last three days)."""
    newest = max((e.event_date for e in events if e.date_text and not _WEEKS_AGO.search(e.date_text)), default=None)
    if newest is None:
        return events
    return [e for e in events if not (e.date_text and _WEEKS_AGO.search(e.date_text)
                                      and (newest - e.event_date).days >= RECALLED_DAYS)]


def drop_recalled(events: list[Event], published: date) -> list[Event]:
    def age(e: Event) -> int:
        return (published - e.event_date).days
    events = _drop_weeks_ago(events)
    fresh = any(e.date_text and age(e) <= _FRESH_DAYS for e in events)
    if not fresh:
        return events
    # an exact day, or "two weeks ago" (a vague "last week" may reach into the last days: kept)
    first = min(events, key=lambda e: e.start_char or 0)  # the first event told is what the story is about
    return [e for e in events if e is first or not (e.date_text and age(e) > RECALLED_DAYS
                                                    and (e.time_precision == 1 or _WEEKS_AGO.search(e.date_text)))]


_TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory"})


def territory_told_twice(events: list[Event]) -> list[Event]:
    """A town changes hands once in a story: a capture of the same township between the same sides told again
    within two days ("Kyaukme was captured on Wednesday", "the recapture of Kyaukme is a setback") is one
    event. The telling with a day of its own keeps the date; the first keeps the rest."""
    out: list[Event] = []
    for event in events:
        host = next((h for h in out if h.sub_event_type in _TERRITORY and h.sub_event_type == event.sub_event_type
                     and h.admin3 is not None and h.admin3 == event.admin3
                     and {h.actor1_id, h.actor2_id} == {event.actor1_id, event.actor2_id}
                     and abs((h.event_date - event.event_date).days) <= 2), None)
        if host is None:
            out.append(event)
        elif _own_day(event) and not _own_day(host):
            host.event_date, host.time_precision, host.date_text = event.event_date, event.time_precision, event.date_text
    return out


def _own_day(event: Event) -> bool:
    """Was the event's date told in its own sentences (not lent by a fallback)?"""
    return bool(event.date_text) and event.date_text.split(" (")[0] in (event.sentence or "")
