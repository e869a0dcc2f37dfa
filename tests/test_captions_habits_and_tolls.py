"""Extraction rules from round 7 of issue 14 (precision and tolls on real reporting). Each rule has
sentences of the team's own, written for the purpose (never copied from an article)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events
from tasks.extract.captions import is_caption_at
from tasks.extract.numbers import find_counts

PUBLISHED = date(2024, 3, 6)   # a Wednesday


def _events(knowledge, text: str, published: date = PUBLISHED):
    return extract_events(knowledge, "", text, published)


# --- picture captions ------------------------------------------------------------------------------

@pytest.mark.parametrize("caption", [
    "Burned houses in Kyauk Ye village after the raid by soldiers. / Local relief group",
    "(Left) Soldiers captured by the resistance in the township on Sunday. (Right) A burned truck.",
    "Villagers carry a wounded man after the air strike in the town on Monday (AFP)",
    "Smoke rises over the village after the shelling. Photo: Local Media",
])
def test_a_picture_caption_is_recognised(caption):
    text = f"Headline of the story\n\n{caption}\n\nTroops shelled the village on Monday, residents said."
    assert is_caption_at(text, text.index(caption) + 5)
    assert not is_caption_at(text, text.index("Troops shelled"))


def test_a_caption_told_twice_is_a_caption_both_times():
    caption = "Residents look at the ruins of the market after the bombing on Tuesday."
    text = f"{caption}\n\n{caption}\n| Photo Credit: Some Agency\n\nJets bombed the market on Monday night."
    assert is_caption_at(text, 3)


def test_a_long_lead_ending_in_a_credit_is_still_the_story():
    lead = ("Air strikes by the military killed at least twenty people at a wedding in a village of the northern "
            "region on Sunday night, relatives of the victims and members of a local rescue group told reporters "
            "by telephone on Monday morning. Photo: Agency/ file")
    assert not is_caption_at(lead, 5)


def test_a_caption_gives_no_event_and_lends_no_date(knowledge):
    text = ("Bodies laid out in Kyauk Ye village, Pale Township, after the massacre. / Local defence group\n\n"
            "Soldiers killed 14 villagers in Kyauk Ye village, Pale Township, Sagaing Region, on Monday.")
    events = _events(knowledge, text)
    assert len(events) == 1
    assert events[0].event_date == date(2024, 3, 4)
    assert events[0].fatalities == 14


# --- tolls -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "kind", "value"), [
    ("Soldiers killed and burned 11 villagers in the village on Monday.", "killed", 11),
    ("Troops executed and burned 4 farmers near the river.", "killed", 4),
    ("Soldiers killed and wounded 9 villagers on Monday.", "casualties", 9),
])
def test_a_second_verb_sharing_the_object_keeps_the_first_verbs_count(sentence, kind, value):
    counts = find_counts(sentence)
    assert [(c.kind, c.value) for c in counts] == [(kind, value)]


def test_a_killing_with_two_verbs_is_an_attack_on_civilians(knowledge):
    events = _events(knowledge, "Army troops killed and burned 11 villagers in Pale Township on Monday.")
    assert [(e.event_type, e.fatalities) for e in events] == [("Violence against civilians", 11)]


# --- what the sentence tells -------------------------------------------------------------------------

def test_people_being_held_describe_a_state_not_the_act(knowledge):
    text = ("On Tuesday the local defence force attacked army troops near Kyauk Ye village in Pale Township "
            "to free villagers being held hostage.")
    events = _events(knowledge, text)
    assert [e.event_type for e in events] == ["Battles"]


# --- lists of links -----------------------------------------------------------------------------------

def test_a_list_of_other_stories_headlines_gives_no_event(knowledge):
    text = ("- Two farmers killed in shelling of Pauktaw village\n- Junta jets bomb market in Minbya Township\n"
            "- Students hold rally in Sittwe\n\nSoldiers arrested 5 men in Kyaukphyu Township on Monday, residents said.")
    events = _events(knowledge, text)
    assert [e.sub_event_type for e in events] == ["Arrests"]


def test_key_points_told_as_sentences_stay(knowledge):
    text = ("- A junta air strike hit a school in Tabayin Township on Monday, killing 9 pupils.\n"
            "- Teachers said the jets came twice.\n- The army did not comment.\n")
    events = _events(knowledge, text)
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


# --- habits and periods --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Residents said the army shelled the town of Kawlin everyday.",
    "The regime is continuously attacking villages along the highway in Sagaing Region.",
    "Soldiers raided Kani Township day after day, villagers said.",
])
def test_an_act_told_as_a_habit_is_no_event(knowledge, sentence):
    assert _events(knowledge, sentence) == []


def test_a_period_filled_with_fighting_is_no_event(knowledge):
    text = ("Junta officers lost contact with the regional command in Lashio, a spokesman said on Monday, "
            "following weeks of intense fighting in and around the town.")
    assert [e.event_type for e in _events(knowledge, text)] == []


def test_for_the_past_week_is_a_stretch_not_a_day(knowledge):
    text = ("For the past week, the army has used jets to attack a hill post near Momauk in Kachin State. "
            "The KIA shot down an army helicopter near Momauk on Monday, a spokesman said.")
    events = _events(knowledge, text)
    assert [(e.event_date, e.admin3) for e in events if e.sub_event_type == "Air/drone strike"] == []


# --- tolls told apart from the event ---------------------------------------------------------------

_LONE_STORY = ("A junta jet bombed a church in Kyauk Ye village, Pale Township, on Monday morning. {toll}\n\n"
               "The first bomb hit the roof. People ran out of the building when the second bomb fell.\n\n"
               "Most of the wounded were taken to a clinic in the next village, a relief worker said.\n\n"
               "The church was built by the villagers twenty years ago and served four villages around it; "
               "its bell could be heard across the valley, and on Sundays people walked for hours to reach it, "
               "the pastor's daughter remembered, standing in front of what is left of the old wooden hall.\n\n"
               "The village lies far from the main road, and most of its people grow rice and beans on the "
               "hills around it, a teacher from the village school said by telephone from a nearby town.\n\n"
               "{late}")


def test_a_lone_events_toll_may_come_paragraphs_later(knowledge):
    events = _events(knowledge, _LONE_STORY.format(toll="", late="Local media said that eleven people were killed."))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 11)]


def test_deaths_with_a_cause_of_their_own_are_not_lent(knowledge):
    late = "At least 20 villagers who fled by boat died when the boat capsized on the river."
    events = _events(knowledge, _LONE_STORY.format(toll="", late=late))
    assert [e.fatalities for e in events if e.sub_event_type == "Air/drone strike"] == [None]


def test_a_firm_number_replaces_a_vague_toll(knowledge):
    text = ("Soldiers shot and killed dozens of villagers in Kyauk Ye village, Pale Township, on Friday.\n\n"
            "Relatives said the bodies were burned in the village.\n\n"
            "A rights group said more than 30 were killed.")
    events = _events(knowledge, text)
    assert [e.fatalities for e in events] == [30]


@pytest.mark.parametrize("verb", ["mowed down", "gunned down"])
def test_mowed_down_counts_the_dead(verb):
    assert [(c.kind, c.value) for c in find_counts(f"Troops {verb} 25 people in the town on Friday.")] == [("killed", 25)]


def test_grenades_fired_into_a_protest_are_force_against_protesters(knowledge):
    text = ("Security forces fired rifle grenades at a crowd in Bago on Friday, killing 14 people, as they cleared "
            "barricades built by anti-coup protesters.")
    events = _events(knowledge, text)
    assert [(e.sub_event_type, e.actor2_id) for e in events] == [("Excessive force against protesters", "protesters_myanmar")]


def test_a_caption_with_positions_in_the_picture():
    text = "A protester (R) throws a stone while a man (2nd from L) holds a shield in the town, March 3, 2021.\n"
    assert is_caption_at(text, 4)


# --- one act told twice, a detail, hedges, wrapped lines -------------------------------------------------

def test_a_town_captured_told_twice_is_one_event(knowledge):
    text = ("State media said the army recaptured Kyaukme from the TNLA on Wednesday after weeks of combat.\n\n"
            "The recapture of Kyaukme by the army from the TNLA is the latest setback for the rebels.")
    events = _events(knowledge, text, date(2025, 10, 3))
    territory = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert [(e.admin3, e.event_date) for e in territory] == [("Kyaukme", date(2025, 10, 1))]


def test_a_with_clause_adds_a_detail_to_the_main_act(knowledge):
    text = ("On Monday, skirmishes between the KIA and the army broke out near a village in Waingmaw Township, "
            "with artillery fire injuring three residents.")
    events = _events(knowledge, text)
    assert [e.sub_event_type for e in events] == ["Armed clash"]


@pytest.mark.parametrize("sentence", [
    "A monk said there were unconfirmed reports that some villagers had been arrested by soldiers in Kani.",
    "The diplomat asked whether an air strike so close to the border in Hpakant Township could be justified.",
    "Martial law is in force in Hlaingthaya Township, state media said on Monday.",
    "Elsewhere, clashes between the army and the TNLA are reported to be intense in Mongmit Township.",
])
def test_an_act_not_reported_as_done_is_no_event(knowledge, sentence):
    assert _events(knowledge, sentence) == []


def test_a_hard_wrapped_line_goes_on_in_the_same_sentence(knowledge):
    text = ("A junta air strike hit a camp for displaced people near Laiza in Kachin State on Monday night,\n"
            "claiming the lives of at least 23 people, including 9\nchildren, a rescue worker said.")
    events = _events(knowledge, text)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 23)]


def test_the_lives_of_people_count_the_dead():
    assert [(c.kind, c.value) for c in find_counts("The shelling claimed the lives of 6 villagers.")] == [("killed", 6)]


def test_a_with_clause_after_the_war_going_on_is_the_event(knowledge):
    text = ("Fighting continued in northern Shan State, with the MNDAA taking control of the town of Laukkai "
            "last week.")
    assert "Non-state actor overtakes territory" in [e.sub_event_type for e in _events(knowledge, text)]


def test_an_act_dated_weeks_ago_beside_a_newer_one_is_background(knowledge):
    text = ("Junta troops torched 40 houses in Kyauk Ye village, Kanbalu Township, on Thursday, residents said.\n\n"
            "The village lies near the site of deadly air strikes carried out in Kanbalu Township two weeks ago.")
    events = _events(knowledge, text, date(2024, 3, 11))
    assert [e.sub_event_type for e in events] == ["Looting/property destruction"]


def test_a_sentence_closing_a_quotation_is_speech(knowledge):
    text = ("Troops torched 30 houses in Kyauk Ye village, Sagaing Township, on Friday, residents said.\n\n"
            "“The whole village was burning. They fired back hard when we shelled them near the monastery,” "
            "said a member of the local group.")
    events = _events(knowledge, text, date(2023, 4, 22))
    assert [e.sub_event_type for e in events] == ["Looting/property destruction"]


# --- aircraft downed, filing lines, an earlier act's toll --------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The KIA said it downed an army helicopter gunship during heavy fighting near Momauk on Monday.",
    "A rebel army said it had shot down a military helicopter near Momauk on Monday, a day after a crackdown "
    "on anti-coup protests in Mandalay left at least five people dead.",
])
def test_an_aircraft_shot_down_is_a_fight(knowledge, sentence):
    events = _events(knowledge, sentence, date(2021, 5, 4))
    downed = [e for e in events if e.rule.startswith("aircraft-downed")]
    assert [(e.event_type, e.sub_event_type) for e in downed] == [("Battles", "Armed clash")]
    assert downed[0].fatalities is None   # the five dead belong to the crackdown the day before


def test_a_filing_line_below_the_first_lines_is_no_place_of_the_event(knowledge):
    text = ("Tuesday, 4 May, 2021\n\nYANGON, May 3: The KIA said it shot down a military helicopter on Monday "
            "during fighting near Momauk in Kachin State.")
    events = _events(knowledge, text, date(2021, 5, 4))
    assert [(e.admin3, e.admin1.split()[0]) for e in events] == [("Momauk", "Kachin")]


# --- names, death days, earlier clauses --------------------------------------------------------------

def test_a_state_name_closing_a_longer_name_is_no_state(knowledge):
    text = "The army set up a base near the site of the Naung Mon police station attack in Lashio Township on Monday."
    events = _events(knowledge, text)
    assert events and all((e.admin1 or "").startswith("Shan") for e in events)


def test_the_day_a_victim_died_of_wounds_is_not_the_day_of_the_act(knowledge):
    text = "A student was shot by police at a protest in Mandalay on February 9 and died on Friday."
    events = _events(knowledge, text, date(2021, 2, 21))
    assert all(e.event_date == date(2021, 2, 9) for e in events) and events


def test_a_protest_a_day_after_a_shooting_is_a_protest(knowledge):
    text = ("Protesters gathered across Mandalay again on Sunday, a day after police shot dead two people "
            "at a demonstration near the river.")
    events = _events(knowledge, text, date(2021, 2, 21))
    sunday = [e for e in events if e.event_date == date(2021, 2, 21)]
    assert [(e.sub_event_type, e.fatalities) for e in sunday] == [("Peaceful protest", None)]


def test_no_casualties_told_apart_gives_the_event_a_toll_of_zero(knowledge):
    text = ("Resistance drones struck the air base near Naypyitaw on Thursday, the NUG said.\n\n"
            "A resident who saw the strike said the drones fell near the runway.\n\n"
            "“There was little damage and there were no casualties,” he said.")
    events = _events(knowledge, text, date(2024, 4, 5))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 0)]


def test_a_wire_caption_closing_with_place_and_date(knowledge):
    caption = ("A medic treats a wounded man injured in violent protests at a clinic in Hlaingthaya, a suburb "
               "of Yangon, March 14, 2021.")
    text = f"{caption}\n\nSecurity forces shot dead 20 protesters in Hlaingthaya Township on Sunday, a rights group said."
    assert is_caption_at(text, 5)
    events = _events(knowledge, text, date(2021, 3, 15))
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]
    assert not is_caption_at("Soldiers shot dead two people in the town on March 14, 2021.", 5)
