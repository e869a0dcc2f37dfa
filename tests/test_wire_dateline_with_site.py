"""A wire dateline that names the reposting site inside the agency's brackets ("Yangon, (APP - Some Site -
3rd May, 2024)") is where the story was filed, not where the event happened (issue 14). Team-written texts."""

from datetime import date

import pytest

from tasks.extract.sentences import find_dateline
from tests.first_event import first_event


@pytest.mark.parametrize("text, place", [
    ("Yangon, (APP - Example Point News - 3rd May, 2024) Rebels attacked a base in Kyaukme on Friday.", "Yangon"),
    ("Naypyitaw, (VNA - Example Daily - May 3, 2024) Fighting broke out near Lashio on Friday.", "Naypyitaw"),
    ("Mandalay (AFP - Sample Wire Desk) Troops shelled a village in Sagaing on Friday.", "Mandalay"),
])
def test_dateline_with_site_in_brackets(text, place):
    line = find_dateline(text)
    assert line is not None and line.place == place
    assert text[line.end:].startswith(("Rebels", "Fighting", "Troops"))


@pytest.mark.parametrize("text", [
    "Fighting (as residents call it - again) broke out in Sagaing on Friday.",
    "Soldiers (about 80 - locals said) raided a village on Friday.",
])
def test_bracketed_aside_is_no_dateline(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize("text, state", [
    ("Yangon, (APP - Example Point News - 3rd May, 2024) Ta'ang fighters were battling junta troops in Mogok on Friday.",
     "Mandalay Region"),
    ("Yangon, (APP - Example Point News - 3rd May, 2024) The Arakan Army said it captured a junta base in Paletwa on Friday.",
     "Chin State"),
    ("Yangon, (APP - Example Point News - 3rd May, 2024) A junta airstrike hit a market in Mindat on Friday, residents said.",
     "Chin State"),
])
def test_event_placed_by_its_own_place_not_the_dateline(knowledge, text, state):
    assert first_event(knowledge, text, date(2024, 5, 3)).admin1 == state


@pytest.mark.parametrize("text, place, opening", [
    # a wire's country in square brackets after the city (ANI style)
    ("Naypyitaw [Myanmar], May 3 (ANI): Villagers fled after air strikes in Karen state.", "Naypyitaw", "Villagers"),
    # the day in figures, then the city filed from in brackets
    ("03-05-2024 (YANGON) the Arakan Army seized a base in Rakhine state on Friday.", "YANGON", "the Arakan"),
])
def test_datelines_in_bracket_styles_are_where_the_story_was_filed(text, place, opening):
    line = find_dateline(text)
    assert line is not None and line.place == place and text[line.end:].startswith(opening)


def test_a_bracketed_place_dateline_is_not_the_event_place(knowledge):
    text = "03-05-2024 (YANGON) the Arakan Army seized a junta base in Rakhine state on Friday, residents said."
    event = first_event(knowledge, text, date(2024, 5, 4))
    assert event is not None and event.admin1 == "Rakhine State"
