"""Acts told inside a bigger event of the same day and township, and the run-up to the newest event: passes
over the finalized events of one article (real reporting, issue 14, round 8). A leaf module: it reads Event
rows and counts only.

A report of a battle or a massacre tells what happened in it: "shelling injured a villager", "the army torched
seven vehicles", "the camp was set ablaze", "the rebels retreated", "the troops launched their raids in three
wards". ACLED codes the one event; each of those clauses is no event of its own when it kills nobody by its
own telling. A story of the last days also recalls how it began ("The rebels seized the neighbouring town on
July 17", "started their offensive on 15 May"): an earlier step of the campaign, not a new event.
"""

from __future__ import annotations

import re

from tasks.extract import actors as actor_rules
from tasks.extract.model import Event
from tasks.extract.numbers import find_counts

# what a fight or a massacre does besides killing: harm from afar, things burned, ground given up, a base set up
_SIDE_KINDS = frozenset({"Shelling/artillery/missile attack", "Looting/property destruction",
                         "Non-violent transfer of territory", "Headquarters or base established"})
# an act told as one more of its own: "the soldiers also looted rice", "later torched", "then burned"
_ANOTHER_ACT = re.compile(r"\b(?:also|separately|later|afterwards|subsequently|then)\b", re.IGNORECASE)
_DEADLY_CROWD = frozenset({"Excessive force against protesters", "Mob violence"})
# an earlier step of the campaign lies this many days or more before the newest event the story tells
RUN_UP_DAYS = 5


def kills_by_its_own_telling(event: Event) -> bool:
    """Does the event's own sentence count dead ("killing three", "five were killed")? A toll lent from
    another sentence or taken from a headline's other clause does not count."""
    return any(c.kind == "killed" and c.scope == "event" and c.value > 0 for c in find_counts(event.sentence or ""))


def _hosts(event: Event) -> bool:
    return event.event_type in actor_rules.VIOLENT_TYPES or event.sub_event_type in _DEADLY_CROWD


def _side_act(event: Event, host: Event) -> bool:
    """Is `event` a part of `host` told as an act of another kind?"""
    if event is host or event.admin1 != host.admin1 or not _hosts(host):
        return False
    same_dead = bool(host.fatalities) and event.fatalities == host.fatalities   # "15 killed in battle, shelling hits a camp"
    if event.event_date != host.event_date and not (same_dead and not _own_day(event)):
        return False   # another day (a headline with no day of its own that tells the same dead is the same day)
    if event.event_type == host.event_type and event.sub_event_type == host.sub_event_type:
        return False   # the same kind told twice is the mergers' business, not a part
    if event.admin3 != host.admin3 and not (event.actor1_id is None and event.sub_event_type == "Looting/property destruction"):
        return False   # another township: another event (unless it is "the camp", set ablaze by no one named)
    if not same_dead and (_own_day(event) or event.start_char < host.start_char or _ANOTHER_ACT.search(event.notes or "")):
        return False   # told with a day of its own, before the host, or as another act ("also looted"): an event
    if event.sub_event_type in _SIDE_KINDS:
        sides = {host.actor1_id, host.actor2_id, None, actor_rules.CIVILIANS}
        return event.actor1_id in sides and not (kills_by_its_own_telling(event)
                                                 and (event.fatalities or 0) != (host.fatalities or 0))
    # "the troops launched their raids in three wards": a clash with one side, no toll, beside a deadly event
    return (event.sub_event_type == "Armed clash" and event.actor2_id is None and not event.fatalities
            and (host.fatalities or 0) > 0 and event.actor1_id in (host.actor1_id, host.actor2_id))


def _own_day(event: Event) -> bool:
    """Was the event's date told in its own sentences (not lent by a fallback)?"""
    return bool(event.date_text) and event.date_text.split(" (")[0] in (event.sentence or "")


# "two civilians were killed in the crossfire": people caught in a fight, not a new attack on them
_CROSSFIRE = re.compile(r"\b(?:cross-?fire|caught (?:up )?(?:in|between) (?:the )?(?:fighting|clashes|battle))\b", re.IGNORECASE)


def _crossfire_host(event: Event, events: list[Event]) -> Event | None:
    """The fight a death told as crossfire happened in: the nearest battle of the same day told before it,
    when the death has no named killer of its own."""
    if event.event_type != "Violence against civilians" or not _CROSSFIRE.search(event.sentence or "") \
            or event.actor1_id not in (None, "unidentified_armed_group"):
        return None
    before = [h for h in events if h is not event and h.event_type == "Battles" and h.event_date == event.event_date
              and (h.start_char or 0) < (event.start_char or 0)]
    return max(before, key=lambda h: h.start_char or 0, default=None)


def side_acts_folded(events: list[Event]) -> list[Event]:
    """Drop the parts of a bigger event of the same day and township; the host keeps its own toll and
    takes the part's injured when it has none. Civilians killed in a fight's crossfire are its dead."""
    out = []
    for event in events:
        fight = _crossfire_host(event, events)
        if fight is not None:
            fight.fatalities = (fight.fatalities or 0) + (event.fatalities or 0) if event.fatalities else fight.fatalities
            continue
        host = next((h for h in events if h is not event and h.sub_event_type not in _SIDE_KINDS and _side_act(event, h)), None)
        if host is None:
            out.append(event)
        elif not host.injured and event.injured:
            host.injured = event.injured
    return out


def run_up_dropped(events: list[Event]) -> list[Event]:
    """A fight or capture told with its own exact day five days or more before the newest dated event of the
    story, and with no dead of its own, is the campaign's run-up to it ("seized the neighbouring town on July
    17" in a story of the 24th, "started their offensive on 15 May"): background, not a new event. Strikes
    and shelling on such a day stay events (each is a new harm the story reports)."""
    own_days = {id(e) for e in events if _own_day(e)}
    if len(own_days) < 2:
        return events
    newest = max(e.event_date for e in events if id(e) in own_days)
    first = min(events, key=lambda e: e.start_char or 0)
    return [e for e in events if not (id(e) in own_days and e.time_precision == 1 and e.event_type == "Battles"
                                      and (newest - e.event_date).days >= RUN_UP_DAYS
                                      and not kills_by_its_own_telling(e)
                                      and (e is not first or _culminates(e, events)))]


def _culminates(event: Event, events: list[Event]) -> bool:
    """The story's first act is what it is about (a battle begun nine days ago, then a bomb), unless a later
    fight of the same township with a side in common ends what it began ("started their offensive on 15 May",
    then "took control of the town on 21 May")."""
    sides = {event.actor1_id, event.actor2_id} - {None}
    return any(e.event_type == "Battles" and e.event_date > event.event_date and e.admin3 and e.admin3 == event.admin3
               and sides & {e.actor1_id, e.actor2_id} for e in events)
