"""Actors and types of the main event on news the rules were not written against (issue 14, fresh sets):
jets are the state's, a military source is a teller, a police station is a target, and a bomb nobody claimed
is an unidentified group's. Sentences are the team's own."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events


def _events(knowledge, text: str, sub: str):
    events = [e for e in extract_events(knowledge, "", text, date(2024, 3, 6)) if e.sub_event_type == sub]
    assert events, text
    return events


@pytest.mark.parametrize("text", [
    "Junta fighter jets bombed the KIA Brigade 3 headquarters near Laiza on Monday, the group said.",
    "The regime carried out airstrikes on the TNLA's base in Namhsan Township on Tuesday.",
    "A camp of the Arakan Army in Kyauktaw Township was bombed by military aircraft on Sunday.",
    "The KNLA's Brigade 5 area was bombed again on Monday. A fighter jet dropped two bombs on a village in Hpapun.",
])
def test_a_strike_by_jets_is_the_states_and_the_group_named_its_target(knowledge, text):
    event = _events(knowledge, text, "Air/drone strike")[0]
    assert event.actor1_id == "military_myanmar"
    assert event.actor2_id != "military_myanmar"


@pytest.mark.parametrize("text", [
    "A bomb exploded at a tea shop in Lashio on Monday, killing three people, a military source told reporters.",
    "Two people were killed when a bomb exploded near a market in Mandalay on Sunday, junta sources said.",
    "A roadside bomb killed a driver in Monywa on Tuesday, according to a police source.",
])
def test_a_state_source_is_a_teller_not_the_bomber(knowledge, text):
    event = _events(knowledge, text, "Remote explosive/landmine/IED")[0]
    assert event.actor1_id not in ("military_myanmar", "police_myanmar")


@pytest.mark.parametrize("text", [
    "Police station in Sagaing's Kale Township hit in drone attack. The PDF said its drones dropped three bombs "
    "on the police station on Monday, killing one policeman.",
    "The PDF said its drones bombed a police station in Kale Township on Monday, killing two policemen.",
    "Local PDF forces carried out a drone attack on the Taze police post on Sunday, wounding three policemen.",
])
def test_a_drone_attack_on_a_police_post_is_on_the_police(knowledge, text):
    event = _events(knowledge, text, "Air/drone strike")[0]
    assert event.actor2_id == "police_myanmar"
    assert event.actor1_id == "pdf"


@pytest.mark.parametrize("text", [
    "Two bombs exploded at a market in Shwebo on Sunday, injuring six civilians. No group has claimed "
    "responsibility, but junta media blamed the PDF.",
    "A bomb exploded near a bus station in Pyay on Monday, killing two civilians. No one claimed responsibility "
    "for the blast.",
    "A parcel bomb exploded at an office in Yangon on Tuesday, wounding three staff. Nobody has claimed "
    "responsibility; state media accused resistance groups.",
])
def test_a_bomb_nobody_claimed_is_an_unidentified_groups(knowledge, text):
    event = _events(knowledge, text, "Remote explosive/landmine/IED")[0]
    assert event.actor1_id == "unidentified_armed_group"


def _main(knowledge, text: str):
    events = extract_events(knowledge, "", text, date(2024, 3, 6))
    assert events, text
    return events[0]


@pytest.mark.parametrize("text", [
    "Junta troops torched five villages in Yesagyo Township on Monday, killing an elderly woman.",
    "Soldiers burned down 40 houses in a village near Kani on Sunday and shot dead two farmers who could not flee.",
    "Regime forces set fire to a village in Myaung Township on Tuesday; three villagers were killed.",
])
def test_a_burning_that_killed_people_is_an_attack_on_them(knowledge, text):
    event = _main(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize("text", [
    "Junta troops torched 30 houses in a village near Kani on Monday, residents said.",
    "Soldiers burned down a school and a clinic in Myaung Township on Sunday.",
    "Regime forces set fire to a village in Yinmabin Township on Tuesday, destroying 60 homes.",
])
def test_a_burning_with_no_one_hurt_stays_property_destruction(knowledge, text):
    event = _main(knowledge, text)
    assert event.sub_event_type == "Looting/property destruction"


@pytest.mark.parametrize("text", [
    "The junta barred jailed former leader Aung San Suu Kyi from attending Wednesday's ceremony in Naypyitaw.",
    "Supporters on Monday marked the birthday of the detained democracy icon in Yangon with flowers.",
    "The ceremony on Wednesday in Yangon honours the assassinated independence hero General Aung San.",
])
def test_an_arrest_or_killing_word_that_says_who_a_person_is_tells_no_event(knowledge, text):
    events = extract_events(knowledge, "", text, date(2024, 3, 6))
    assert not [e for e in events if e.sub_event_type in ("Arrests", "Attack")], text


@pytest.mark.parametrize("text", [
    "Police detained three student leaders in Mandalay on Monday.",
    "The junta jailed a journalist in Yangon on Tuesday for sedition.",
    "Soldiers arrested two activists at a checkpoint in Monywa on Sunday.",
    "Troops raided a house in Monywa on Sunday and detained opposition leader U Kyaw Min.",
    "Soldiers searched the village on Monday, arrested local leader U Tun Tun and burned his shop.",
])
def test_an_arrest_of_named_people_is_still_an_arrest(knowledge, text):
    events = extract_events(knowledge, "", text, date(2024, 3, 6))
    assert [e for e in events if e.sub_event_type == "Arrests"], text


@pytest.mark.parametrize("text", [
    "Insurgents have been engaging in battles, firing heavy weapons and dropping bombs using drones into towns and villages.",
    "The regime has been carrying out raids, burning houses and arresting young men across Sagaing Region.",
    "Junta troops have been launching offensives, shelling villages and firing on farmers in the area.",
])
def test_a_run_of_acts_in_the_present_perfect_progressive_is_no_event(knowledge, text):
    assert extract_events(knowledge, "", text, date(2024, 3, 6)) == [], text


@pytest.mark.parametrize("text", [
    "On Monday insurgents fired heavy weapons into Waingmaw town, injuring a child.",
    "Junta troops shelled Tabayin village on Sunday, killing two farmers.",
    "The regime's jets dropped bombs on a village in Kani Township on Tuesday.",
])
def test_an_act_of_a_day_is_still_an_event(knowledge, text):
    assert extract_events(knowledge, "", text, date(2024, 3, 6)), text


@pytest.mark.parametrize("text", [
    "Heavy fighting broke out near Maungdaw on Thursday night. Residents said the Arakan Army had surrounded the town.",
    "Clashes erupted in Kutkai Township on Monday morning. The TNLA has fought the regime in the area for months.",
    "Fierce fighting raged near Demoso on Sunday, locals said. The KNDF holds several villages nearby.",
])
def test_a_battle_whose_sentence_names_no_side_is_the_named_group_against_the_state(knowledge, text):
    event = _events(knowledge, text, "Armed clash")[0]
    sides = {event.actor1_id, event.actor2_id}
    assert "military_myanmar" in sides
    assert None not in sides


@pytest.mark.parametrize("text", [
    "Residents' homes in a village near Loikaw were set ablaze on Sunday, a local source said.",
    "The villagers' houses were burned down in Kani Township on Monday.",
    "Farmers' barns and homes in Myaung Township were torched on Tuesday, locals said.",
])
def test_the_owners_of_burned_homes_are_what_was_destroyed(knowledge, text):
    event = _events(knowledge, text, "Looting/property destruction")[0]
    assert event.actor1_id != "civilians_myanmar"


@pytest.mark.parametrize("text", [
    "Two people were killed when a bomb went off near a market in Mandalay on Sunday, junta sources said.",
    "A roadside bomb went off under a junta truck near Kawlin on Monday, killing four soldiers.",
    "A landmine went off as villagers walked to their farms near Hpakant on Tuesday, wounding two.",
])
def test_a_bomb_that_went_off_is_a_blast(knowledge, text):
    event = _events(knowledge, text, "Remote explosive/landmine/IED")[0]
    assert event.actor1_id not in ("military_myanmar", "police_myanmar")
