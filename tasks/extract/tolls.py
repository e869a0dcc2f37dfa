"""One event's death toll from its sentences, conservatively (coding guide: the lowest firm number).

- In one sentence, deaths of different groups add up ("killing five soldiers and three civilians"), but
  two tolls from different sources are alternatives, of which the lowest counts ("Myanmar Now said 50
  died, while AP put the death toll at 80").
- Across the sentences that tell one event, a restatement repeats the toll ("Ten people were killed",
  "a resident said ten people had been killed", "some outlets said nine"): the first firm toll stands.
  A later number adds only when its own words say so ("killed another five", "three more died"), and a
  firm number replaces a vague one told first ("killed dozens ... fatally shot more than 30").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tasks.word_gates import gated
from tasks.extract.dates import find_dates
from tasks.extract.numbers import NOBODY_KILLED, Count
from tasks.extract.quantities import VAGUE

_ALTERNATIVE_SOURCE = re.compile(r"\b(?:while|whereas|but)\b[^.;]{0,80}\b(?:put|puts|said|says|reported|estimated)\b|"
                                 r"\bput (?:the )?(?:death )?toll at\b|\bother (?:reports|sources|outlets)\b", re.IGNORECASE)
_MORE_AFTER = re.compile(r"^\s*(?:more|others?|further|additional)\b|^[^.;,]{0,30}?\balso\b", re.IGNORECASE)
_MORE_BEFORE = re.compile(r"\b(?:another|a further|an additional|additional|also)\s+(?:\w+\s+){0,1}$", re.IGNORECASE)
# "killing a monk and 16 other people": "other" set against a count told just before in the same sentence is
# the rest of this sentence's dead, not more dead on top of an earlier sentence's toll
_JOINED_TO = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:and|as well as)\s+", re.IGNORECASE)


@dataclass
class Toll:
    killed: int = 0
    reported: bool = False      # a number (or "nobody was killed") was told
    vague: bool = False         # only "dozens", "several"...
    additive: bool = False      # "another five", "three more"
    update: bool = False        # "bringing the toll to eight": a later count of the same dead, all of them


def _is_vague(count: Count) -> bool:
    words = count.text.lower()
    return not re.search(r"\d", words) and any(v in words for v in VAGUE)


# "gunned down 38 protesters, 22 of them in Hlaingtharyar": a day's toll over several places, and the share of
# the one place named, which is where the event is placed (the most specific place the sentence names)
_SHARE_IN_PLACE = gated(re.compile(r"\s*[\w-]*\s*[\w-]*\s*,\s*(?:and\s+|including\s+)?(?P<n>\d{1,4}) of (?:them|whom)\s+"
                             r"(?:were\s+(?:killed|shot dead)\s+|died\s+)?in\s+(?:the\s+)?[A-Z]"))


def sentence_toll(text: str, counts: list[Count]) -> Toll:
    """The toll one sentence tells (`counts`: its event-scope counts, offsets into `text`)."""
    killed = [c for c in counts if c.kind == "killed"]
    if not killed:
        return Toll(0, bool(NOBODY_KILLED.search(text)))
    share = _SHARE_IN_PLACE.match(text, killed[0].end)
    if share:
        return Toll(int(share.group("n")), True)
    updated = updated_toll(text, killed)
    if updated is not None:
        return Toll(updated, True, update=True)
    value = min(c.value for c in killed) if len(killed) > 1 and _ALTERNATIVE_SOURCE.search(text) else sum(
        c.value for c in killed)
    additive = any(_MORE_AFTER.match(text[c.end:c.end + 40]) or _MORE_BEFORE.search(text[max(0, c.start - 25):c.start])
                   for i, c in enumerate(killed) if not (i and _JOINED_TO.fullmatch(text, killed[i - 1].end, c.start)))
    return Toll(value, True, all(_is_vague(c) for c in killed), additive)


# "bringing the death toll to eight", "the toll had climbed to 13", "nine people are now confirmed dead"
_UPDATED_TOLL = re.compile(r"\b(?:bringing|raising|brought|raised|pushing|pushed|taking|took)\s+the\s+(?:death\s+)?toll\s+to\b|"
                           r"\b(?:death toll|toll)\b[^.;]{0,40}?\b(?:rose|risen|rises|climbed|reached|increased|jumped)\b|"
                           r"\bnow\s+(?:confirmed|known\s+to\s+be|reported)\s+(?:dead|killed)\b", re.IGNORECASE)


def updated_toll(text: str, killed: list[Count]) -> int | None:
    """The dead all told, in a sentence that updates a toll (offsets of `killed` into `text`): the count after
    the update's words ("three more bodies were found, bringing the toll to eight" is eight)."""
    if "toll" not in text and "now" not in text:
        return None  # cheap test first
    m = _UPDATED_TOLL.search(text)
    if m is None:
        return None
    after = [c for c in killed if c.start >= m.start() - 25 and not _is_vague(c)]
    return after[-1].value if after else None


