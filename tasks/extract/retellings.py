"""One event told several times in one article: retellings further down folded into the first telling,
a strike told again a day apart with the same toll, and identical tellings kept once."""

from __future__ import annotations

from tasks.extract import actors as actor_rules
from tasks.extract.group_members import UNIDENTIFIED
from tasks.extract.model import Event


# Types whose sub-types are ways of telling one event: a shell "exploded" in the shelling told, a protest
# fired on is the protest told, a clash in which a base fell is the capture told.
_ONE_STORY_TYPES = frozenset({"Explosions/Remote violence", "Protests", "Battles"})


def _same_story(host: Event, later: Event) -> bool:
    """Is `later` the event `host` told again, in other words further down the article ("Two were killed
    in the shelling of X on Monday" after the lead on that shelling)? Same kind, same day, no other state or
    township, and no side that the host's telling lacks. Arrests beside a truce, or looting beside an
    attack, can be events of their own: there the sub-type must agree too."""
    if later.event_type != host.event_type or later.event_date != host.event_date:
        return False
    if later.sub_event_type != host.sub_event_type and later.event_type not in _ONE_STORY_TYPES:
        return False
    if later.admin1 and host.admin1 and later.admin1 != host.admin1:
        return False
    if later.admin3 and host.admin3 and later.admin3 != host.admin3:
        return False
    if (later.place_id and host.place_id and later.place_id != host.place_id and later.geo_precision == 1
            and host.geo_precision == 1):
        return False  # two villages named: two strikes
    if later.sub_event_type == host.sub_event_type and (host.fatalities or 0) >= 2 and later.fatalities == host.fatalities:
        return True   # the same dead on the same day and place: one event, whatever side the retelling names
    sides = {host.actor1_id, host.actor2_id, None, UNIDENTIFIED}  # a retelling may leave a side unnamed
    return later.actor1_id in sides and later.actor2_id in sides


def _same_toll_next_day(host: Event, later: Event) -> bool:
    """One strike told twice, dated a day apart ("the strike late on Wednesday", "the AA said on Thursday
    that 40 were killed"), is one event when the same sub-type hit the same place with the same toll of
    two or more dead: an article that tells two strikes on one place names two tolls or two days plainly."""
    return (later.sub_event_type == host.sub_event_type and abs((later.event_date - host.event_date).days) == 1
            and later.place_id is not None and later.place_id == host.place_id
            and host.fatalities is not None and host.fatalities >= 2 and later.fatalities == host.fatalities
            and later.actor1_id == host.actor1_id)


def collapse_next_day_retellings(events: list[Event]) -> list[Event]:
    """After the tolls are lent: an event told again a day apart with the same toll is one event, dated by
    the earlier telling (a report comes after the act: "said on Thursday", a photo "released on" the day
    after; the act itself was "late on Wednesday")."""
    out: list[Event] = []
    for event in events:
        at = next((i for i, host in enumerate(out) if _same_toll_next_day(host, event)), None)
        if at is None:
            out.append(event)
        elif event.event_date < out[at].event_date:
            out[at] = event
    return out


def collapse_retellings(events: list[Event]) -> list[Event]:
    """A report retells its main event in later sentences; each retelling is the same event, not a new
    one. The first telling keeps what the retelling adds (township, target, a toll it lacked)."""
    out: list[Event] = []
    for event in events:
        host = next((h for h in out if _same_story(h, event)), None)
        if host is None:
            out.append(event)
            continue
        if host.admin3 is None and event.admin3 is not None and host.admin1 in (None, event.admin1):
            for name in ("place_id", "location", "admin1", "admin1_pcode", "admin2", "admin2_pcode", "admin3",
                         "admin3_pcode", "latitude", "longitude", "geo_precision"):
                setattr(host, name, getattr(event, name))
        if host.actor2_id is None and event.actor2_id is not None and event.actor2_id != host.actor1_id:
            for name in ("actor2", "actor2_id", "inter2", "assoc_actor_2"):
                setattr(host, name, getattr(event, name))
            host.interaction = actor_rules.interaction(host.inter1, host.inter2)
        if host.fatalities is None:
            host.fatalities = event.fatalities
        host.assign_id()
    return out


def dedupe_by_id(events: list[Event]) -> list[Event]:
    """Each event once: two tellings that came out identical share an id."""
    seen, out = set(), []
    for e in events:
        if e.event_id in seen:
            continue
        seen.add(e.event_id)
        out.append(e)
    return out
