"""One act told twice a day apart in one article is one event (issue 18: "one article's massacre split into
two events on consecutive days" splits the unique event across outlets). Team-written text."""

from __future__ import annotations

from datetime import date

from tasks.extract import extract_events

TITLE = "Myanmar junta air strike kills 12 in Sagaing village: rescuers"
CAPTION_DAY_AFTER = (
    "This picture taken and released on March 6 by volunteers shows smoke over Nat Gyi village in Kani "
    "Township, where a military air strike killed 12 people.\n\n"
    "A rescue worker told reporters that a military jet bombed Nat Gyi village in Kani Township at around 2pm "
    "on Tuesday, killing 12 villagers.\n\nResidents said the fire spread to a monastery.")


def test_a_strike_dated_by_its_photo_a_day_later_with_the_same_toll_is_one_event_on_the_earlier_day(knowledge) -> None:
    events = extract_events(knowledge, TITLE, CAPTION_DAY_AFTER, date(2024, 3, 7))
    assert [(e.sub_event_type, e.event_date, e.location, e.fatalities) for e in events] == [
        ("Air/drone strike", date(2024, 3, 5), "Nat Gyi", 12)]


def test_strikes_on_one_village_on_two_days_with_their_own_tolls_stay_two_events(knowledge) -> None:
    text = ("A military jet bombed Nat Gyi village in Kani Township on Monday, killing 12 villagers, a rescue "
            "worker said.\n\nOn Tuesday another air strike hit Nat Gyi village in Kani Township, killing five "
            "people who had returned to bury the dead.")
    events = extract_events(knowledge, "", text, date(2024, 3, 7))
    assert sorted((e.event_date, e.fatalities) for e in events) == [(date(2024, 3, 4), 12), (date(2024, 3, 5), 5)]
