"""The general extraction rules, one pair each: a sentence where the rule must fire and a contrast where
it must not. Every article is invented, in the style of Myanmar conflict reporting; places and groups
are real. Publication date is Friday 14 March 2025 throughout."""

from datetime import date

import pytest

from tasks.extract import extract, extract_events

PUBLISHED = date(2025, 3, 14)
WEDNESDAY, THURSDAY, FRIDAY = date(2025, 3, 12), date(2025, 3, 13), date(2025, 3, 14)


def _events(knowledge, text: str, title: str = ""):
    return extract_events(knowledge, title, text, PUBLISHED)


def _only(knowledge, text: str):
    events = _events(knowledge, text)
    assert len(events) == 1, [(e.sub_event_type, e.event_date, e.location) for e in events]
    return events[0]


# --- "after"/"since" clauses give way to the main clause's act ----------------------------------------

def test_capture_told_in_an_after_clause_does_not_replace_the_air_strike(knowledge):
    event = _only(knowledge, "Junta jets bombed Falam on Wednesday, three days after Chin resistance forces "
                             "captured the town, residents said.")
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert event.actor1_id == "military_myanmar"


def test_after_clause_act_stays_the_event_when_the_main_clause_only_counts_the_dead(knowledge):
    event = _only(knowledge, "Three villagers were killed after junta troops raided Kani village on Wednesday, "
                             "residents said.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.fatalities == 3


# --- places inside "a day after ..." clauses -----------------------------------------------------------

def test_place_of_the_earlier_setback_gives_way_to_the_place_of_the_attack(knowledge):
    event = _only(knowledge, "A day after being pushed back at Mogaung Township, junta troops attacked KIA "
                             "positions near Hopin on Friday, the group said.")
    assert event.location == "Hopin"


def test_place_in_the_earlier_clause_is_kept_when_the_main_clause_names_none(knowledge):
    event = _only(knowledge, "A day after being pushed back at Mogaung Township, junta troops attacked again on "
                             "Friday, the KIA said.")
    assert event.location == "Mogaung"


# --- protests that disperse on their own ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hundreds of students marched through Mandalay on Sunday chanting anti-junta slogans before dispersing peacefully.",
    "About 200 people rallied in Sagaing on Sunday and the crowd dispersed peacefully as junta soldiers watched, "
    "witnesses said.",
])
def test_protest_that_disperses_peacefully_is_a_peaceful_protest(knowledge, text):
    event = _only(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")
    assert event.actor2_id is None


def test_protest_broken_up_by_police_is_a_protest_with_intervention(knowledge):
    event = _only(knowledge, "Hundreds of students marched through Mandalay on Sunday until police broke up the "
                             "rally, witnesses said.")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")


# --- "anti-"/"pro-" + trigger is what a thing is against ------------------------------------------------

def test_anti_conscription_protest_is_a_protest_not_conscription(knowledge):
    event = _only(knowledge, "Hundreds of people joined an anti-conscription protest in Monywa on Sunday, "
                             "witnesses said.")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


def test_conscription_without_a_stance_prefix_is_a_change_to_group_activity(knowledge):
    event = _only(knowledge, "Authorities in Monywa began enforcing conscription on Sunday, residents said.")
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Change to group/activity")


# --- triggers after avoid / evade / dodge ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Villagers fled into the forest on Tuesday to avoid airstrikes on Kani, residents said.",
    "Families in Kani slept in bunkers on Tuesday to dodge airstrikes, residents said.",
])
def test_airstrikes_people_try_to_avoid_are_no_event(knowledge, text):
    assert _events(knowledge, text) == []


def test_airstrikes_carried_out_are_an_event(knowledge):
    event = _only(knowledge, "Junta jets carried out airstrikes on Kani on Tuesday, residents said.")
    assert event.sub_event_type == "Air/drone strike"


# --- split phrasal verbs: only ground can be handed over -----------------------------------------------

