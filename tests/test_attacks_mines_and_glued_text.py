"""Extraction rules from round 10 of issue 14 (event finding and typing on real reporting). Every sentence here
is the team's own, written for the test."""

from datetime import date

from tasks.extract import extract_events
from tasks.extract.unglue import unglued


def _events(knowledge, text: str, published: date):
    return extract_events(knowledge, "", text, published)


# --- people shot: an attack on civilians, no death counted from "shot" alone ------------------------------


def test_militia_that_shot_villagers_commits_an_attack_without_a_counted_death(knowledge):
    text = "Pyu Saw Htee militia members shot five villagers in Kani Township on Tuesday, residents said."
    events = _events(knowledge, text, date(2024, 3, 14))
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Violence against civilians", "Attack")]
    assert not events[0].fatalities


def test_troops_that_opened_fire_on_farmers_commit_an_attack(knowledge):
    text = "Junta soldiers opened fire on three farmers near Kyaukme on Sunday morning, a relative said."
    assert [e.sub_event_type for e in _events(knowledge, text, date(2023, 8, 2))] == ["Attack"]


def test_a_shot_without_a_shooter_or_of_soldiers_is_no_attack_on_civilians(knowledge):
    assert _events(knowledge, "A photographer shot several people at the festival in Mandalay on Sunday.",
                   date(2023, 8, 2)) == []
    events = _events(knowledge, "The KIA shot two soldiers near Momauk on Friday, the group said.", date(2023, 8, 2))
    assert all(e.event_type != "Violence against civilians" for e in events)


# --- words run together at a wrapped line ---------------------------------------------------------------


def test_a_number_glued_to_a_word_is_split_but_units_and_ordinals_stay():
    assert unglued("killing 12soldiers at 5am with 120mm shells on the 21st") == \
        "killing 12 soldiers at 5am with 120mm shells on the 21st"


def test_function_words_and_area_words_glued_to_names_are_split():
    assert unglued("ambushed thejunta column inSagaing near Kalewatownship on 3 Marchabout noon") == \
        "ambushed the junta column in Sagaing near Kalewa township on 3 March about noon"
    assert unglued("Theresa saw thermal images there; Augustin and Mayon") == "Theresa saw thermal images there; Augustin and Mayon"


def test_a_glued_toll_still_counts(knowledge):
    text = "The PDF ambushed thejunta convoy in Gangaw Township on Monday, killing 9soldiers, the group said."
    events = _events(knowledge, text, date(2024, 2, 7))
    assert [e.fatalities for e in events] == [9]


def test_offsets_of_an_event_in_a_glued_text_point_into_the_page_as_written(knowledge):
    # the split adds spaces; evidence offsets must still select the page's own characters
    text = ("Residents fled on Sunday.\n\nThe PDF ambushed thejunta convoy in Gangaw Township on Monday, killing "
            "9soldiers, the group said.\n\nThe road stayed closed.")
    events = _events(knowledge, text, date(2024, 2, 7))
    assert len(events) == 1
    assert text[events[0].start_char:].startswith("The PDF ambushed thejunta")
    assert text[:events[0].end_char].endswith("the group said.")


# --- mines as the weapon of an ambush ---------------------------------------------------------------------


def test_mines_used_to_ambush_a_column_make_a_mine_attack_and_their_number_is_no_count_of_events(knowledge):
    text = ("On Tuesday, the PDF used 30 land mines to ambush a junta column near Pauk in Magway Region, "
            "killing seven soldiers, the group said.")
    events = _events(knowledge, text, date(2024, 5, 9))
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]


def test_a_land_mine_ambush_is_a_mine_attack(knowledge):
    text = "Junta troops were hit by a land-mine ambush near Pauk in Magway Region on Tuesday, the PDF said."
    assert [e.sub_event_type for e in _events(knowledge, text, date(2024, 5, 9))] == ["Remote explosive/landmine/IED"]


def test_a_count_of_air_strikes_is_still_no_event(knowledge):
    text = "Junta jets carried out more than 30 air strikes in Chin State in October, the group said."
    assert _events(knowledge, text, date(2024, 11, 9)) == []


# --- "sit in" as two words ------------------------------------------------------------------------------


def test_people_told_to_sit_in_rows_stage_no_protest_but_a_sit_in_staged_is_one(knowledge):
    text = "Soldiers stopped the farmers near Namhkam on Monday and ordered them to sit in rows, a relative said."
    assert all(e.event_type != "Protests" for e in _events(knowledge, text, date(2023, 4, 5)))
    text = "Students staged a sit in outside the university in Mandalay on Monday against the junta."
    assert [e.event_type for e in _events(knowledge, text, date(2023, 4, 5))] == ["Protests"]


# --- a day's possessive names an act told already ---------------------------------------------------------


def test_tuesdays_raid_told_after_the_burning_is_the_same_event(knowledge):
    text = ("Junta troops torched some 50 houses in Kin Lan village in Ayadaw Township on Tuesday, residents said.\n"
            "Two villagers were killed by the soldiers in Ayadaw during Tuesday's raid, a relative said.")
    assert len(_events(knowledge, text, date(2023, 7, 13))) == 1


