"""Resolve the date of an event from the words a news report uses, relative to its publication date.

ACLED's time_precision: 1 = the day is known; 2 = only a week, a weekend or a range of days is known;
3 = only the month is known. Our conventions (ACLED asks coders to record the period's date and mark
its precision; we pick a deterministic day inside the period so re-runs agree):

* a weekday ("on Tuesday", "Saturday morning", "Tuesday night") is the latest such day not after
  publication (a Friday story saying "on Friday" means that same day);
* "yesterday" / "last night" are the day before publication; "today", "this morning" the day itself;
* explicit dates ("Jan. 28", "28 January 2024", "2024-01-28", "the night of Feb 3") take the latest
  year that does not put them after publication, precision 1;
* a range of days ("January 10-11", "between 3 and 5 March") is precision 2 and dated to its first day;
* weeks ("last week", "this week", "over the weekend", "in recent days") are precision 2, dated to the
  middle of the window (rounded down), never after publication;
* months ("last month", "earlier this month", "in December", "late October") are precision 3, dated to
  the middle of the part of the month that is meant, never after publication.

Nothing resolves to a day after publication: a later date is clamped to the publication date.
"""

from __future__ import annotations

import re
from calendar import monthrange
from functools import lru_cache
from dataclasses import dataclass
from datetime import date, timedelta

from tasks.case_blind import case_blind, lowered_text

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1}

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?P<part>early|mid|middle of|late|end of|the end of|beginning of|the beginning of|the start of|start of)"


@dataclass(frozen=True)
class ResolvedDate:
    event_date: date
    time_precision: int
    date_text: str
    start: int = 0
    end: int = 0


def _pattern_table() -> list[tuple[str, re.Pattern[str]]]:
    raw = [
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("range_md", rf"\b{_MON}\s+{_DAY}\s*(?:-|–|to|and)\s*{_DAY2}\b{_YEAR}"),
        ("range_dm", rf"\b(?:between\s+)?{_DAY}\s*(?:-|–|to|and)\s*{_DAY2}\s+{_MON}(?![a-z]){_YEAR}"),
        ("md", rf"\b{_MON}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:-|–)\s*\d){_YEAR}"),
        ("dm", rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?![a-z]){_YEAR}"),
        ("part_month", rf"\b(?:since\s+|in\s+|by\s+|until\s+)?{_PART}[\s-]+{_MON}(?![a-z]){_YEAR}"),
        ("rel_day", r"\b(?P<rel>the day before yesterday|yesterday|today|tonight|this morning|this afternoon|this evening|last night|"
                    r"the previous day|the previous night|the day before|earlier today)\b"),
        # "on the 26th or 27th": a day of the month named alone (not "the 33rd Division", "the 12th of May")
        ("ordinal_day", r"\bon\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
                        r"(?!\s+(?:of\b|(?-i:[A-Z])|(?:floor|anniversary|day|time|century|round|battalion|brigade|division|regiment|"
                        r"infantry|light|military|operations?|wave|phase|meeting|session)\b))"),
        ("days_ago", r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a|an)\s+(?P<unit>days?|weeks?|months?)\s+ago\b"),
        ("weekday", rf"\b(?:(?P<last>last|this|past|on|early|late)\s+)?{_WD}\b"),
        ("rel_week", r"\b(?P<relw>last week|the previous week|past week|this week|earlier this week|"
                     r"(?:over|at|during) the weekend|last weekend|this weekend|in recent days|"
                     r"(?:in|over) the past (?:few|several) days|(?:over )?the past week|"
                     r"(?:in|over) the last (?:few|several) days)\b"),
        ("rel_month", r"\b(?P<relm>last month|the previous month|earlier this month|this month|"
                      r"early this month|late last month|earlier in the month|(?:in|over) recent weeks|"
                      r"(?:in|over) the past (?:few|several) weeks|(?:in|over) the last (?:few|several) weeks)\b"),
        ("month", rf"\b(?:in|since|during|throughout|on|from|until|of)\s+{_MON}(?![a-z]){_YEAR}"),
        # "last November", "this past March": the latest such month before the publication's own month
        ("last_month_name", rf"\b(?:last|this past)\s+{_MON}(?![a-z])(?!\s*,?\s*(?:[0-3]?\d\b|(?:19|20)\d\d))"),
        ("year", r"\b(?:in|since|during|throughout|by|until|late|early|mid|the end of|the start of)[\s-]+(?P<year>(?:19|20)\d\d)\b"
                 r"(?!\s*[-–/]\d)"),
        ("holiday", r"\b(?P<holiday>christmas eve|christmas day|new year's eve|new year’s eve|new year's day|new year’s day)\b"),
        # "last year's bombings", "a year ago": the year before publication, known only as a year (marks history)
        ("rel_year", r"\b(?:last year|a year ago)\b"),
    ]
    # scanned over the lowered sentence (tasks/case_blind.py): 17 case-blind scans a sentence were a tenth of extraction
    return [(name, case_blind(re.compile(p, re.IGNORECASE))) for name, p in raw]


