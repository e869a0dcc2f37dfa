"""Date expressions resolve against the publication date, never after it, with ACLED time precision."""

from datetime import date

import pytest

from tasks.extract.dates import best_date, find_dates

FRIDAY = date(2024, 1, 12)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("clashes on Tuesday", date(2024, 1, 9), 1),
        ("the attack on Friday", date(2024, 1, 12), 1),          # same weekday = the publication day
        ("last Friday", date(2024, 1, 5), 1),
        ("Saturday morning", date(2024, 1, 6), 1),
        ("late on Monday night", date(2024, 1, 8), 1),
        ("yesterday", date(2024, 1, 11), 1),
        ("two days ago", date(2024, 1, 10), 1),
        ("on Jan. 28", date(2023, 1, 28), 1),                     # a later day this year would be the future
        ("on 28 December", date(2023, 12, 28), 1),
        ("on the night of Feb 3", date(2023, 2, 3), 1),
        ("on 2024-01-05", date(2024, 1, 5), 1),
        ("on January 10-11", date(2024, 1, 10), 2),
        ("between 3 and 5 January", date(2024, 1, 3), 2),
        ("last week", date(2024, 1, 4), 2),                       # middle of Mon 1 - Sun 7 January
        ("over the weekend", date(2024, 1, 6), 2),
        ("earlier this month", date(2024, 1, 6), 3),
        ("last month", date(2023, 12, 16), 3),
        ("in December", date(2023, 12, 16), 3),
        ("in late October", date(2023, 10, 26), 3),
    ],
)
def test_expression_resolves_to_day_and_precision(text, expected, precision):
    found = best_date(text, FRIDAY)
    assert found is not None, text
    assert (found.event_date, found.time_precision) == (expected, precision)


def test_no_date_is_ever_after_publication():
    for text in ("on Saturday", "this weekend", "this week", "today", "in January", "earlier this month"):
        for d in find_dates(text, FRIDAY):
            assert d.event_date <= FRIDAY, text


def test_since_phrase_dates_a_period_not_the_event():
    assert best_date("Since late October, the military has been fighting", FRIDAY) is None


def test_offsets_point_at_the_date_words():
    text = "Talks were held in Kunming on January 10-11, the ministry said."
    (found,) = find_dates(text, FRIDAY)
    assert text[found.start:found.end] == "January 10-11"


def test_month_name_may_alone_is_not_a_date():
    assert not find_dates("Fighting may resume in May", FRIDAY)