def test_clashes_that_are_intensified_this_week_are_the_war_going_on(knowledge):
    text = "This week, armed clashes are intensified around the villages of Mantong Township, a monk said."
    assert _events(knowledge, text, date(2023, 6, 9)) == []


# --- an act told as the cause of the event reported -------------------------------------------------------


def test_a_clash_told_as_the_reason_for_the_raid_is_no_new_event(knowledge):
    text = ("Junta troops burned about 40 houses in Kin Lan village in Ayadaw Township on Monday, residents said.\n"
            "A clash between the PDF and the troops near the village on May 2 is believed to be the reason for the "
            "raid, a resident said.")
    assert [e.sub_event_type for e in _events(knowledge, text, date(2023, 5, 17))] == ["Looting/property destruction"]


# --- buildings burned, with a number between verb and object -----------------------------------------------


def test_troops_that_burned_a_number_of_houses_destroy_property(knowledge):
    text = "Junta troops burned more than 60 houses in Kin Lan village in Ayadaw Township on Monday, residents said."
    assert [e.sub_event_type for e in _events(knowledge, text, date(2023, 5, 17))] == ["Looting/property destruction"]
    assert _events(knowledge, "A kitchen fire burned about 12 houses in Kin Lan village on Monday.", date(2023, 5, 17)) == []


# --- a blast of a round that was fired ----------------------------------------------------------------------


def test_a_fired_round_that_exploded_in_a_camp_is_a_shelling(knowledge):
    text = ("Junta troops fired a 105 mm cannon from their hill base on Friday and it exploded inside a KIA camp near "
            "Laiza, a KIA officer said.")
    assert [e.sub_event_type for e in _events(knowledge, text, date(2023, 9, 30))] == ["Shelling/artillery/missile attack"]


# --- a line cut off mid-sentence ----------------------------------------------------------------------------


def test_a_teaser_cut_off_mid_sentence_tells_no_event_but_the_story_below_does(knowledge):
    text = ("Junta jets bombed Kan Ma village in Kani Township on Tuesday, killing four people, residents said.\n"
            "Two children were killed in a junta drone strike on a school in Mindat Township in Chin State on...\n")
    events = _events(knowledge, text, date(2024, 3, 14))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 4)]


# --- a deadly crackdown in a story about protests ---------------------------------------------------------


def test_a_deadly_crackdown_in_a_protest_story_is_excessive_force_against_protesters(knowledge):
    text = ("A day-long clampdown by security forces killed 30 people in Monywa on Friday, a monitoring group said.\n"
            "Residents said the town had been quiet for a week.\n"
            "The country has been in turmoil since the coup, with daily protests against military rule.")
    events = _events(knowledge, text, date(2021, 4, 3))
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Protests", "Excessive force against protesters")]


def test_troops_who_killed_villagers_without_any_protest_told_attack_civilians(knowledge):
    text = "A clampdown by junta troops killed 14 villagers in Kani Township on Friday, residents said."
    assert [e.sub_event_type for e in _events(knowledge, text, date(2023, 4, 3))] == ["Attack"]


# --- "a separate strike" in a story of air strikes ----------------------------------------------------------


def test_a_separate_strike_a_day_earlier_is_another_air_strike(knowledge):
    text = ("Junta fighter jets bombed Kyauktaw town on May 15, killing five civilians, residents said.\n"
            "On May 13, two farmers were killed in a separate strike on a village near the town.")
    events = _events(knowledge, text, date(2025, 5, 16))
    assert sorted((str(e.event_date), e.sub_event_type) for e in events) == [
        ("2025-05-13", "Air/drone strike"), ("2025-05-15", "Air/drone strike")]
    walkout = "Workers in Hpa-an began a separate strike on May 13 over unpaid wages."
    assert all(e.sub_event_type != "Air/drone strike" for e in _events(knowledge, walkout, date(2025, 5, 16)))


# --- a mine ambush beside a raid is an event of its own -----------------------------------------------------


def test_a_convoy_ambushed_with_mines_after_a_raid_is_a_second_event(knowledge):
    text = ("On Monday morning, about 150 junta troops raided Kin Lan village in Myingyan Township, residents said.\n"
            "A junta convoy heading to the village was ambushed on Monday with mines near Tha Pyay village, the PDF said.")
    kinds = sorted(e.sub_event_type for e in _events(knowledge, text, date(2023, 6, 21)))
    assert kinds == ["Armed clash", "Remote explosive/landmine/IED"]


def test_an_ambush_lead_joins_the_mine_ambush_its_details_tell(knowledge):
    text = ("Resistance forces say they ambushed junta troops in Pale Township, Sagaing Region, killing six soldiers.\n"
            "The PDF ambushed the troops with mines near Kin Lan village on Wednesday, the group said.")
    events = _events(knowledge, text, date(2023, 6, 16))
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
