"""Dates, tolls and places of real reporting (issue 14, session 10): mechanisms several outlets share.
Every sentence here is the team's own, written for the test."""

from datetime import date

import pytest

from tasks.extract import extract_events


def _main(knowledge, text: str, published: date, title: str = ""):
    events = extract_events(knowledge, title, text, published)
    assert events, text
    return events[0]


# --- places: a town MIMU does not list gives its state, not a township the text never names -------------


@pytest.mark.parametrize("text", [
    "Army artillery struck a camp for displaced families near Laiza on Tuesday night, killing two women.",
    "A junta shell landed in a ward of Laiza town on Sunday, wounding a schoolteacher.",
    "On Friday a drone dropped bombs close to the KIA headquarters at Laiza, injuring three people.",
])
def test_laiza_alone_places_the_event_in_kachin_with_no_township(knowledge, text):
    event = _main(knowledge, text, date(2024, 3, 9))
    assert (event.admin1, event.admin3) == ("Kachin State", None)


def test_a_township_the_text_names_beside_laiza_is_kept(knowledge):
    text = ("Junta jets bombed two villages outside Laiza in Waingmaw Township on Monday, killing a farmer, "
            "the KIO said.")
    event = _main(knowledge, text, date(2024, 3, 9))
    assert (event.admin1, event.admin3) == ("Kachin State", "Waingmaw")
