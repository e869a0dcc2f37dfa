"""Extraction rules from round 6 of issue 14: generalisation to fresh real reporting (en_c). Each rule has
sentences of the team's own, written for the purpose (never copied from an article)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events

PUBLISHED = date(2024, 3, 6)   # a Wednesday


def _events(knowledge, text: str, published: date = PUBLISHED):
    return extract_events(knowledge, "", text, published)


def _main(knowledge, text: str, published: date = PUBLISHED):
    events = _events(knowledge, text, published)
    assert events, text
    return events[0]


# --- actors ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("people", "group"), [
    ("Kachin insurgents", "kia"), ("ethnic Kokang rebels", "mndaa"), ("Karen rebels", "knla"),
])
def test_an_insurgency_named_by_its_people_is_its_main_group(knowledge, people, group):
    text = (f"The army fought to hold the town of Shwegu on Tuesday. {people} have besieged the town for a month, "
            "residents said.")
    event = _main(knowledge, text)
    assert event.event_type == "Battles"
    assert {event.actor1_id, event.actor2_id} == {"military_myanmar", group}


def test_the_army_named_as_agent_of_a_capture_regains_the_town(knowledge):
    text = "State television said the town of Hsipaw was captured by the army on Monday after weeks of fighting."
    event = _main(knowledge, text)
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1_id == "military_myanmar"
    assert str(event.event_date) == "2024-03-04"


def test_a_statement_released_by_a_group_keeps_it_a_source(knowledge):
    text = "A statement released by the Arakan Army said soldiers shelled Minbya on Monday, killing two villagers."
    event = _main(knowledge, text)
    assert "aa" not in (event.actor1_id, event.actor2_id)


@pytest.mark.parametrize("held", [
    "The town had been under the control of the Ta'ang National Liberation Army since last year.",
    "The town had been controlled by the TNLA since last year.",
])
def test_a_retaken_town_was_taken_from_the_group_that_held_it(knowledge, held):
    text = f"Myanmar's military said it recaptured the town of Namhsan on Monday. {held}"
    event = _main(knowledge, text)
    assert event.sub_event_type == "Government regains territory"
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "tnla")


@pytest.mark.parametrize("subject", ["Local resistance forces", "The defence forces", "Revolutionary forces"])
def test_resistance_told_by_what_it_is_takes_a_town_from_the_state(knowledge, subject):
    text = f"{subject} took control of Kani town in Sagaing Region on Monday after the junta troops fled."
    event = _main(knowledge, text)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1_id not in ("military_myanmar", "police_myanmar")


# --- kinds ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "An artillery shell fired from the navy base exploded in a ward of Sittwe on Monday night, killing three residents.",
    "Two mortar shells caused an explosion near the market in Kyauktaw on Monday, wounding four villagers.",
])
def test_a_shell_that_exploded_is_shelling(knowledge, text):
    assert _main(knowledge, text).sub_event_type == "Shelling/artillery/missile attack"


def test_a_bomb_that_exploded_stays_a_bombing(knowledge):
    text = "A bomb exploded outside the ward office in Tamwe township on Monday, wounding two staff."
    assert _main(knowledge, text).sub_event_type == "Remote explosive/landmine/IED"


def test_shelling_with_no_side_named_is_unidentified(knowledge):
    text = "Two artillery shells landed in Kyon Doe village in Kawkareik township on Monday night, killing a farmer."
    event = _main(knowledge, text)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1_id == "unidentified_armed_group"


def test_deaths_after_a_shelling_are_the_shelling(knowledge):
    text = "Nine villagers were killed after soldiers shelled the market of Pauktaw on Monday morning."
    event = _main(knowledge, text)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1_id == "military_myanmar"
    assert event.fatalities == 9


def test_deaths_a_month_after_a_shelling_are_not_that_shelling(knowledge):
    text = "Two teachers were killed in Gangaw on Monday, a month after troops shelled the village school."
    assert all(e.sub_event_type != "Shelling/artillery/missile attack" for e in _events(knowledge, text))


def test_a_group_quoted_as_the_source_is_no_side(knowledge):
    text = ("Shells fired from the navy base hit a jetty in Kyaukpyu on Monday, killing four fishermen, "
            "a local paper reported quoting the Arakan Army.")
    event = _main(knowledge, text)
    assert "aa" not in (event.actor1_id, event.actor2_id)


# --- tolls ----------------------------------------------------------------------------------------

def test_a_toll_over_a_several_day_fight_is_no_days_toll(knowledge):
    text = ("On Sunday the KNLA raided an army outpost near Hpapun, killing a soldier. Eleven soldiers were "
            "killed during the four-day clashes in the district, the group said.")
    events = _events(knowledge, text)
    assert events and all(e.fatalities != 11 for e in events)


# --- events no label has --------------------------------------------------------------------------

def test_a_war_told_in_the_present_is_no_event(knowledge):
    text = "The army is also fighting with the Kachin Independence Army in northern Shan State."
    assert _events(knowledge, text) == []


@pytest.mark.parametrize("text", [
    "Soldiers shelled Tat Kone village on Monday, killing three. The bodies were later taken away by troops.",
    "Soldiers shelled Tat Kone village on Monday, killing three. Troops took away the deceased the same night.",
])
def test_the_dead_taken_away_are_no_abduction(knowledge, text):
    assert "Abduction/forced disappearance" not in [e.sub_event_type for e in _events(knowledge, text)]


def test_villagers_taken_away_are_still_an_abduction(knowledge):
    text = "Soldiers took away five villagers from Tat Kone village in Myaing township on Monday."
    assert "Abduction/forced disappearance" in [e.sub_event_type for e in _events(knowledge, text)]


def test_a_raid_with_no_fighting_told_is_an_attack_on_civilians(knowledge):
    text = ("Junta troops raided Kyaung Gon village in Ayadaw township on Sunday and clashed with nobody, "
            "villagers said. Three men were found shot dead after the soldiers left. "
            "\u201cThere was no fighting at all,\u201d a resident said.")
    plain = "Junta troops clashed with a local defence force near Kyaung Gon village in Ayadaw township on Sunday."
    assert _main(knowledge, plain).event_type == "Battles"
    events = _events(knowledge, text)
    assert events and all(e.sub_event_type != "Armed clash" for e in events)