def merge_tolls(first: Toll, later: Toll) -> Toll:
    """The toll of an event told by `first`'s sentences, given one more sentence telling `later`."""
    if not later.reported:
        return first
    if not first.reported:
        return later
    if later.update and not first.vague and later.killed > first.killed:
        return Toll(later.killed, True, False, first.additive)  # "... bringing the toll to eight"
    if later.additive:
        return Toll(first.killed + later.killed, True, first.vague and later.vague, first.additive)
    if first.vague and not later.vague:
        return Toll(later.killed, True, False, first.additive)
    return first


_VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# a running total or a span ("so far", "since", "for months"): never one event's toll
_TOTAL_OR_PERIOD = re.compile(r"\bso far\b|\bas of\b|\bto date\b|\bsince\b|\bfor (?:months|weeks|years|decades)\b|"
                              r"\bover the (?:past|last)\b|\bin recent (?:weeks|months|years)\b|\bthis year\b", re.IGNORECASE)
# deaths with a cause of their own, no act of violence: not the violent event's toll
_OWN_CAUSE = re.compile(r"\b(?:capsiz\w*|drown\w*|sank|accident\w*|illness|disease|starv\w*|lack of (?:food|medicine|treatment)|"
                        r"heart attack|landslides?|floods?|earthquake)\b", re.IGNORECASE)
_LETHAL_SUBS = ("Excessive force against protesters", "Mob violence", "Violent demonstration")  # a peaceful march has no toll


_REACH = 600          # chars after the event's last sentence an orphan toll may stand
_LONE_REACH = 2_000   # ... when the article tells one deadly event only: its toll may come paragraphs later


def lend_orphan_tolls(events: list, counts: list, published: date) -> None:
    """A death toll told in a sentence of its own ("The dead included four children and a monk.", "Two of
    them died in hospital.") belongs to the event told just before (within a few sentences, or anywhere
    after it when the article tells one deadly event only) when that event has no toll of its own, or only a
    vague one ("killed dozens" ... "more than 30 were shot dead"); a running total or background count never
    does."""
    deadly = [e for e in events if e.event_type in _VIOLENT_TYPES or e.sub_event_type in _LETHAL_SUBS]
    reach = _LONE_REACH if len(deadly) == 1 else _REACH
    for sentence, killed, additive, update in _orphan_tolls(counts):
        if _TOTAL_OR_PERIOD.search(sentence.text) or _OWN_CAUSE.search(sentence.text):
            continue  # "So far, 126 protesters have been killed": a running total; "died when their boat capsized"
        before = [e for e in events if e.start_char <= sentence.start and (
            e.event_type in _VIOLENT_TYPES or e.sub_event_type in _LETHAL_SUBS)]
        host = max(before, key=lambda e: e.start_char, default=None)
        if host is None or sentence.start - host.end_char > reach or _dated_elsewhen(sentence.text, host, published):
            continue
        if host.fatalities is None or (_vague_toll(host) and killed > host.fatalities):
            host.fatalities = killed
        elif update is not None and update > host.fatalities:
            host.fatalities = update  # "By Tuesday the death toll had climbed to 13": the same dead, all counted
        elif additive and not _vague_toll(host):
            host.fatalities += killed  # "Two more died of their wounds in hospital": the same act's dead


