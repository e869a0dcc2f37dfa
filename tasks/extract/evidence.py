"""The evidence a later event of an article needs to stand as an event of its own (real reporting, issue 14).

A news story reports one event first and then tells more: details of that event, how it came about, the war
around it, what a group said about it, and sometimes other events. What tells a second event apart from a
retelling is that the writer gives it something of its own: a day ("on Tuesday", "on June 6", "the next
day"), a time ("at 1:30 in the afternoon"), its own dead ("killing two villagers"), or words that set it
apart as another act ("separately", "in another attack", "troops also arrested ..."). A later mention with
none of these ("the attack targeted celebrations ...", "it carried out the attacks with ...", "the gunfight
has created tension", "by May it had seized a camp", "junta troops shelled the area") is a part of the first
event, its aftermath or the war in general, not a new event: ACLED codes the one event the story reports.

The first event told is never held to this bar: it is what the story is about. A leaf module over finished
Event rows.
"""

from __future__ import annotations

import re

from tasks.word_gates import gated
from tasks.extract.model import Event
from tasks.extract.side_acts import kills_by_its_own_telling

# a time of the day told for the act: "at 1:30 in the afternoon", "from 11:30am", "around 10 pm", "at noon"
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)|"
                    r"\b(?:at|from|around|about|since|until|till)\s+(?:around\s+|about\s+)?"
                    r"(?:\d{1,2}[:.]\d{2}|\d{1,2}\s+o['’]clock|noon|midnight)\b", re.IGNORECASE)
# a day told relative to another act: "the same morning", "that afternoon", "the next day", "two days later"
_RELATIVE_DAY = re.compile(r"\b(?:the (?:same|next|following|previous) (?:day|morning|afternoon|evening|night)|"
                           r"(?:that|later that) (?:day|morning|afternoon|evening|night)|"
                           r"(?:a|one|two|three|four|five|\d) days? (?:later|earlier|before)|"
                           r"the (?:day|night|morning|afternoon|evening) (?:before|after)|(?:hours|minutes) later)\b", re.IGNORECASE)
# the writer sets the act apart from what was told: "Separately, ...", "in a separate attack", "in another incident"
_APART = re.compile(r"\bseparately\b|\bin (?:a|another) separate\b|\bin (?:another|a second|a further|a fresh) "
                    r"(?:incident|attack|raid|strike|clash|case)\b", re.IGNORECASE)
