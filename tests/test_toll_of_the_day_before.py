"""A toll told in a sentence of its own for "yesterday" is the toll of the day before, not of an event told
for the report's own day (issue 14). Team-written texts."""

from datetime import date

import pytest

from tasks.extract import extract_events

PUBLISHED = date(2024, 5, 3)  # a Friday


@pytest.mark.parametrize("text", [
    "Rebels were battling junta troops in Mogok town on Friday, residents said. "
    "\"As far as I know, three people were killed yesterday by the shelling,\" a resident said.",
    "Resistance fighters clashed with soldiers in Kani township on Friday, a local official said. "
    "Five villagers were killed last night when their homes were hit, he said.",
    "Fighting broke out between the army and the KIA near Bhamo on Friday, the group said. "
    "Two civilians were shot dead yesterday evening in the town, residents said.",
])
def test_day_before_toll_not_lent(knowledge, text):
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert events and events[0].event_date == PUBLISHED, [(e.event_date, e.fatalities) for e in events]
    assert events[0].fatalities is None, [(e.event_date, e.fatalities) for e in events]


@pytest.mark.parametrize("text, killed", [
    # a toll of the same day is still lent
    ("Rebels were battling junta troops in Mogok town on Friday, residents said. Three people were killed, a resident said.", 3),
    ("Resistance fighters clashed with soldiers in Kani township on Friday. Five soldiers died, the PDF said.", 5),
    ("Troops raided a village in Kani township yesterday, residents said. Four villagers were killed yesterday, they said.", 4),
])
def test_same_day_toll_still_lent(knowledge, text, killed):
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert events and events[0].fatalities == killed, [(e.event_date, e.fatalities) for e in events]
