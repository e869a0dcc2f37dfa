"""Where an event happened when its lead names no place (tasks/extract/event_place.py): team-written texts."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events
from tasks.knowledge import load_knowledge


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def _lead(knowledge, title: str, text: str, published: date = date(2021, 3, 7)):
    events = extract_events(knowledge, title, text, published)
    assert events, "the lead event is extracted"
    return events[0]


def test_a_filing_line_below_the_page_header_is_not_the_event_place_when_the_next_sentence_names_it(knowledge) -> None:
    text = ("Example Wire Service\nMarch 7, 2021\n\n"
            "YANGON, Myanmar (AP) — Three people were killed on Saturday when security forces fired on a rally, "
            "witnesses said.\n\n"
            "Dock workers had gathered since dawn at a jetty in the second city, Mandalay, to demand the release "
            "of their leaders.\n\n"
            "A nurse said the wounded were taken to a monastery.")
    event = _lead(knowledge, "Three dead as troops fire on rally", text)
    assert event.admin1 == "Mandalay Region"


def test_a_filing_line_still_places_an_event_whose_details_name_no_place(knowledge) -> None:
    text = ("Example Wire Service\nMarch 7, 2021\n\n"
            "YANGON, Myanmar (AP) — Three people were killed on Saturday when security forces fired on a rally, "
            "witnesses said.\n\n"
            "The crowd had refused to leave after an order to disperse, a volunteer medic said.")
    event = _lead(knowledge, "Three dead as troops fire on rally", text)
    assert event.admin1 == "Yangon Region"


def test_a_name_in_the_next_sentence_is_no_place_of_the_event(knowledge) -> None:
    text = ("Example Wire Service\nMarch 7, 2021\n\n"
            "YANGON, Myanmar (AP) — Three people were killed on Saturday when security forces fired on a rally, "
            "witnesses said.\n\n"
            '"They shot at anyone who moved," a rally organiser called Ye Htut told reporters.')
    event = _lead(knowledge, "Three dead as troops fire on rally", text)
    assert event.admin1 == "Yangon Region"  # not Ye, a town in Mon State: a man's name here


def test_an_article_without_a_place_near_its_lead_is_placed_in_the_township_it_names_most(knowledge) -> None:
    # Thaketa is named twice as a township and twice as a town: one area, named more than Pyay (three times)
    text = ("Soldiers shot dead a ward official on Tuesday, residents said.\n\n"
            "The official had moved from Pyay two years ago. His family still lives at Pyay, and a brother "
            "teaches at Pyay.\n\n"
            "Residents of Thaketa Township said shops in Thaketa stayed shut on Wednesday. Markets in Thaketa "
            "were empty, and buses did not run in Thaketa Township.")
    event = _lead(knowledge, "Ward official shot dead", text, published=date(2021, 5, 27))
    assert event.admin3 == "Thaketa"