# ... or marks the act itself as one more: "troops also arrested", "another air strike hit", "later torched"
_ONE_MORE_BEFORE = re.compile(r"\b(?:also|another|later|then|again)\s+(?:[\w'’-]+\s+){0,1}$", re.IGNORECASE)
# the day a source spoke, not the day of the act: "said military spokesman Zaw Min Tun on Monday"
_SAID_BEFORE = gated(re.compile(r"\b(?:said|says|told|announced|reported|stated|confirmed|claimed|added)\s+"
                          r"(?:[\w'’.-]+\s+){0,6}?(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE))


def own_day(event: Event) -> bool:
    """Was the event's day told in its own sentences (not lent from the story around it), as the act's day?
    The day a source spoke is not the act's."""
    if not event.date_text:
        return False
    told = event.date_text.split(" (")[0]
    text = event.sentence or ""
    at = text.find(told)
    return at >= 0 and not _SAID_BEFORE.search(text[max(0, at - 80):at])


def _trigger_at(event: Event) -> int:
    """Where the act's trigger word stands in the event's first sentence (-1 when not found)."""
    word = event.rule.split("|")[0].partition(":")[2]
    return (event.notes or "").lower().find(word) if word else -1


def set_apart(event: Event) -> bool:
    """Does the writer tell the act as another one ("separately", "also arrested", "another air strike")?"""
    first = event.notes or ""
    if _APART.search(first):
        return True
    at = _trigger_at(event)
    return at > 0 and bool(_ONE_MORE_BEFORE.search(first[:at]))


def takes_others(event: Event, first: Event) -> bool:
    """People seized by its own telling ("detained eight young men"), not the first event's number again
    ("security forces arrested 14 people" after "arrested 14 people on Monday" is the same arrest retold)."""
    return bool(event.arrested) and event.arrested != first.arrested


def has_own_evidence(event: Event, first: Event) -> bool:
    """A day (or one told from another act's), a time, dead or people taken of its own, or words that set it
    apart from what was told."""
    told = event.sentence or ""
    return own_day(event) or bool(_CLOCK.search(told) or _RELATIVE_DAY.search(told)) or kills_by_its_own_telling(event) \
        or takes_others(event, first) or set_apart(event)


def retold(event: Event, earlier: Event) -> bool:
    """The same kind of act on the same day in the same state or region with the same number of dead (or of
    people taken) as an event told before it: one event told twice, whatever township the second telling
    names ("17 civilians were killed in the bombing of Kanan village" after "at least 17 killed in an
    airstrike" placed in the next township). Three shot dead in Bago and three in Yangon are two events."""
    if (event.event_type, event.sub_event_type, event.event_date) != (earlier.event_type, earlier.sub_event_type,
                                                                      earlier.event_date):
        return False
    if event.admin1 and earlier.admin1 and event.admin1 != earlier.admin1:
        return False
    return bool(event.fatalities and event.fatalities == earlier.fatalities) or bool(
        event.arrested and event.arrested == earlier.arrested)


# a determiner before the act's noun: "the police crackdown", "After the ceasefire agreement was signed"
_GIVEN_BEFORE = re.compile(r"\b(?:the|this|that|these|those)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


def named_again(event: Event, earlier: Event) -> bool:
    """An act named with a definite noun ("The police crackdown on Saturday has become ...", "After the
    ceasefire agreement was signed on Saturday, ...") on the day of an earlier event of its kind is that
    event named again: a new event is brought in as one ("a crackdown", "another attack"), a known one as
    the one. The day it carries is the earlier event's, so it is no evidence of a new act."""
    at = _trigger_at(event)
    return at > 0 and bool(_GIVEN_BEFORE.search((event.notes or "")[:at])) \
        and (event.event_type, event.event_date) == (earlier.event_type, earlier.event_date)


def same_spot(event: Event, earlier: Event) -> bool:
    """Told at the very place (a village or site, not a whole township) and on the day of an earlier event,
    between the same sides and with no dead of its own ("The junta raiding force was attacked near Min Taing
    Pin on Wednesday morning" after the mine ambush there that morning): a part of that event, not another.
    A fight of other sides there that day (the resistance clashing with the troops who killed villagers) is
    an event of its own."""
    if not event.location or event.location != earlier.location or event.admin3 == event.location:
        return False
    sides = {event.actor1_id, event.actor2_id} - {None}
    return event.event_date == earlier.event_date and bool(sides) and sides <= {earlier.actor1_id, earlier.actor2_id} \
        and not kills_by_its_own_telling(event)


_PLACE_FIELDS = ("place_id", "location", "country_iso", "admin1", "admin1_pcode", "admin2", "admin2_pcode", "admin3",
                 "admin3_pcode", "latitude", "longitude", "geo_precision")


def lend_place(kept: Event, told_again: Event) -> None:
    """A retelling of the same act (same kind, day and a side in common) that names its town places an act
    the story first placed only in a state or region ("a group based in Rakhine says it has seized a
    township ... Paletwa is the first township to fall"): the first event takes that place."""
    same_act = (kept.event_type, kept.sub_event_type, kept.event_date) == \
        (told_again.event_type, told_again.sub_event_type, told_again.event_date)
    shared = {kept.actor1_id, kept.actor2_id} & {told_again.actor1_id, told_again.actor2_id} - {None}
    if same_act and shared and kept.geo_precision in (None, 3) and told_again.admin3 \
            and told_again.geo_precision in (1, 2):
        for name in _PLACE_FIELDS:
            setattr(kept, name, getattr(told_again, name))


def later_events_with_evidence(events: list[Event]) -> list[Event]:
    """Keep the first event told and every later one that has evidence of its own and is not the same
    event told again."""
    if len(events) < 2:
        return events
    ordered = sorted(events, key=lambda e: e.start_char or 0)
    first, kept = ordered[0], [ordered[0]]
    for event in ordered[1:]:
        told_again = any(retold(event, k) or named_again(event, k) or same_spot(event, k) for k in kept)
        if has_own_evidence(event, first) and not told_again:
            kept.append(event)
        else:
            for k in kept:
                lend_place(k, event)
    return [e for e in events if any(e is k for k in kept)]
