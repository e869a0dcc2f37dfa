"""The day of an event from its story around it (issue 14, round 9): a lead told with no day or only a week,
and a date that belongs to another story on the page. finalize.py asks these after the sentence's own date."""

from __future__ import annotations

import re
from datetime import timedelta

from tasks.extract import places as place_rules
from tasks.extract.captions import is_caption_at
from tasks.extract.dates import ResolvedDate, find_dates
from tasks.extract.event_place import details_after
from tasks.extract.model import Event
from tasks.extract.scan import HISTORY_DAYS, date_stamp, mentions_in, sentence_dates


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def told_after_publication(when: ResolvedDate, published) -> bool:
    """Is the event's day a full date with its year, later than the page's publication? Such a date heads a
    later story the page lists (related links), not an event of this report."""
    if not when.date_text or not _YEAR.search(when.date_text):
        return False
    told = find_dates(when.date_text, published + timedelta(days=36500))
    return bool(told) and told[0].time_precision == 1 and (told[0].event_date - published).days > 2


_VAGUE_WEEK = re.compile(r"\b(?:this|last|past|previous) week\b|\bweekend\b|recent days|past (?:few|several) days", re.IGNORECASE)


def day_of_the_week_told(knowledge, scan, cand) -> ResolvedDate | None:
    """A lead dated only to a week ("torched houses in three villages last week") takes the first exact day its
    details tell inside that week ("Troops arrived in the village in the afternoon of March 15")."""
    week = cand.date
    if week.time_precision != 2 or not _VAGUE_WEEK.search(week.date_text or "") or re.search(r"\bbetween\b", cand.first.text):
        return None
    for s in details_after(scan, cand):
        dates, _ = sentence_dates(scan, s)
        days = [d for d in dates if d.time_precision == 1 and abs((d.event_date - week.event_date).days) <= 4]
        if days and _names_a_town(knowledge, scan, s):
            return days[0]
    return None


def _names_a_town(knowledge, scan, sentence) -> bool:
    """A detail that tells the act names where it happened, down to a township, town or village ("recruits
    reported to schools around the country on Monday" is the programme's day, not a local act's)."""
    locs = place_rules.locations_in(knowledge, mentions_in(scan, sentence.start, sentence.end), scan.text, scan.context)
    return any(loc.rank >= place_rules.LEVEL_RANK["township"] and loc.place.country_iso == "MMR" for loc in locs)


def dated_by_retelling(events: list[Event]) -> list[Event]:
    """A lead told with no day at all ("Shelling by the army has killed six villagers ...") takes the exact day
    of its first later telling: the same kind of event in the same state and township, "on 17 January at
    noon, the shells struck the village". finalize then collapses the two into one event."""
    for i, lead in enumerate(events):
        if lead.date_text is not None or not lead.admin1:
            continue
        later = next((e for e in events[i + 1:] if e.event_type == lead.event_type), None)
        if not _tells_the_day(lead, later):
            later = _next_act_told(events, i)
            if not _tells_the_day(lead, later):
                continue
        lead.event_date, lead.time_precision, lead.date_text = later.event_date, 1, later.date_text
        lead.assign_id()
    return events


def _tells_the_day(lead: Event, later: Event | None) -> bool:
    return (later is not None and later.time_precision == 1 and bool(later.date_text) and later.admin1 == lead.admin1
            and not (later.admin3 and lead.admin3 and later.admin3 != lead.admin3)
            and later.event_date <= lead.event_date)


# how far after the start of an undated lead its first detail may begin: the lead's paragraph and the next
DETAIL_REACH = 600


def _next_act_told(events: list[Event], i: int) -> Event | None:
    """The article's first event, told with no day, and the act told right after it with one: "junta forces
    launched a crackdown in the village, arresting 40 men. On the afternoon of July 30, soldiers and police
    raided the village." A lead summarises what its details date; the page's own day is the worse guess."""
    if i != 0 or len(events) < 2:
        return None
    later = events[1]
    return later if 0 < later.start_char - events[0].start_char <= DETAIL_REACH else None


def lead_dated_by_details(scan, candidates: list) -> None:
    """A lead with no day ("the PDF said they attacked and occupied the camp") is dated by the sentence or two
    right after it that tell no act of their own ("On November 6th at about 2 p.m., a force of 17 ..."), before
    merging: else the undated lead joins a same-kind act told far below on another day and takes its date."""
    if not candidates or candidates[0].first.index > 1:
        return
    first = candidates[0].first.index
    leads = [c for c in candidates if c.first.index == first]
    if any(c.date is not None or c.relative is not None for c in leads):
        return
    told = {c.first.index for c in candidates}
    details = [s for s in scan.sentences[first + 1:first + 6]
               if not date_stamp(s, scan.published) and len(s.text.split()) > 8  # "March 2, 2024", a byline: the page's day
               and not is_caption_at(scan.text, s.start)]  # a photo's caption shows the story, it tells no detail
    for s in details[:2]:
        if s.index in told:
            return  # the next act's story begins: its day is its own
        dates, _ = sentence_dates(scan, s)
        days = [d for d in dates if d.time_precision == 1 and 0 <= (scan.published - d.event_date).days <= HISTORY_DAYS]
        if days:
            for c in leads:
                c.date = days[0]
            return
