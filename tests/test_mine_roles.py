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


@pytest.mark.parametrize("text", [
    "Ten soldiers were hit by stake mines near Kinmun village in Dawei Township on Monday, the PDF said.",
    "Four junta troops were wounded by a landmine near Thayetchaung on Tuesday, a local resistance group said.",
])
def test_troops_hit_by_mines_are_the_target(knowledge, text):
    event = _mine_event(knowledge, text)
    assert event.actor2_id == "military_myanmar"
    assert event.actor1_id != "military_myanmar"


def test_a_later_sentence_about_other_fighting_does_not_name_the_mine_layer(knowledge):
    # the armed groups told in the background fight each other; none is said to have laid this mine
    text = ("Two villagers were killed by a landmine near Hsipaw on Monday.\n\n"
            "The RCSS, the TNLA and the army have been fighting each other around the town. Deaths from landmines "
            "are common there.")
    event = _mine_event(knowledge, text)
    assert (event.actor1_id, event.actor2_id) == ("unidentified_armed_group", "civilians_myanmar")


@pytest.mark.parametrize("text", [
    "The junta column was marching on foot from Htee Khee to Dawei on Tuesday when it was hit by mines.",
    "About 80 soldiers marched into Kinmun village on Monday and set fire to 20 houses.",
])
def test_troops_on_the_march_are_no_protest(knowledge, text):
    events = extract_events(knowledge, "", text, date(2024, 3, 6))
    assert not any(e.event_type == "Protests" for e in events)


@pytest.mark.parametrize("text", [
    "After a clash between the PDF and the army near Nanza village on Monday, the soldiers burned down more than "
    "20 homes, residents said.",
    "Following clashes between the KIA and the army near Waingmaw on Sunday, soldiers set fire to 30 houses.",
])
def test_the_sides_of_an_earlier_battle_are_not_the_sides_of_the_act_after_it(knowledge, text):
    events = [e for e in extract_events(knowledge, "", text, date(2024, 3, 6))
              if e.sub_event_type == "Looting/property destruction"]
    assert events and events[0].actor1_id == "military_myanmar"
    assert events[0].actor2_id == "civilians_myanmar"


def test_a_clash_triggered_by_an_invasion_is_no_mine(knowledge):
    text = "The entry of 100 junta soldiers into Nanza village triggered a clash with the PDF on Monday morning."
    events = extract_events(knowledge, "", text, date(2024, 3, 6))
    assert events and all("struck-a-mine" not in e.rule for e in events)
