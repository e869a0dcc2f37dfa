"""A headline alone (a feed item whose page failed) tells its killing and its toll: the present tense of headlines
("kill two"), a reduced passive with the killers after "by", kin and families as the victims. Found on UCDP's real
2021 headlines (bench/eval_ucdp_tolls.py, dev half); the headlines here are the team's own."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.lang import extract

DAY = date(2024, 5, 14)


def _main(knowledge, headline: str):
    events = extract(knowledge, "", headline, DAY).events
    assert events, headline
    return max(events, key=lambda e: e.fatalities or 0)


@pytest.mark.parametrize(("headline", "toll"), [
    ("Junta troops kill two protesters in Monywa during flash rally", 2),
    ("Security Forces Kill 7 Protesters, Wounding Dozens in Taunggyi", 7),
    ("Resistance fighters kill 12 junta soldiers in Kani Township clash", 12),
])
def test_present_tense_kill_before_a_number_is_the_toll(knowledge, headline, toll):
    assert _main(knowledge, headline).fatalities == toll


@pytest.mark.parametrize(("headline", "toll"), [
    ("Three Villagers Killed by Junta Troops in Yinmabin", 3),
    ("Five civilians shot dead by regime soldiers near Pale", 5),
])
def test_victims_killed_by_armed_agent_is_an_attack(knowledge, headline, toll):
    event = _main(knowledge, headline)
    assert (event.event_type, event.fatalities) == ("Violence against civilians", toll)
    assert event.actor1_id == "military_myanmar"


@pytest.mark.parametrize(("headline", "toll"), [
    ("Soldiers kill three members of a family in their home in Kalay", 3),
    ("Junta troops shoot two brothers dead in Salingyi Township", 2),
])
def test_kin_and_families_are_civilian_victims(knowledge, headline, toll):
    event = _main(knowledge, headline)
    assert (event.event_type, event.fatalities) == ("Violence against civilians", toll)


def test_killed_by_with_no_armed_agent_makes_no_attack(knowledge):
    # an accident or a disaster: no armed actor after "by"
    events = extract(knowledge, "", "Three villagers killed by landslide in Hpakant jade mine", DAY).events
    assert all(e.event_type != "Violence against civilians" for e in events)


@pytest.mark.parametrize("text", [
    "Junta troops killed two civilians and torched dozens of houses in Ayadaw Township on Monday, residents said.",
    "Regime forces kill two villagers, burn homes in Kani Township",
])
def test_a_killing_beside_an_arson_is_the_event_with_its_toll(knowledge, text):
    # one event a sentence: the killing, not the arson that went with it; "dozens of houses" is an amount of
    # things, not a share of a total that would make the two dead a running count
    event = _main(knowledge, text)
    assert (event.event_type, event.sub_event_type, event.fatalities) == ("Violence against civilians", "Attack", 2)


def test_goods_seized_are_no_territory(knowledge):
    events = extract(knowledge, "", "Junta cuts phone lines, seizes satellite dishes in Mindat", DAY).events
    assert all(e.sub_event_type not in ("Government regains territory", "Non-state actor overtakes territory")
               for e in events)


def test_a_person_set_on_fire_is_an_attack_not_property_destruction(knowledge):
    event = _main(knowledge, "Junta troops set fire to a villager in Kani Township, residents say")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_protesters_killed_by_armed_agent_is_lethal_force_on_a_protest(knowledge):
    event = _main(knowledge, "At least three protesters killed in Monywa by security forces, witnesses say")
    assert (event.event_type, event.sub_event_type, event.fatalities) == (
        "Protests", "Excessive force against protesters", 3)


def test_members_of_a_named_armed_group_killed_are_a_fight(knowledge):
    event = _main(knowledge, "Myanmar military kills three KNDF members in Loikaw")
    assert (event.event_type, event.fatalities) == ("Battles", 3)


def test_protesters_then_killing_is_lethal_force_on_the_protest(knowledge):
    event = _main(knowledge, "Myanmar troops ram into protesters in Monywa, killing at least four")
    assert (event.event_type, event.sub_event_type, event.fatalities) == (
        "Protests", "Excessive force against protesters", 4)
