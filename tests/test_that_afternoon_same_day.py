""""That afternoon", "that night", "later that evening": an act told with only such words happened on the day of
the sentence before it (issue 14, session 9: a Sunday clash told "that afternoon" joined a weekend summary and
was dated by the Saturday fight below). Every sentence here is the team's own, written for the test."""

from datetime import date

import pytest

from tasks.extract import extract_events

PUBLISHED = date(2024, 5, 10)  # a Friday


@pytest.mark.parametrize("words", ["That afternoon", "That night", "Later that evening", "That same morning"])
def test_an_act_told_that_afternoon_is_on_the_day_just_told(knowledge, words):
    text = ("At least 20 soldiers were killed during clashes this week in Pekon Township, local defence forces said.\n"
            "On Tuesday, army troops raided the hills east of Pekon town and detained displaced villagers.\n"
            f"{words} a clash broke out on a hill when local defence forces attacked the troops to free the villagers.\n"
            "Some of the villagers escaped into the forest.\nOthers were taken to the army camp in the town.\n"
            "On Monday a firefight broke out in the forests west of the township when the defence forces attacked a column.")
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert date(2024, 5, 7) in [e.event_date for e in events if e.event_type == "Battles"]


def test_that_night_is_not_the_next_day(knowledge):
    text = ("Soldiers entered Kani town on Monday, residents said.\n"
            "That night the army shelled the village of Yin Ma Bin, killing two farmers.")
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert date(2024, 5, 7) not in [e.event_date for e in events]