_PATTERNS = _pattern_table()

# Words that every match of a kind contains (case-insensitive, as the patterns): a sentence without them
# skips that pattern, which saves a third of find_dates (15 scans a sentence). A kind not listed always
# runs. Changing a pattern? Keep its gate true to it (tests/test_date_gates.py checks the listed kinds).
_DIGIT = re.compile(r"\d")


class _Words:
    """A gate of words, any of which the sentence must hold: substring tests of the lowered sentence, or the
    case-blind alternation where lowering cannot tell (tasks/case_blind.py's lowered_text)."""

    __slots__ = ("words", "pattern", "_blind")

    def __init__(self, alternatives: str) -> None:
        self.words = tuple(alternatives.split("|"))
        assert all(re.fullmatch(r"[a-z ]+", word) for word in self.words), "plain lower-case words only"
        self.pattern = alternatives
        self._blind = re.compile(alternatives, re.IGNORECASE)

    def held(self, text: str, lowered: str | None) -> bool:
        if lowered is None:
            return self._blind.search(text) is not None
        for word in self.words:
            if word in lowered:
                return True
        return False


class _Digit:
    """The gate of a digit (no case to fold)."""

    pattern = _DIGIT.pattern

    @staticmethod
    def held(text: str, lowered: str | None) -> bool:
        return _DIGIT.search(text) is not None


_ANY_DIGIT = _Digit()
_MONTH_WORD = _Words(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")


_GATES: dict[str, tuple[_Words | _Digit, ...]] = {
    "iso": (_ANY_DIGIT,), "range_md": (_ANY_DIGIT, _MONTH_WORD), "range_dm": (_ANY_DIGIT, _MONTH_WORD),
    "md": (_ANY_DIGIT, _MONTH_WORD), "dm": (_ANY_DIGIT, _MONTH_WORD), "part_month": (_MONTH_WORD,),
    "rel_day": (_Words(r"day|night|morning|afternoon|evening"),),
    "days_ago": (_Words(r"ago"),), "ordinal_day": (_ANY_DIGIT,), "weekday": (_Words(r"day"),),
    "rel_week": (_Words(r"week|days"),), "rel_month": (_Words(r"month|week"),),
    "month": (_MONTH_WORD,), "last_month_name": (_MONTH_WORD,), "year": (_ANY_DIGIT,), "rel_year": (_Words(r"year"),), "holiday": (_Words(r"christmas|new year"),),
}


_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "new year's eve": (12, 31), "new year's day": (1, 1)}
# "on November 11 last year", "in March last year": the named day or month of the year before publication.
_LAST_YEAR_AFTER = re.compile(r"\s*,?\s+(?:of\s+)?last year\b", re.IGNORECASE)


# "on Wednesday last week", "Tuesday of last week", "on Friday the previous week"
_OF_LAST_WEEK = re.compile(r"\s+(?:of\s+)?(?:last|the previous|the past)\s+week\b(?!['’])", re.IGNORECASE)


