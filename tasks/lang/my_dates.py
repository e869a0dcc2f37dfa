"""Burmese dates, resolved against the publication date, with offsets into the original text.

* Dates resolve against the publication date with ACLED's precision: a month and day ("သြဂုတ် ၈ ရက်"),
  a bare day ("၈ ရက်နေ့": the latest such day not after publication), ယနေ့/မနေ့က/ညက, a weekday
  (with or without ပြီးခဲ့သည့်) are precision 1; ပြီးခဲ့သည့်အပတ် / ယခုအပတ် 2; a month alone or
  ပြီးခဲ့သည့်လ 3. Nothing resolves after publication. Numeric dates are day first ("၂၈. ၁၀. ၂၀၂၂",
  "28/10/2022"), and a Latin-script date inside Burmese text ("9 February 2025", "Feb 9, 2025") counts too.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache

from tasks.extract.dates import ResolvedDate
from tasks.lang.my_text import DIGIT, NUMBER, digits_value
from tasks.lang.my_words import Words, load_words

_UNTIL = re.compile(r"\s*(?:ရက်)?\s*(?:နေ့)?\s*(?:အထိ(?!\s*အခိုက်)|ထိ(?=\s|[\u104a\u104b]|$))")
_SINCE = re.compile(r"\s*(?:ကနေ|က|မှ)?\s*(?:စ၍|စလို့|စပြီး|စတင်|ကတည်းက|တည်းက|မှစ)")


@lru_cache(maxsize=4)
def _date_patterns(words: Words) -> list[tuple[str, re.Pattern[str]]]:
    month, day_word = words.alternation("month"), words.alternation("day_word")
    year = rf"(?:(?P<year>{NUMBER})\s*(?:{words.alternation('year_word')})?\s*(?:၊|,)?\s*)?"
    last = rf"(?:(?P<last>{words.alternation('last_prefix')})\s*)?"
    latin = words.alternation("month_latin")
    return [
        # "လွန်ခဲ့သော ၃ ရက်က" (three days ago), "ပြီးခဲ့တဲ့ ၂ ပတ်က" (two weeks ago): not the 3rd of the month
        ("ago", re.compile(rf"(?:{words.alternation('ago_prefix')})\s*\(?\s*(?P<num>{NUMBER})\s*\)?\s*"
                           rf"(?P<unit>{words.alternation('ago_unit')})(?!\s*နေ့)")),   # "၃ ရက်နေ့" is the 3rd
        ("numeric", re.compile(rf"(?<![\u1040-\u10490-9])(?P<day>{DIGIT}{{1,2}})\s*[./-]\s*(?P<mon>{DIGIT}{{1,2}})"
                               rf"\s*[./-]\s*(?P<year>{DIGIT}{{4}})(?![\u1040-\u10490-9])")),
        ("latin", re.compile(rf"(?<![0-9A-Za-z])(?:(?P<day>\d{{1,2}})\s+(?P<mon>{latin})\.?|(?P<mon2>{latin})\.?\s+(?P<day2>\d{{1,2}})"
                             rf"(?![0-9]))(?:,?\s*(?P<year>\d{{4}}))?(?![A-Za-z])", re.IGNORECASE)),
        # with the month named, "နေ့" alone marks the day too ("ဖေဖော်ဝါရီလ ၁၁နေ့", February 11)
        ("month_day", re.compile(rf"{year}(?P<mon>{month})\s*(?:လ)?\s*(?:\(\s*)?(?P<day>{NUMBER})\s*\)?\s*(?:{day_word}|နေ့)")),
        # a dateline's or a brief's "ဇူလိုင် ၁၈" (July 18), "(ဇန်နဝါရီ ၂၈ )", "ဇူလိုင် ၁၈၊ ၂၀၂၅": a month and a
        # day of one or two digits with no day word, when no unit makes the number a count or a length
        ("month_num", re.compile(rf"(?P<mon>{month})\s*(?:လ)?\s*\(?\s*(?P<day>{DIGIT}{{1,2}})(?![\u1040-\u10490-9])\s*\)?"
                                 rf"(?!\s*(?:{words.alternation('person_classifier')}|{_NOT_A_DAY}))"
                                 rf"(?:\s*[\u104a,]\s*(?P<year>{DIGIT}{{4}})(?![\u1040-\u10490-9]))?")),
        ("day", re.compile(rf"(?<![\u1040-\u10490-9])\(?\s*(?P<day>{NUMBER})\s*\)?\s*(?:{day_word})(?!\s*(?:ကြာ|အတွင်း|ပေါင်း|ဆက်|တိုင်တိုင်|မြောက်|လောက်|ခန့်))")),
        ("relative_week", re.compile(rf"(?P<rel>{words.alternation('relative_week')})")),
        ("relative_month", re.compile(rf"(?P<rel>{words.alternation('relative_month')})")),
        ("relative_day", re.compile(rf"(?P<rel>{words.alternation('relative_day')})")),
        ("weekday", re.compile(rf"{last}(?P<wd>{words.alternation('weekday')})\s*နေ့")),
        ("month", re.compile(rf"{last}{year}(?P<mon>{month})\s*(?:လ|အတွင်း)")),
    ]


# a dateline: a line opening with a place (or an outlet) and a comma right before the month
_DATELINE = re.compile(r"(?:^|\n)\s*[^\s\n\u104a\u104b]{1,30}\s*\u104a\s*$")
# after "month N": units that make N a count or a length, not the day ("ဇွန်လ ၃ ပတ်", "မတ်လ ၅ နာရီ")
_NOT_A_DAY = r"ရက်|ခုနှစ်|နှစ်|လ|ပတ်|နာရီ|မိနစ်|ကြိမ်|ခု|စီး|လုံး|အိမ်|ရွာ|မိုင်|ကျော်|ခန့်"


def find_dates(text: str, published: date, words: Words | None = None, since: bool = False) -> list[ResolvedDate]:
    """Every date in `text`, resolved against `published`, leftmost first, not overlapping; with `since`,
    only the days a period began ("၁၄ ရက်ကစပြီး", from the 14th on), at week precision."""
    words = words or load_words("my")
    found: list[ResolvedDate] = []
    began: list[ResolvedDate] = []
    taken: list[tuple[int, int]] = []
    until: list[tuple[int, int]] = []
    for kind, pattern in _date_patterns(words):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind == "month_num" and _DATELINE.search(text, max(0, m.start() - 40), m.start()):
                taken.append((m.start(), m.end()))
                continue  # "ကြာအင်းဆိပ်ကြီး၊ စက်တင်ဘာ(၁၅)": a dateline tells when the report was filed, not the event
            began_here = _SINCE.match(text, m.end()) is not None
            resolved = _resolve(words, kind, m, published)
            if began_here:
                # "၁၅ ရက်နေ့ကစလို့" (since the 15th): when a period began, not the day of one event
                taken.append((m.start(), m.end()))
                if resolved is not None:
                    began.append(ResolvedDate(min(resolved[0], published), max(2, resolved[1]), m.group(0),
                                              m.start(), m.end()))
                continue
            if kind == "day" and resolved is not None:
                resolved = _same_month(found, text, m, resolved)
            if _UNTIL.match(text, m.end()):
                until.append((m.start(), m.end()))
            if resolved is None:
                continue
            day, precision = resolved
            found.append(ResolvedDate(min(day, published), precision, m.group(0), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    if began and until:
        # "ဧပြီ ၂၃ ရက်မှစတင်ပြီး မေ ၈ ရက်အထိ" (from April 23 until May 8): the end of a period that began on
        # a day named beside it is no day an act was done; the period is dated by its start ("ဒီကနေ့အထိ",
        # until today, is a period still running: today stays its day)
        found = [d for d in found if (d.start, d.end) not in until or d.event_date >= published]
    return sorted(began if since else found, key=lambda d: d.start)


# "ဇွန်လ ၁၄ ရက်နဲ့ ၁၅ ရက်" (June 14 and 15), "၁၄ ရက်မှ ၁၅ ရက်": the bare day shares the month named before it
_DAY_JOIN = re.compile(r"^\s*(?:နေ့)?\s*(?:နဲ့|နှင့်|မှ|ကနေ|၊|,|-|–)\s*$")


def _same_month(found: list[ResolvedDate], text: str, m: re.Match[str], resolved: tuple[date, int]):
    before = [d for d in found if d.end <= m.start() and d.time_precision == 1 and _DAY_JOIN.match(text[d.end:m.start()])]
    if not before:
        return resolved
    day = resolved[0].day
    month = before[-1].event_date
    if day > monthrange(month.year, month.month)[1]:
        return resolved
    return month.replace(day=day), 1


def _resolve(words: Words, kind: str, m: re.Match[str], published: date) -> tuple[date, int] | None:
    if kind in ("numeric", "latin"):
        return _written_date(words, kind, m, published)
    if kind in ("month_day", "month", "month_num"):
        month = int(words.kind("month")[m.group("mon")])
        year = digits_value(m.group("year")) if m.group("year") else None
        if year is not None and not 1990 <= year <= published.year:
            year = None
        day = digits_value(m.group("day")) if kind in ("month_day", "month_num") else None
        return _month_date(published, month, day, year)
    if kind == "day":
        day = digits_value(m.group("day"))
        if not day or day > 31:
            return None
        month_start = published.replace(day=1)
        candidate = month_start if day > published.day else published
        if day > published.day:
            candidate = month_start - timedelta(days=1)
        if day > monthrange(candidate.year, candidate.month)[1]:
            return None
        return candidate.replace(day=day), 1
    if kind == "relative_day":
        return published + timedelta(days=int(words.kind("relative_day")[m.group("rel")])), 1
    if kind == "ago":
        count, days = digits_value(m.group("num")), int(words.kind("ago_unit")[m.group("unit")])
        if count is None or count * days > 366:
            return None
        return published - timedelta(days=count * days), (1 if days == 1 else 2 if days == 7 else 3)
    if kind == "weekday":
        target = int(words.kind("weekday")[m.group("wd")])
        back = (published.weekday() - target) % 7
        if back == 0 and m.group("last"):
            back = 7
        return published - timedelta(days=back), 1
    if kind == "relative_week":
        monday = published - timedelta(days=published.weekday())
        if int(words.kind("relative_week")[m.group("rel")]) < 0:
            return monday - timedelta(days=4), 2
        return monday + (published - monday) // 2, 2
    first = published.replace(day=1)
    if int(words.kind("relative_month")[m.group("rel")]) < 0:
        return (first - timedelta(days=1)).replace(day=15), 3
    return first + (published - first) // 2, 3


def _written_date(words: Words, kind: str, m: re.Match[str], published: date) -> tuple[date, int] | None:
    """A numeric (day first) or Latin-script date."""
    if kind == "numeric":
        month = digits_value(m.group("mon"))
    else:
        latin = {k.lower(): v for k, v in words.kind("month_latin").items()}
        month = int(latin[(m.group("mon") or m.group("mon2")).lower()])
    day = digits_value(m.group("day") or m.group("day2") or "")
    year = digits_value(m.group("year")) if m.group("year") else None
    if not month or not 1 <= month <= 12 or day is None:
        return None
    if year is not None and not 1990 <= year <= published.year:
        return None if kind == "numeric" else _month_date(published, month, day, None)
    return _month_date(published, month, day, year)


def _month_date(published: date, month: int, day: int | None, year: int | None) -> tuple[date, int] | None:
    if day is not None and not 1 <= day <= 31:
        return None
    years = [year] if year else [published.year, published.year - 1]
    for y in years:
        last_day = monthrange(y, month)[1]
        if day is None:
            middle = date(y, month, min(15, last_day))
            if year or middle <= published or (y == published.year and month == published.month):
                return (min(middle, published), 3)
            continue
        if day > last_day:
            return None
        candidate = date(y, month, day)
        if year or candidate <= published:
            return candidate, 1
    return None
