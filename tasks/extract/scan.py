"""What extraction knows about one article before it looks for events: its sentences, the knowledge
matcher's mentions (one scan over the whole text), the place context, the dateline, and the dates each
sentence tells. A leaf module: events (candidates, merging) and finalize (fallbacks) both read it, and it
imports neither, so the extract package has no import cycle.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from tasks.extract import places as place_rules
from tasks.extract.dates import ResolvedDate, find_dates
from tasks.extract.romanised_places import with_variant_places
from tasks.extract.sentences import Sentence, find_dateline, split_sentences

_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|confirmed|claimed|added|wrote|posted|statement|"
    r"declared|noted|warned|explained)\s+(?:(?!(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s)\w+\s+){0,2}?"
    r"(?:on\s+|late\s+|early\s+)?$"  # (not an object with its count: "reported two airstrikes on Monday" is the strikes' day)
    # "residents told Radio Free Asia on Tuesday": a named outlet or person of up to four capitalised words
    r"|\b(?:told|informed)\s+(?:the\s+)?(?-i:[A-Z][\w'’.-]*\s+){1,4}(?:on\s+|late\s+|early\s+)?$"
    r"|\b(?:statement|report|video|post|announcement)\s+(?:released|issued|published|posted|put out)\s+"
    r"(?:by\s+(?:[\w'’-]+\s+){1,5})?(?:on\s+)?$"
    r"|\b(?:issued|released|published|put out|posted)\s+(?:a|the|its)\s+(?:\w+\s+)?(?:statement|report|announcement)\s+"
    r"(?:on\s+)?$", re.IGNORECASE)
# "according to villagers and the head of a local group on Thursday": whose word it is, and the day they gave it
# (the attribution's words reach further back than the 30 characters the other cues need)
_ACCORDING_BEFORE = re.compile(r"\baccording to\s+(?:[\w'’.-]+\s+){1,12}?(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)
# News reports new events: a sentence whose own date lies further back than this is history.
HISTORY_DAYS = 14


@dataclass
class ArticleScan:
    text: str
    published: date
    sentences: list[Sentence]
    mentions: list
    context: place_rules.PlaceContext
    title_mentions: list
    title: str
    dateline_end: int = 0
    starts: list[int] = field(default_factory=list)
    event_sentences: set[int] = field(default_factory=set)   # sentences that tell an event (after merging)

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]


# "YANGON, May 3:" opening a paragraph near the top: the day the story was filed
# (a local outlet's too: "Gangaw, August (20)" on a line of its own, "Salingyi, May 14 -")
_FILED = re.compile(r"(?:^|\n)\s*[A-Z][A-Za-z'’. -]{2,30},\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\(?\d{1,2}\)?|\d{1,2}\s+[A-Z][a-z]{2,8})"
                    r"(?:,?\s*\d{4})?)\s*(?:\([A-Za-z .&/]{2,30}\)\s*)?(?:-|–|—|:|\n)")
# "May 14, 2024" alone on one of the page's first lines: the day the story was written
_STAMP_LINE = re.compile(r"(?:^|\n)[ \t]*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8},?\s+\d{4}))[ \t]*(?:\n|$)")


_FILED_PREFIX = re.compile(r"^\s*[A-Z][A-Z'’. -]{2,30},\s*$")


def filed_on(text: str, published: date) -> date:
    """The day relative days are counted from: a dateline's date ("YANGON, May 3: ... on Monday") or the
    page's own date on one of its first lines, when it lies a day or two before the publication date given
    (a wire story posted the next morning, a page crawled late), else the publication date."""
    m = _FILED.search(text[:1500]) or _STAMP_LINE.search(text[:300])
    if m is None:
        return published
    days = [d.event_date for d in find_dates(m.group("date").replace("(", "").replace(")", ""), published)]
    return days[0] if days and 0 < (published - days[0]).days <= 2 else published


def build_scan(knowledge, title: str, text: str, published: date) -> ArticleScan:
    published = filed_on(text, published)
    # a body that names no Myanmar place of its own ("the soldiers came at dawn") under a headline that does
    # ("junta raid on Sagaing village") is anchored by its headline: its "troops" are Myanmar's
    # (a short form needing context is never an anchor, so the title is scanned once, with its short forms kept)
    found_in_title = knowledge.find(title, myanmar_context=True) if title else []
    anchored_by_title = knowledge.myanmar_anchored(found_in_title)
    mentions = with_variant_places(  # "Chan Mya Thazi", "Tharketa"
        knowledge, text, knowledge.find(text, myanmar_context=True if anchored_by_title else None))
    title_mentions = with_variant_places(knowledge, title, found_in_title) if title else []
    context = place_rules.build_context(knowledge, [*mentions, *title_mentions])
    dateline = find_dateline(text)
    return ArticleScan(text, published, split_sentences(text), mentions, context, title_mentions, title or "",
                       dateline.end if dateline else 0)


def date_stamp(sentence: Sentence, published: date) -> bool:
    """Is the sentence only a date ("16 August 2022", "Tuesday, 4 May, 2021, 4:56 AM")? Such a line is when
    the page was published or updated; it lends no day to the events told after it."""
    text = sentence.text
    for d in find_dates(text, published):
        text = text.replace(d.date_text, " ")
    return len(re.findall(r"[A-Za-z]{3,}", text)) <= 2 and len(sentence.text) < 60


def following_date(scan: "ArticleScan", index: int) -> ResolvedDate | None:
    """The event date of the next sentence when it tells no event of its own: a lead without a date is
    often followed by the details ("Soldiers re-entered Kawlin on Saturday after ...")."""
    if index + 1 >= len(scan.sentences) or index + 1 in scan.event_sentences:
        return None
    nxt = scan.sentences[index + 1]
    if nxt.paragraph - scan.sentences[index].paragraph > 1:
        return None
    dates, _ = sentence_dates(scan, nxt)
    recent = [d for d in dates if (scan.published - d.event_date).days <= HISTORY_DAYS]
    return min(recent, key=lambda d: d.time_precision) if recent else None


def mentions_in(scan: "ArticleScan", lo: int, hi: int) -> list:
    """Mentions starting in [lo, hi) — mentions are sorted by start, so two bisections."""
    return scan.mentions[bisect_left(scan.starts, lo):bisect_left(scan.starts, hi)]


def sentence_dates(scan: ArticleScan, sentence: Sentence) -> tuple[list[ResolvedDate], ResolvedDate | None]:
    """Event dates in the sentence, and a reporting date ('said on Friday') kept apart as a last resort."""
    event_dates, report = [], None
    dateline_end = scan.dateline_end - sentence.start
    for d in find_dates(sentence.text, scan.published):
        if d.start < dateline_end or _FILED_PREFIX.match(sentence.text[:d.start]):
            continue  # "BANGKOK, April 12 (Reuters) -": when the story was filed
        before = sentence.text[max(0, d.start - 30):d.start]
        since = sentence.text.lower().rfind("since ", 0, d.start)
        if d.date_text.lower().startswith("since") or (since >= 0 and not re.search(r"[,;]", sentence.text[since:d.start])):
            continue  # "since late October", "since the alliance agreed to a truce in January"
        if _REPORTING_BEFORE.search(before) or _ACCORDING_BEFORE.search(sentence.text, max(0, d.start - 100), d.start) or (report is not None and sentence.text[report.end:d.start].strip() == "("):
            report = report or d   # "said on Tuesday (August 26, 2025)": the bracket restates the reporting day
            continue
        event_dates.append(d)
    return event_dates, report