@pytest.mark.parametrize("text", [
    "The Arakan Army handed the town of Paletwa over to local administrators on Monday, the group said.",
    "The Kachin Independence Army handed control of Bhamo back to the military on Monday, residents said.",
])
def test_handing_a_town_over_is_a_territory_transfer(knowledge, text):
    event = _only(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Non-violent transfer of territory")


def test_handing_suspects_over_is_no_territory_transfer(knowledge):
    events = _events(knowledge, "The Arakan Army handed the suspects over to police in Paletwa on Monday, the group said.")
    assert not any(e.sub_event_type == "Non-violent transfer of territory" for e in events)


# --- passive "was taken by <armed group>" --------------------------------------------------------------

def test_base_taken_by_an_armed_group_is_a_capture_by_that_group(knowledge):
    event = _only(knowledge, "The junta battalion headquarters in Hsenwi was taken by the MNDAA on Saturday after "
                             "a three-day siege, residents said.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Non-state actor overtakes territory")
    assert event.actor1_id == "mndaa" and event.actor2_id == "military_myanmar"


@pytest.mark.parametrize("text", [
    "A wounded villager in Hsenwi was taken by the MNDAA to a hospital on Saturday, residents said.",
    "Two injured soldiers from the Hsenwi base were taken by the MNDAA to a clinic on Saturday, residents said.",
])
def test_people_taken_by_an_armed_group_to_hospital_is_no_capture(knowledge, text):
    assert not any(e.event_type == "Battles" for e in _events(knowledge, text))


# --- unnamed perpetrators of grenades, mines and suicide bombs -----------------------------------------

_GRENADE = "Two shoppers were injured when a grenade exploded at a market in Myitkyina on Monday, police said."


def test_grenade_with_no_named_thrower_is_by_an_unidentified_armed_group(knowledge):
    event = _only(knowledge, _GRENADE)
    assert event.sub_event_type == "Grenade"
    assert event.actor1 == "Unidentified Armed Group (Myanmar)" and event.actor2_id == "civilians_myanmar"


@pytest.mark.parametrize("follow_up", [
    "Residents said it had been thrown by KIA fighters from a passing motorbike.",
    "The Kachin Independence Army claimed responsibility, saying the market served junta soldiers.",
])
def test_grenade_thrower_named_in_a_following_sentence_is_actor1(knowledge, follow_up):
    event = _only(knowledge, f"{_GRENADE} {follow_up}")
    assert event.actor1_id == "kia"


def test_air_strike_with_no_named_perpetrator_is_by_the_state_not_unidentified(knowledge):
    event = _only(knowledge, "Jets bombed a market in Myitkyina on Monday, injuring two shoppers, residents said. "
                             "The junta has denied targeting civilians.")
    assert event.sub_event_type == "Air/drone strike" and event.actor1_id == "military_myanmar"


# --- "the road between A and B" --------------------------------------------------------------------------

_AMBUSH = ("Karenni resistance fighters ambushed a junta convoy on the road between Demoso and Loikaw on Thursday, "
           "killing four soldiers.")


def test_road_between_two_towns_is_placed_near_the_one_the_article_is_about(knowledge):
    text = _AMBUSH + " Loikaw has been contested since the resistance launched an offensive on the Kayah State capital."
    event = _only(knowledge, text)
    assert event.location == "Loikaw" and event.geo_precision == 2


def test_road_between_two_towns_named_once_each_is_placed_near_the_first(knowledge):
    event = _only(knowledge, _AMBUSH)
    assert event.location == "Demoso" and event.geo_precision == 2


# --- past-perfect follow-ups ---------------------------------------------------------------------------

_SHELLING = "Junta troops shelled Kani village on Tuesday, killing two people, residents said."


def test_past_perfect_detention_after_a_shelling_is_part_of_the_shelling(knowledge):
    events = _events(knowledge, f"{_SHELLING} Five villagers had been detained by the soldiers.")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]
    assert "had been detained" in events[0].sentence


def test_dated_detention_elsewhere_after_a_shelling_is_its_own_event(knowledge):
    events = _events(knowledge, f"{_SHELLING} Five villagers were detained by police in Monywa on Thursday.")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack", "Arrests"]
    assert (events[1].event_date, events[1].location) == (THURSDAY, "Monywa")


# --- undated, actor-less "fighting" --------------------------------------------------------------------

# Sentences without an act between the capture and the fighting, so the fighting is not a plain follow-up.
_CAPTURE = ("The Arakan Army captured the town of Paletwa on Sunday, the group said. The town lies on the Kaladan "
            "river near the Indian border. It is the seat of a township of about 100,000 people. A spokesman for "
            "the group declined to give details.")


def test_undated_fighting_with_no_actors_joins_the_capture_told_earlier(knowledge):
    events = _events(knowledge, f"{_CAPTURE} Fighting in the area went on into the night.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]
    assert "went on into the night" in events[0].sentence


def test_dated_fighting_between_named_groups_elsewhere_is_its_own_clash(knowledge):
    events = _events(knowledge, f"{_CAPTURE} Fighting between the Chin Brotherhood and junta troops broke out in "
                                "Matupi on Monday.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory", "Armed clash"]
    assert events[1].location == "Matupi"


# --- annual and multi-month aggregates are figures, not events ----------------------------------------

_ANNUAL = ("More than 1,000 people were killed or injured by landmines and explosive remnants of war in Myanmar "
           "last year, the highest number recorded in any country, according to an annual report by an "
           "international campaign against landmines published on Wednesday.")


def test_annual_landmine_toll_is_a_cumulative_figure_not_an_event(knowledge):
    result = extract(knowledge, "", _ANNUAL, PUBLISHED)
    assert result.events == []
    assert [(f.kind, f.value, f.scope) for f in result.figures] == [("casualties", 1000, "cumulative")]


@pytest.mark.parametrize("text", [
    "Landmines killed 12 civilians and wounded 30 people in Myanmar so far this year, a monitoring group said.",
    "In 2024, mines and unexploded ordnance killed 280 people in Myanmar, UNICEF said on Monday.",
    "A landmine killed two farmers near Hpakant in 2024, according to an annual report published on Wednesday.",
])
def test_counts_over_a_year_or_months_are_figures_not_events(knowledge, text):
    result = extract(knowledge, "", text, PUBLISHED)
    assert result.events == []
    assert result.figures and all(f.scope != "event" for f in result.figures)


def test_single_landmine_blast_reported_with_an_annual_report_aside_is_still_an_event(knowledge):
    event = _only(knowledge, "A landmine killed two farmers near Hpakant on Monday, residents said, days before an "
                             "annual report ranked Myanmar first in any country for mine casualties.")
    assert event.sub_event_type == "Remote explosive/landmine/IED" and event.fatalities == 2


def test_killed_or_injured_together_is_no_death_count(knowledge):
    event = _only(knowledge, "Two people were killed or injured when a landmine exploded near Hpakant on Monday, "
                             "residents said.")
    assert event.fatalities is None  # no firm number killed: null, not "nobody died"


def test_separable_deaths_beside_injuries_are_counted(knowledge):
    event = _only(knowledge, "A landmine killed two farmers and wounded three others near Hpakant on Monday, "
                             "residents said.")
    assert (event.fatalities, event.injured) == (2, 3)


def test_aside_about_last_year_does_not_turn_a_handover_into_history(knowledge):
    event = _only(knowledge, "The MNDAA, which captured Lashio last year, handed the city back to the military on Tuesday.")
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert event.actor1_id == "military_myanmar" and event.actor2_id == "mndaa"
