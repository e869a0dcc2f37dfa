"""Who a mine attack is by: the unit that "hit", "struck" or "ran over" a mine is its target, never the one
who laid it. Sentences are the team's own."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events


def _mine_event(knowledge, text: str):
    events = [e for e in extract_events(knowledge, "", text, date(2024, 3, 6))
              if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert events, text
    return events[0]


@pytest.mark.parametrize("text", [
    "A junta truck hit a landmine on the road to Kawlin on Tuesday, killing five soldiers.",
    "An army column ran over a roadside bomb near Tamu on Monday, killing four soldiers.",
    "A military convoy of 12 vehicles hit landmines near Ye on Sunday, and at least 9 soldiers were killed.",
])
def test_the_unit_that_hit_the_mine_is_the_target(knowledge, text):
    event = _mine_event(knowledge, text)
    assert event.actor2_id == "military_myanmar"
    assert event.actor1_id != "military_myanmar"


def test_the_group_that_laid_the_mine_is_the_attacker(knowledge):
    text = ("Three soldiers were killed on Sunday when their patrol stepped on landmines laid by the KNLA near "
            "Kawkareik.")
    event = _mine_event(knowledge, text)
    assert (event.actor1_id, event.actor2_id) == ("knla", "military_myanmar")


def test_villagers_who_stepped_on_a_mine_are_its_victims(knowledge):
    text = "Two villagers stepped on a landmine near Hpakant on Monday, residents said."
    event = _mine_event(knowledge, text)
    assert event.actor2_id == "civilians_myanmar"
    assert event.actor1_id == "unidentified_armed_group"
