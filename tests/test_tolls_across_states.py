"""A later mention of the event ("the latest assault came a day after it bombed X in another region, killing
20") never lends the other region's toll to the event told first (issue 14). Team-written texts."""

from datetime import date

import pytest

from tasks.extract import extract_events

PUBLISHED = date(2025, 3, 12)


@pytest.mark.parametrize("text", [
    "A military jet bombed a village in Myebon township, Rakhine State, on Tuesday, killing more than a dozen villagers. "
    "The regime's latest assault came a day after it bombed Kani township in Sagaing Region, killing at least 30 people.",
    "Soldiers shelled a village in Hpruso township, Kayah State, on Tuesday, killing several farmers, residents said. "
    "The junta's newest assault followed its bombing of Tabayin township in Sagaing Region, which killed 18 people.",
    "Junta aircraft bombed a market in Kyauktaw township, Rakhine State, on Tuesday, killing dozens of people. "
    "The military's latest assault came two days after it bombed Myinmu township in Sagaing Region, killing 25.",
])
def test_other_region_toll_not_lent_to_the_first_event(knowledge, text):
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert events and events[0].admin1 != "Sagaing Region", text
    other_toll = [w for w in text.replace(".", " ").split() if w.isdigit()][-1]
    assert events[0].fatalities != int(other_toll), [(e.admin1, e.fatalities) for e in events]
