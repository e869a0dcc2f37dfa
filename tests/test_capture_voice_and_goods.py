"""Rules learnt from the fresh real batch's dev half (en_j): a capture told in the passive, a takeover told
with a surrender, and drugs seized in a headline (team-written sentences, not the articles)."""

from datetime import date

import pytest

from tasks.extract import extract
from tasks.knowledge import load_knowledge


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def _events(knowledge, text):
    return extract(knowledge, "", text, date(2024, 4, 10)).events


def test_a_base_captured_by_regime_forces_is_regained_by_the_state(knowledge) -> None:
    events = _events(knowledge, "A camp run by a local defence group in Myaing Township, Magway Region was captured by "
                                "regime forces on Tuesday.")
    assert [(e.sub_event_type, e.actor1.split(" ")[0]) for e in events] == [("Government regains territory", "Military")]


def test_a_town_taken_over_after_its_garrison_surrendered_changed_hands(knowledge) -> None:
    events = _events(knowledge, "The KIA said on Monday it had taken over Waingmaw town in Kachin State after the "
                                "army's battalion there surrendered.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_drugs_seized_in_a_headline_are_no_capture_of_territory(knowledge) -> None:
    events = _events(knowledge, "Huge haul of heroin seized in Myanmar's Shan State")
    assert all(e.sub_event_type not in ("Non-state actor overtakes territory", "Government regains territory")
               for e in events)
