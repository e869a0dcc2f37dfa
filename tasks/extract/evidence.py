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

from tasks.extract.model import Event
from tasks.extract.side_acts import kills_by_its_own_telling

# a time of the day told for the act: "at 1:30 in the afternoon", "from 11:30am", "around 10 pm", "at noon"
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)|\b(?:at|from|around|about|since|until|till)\s+"
                    r"(?:around\s+|about\s+)?(?:\d{1,2}[:.]\d{2}|\d{1,2}\s+o['’]clock|noon|midnight)\b", re.IGNORECASE)
# the writer sets the act apart from what was told: "Separately, ...", "in a separate attack", "in another incident"
_APART = re.compile(r"\bseparately\b|\bin (?:a|another) separate\b|\bin (?:another|a second|a further|a fresh) "
                    r"(?:incident|attack|raid|strike|clash|case)\b", re.IGNORECASE)
# ... or marks the act itself as one more: "troops also arrested", "another air strike hit", "later torched"
_ONE_MORE_BEFORE = re.compile(r"\b(?:also|another|later|then|again)\s+(?:[\w'’-]+\s+){0,1}$", re.IGNORECASE)


def own_day(event: Event) -> bool:
    """Was the event's day told in its own sentences (not lent from the story around it)?"""
    return bool(event.date_text) and event.date_text.split(" (")[0] in (event.sentence or "")


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
    """A day, a time, dead or people taken of its own, or words that set it apart from what was told."""
    return own_day(event) or bool(_CLOCK.search(event.sentence or "")) or kills_by_its_own_telling(event) \
        or takes_others(event, first) or set_apart(event)


def later_events_with_evidence(events: list[Event]) -> list[Event]:
    """Keep the first event told and every later one that has evidence of its own."""
    if len(events) < 2:
        return events
    first = min(events, key=lambda e: e.start_char or 0)
    return [e for e in events if e is first or has_own_evidence(e, first)]
