""""Last year" dates a sentence to the year before publication (history), and an undated sentence that goes
on from such a sentence ("The subsequent air attacks killed 20") tells that history: no event, no toll for
this report's event (issue 14). Team-written texts."""

from datetime import date

import pytest

from tasks.extract import extract_events
from tasks.extract.dates import find_dates

PUBLISHED = date(2024, 3, 28)  # a Thursday


@pytest.mark.parametrize("text", [
    "Last year's offensive on the town left it in ruins.",
    "The base fell to the resistance last year after weeks of fighting.",
    "The bridge was destroyed in an attack a year ago.",
])
def test_last_year_is_the_year_before(text):
    days = find_dates(text, PUBLISHED)
    assert days and days[0].event_date.year == 2023 and days[0].time_precision == 3


@pytest.mark.parametrize("text", [
    "Jets bombed a village in Luthaw Township on Wednesday, destroying a clinic, the KNU said. "
    "Last year's air raids on the area followed the capture of an army base. "
    "The subsequent air attacks killed an estimated 20 civilians, residents said.",
    "Troops shelled a village in Kani Township on Wednesday, damaging houses, locals said. "
    "Last year the army launched a major offensive in the township. "
    "The ensuing raids killed 35 villagers, according to a local group.",
    "A drone strike hit a school in Pekon Township on Wednesday, residents said. "
    "The school had been bombed in 2022 as well. "
    "The resulting fire killed 11 pupils, teachers said.",
])
def test_follow_on_of_history_gives_no_toll(knowledge, text):
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert events and events[0].event_date == date(2024, 3, 27)
    assert all(e.fatalities is None for e in events), [(e.event_date, e.fatalities) for e in events]


@pytest.mark.parametrize("text, killed", [
    # a follow-on of this report's own event still counts
    ("Troops raided a village in Kani Township on Wednesday, locals said. The ensuing shooting killed 4 villagers.", 4),
    ("Jets bombed a market in Luthaw Township on Wednesday, the KNU said. The subsequent fire killed 3 people.", 3),
    ("Rebels attacked a base in Pekon Township on Wednesday. The resulting clashes killed 6 soldiers, the group said.", 6),
])
def test_follow_on_of_this_event_keeps_its_toll(knowledge, text, killed):
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert events and events[0].fatalities == killed, [(e.event_date, e.fatalities) for e in events]


@pytest.mark.parametrize("text", [
    "The army and the TNLA agreed to a ceasefire in talks in Kunming on Wednesday, the group said, in a deal "
    "that returns two towns it captured last year.",
    "Resistance fighters attacked an army base in Kani Township on Wednesday, a spokesman said, a base they "
    "had besieged a year ago.",
    "Jets bombed a village in Luthaw Township on Wednesday, the KNU said, the same village hit last year.",
])
def test_last_year_in_an_aside_leaves_the_lead_event(knowledge, text):
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert events and events[0].event_date == date(2024, 3, 27), [(e.sub_event_type, e.event_date) for e in events]