def _dated_elsewhen(text: str, host, published: date) -> bool:
    """Does the toll's sentence name a day of the month days away from the host event's ("On March 28, two
    civilians were killed" under a July attack), or a day before the host's exact day ("four people were
    killed yesterday" under fighting on the report's own day)? That is another event's toll."""
    if host.event_date is None:
        return False
    if any(d.time_precision == 1 and re.search(r"\d", d.date_text) and abs((d.event_date - host.event_date).days) > 2
           for d in find_dates(text, host.event_date)):
        return True
    return host.time_precision == 1 and any(
        d.time_precision == 1 and _DAY_BEFORE.fullmatch(d.date_text) and d.event_date != host.event_date
        for d in find_dates(text, published))


_DAY_BEFORE = re.compile(r"yesterday|last night", re.IGNORECASE)


def _orphan_tolls(counts: list) -> list:
    """(sentence, toll, additive, update) for each sentence's firm event-scope deaths: the groups of one sentence add up
    ("Three soldiers and two resistance fighters were killed" is five), unless two sources give them
    ("Myanmar Now said 50 died, while AP put the toll at 80": the lowest); additive when its words say the dead
    are more than those told ("two more", "another three")."""
    by_sentence: dict[int, tuple] = {}
    for sentence, count in counts:
        if count.kind != "killed" or count.scope != "event" or _is_vague(count):
            continue  # "dozens of bodies on the river bank" gives no toll to lend
        by_sentence.setdefault(sentence.start, (sentence, []))[1].append(count)
    out = []
    for sentence, found in by_sentence.values():
        values = [c.value for c in found]
        text, lo = sentence.text, sentence.start   # count offsets are the article's
        additive = all(_MORE_AFTER.match(text[c.end - lo:c.end - lo + 40]) or _MORE_BEFORE.search(text[max(0, c.start - lo - 25):c.start - lo])
                       for c in found)
        update = updated_toll(text, [Count(c.kind, c.value, c.scope, c.start - lo, c.end - lo, c.text) for c in found])
        out.append((sentence, update if update is not None else (
            min(values) if len(values) > 1 and _ALTERNATIVE_SOURCE.search(text) else sum(values)), additive, update))
    return out


def _vague_toll(event) -> bool:
    """Did the event's toll come from a vague word ("dozens", "scores") in its own sentences?"""
    text = (event.sentence or "").lower()
    return any(VAGUE[v] == event.fatalities and re.search(rf"\b{v}\b", text) for v in _VAGUE_TOLLS)


_VAGUE_TOLLS = ("dozens", "a dozen", "scores", "tens", "hundreds")


# "There were no casualties from the attack": the act named by a definite noun is one told before
_BACK_REFERENCE = re.compile(r"\b(?:from|in|during|of)\s+the\s+(?:attack|raid|strike|assault|shelling|fire|incident|blast|"
                             r"explosion|bombing|arson)\b", re.IGNORECASE)


def lend_no_casualties(events: list, sentences: list, told: set[int]) -> None:
    """ "There were no casualties because residents had fled": a sentence of its own (no event told in it)
    saying nobody was killed gives the event told just before it (as for an orphan toll) a toll of 0, where
    that event has no toll of its own."""
    hosts = [e for e in events if e.event_type in _VIOLENT_TYPES or e.sub_event_type in (*_LETHAL_SUBS, "Looting/property destruction")]
    reach = _LONE_REACH if len(hosts) == 1 else _REACH
    for sentence in sentences:
        if not NOBODY_KILLED.search(sentence.text) or sentence.index in told and not _BACK_REFERENCE.search(sentence.text):
            continue  # (a sentence that names its act only as "the attack" told before speaks of that act)
        before = [e for e in hosts if e.start_char <= sentence.start]
        host = max(before, key=lambda e: e.start_char, default=None)
        if host is not None and host.fatalities is None and sentence.start - host.end_char <= reach:
            host.fatalities = 0