_NAMED_DAY_KINDS = frozenset({"md", "dm", "month", "part_month", "holiday"})


def _last_year(day: date, published: date) -> date:
    try:
        return day.replace(year=published.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=published.year - 1, day=28)


def _latest(month: int, day: int, published: date, year: int | None) -> date | None:
    """The day/month in the latest year not after publication (or in the given year)."""
    for y in ([year] if year else [published.year, published.year - 1]):
        try:
            candidate = date(y, month, day)
        except ValueError:
            return None
        if year or candidate <= published:
            return candidate
    return None


def _mid(first: date, last: date, published: date) -> date:
    last = min(last, published)
    first = min(first, last)
    return first + timedelta(days=(last - first).days // 2)


def _month_window(month: int, published: date, year: int | None) -> tuple[date, date]:
    y = year or (published.year if month <= published.month else published.year - 1)
    return date(y, month, 1), date(y, month, monthrange(y, month)[1])


def _part_window(part: str, first: date, last: date) -> tuple[date, date]:
    part = part.lower()
    if part.startswith(("early", "beginning", "the beginning", "start", "the start")):
        return first, first + timedelta(days=9)
    if part.startswith(("mid", "middle")):
        return first + timedelta(days=10), first + timedelta(days=19)
    return first + timedelta(days=20), last  # late / end of


def _week_window(phrase: str, published: date) -> tuple[date, date]:
    monday = published - timedelta(days=published.weekday())
    if phrase in ("last week", "the previous week"):
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if phrase in ("this week", "earlier this week"):
        last = published - timedelta(days=1) if phrase.startswith("earlier") and published > monday else published
        return monday, last
    if "weekend" in phrase:
        # the latest Saturday-Sunday not after publication ("this weekend" in a Saturday story is today)
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return saturday, saturday + timedelta(days=1)
    return published - timedelta(days=7), published  # past week, recent days


def _month_rel_window(phrase: str, published: date) -> tuple[date, date]:
    first_this = published.replace(day=1)
    last_prev = first_this - timedelta(days=1)
    first_prev = last_prev.replace(day=1)
    if phrase in ("last month", "the previous month"):
        return first_prev, last_prev
    if phrase == "late last month":
        return first_prev + timedelta(days=20), last_prev
    if "weeks" in phrase:
        return published - timedelta(days=28), published
    return first_this, published  # earlier this month, this month


def _resolve_match(kind: str, m: re.Match[str], published: date) -> tuple[date, int] | None:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if kind == "iso":
        try:
            return date(int(g["year"]), int(g["month"]), int(g["day"])), 1
        except ValueError:
            return None
    if kind in ("range_md", "range_dm"):
        first = _latest(MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]), published, year)
        if first is None or int(g["day2"]) <= int(g["day"]):
            return None
        return first, 2
    if kind in ("md", "dm"):
        found = _latest(MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]), published, year)
        return (found, 1) if found else None
    if kind == "part_month":
        first, last = _month_window(MONTHS[g["mon"].lower().rstrip(".")], published, year)
        return _mid(*_part_window(g["part"], first, last), published), 3
    if kind == "month":
        if g["mon"].lower().rstrip(".") == "may" and not year:
            return None  # "may" is far more often the verb
        first, last = _month_window(MONTHS[g["mon"].lower().rstrip(".")], published, year)
        return _mid(first, last, published), 3
    if kind == "last_month_name":
        if g["mon"].startswith("may"):
            return None  # "the last may ...": the verb
        month = MONTHS[g["mon"].lower().rstrip(".")]
        y = published.year if month < published.month else published.year - 1
        return _mid(*_month_window(month, published, y), published), 3
    if kind == "year":  # "in late 2023": a past year, known only as a year (marks history, dates nothing new)
        if year is None or year >= published.year:
            return None
        return date(year, 7, 1), 3
    if kind == "rel_year":
        return date(published.year - 1, 7, 1), 3
    if kind == "holiday":
        month, day = _HOLIDAYS[g["holiday"].lower().replace("’", "'")]
        found = _latest(month, day, published, year)
        return (found, 1) if found else None
    if kind == "rel_day":
        rel = g["rel"].lower()
        back = 2 if rel == "the day before yesterday" else (
            1 if rel in ("yesterday", "last night", "the previous day", "the previous night", "the day before") else 0)
        return published - timedelta(days=back), 1
    if kind == "ordinal_day":  # the latest such day of a month, not after publication
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        month_back = published.replace(day=1) - timedelta(days=1)
        if day <= published.day:
            return published.replace(day=day), 1
        return (month_back.replace(day=day), 1) if day <= month_back.day else None
    if kind == "days_ago":
        n = int(g["n"]) if g["n"].isdigit() else WORD_NUMBERS[g["n"].lower()]
        unit = g["unit"].lower()
        if unit.startswith("day"):
            return published - timedelta(days=n), 1
        if unit.startswith("week"):
            return published - timedelta(days=7 * n), 2
        return _mid(*_month_window(((published.month - n - 1) % 12) + 1, published, None), published), 3
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
        if (g.get("last") or "").lower() == "last" and back == 0:
            back = 7
        if _OF_LAST_WEEK.match(m.string, m.end()):  # "on Wednesday last week": that weekday of the week before
            monday = published - timedelta(days=published.weekday() + 7)
            return monday + timedelta(days=WEEKDAYS[g["wd"].lower()]), 1
        return published - timedelta(days=back), 1
    if kind == "rel_week":
        return _mid(*_week_window(" ".join(g["relw"].lower().split()), published), published), 2
    if kind == "rel_month":
        return _mid(*_month_rel_window(" ".join(g["relm"].lower().split()), published), published), 3
    return None


