"""Who acted and who was hit, in the wordings real reports use: a passive subject ("were killed in a bomb
attack") and a party after a harm verb ("killed two officials and wounded nine policemen") are what the act hit;
the force that "received a report" of a blast came to look and is no party; the group whose territory a strike
fell on is not its target; a civil body's staff hit by a blast are civilians; a local "People's Guerrilla Force"
is the coding guide's PDF; KNU township names place the event. Sentences are the team's own."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events


def _first(knowledge, text: str, event_type: str):
    events = [e for e in extract_events(knowledge, "", text, date(2024, 3, 6)) if e.event_type == event_type]
    assert events, text
    return events[0]


@pytest.mark.parametrize(("text", "hit"), [
    ("Five policemen were killed in a bomb attack in Myawaddy on Sunday.", "police_myanmar"),
    ("Three soldiers were wounded in a grenade attack on a checkpoint in Kale on Monday.", "military_myanmar"),
    ("Two junta troops were killed during a mine attack near Tamu on Tuesday.", "military_myanmar"),
])
def test_the_passive_subject_of_a_blast_is_what_it_hit(knowledge, text, hit):
    event = _first(knowledge, text, "Explosions/Remote violence")
    assert event.actor2_id == hit
    assert event.actor1_id == "unidentified_armed_group"


@pytest.mark.parametrize(("text", "hit"), [
    ("A bomb attack on the township office in Myawaddy on Sunday killed two officials and wounded nine policemen.",
     "police_myanmar"),
    ("The blast at the market in Hpa-an on Monday injured four soldiers and two vendors.", "military_myanmar"),
    ("A grenade explosion at the gate of the district office in Dawei on Friday wounded three police officers.",
     "police_myanmar"),
])
def test_a_force_named_after_a_harm_verb_was_hit_not_the_bomber(knowledge, text, hit):
    event = _first(knowledge, text, "Explosions/Remote violence")
    assert event.actor1_id == "unidentified_armed_group"
    assert event.actor2_id == hit


@pytest.mark.parametrize(("text", "sides"), [
    ("A junta general was killed in heavy fighting with the KIA near Bhamo on Monday.", {"military_myanmar", "kia"}),
    ("The KNLA seized the army camp near Kawkareik on Sunday. Three KNLA fighters were killed in the final assault.",
     {"military_myanmar", "knla"}),
    ("Twelve junta soldiers were killed in clashes with the TNLA near Kyaukme on Friday.", {"military_myanmar", "tnla"}),
])
def test_a_side_that_lost_men_in_a_fight_is_still_a_side(knowledge, text, sides):
    # in a battle the side that lost men stays one of its two sides
    event = _first(knowledge, text, "Battles")
    assert {event.actor1_id, event.actor2_id} == sides


@pytest.mark.parametrize("text", [
    "A bomb exploded at a ward office in Sagaing on Tuesday, killing two Union Election Commission staff.",
    "A bomb attack on the office in Sagaing on Tuesday killed four Union Election Commission staff.",
    "A blast at the polling station in Shwebo on Sunday wounded three Union Election Commission staff.",
])
def test_staff_of_the_civil_administration_hit_by_a_blast_are_civilians(knowledge, text):
    event = _first(knowledge, text, "Explosions/Remote violence")
    assert event.actor2_id == "civilians_myanmar"
    assert event.actor1_id != "military_myanmar"


@pytest.mark.parametrize("text", [
    "Security personnel received a report of an explosion near Nyaung Kone village in Natogyi Township on Monday. "
    "A mine planted by the PDF had hit a car, killing one man.",
    "On Tuesday, police were informed of a blast in Myingyan Township that injured a farmer; a bomb placed by the PDF "
    "went off near his house.",
    "Security forces were alerted to a blast near Kyaukse on Friday; a bomb planted by the PDF had damaged a bridge.",
])
def test_the_force_that_heard_of_a_blast_is_not_its_bomber(knowledge, text):
    event = _first(knowledge, text, "Explosions/Remote violence")
    assert event.actor1_id == "pdf"


@pytest.mark.parametrize("text", [
    "Luthaw, a territory of the KNU's 5th Brigade, was bombed by a fighter jet on Monday, destroying two houses.",
    "A fighter jet bombed a village in the area of the KNU's 5th Brigade in Hpapun Township on Monday, destroying a school.",
    "A fighter jet bombed Day Bu Noe village, in territory of the KNU, on Tuesday.",
])
def test_the_group_whose_territory_was_bombed_is_not_the_target(knowledge, text):
    event = _first(knowledge, text, "Explosions/Remote violence")
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")


@pytest.mark.parametrize("text", [
    "A junta convoy was ambushed by the Taung Lay People's Guerrilla Force near Ye on Saturday.",
    "The Kyun Pin People’s Guerrilla Force attacked a police station in Thanbyuzayat Township on Friday.",
    "Fighters of the Mawlamyine People's Guerrilla Forces clashed with junta troops near Mudon on Sunday.",
])
def test_a_local_guerrilla_force_is_the_pdf(knowledge, text):
    event = _first(knowledge, text, "Battles")
    assert "pdf" in (event.actor1_id, event.actor2_id)


@pytest.mark.parametrize("text", [
    "A fighter jet bombed a village in Luthaw Township on Monday, destroying a school.",
    "Ten villagers were injured when a village in Lu Thaw Township was shelled on Sunday.",
    "Junta jets bombed Ler Mu Plaw village in Luthaw township on Friday.",
])
def test_the_knu_township_name_luthaw_is_hpapun(knowledge, text):
    event = _first(knowledge, text, "Explosions/Remote violence")
    assert (event.admin3, event.admin1.split()[0]) == ("Hpapun", "Kayin")


@pytest.mark.parametrize("text", [
    "Junta troops shelled Nam Hpat Kar village in Kutkai Township on Monday, and a resident sustained shrapnel injuries.",
    "The army fired artillery into a ward of Hpakant on Friday; two villagers suffered serious injuries.",
    "A group of KIA fighters fired rockets on a ward of Bhamo on Monday; one resident sustained shrapnel injuries.",
])
def test_people_who_sustained_injuries_are_the_civilian_victims(knowledge, text):
    event = _first(knowledge, text, "Explosions/Remote violence")
    assert event.actor2_id == "civilians_myanmar"


@pytest.mark.parametrize("text", [
    "KIA fighters fired rockets at a ward of Bhamo on Monday. One rocket exploded near the market. A resident of the "
    "ward sustained shrapnel injuries.",
    "The TNLA shelled a ward of Lashio on Sunday. A shell landed near the school. Two residents suffered serious injuries.",
    "The AA fired artillery at Sittwe on Friday. A shell hit a house in the Aung Mingalar ward. One resident sustained "
    "head injuries.",
])
def test_who_was_hurt_told_in_the_next_sentences_names_the_victims(knowledge, text):
    event = _first(knowledge, text, "Explosions/Remote violence")
    assert event.actor2_id == "civilians_myanmar"


@pytest.mark.parametrize(("text", "doer"), [
    ("The PDF received information about a junta column near Kani on Monday and laid mines on its road; a mine "
     "exploded under a truck, killing four soldiers.", "pdf"),
    ("The KNLA was alerted to troops approaching its camp near Kawkareik on Friday and planted mines; two soldiers "
     "were killed when a mine exploded.", "knla"),
    ("Drones of the AA struck an army base near Sittwe on Sunday after the group received reports of troops gathering "
     "there.", "ula_aa"),
])
def test_a_group_told_of_troops_that_then_acts_is_still_the_doer(knowledge, text, doer):
    # only a report of the blast itself makes the one who heard it a bystander
    event = _first(knowledge, text, "Explosions/Remote violence")
    assert event.actor1_id == doer