@lru_cache(maxsize=8192)
def find_dates(text: str, published: date) -> tuple[ResolvedDate, ...]:
    """Every date expression in `text`, resolved; overlapping matches keep the earlier-listed pattern."""
    found: list[ResolvedDate] = []
    taken: list[tuple[int, int]] = []
    present: dict[object, bool] = {}
    lowered = lowered_text(text)  # the gates' words are sought in it once lowered
    for kind, pattern in _PATTERNS:
        if not all(present[g] if g in present else present.setdefault(g, g.held(text, lowered))
                   for g in _GATES.get(kind, ())):
            continue  # a word every match of this kind has is missing
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            resolved = _resolve_match(kind, m, published)
            if resolved is None:
                continue
            day, precision = resolved
            if kind in _NAMED_DAY_KINDS and not m.groupdict().get("year") and _LAST_YEAR_AFTER.match(text, m.end()):
                day = _last_year(day, published)
            taken.append((m.start(), m.end()))
            found.append(ResolvedDate(min(day, published), precision, m.group(0).strip(), m.start(), m.end()))
    return tuple(sorted(found, key=lambda d: d.start))


def best_date(text: str, published: date, near: int | None = None) -> ResolvedDate | None:
    """The date most likely meant for an event in `text`: the most precise, then the nearest to `near`."""
    found = [d for d in find_dates(text, published) if not _is_since(text, d)]
    if not found:
        return None
    anchor = near if near is not None else 0
    return min(found, key=lambda d: (d.time_precision, abs(d.start - anchor)))


def _is_since(text: str, d: ResolvedDate) -> bool:
    """'since late October' dates the start of a period, not the event being reported."""
    return text[max(0, d.start - 6):d.start].lower().strip().endswith("since") or d.date_text.lower().startswith("since")


_OVERNIGHT = re.compile(r"\bovernight\b", re.IGNORECASE)


def overnight_reported(report: ResolvedDate, sentence: str) -> ResolvedDate:
    """ "witnesses of the overnight bombing said on Tuesday": a night act told only by the day it was reported
    began the evening before (ACLED dates an overnight event by the day it began)."""
    if not _OVERNIGHT.search(sentence):
        return report
    return ResolvedDate(report.event_date - timedelta(days=1), report.time_precision,
                        f"{report.date_text} (overnight)", report.start, report.end)
