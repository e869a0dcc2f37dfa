"""Rules added for real reporting (issue 14), each with sentences the team wrote for the purpose."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events
from tasks.tag import tag_article


# --- relevance -----------------------------------------------------------------------------------

def test_short_text_of_a_real_event_is_relevant(knowledge):
    assert tag_article(knowledge, "Myanmar junta troops killed 10 civilians in five days in Sagaing Region, "
                                  "the AAPP said", "").relevant


def test_short_text_about_the_currency_is_not_relevant(knowledge):
    assert not tag_article(knowledge, "Myanmar kyat falls to record low", "").relevant


def test_two_ambiguous_sides_together_anchor_a_headline(knowledge):
    assert tag_article(knowledge, "Junta column ambushed by KIA fighters near jade mines, dozens dead", "").relevant


def test_lone_ambiguous_junta_does_not_anchor(knowledge):
    assert not tag_article(knowledge, "Junta troops fire on crowds in the capital", "").relevant


@pytest.mark.parametrize("title, lead", [
    ("Border militia orders foreigners out of scam compounds",
     "The junta-allied border force in Myawaddy told foreign staff of online scam firms to leave by the end of "
     "the year or face arrest, after troops raided two compounds last week and detained 200 workers."),
    ("Junta sets date for polls as parties register",
     "Myanmar's military government said the elections would be held in December, and that voting would not "
     "take place in townships where fighting continues, the election commission announced."),
])
def test_off_topic_lead_without_violence_is_not_relevant(knowledge, title, lead):
    assert not tag_article(knowledge, title, lead).relevant


def test_off_topic_word_beside_a_violent_lead_stays_relevant(knowledge):
    tags = tag_article(knowledge, "Airstrike kills nine villagers in Sagaing ahead of junta's elections",
                       "A junta jet bombed a village in Sagaing Region's Kani Township on Monday, killing nine "
                       "villagers, residents said.")
    assert tags.relevant


# --- fatalities ----------------------------------------------------------------------------------

def _main(knowledge, text: str, published: date = date(2024, 3, 6)):
    events = extract_events(knowledge, "", text, published)
    assert events, text
    return events[0]


def test_no_number_of_dead_is_null_not_zero(knowledge):
    event = _main(knowledge, "Junta troops shelled Nyaung Pin village in Sagaing Region's Kani Township on Monday, "
                             "residents said.")
    assert event.fatalities is None


def test_nobody_killed_is_zero(knowledge):
    event = _main(knowledge, "Junta troops shelled Nyaung Pin village in Sagaing Region's Kani Township on Monday; "
                             "no one was killed, residents said.")
    assert event.fatalities == 0


def test_restated_toll_is_not_added_up(knowledge):
    event = _main(knowledge, "A junta jet bombed Ywa Thit village in Sagaing Region's Kani Township on Monday, "
                             "killing eight villagers. Eight people were killed and five wounded, a resident said. "
                             "Other outlets said seven people had been killed.")
    assert event.fatalities == 8


def test_firm_number_replaces_a_vague_one(knowledge):
    event = _main(knowledge, "Junta troops killed dozens of villagers in Kani Township, Sagaing Region, on Monday. "
                             "The soldiers shot dead more than 20 people, a witness said.")
    assert event.fatalities == 20


def test_alternative_tolls_from_two_sources_take_the_lowest(knowledge):
    event = _main(knowledge, "A junta airstrike on Ywa Thit village in Kani Township, Sagaing Region, on Monday killed "
                             "15 people, local media said, while another outlet put the death toll at 22.")
    assert event.fatalities == 15


def test_deaths_told_as_also_add_to_the_toll(knowledge):
    event = _main(knowledge, "PDF fighters ambushed a junta convoy in Kani Township, Sagaing Region, on Monday, killing "
                             "six soldiers. Two PDF members were also killed in the clash.")
    assert event.fatalities == 8


# --- roles ---------------------------------------------------------------------------------------

def test_un_is_never_a_side_of_a_clash(knowledge):
    events = extract_events(knowledge, "", "Fighting between the KIA and junta troops broke out near Hpakant in Kachin "
                                           "State on Monday, the United Nations said.", date(2024, 3, 6))
    sides = {a for e in events for a in (e.actor1_id, e.actor2_id)}
    assert "united_nations" not in sides and events


def test_forces_firing_on_protesters_are_actor1(knowledge):
    event = _main(knowledge, "Police opened fire on anti-coup protesters in Monywa, Sagaing Region, on Wednesday, "
                             "killing three, witnesses said.")
    assert (event.sub_event_type, event.actor1_id, event.actor2_id) == (
        "Excessive force against protesters", "police_myanmar", "protesters_myanmar")


def test_statement_releaser_is_a_source_not_a_victim(knowledge):
    event = _main(knowledge, "According to a statement released by the State Administration Council, shelling by the "
                             "KNLA killed a boy in Kyainseikgyi Township, Kayin State, on Monday.")
    assert event.actor1_id == "knla" and event.actor2_id == "civilians_myanmar"


# --- dates and background ------------------------------------------------------------------------

def test_background_sentence_never_lends_its_date(knowledge):
    events = extract_events(knowledge, "", "The military seized power in February 2021. Junta jets bombed a village in "
                                           "Kani Township, Sagaing Region, killing four people.", date(2024, 8, 20))
    assert events and all(e.event_date.year == 2024 for e in events)


def test_condemning_the_attack_is_not_a_second_event(knowledge):
    events = extract_events(knowledge, "", "A junta airstrike hit Ywa Thit village in Kani Township, Sagaing Region, on "
                                           "Monday, killing six villagers. Residents fled to nearby forests. Rights groups "
                                           "condemned the attack on Tuesday.", date(2024, 3, 6))
    assert len(events) == 1 and events[0].sub_event_type == "Air/drone strike"


# --- places and types ----------------------------------------------------------------------------

def test_city_of_many_townships_gives_no_township(knowledge):
    event = _main(knowledge, "Resistance forces launched drone attacks on military targets in Naypyitaw on Thursday.")
    assert event.admin3 is None and "Nay Pyi Taw" in (event.admin1 or "")


def test_jets_killing_people_is_an_air_strike(knowledge):
    event = _main(knowledge, "Three junta jets struck a concert in Hpakant Township, Kachin State, on Sunday, killing at "
                             "least 50 people.")
    assert (event.event_type, event.sub_event_type, event.fatalities) == ("Explosions/Remote violence", "Air/drone strike", 50)


def test_a_disaster_killing_people_is_no_attack(knowledge):
    events = extract_events(knowledge, "", "The earthquake on Friday killed at least 1,700 people in Mandalay Region.",
                            date(2025, 3, 30))
    assert not [e for e in events if e.event_type == "Violence against civilians"]


def test_subject_with_an_aside_naming_the_military_is_still_the_subject(knowledge):
    event = _main(knowledge, "The Arakan Army, which has fought the military since a truce ended, captured a junta camp "
                             "in Paletwa Township, Chin State, on Monday.")
    assert (event.actor1_id, event.sub_event_type) == ("ula_aa", "Non-state actor overtakes territory")


def test_group_said_it_took_the_town_is_actor1(knowledge):
    event = _main(knowledge, "The AA, which was in an uneasy truce with the military until October, said it took full "
                             "control of Paletwa in Chin State on Sunday, having overrun the last military outposts.")
    assert event.actor1_id == "ula_aa" and event.sub_event_type == "Non-state actor overtakes territory"


def test_the_group_refers_to_the_armed_group_named(knowledge):
    events = extract_events(knowledge, "", "Media run by the Myanmar National Democratic Alliance Army (MNDAA) reported "
                                           "that the group captured the army's regional command in Lashio on Thursday.",
                            date(2024, 7, 26))
    assert events and events[0].actor1_id == "mndaa"


def test_place_inside_a_name_is_no_place(knowledge):
    event = _main(knowledge, "The anti-junta Shar Htoo Waw drone team attacked the military headquarters in Naypyitaw "
                             "on Thursday, Myawaddy TV reported.")
    assert "Nay Pyi Taw" in (event.admin1 or "") and event.admin3 is None


def test_witness_quote_retells_no_new_event(knowledge):
    events = extract_events(knowledge, "", "A junta jet bombed Ywa Thit village in Kani Township, Sagaing Region, on "
                                           "Monday, killing six villagers. “When the first bomb dropped I fell to the "
                                           "ground and the houses around us caught fire,” a farmer said.",
                            date(2024, 3, 6))
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_undated_follow_up_after_an_old_event_is_background(knowledge):
    events = extract_events(knowledge, "", "Resistance forces launched an offensive on Loikaw on November 11 last year. "
                                           "The military then responded with heavy air strikes on the town.",
                            date(2024, 11, 12))
    assert events == []


def test_headline_with_junta_forces_and_no_country_is_myanmar(knowledge):
    assert tag_article(knowledge, "Junta troops shoot two brothers dead in village raid", "").relevant


def test_headline_naming_another_country_with_its_junta_is_not_myanmar(knowledge):
    assert not tag_article(knowledge, "Mali junta troops shoot two men dead in village raid", "").relevant


def test_vague_wire_lead_takes_day_and_place_from_the_sentence_naming_it(knowledge):
    events = extract_events(knowledge, "", "Bangkok, May 12 (AP) Soldiers raided a village in the country's central "
                                           "region, killing 19 villagers, residents said on Friday.\nThe killings on "
                                           "Wednesday in Nyaung Pin Thar village in Bago Region's Htantabin Township "
                                           "may have been in retaliation for an attack by resistance forces.",
                            date(2023, 5, 12))
    lead = events[0]
    assert (lead.event_type, str(lead.event_date), lead.admin3, lead.fatalities) == (
        "Violence against civilians", "2023-05-10", "Htantabin", 19)


def test_no_casualties_in_the_next_sentence_is_zero(knowledge):
    event = _main(knowledge, "Resistance forces carried out drone attacks on military targets in Naypyitaw on Thursday. "
                             "There was little damage and there were no casualties, a resident said.")
    assert event.fatalities == 0


@pytest.mark.parametrize("sentence, toll", [
    ("The bodies of 12 villagers were found in Ywa Thit village, Kani Township, on Monday after junta troops "
     "raided it.", 12),
    ("Junta troops raided Ywa Thit village in Kani Township on Monday, killing at least 25 people.", 25),
    ("Junta troops rounded up villagers in Kani Township on Monday and fatally shot more than 30 and burned "
     "the bodies, a witness said.", 30),
])
def test_death_tolls_in_real_wording(knowledge, sentence, toll):
    assert _main(knowledge, sentence).fatalities == toll


def test_killing_by_unnamed_men_is_by_an_unidentified_armed_group(knowledge):
    event = _main(knowledge, "A ward administrator was stabbed to death by three men in Thaketa Township, Yangon, "
                             "on Monday, residents said.")
    assert (event.event_type, event.actor1_id, event.actor2_id) == (
        "Violence against civilians", "unidentified_armed_group", "civilians_myanmar")


def test_a_truce_lead_takes_the_venue_of_the_later_sentence_telling_the_talks(knowledge):
    text = ("Talks brokered by Beijing have produced a truce between the junta and the Kokang rebels, officials "
            "said.\nThe fighting had displaced thousands near the border.\nA Chinese spokesman said on Friday "
            "that peace talks were held in the Chinese city of Kunming on Wednesday.\nThe truce may not hold, "
            "said a resident of Lashio in northern Shan State.")
    truce = [e for e in extract_events(knowledge, "", text, date(2024, 1, 13)) if e.sub_event_type == "Agreement"]
    assert truce and truce[0].location == "Kunming" and truce[0].admin1 is None
# --- round 2: sentences that tell no new event -----------------------------------------------------

_STRIKE_STORY = ("Junta jets bombed Kan Gyi village in Kani Township, Sagaing Region, on Monday, killing six villagers. "
                 "A farmer and his son were among those killed in the strike, a resident said. "
                 "The PDF, which controls the area, confirmed the strike.")


def test_bare_strike_in_an_attack_story_is_no_walkout(knowledge):
    events = extract_events(knowledge, "", _STRIKE_STORY, date(2024, 3, 5))
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]


def test_strike_in_a_story_of_a_walkout_is_a_protest(knowledge):
    events = extract_events(knowledge, "", "Bank staff went on strike in Mandalay on Monday. The strike closed "
                                           "twelve branches, a union leader said.", date(2021, 2, 9))
    assert events and events[0].event_type == "Protests"


@pytest.mark.parametrize("sentence", [
    "Many young people took up arms against the military after peaceful marches were crushed.",
    "Fighting spread across the country after the 2021 coup, leaving thousands dead.",
    "The crackdown on street protests sparked an armed resistance in the dry zone.",
])
def test_the_war_s_origin_told_as_background_is_no_event(knowledge, sentence):
    assert extract_events(knowledge, "", "Junta troops shelled Kan Gyi village in Kani Township on Monday. " + sentence,
                          date(2024, 3, 5))[1:] == []


@pytest.mark.parametrize("sentence", [
    "So far, 140 protesters have been killed and 2,000 detained, the monitoring group said.",
    "More than 90 people had been killed as of Friday, the group said.",
    "The number of people arrested has risen to more than 2,300.",
])
def test_running_totals_are_no_event(knowledge, sentence):
    assert extract_events(knowledge, "", sentence, date(2021, 3, 15)) == []


def test_a_body_that_tracks_arrests_makes_no_arrest(knowledge):
    events = extract_events(knowledge, "", "Soldiers shot dead four protesters in Hlaing Township, Yangon, on Sunday, "
                                           "said the rights group, which tracks deaths and arrests.", date(2021, 3, 15))
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]


def test_a_protest_organizer_tells_no_protest(knowledge):
    assert extract_events(knowledge, "", "\"We will not give up,\" said a protest organizer named Ko Aung.",
                          date(2021, 3, 15)) == []


def test_security_forces_killing_protesters_outweighs_what_was_torched(knowledge):
    event = _main(knowledge, "Security forces killed 20 people in Shwepyitha Township, Yangon, after a factory was "
                             "torched on Sunday, firing on protesters.")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Excessive force against protesters")


def test_previously_in_a_name_is_no_background(knowledge):
    event = _main(knowledge, "A junta jet, flown by the air force previously known as the Tatmadaw Lay, bombed a school "
                             "in Kyauktaw Township, Rakhine State, on Friday, killing 18 students.")
    assert (event.sub_event_type, event.fatalities) == ("Air/drone strike", 18)


def test_a_state_named_later_places_an_event_told_only_in_myanmar(knowledge):
    event = _main(knowledge, "Soldiers in Myanmar shot dead eleven villagers fleeing an offensive on Friday, witnesses said.\n"
                             "Aid groups condemned the killings in Kayah State.")
    assert event.admin1 == "Kayah State"


def test_a_state_name_opening_a_longer_name_is_not_the_state(knowledge):
    event = _main(knowledge, "Junta artillery hit the Mon Lai Hket displacement camp on Monday, killing 12 people.")
    assert event.admin1 != "Mon State"


@pytest.mark.parametrize("sentence", [
    "The KNLA announced its takeover of Kyondoe, a town in Kayin State, on Saturday.",
    "The TNLA claimed control of Namhsan, a town in Shan State, on Saturday.",
])
def test_a_takeover_told_as_a_noun_or_a_claim_is_a_capture(knowledge, sentence):
    assert _main(knowledge, sentence).sub_event_type == "Non-state actor overtakes territory"


def test_a_takeover_of_power_is_no_capture(knowledge):
    assert extract_events(knowledge, "", "Protests have continued since the army's takeover of power.", date(2021, 3, 1)) == []


def test_a_place_after_a_burmese_honorific_is_a_person(knowledge):
    event = _main(knowledge, "Junta artillery struck Ywar Haung ward on Tuesday and U Saw Hla Tun, 52, was wounded.")
    assert event.admin3 != "Saw"


@pytest.mark.parametrize("sentence", [
    "The village lies in an area under the control of the Arakan Army.",
    "The monastery stands in what the PDF calls a liberated area.",
])
def test_who_holds_an_area_is_no_capture(knowledge, sentence):
    assert extract_events(knowledge, "", sentence, date(2024, 5, 10)) == []


def test_losing_control_of_large_parts_of_the_countryside_is_no_territory_change(knowledge):
    text = ("Junta jets bombed a market in Kani Township on Monday, killing four people, residents said.\n"
            "The military has lost control of large parts of the countryside to resistance forces and relies on "
            "air power.")
    events = extract_events(knowledge, "", text, date(2024, 3, 6))
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


# --- event precision: one event told several times is one event ----------------------------------

def test_a_retelling_further_down_is_the_same_event(knowledge):
    text = ("Junta artillery shelled Kyauktaw Township on Tuesday, killing three villagers, residents said.\n"
            "A local aid worker said the victims were sheltering at home when the shells exploded in Kyauktaw "
            "Township on Tuesday afternoon.")
    events = extract_events(knowledge, "", text, date(2024, 2, 8))
    assert [(e.event_type, e.fatalities) for e in events] == [("Explosions/Remote violence", 3)]


def test_two_strikes_in_two_townships_stay_two_events(knowledge):
    text = ("Junta jets bombed Kani Township on Monday, killing four people, residents said.\n"
            "Separately, junta jets bombed Mingin Township on Monday, killing two villagers, a local group said.")
    events = extract_events(knowledge, "", text, date(2024, 3, 6))
    assert sorted(e.admin3 for e in events) == ["Kani", "Mingin"]


@pytest.mark.parametrize("sentence", [
    "Fighting between the army and the Kachin rebels is intensifying across the district.",
    "The two armed groups are fighting each other around Hsipaw.",
    "The insurgents are engaged in a bitter fight with the junta for control of the state.",
    "Clashes have intensified between the resistance and junta troops in Kani in recent days.",
    "Villagers fear more deaths amid ongoing junta offensives in the valley.",
])
def test_the_war_going_on_is_no_event(knowledge, sentence):
    assert extract_events(knowledge, "", sentence, date(2024, 5, 10)) == []


def test_an_act_on_a_day_beside_the_ongoing_war_is_an_event(knowledge):
    events = extract_events(knowledge, "", "Junta troops are fighting the resistance in Kani, and on Monday a jet "
                                           "bombed Zee Pin village, killing two farmers.", date(2024, 5, 10))
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


@pytest.mark.parametrize("sentence", [
    "The family had fled a junta offensive two weeks earlier and now lives in a forest camp.",
    "Hundreds of villagers are sheltering from the army offensive in monasteries near the border.",
    "More than 4,000 residents have fled their homes due to junta airstrikes on nearby villages.",
])
def test_what_people_fled_from_is_no_event_of_its_own(knowledge, sentence):
    assert extract_events(knowledge, "", sentence, date(2024, 5, 10)) == []


def test_what_happened_during_the_attack_is_part_of_it(knowledge):
    text = ("Resistance fighters attacked a police outpost in Kani Township on Sunday, killing six officers, "
            "the group said.\n"
            "Schools in the township have been closed since January.\n"
            "Residents said the outpost also burned down during the attack.")
    events = extract_events(knowledge, "", text, date(2024, 5, 14))
    assert [e.event_type for e in events] == ["Battles"]


# --- fatalities ----------------------------------------------------------------------------------

def test_a_toll_told_on_its_own_goes_to_the_event_before(knowledge):
    text = ("A junta jet bombed Zee Pin village in Kani Township on Tuesday afternoon, residents said.\n"
            "Nine villagers, among them three children, lost their lives, a local rescue worker told reporters.")
    events = extract_events(knowledge, "", text, date(2024, 5, 15))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 9)]


def test_a_vague_toll_on_its_own_lends_no_number(knowledge):
    text = ("A junta jet bombed Zee Pin village in Kani Township on Tuesday afternoon, residents said.\n"
            "Footage shared online appears to show dozens of bodies on the river bank.")
    events = extract_events(knowledge, "", text, date(2024, 5, 15))
    assert [e.fatalities for e in events] == [None]


@pytest.mark.parametrize("sentence, killed", [
    ("Troops fired into the market, killing two dozen people.", 24),
    ("The village headman was reportedly shot dead.", 1),
    ("Artillery blamed for killing 6-year-old girl in Kani village", 1),
])
def test_tolls_in_words(sentence, killed):
    from tasks.extract.numbers import find_counts

    assert [c.value for c in find_counts(sentence) if c.kind == "killed"] == [killed]


@pytest.mark.parametrize("sentence", [
    "The foreign ministers agreed to task their envoys with drafting new proposals on Myanmar.",
    "Officials said they would keep talking about the peace process at the next regional meeting.",
])
def test_talk_of_peace_is_no_agreement(knowledge, sentence):
    assert extract_events(knowledge, "", sentence, date(2025, 7, 11)) == []


def test_a_truce_agreed_is_an_agreement(knowledge):
    events = extract_events(knowledge, "", "The junta and the TNLA agreed to a ceasefire in Kunming on Saturday.",
                            date(2025, 1, 20))
    assert [e.sub_event_type for e in events] == ["Agreement"]


def test_a_running_total_on_its_own_lends_no_toll(knowledge):
    text = ("Junta troops opened fire on a village market in Kani Township on Tuesday, residents said.\n"
            "So far, 140 people have been killed in the township, a monitoring group said.")
    assert [e.fatalities for e in extract_events(knowledge, "", text, date(2024, 5, 15))] == [None]


# --- protests ------------------------------------------------------------------------------------

def test_protesters_gunned_down_is_force_against_a_protest(knowledge):
    events = extract_events(knowledge, "", "On Sunday, soldiers gunned down 12 anti-coup protesters in Hlaingthaya "
                                           "township of Yangon.", date(2021, 3, 15))
    assert [(e.event_type, e.sub_event_type, e.actor2_id) for e in events] == [
        ("Protests", "Excessive force against protesters", "protesters_myanmar")]


def test_police_firing_on_a_crowd_of_protesters_is_no_mob_violence(knowledge):
    events = extract_events(knowledge, "", "Two protesters were shot dead in Mandalay on Saturday when riot police "
                                           "fired live bullets at a crowd protecting striking dock workers.",
                            date(2021, 2, 21))
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Protests", "Excessive force against protesters")]


def test_laiza_is_placed_in_kachin_state(knowledge):
    events = extract_events(knowledge, "", "Junta artillery shelled a camp for displaced people near Laiza on Monday "
                                           "night, killing 11 people.", date(2023, 10, 10))
    assert [e.admin1 for e in events] == ["Kachin State"]


def test_a_township_name_opening_a_village_name_is_the_village(knowledge):
    events = extract_events(knowledge, "", "A junta jet bombed a school in Thayet Thapin village on Friday, killing 18 "
                                           "students, the Arakan Army said.", date(2025, 9, 13))
    assert [e.admin3 for e in events] != ["Thayet"]


def test_a_township_abbreviated_after_its_name_is_still_the_township(knowledge):
    events = extract_events(knowledge, "", "Junta shelling killed a boy in a Kyauktaw Twsp village on Monday.",
                            date(2024, 1, 2))
    assert [e.admin3 for e in events] == ["Kyauktaw"]


def test_a_peaceful_march_takes_no_toll_told_after_it(knowledge):
    text = ("Thousands of people marched peacefully through Mandalay on Sunday against the junta.\n"
            "Elsewhere, organisers said, 20 people died when a road collapsed.")
    assert [e.fatalities for e in extract_events(knowledge, "", text, date(2021, 3, 1))] == [None]


@pytest.mark.parametrize("sentence", [
    "When the second bomb dropped, the farmer fell to the ground and crawled to a ditch.",
    "Her brothers said they will keep marching to fight for democracy until the regime falls.",
])
def test_everyday_words_that_look_like_war_are_no_event(knowledge, sentence):
    assert [e.event_type for e in extract_events(knowledge, "", sentence, date(2025, 10, 7))
            if e.event_type == "Battles"] == []


# --- dates ---------------------------------------------------------------------------------------

def test_a_lead_without_a_day_takes_the_day_told_in_the_details(knowledge):
    text = ("An artillery barrage by junta troops has killed six villagers in Kyauktaw Township, residents said.\n"
            "The village has about 300 households.\n"
            "Most families grow rice and vegetables.\n"
            "It was noon on 17 January and families were eating, one resident recalled.")
    events = extract_events(knowledge, "", text, date(2024, 1, 19))
    assert [str(e.event_date) for e in events] == ["2024-01-17"]


# --- actors --------------------------------------------------------------------------------------

def test_villagers_killed_by_shelling_near_rebels_are_the_target(knowledge):
    events = extract_events(knowledge, "", "Four villagers were killed on Thursday in a village in Mrauk-U Township as "
                                           "the junta fired artillery during fighting with the Arakan Army.", date(2024, 2, 2))
    assert [(e.actor1_id, e.actor2_id) for e in events] == [("military_myanmar", "civilians_myanmar")]


def test_shelling_that_kills_fighters_keeps_the_armed_target(knowledge):
    events = extract_events(knowledge, "", "Junta artillery shelled Arakan Army positions in Mrauk-U Township on "
                                           "Thursday and three AA fighters were killed.", date(2024, 2, 2))
    assert [e.actor2_id for e in events] == ["ula_aa"]


@pytest.mark.parametrize("sentence", [
    "A rebel army said on Thursday it had seized control of a regional military headquarters in Lashio.",
    "More than 100 junta troops surrendered on Sunday after the Arakan Army captured their base in Buthidaung.",
])
def test_the_state_losing_a_base_is_a_non_state_takeover(knowledge, sentence):
    events = extract_events(knowledge, "", sentence, date(2024, 7, 26))
    assert "Non-state actor overtakes territory" in [e.sub_event_type for e in events]
    assert "Government regains territory" not in [e.sub_event_type for e in events]


@pytest.mark.parametrize("sentence", [
    "Police seized explosives and mobile phones from a house in Hlaing Township on Monday.",
    "The group said six rifles and ammunition were seized during the clash in Kani on Monday.",
])
def test_goods_seized_are_no_territory_change(knowledge, sentence):
    events = extract_events(knowledge, "", sentence, date(2024, 5, 14))
    assert not [e for e in events if "territory" in e.sub_event_type]


@pytest.mark.parametrize("sentence", [
    "Local fighters said they had been warned of a potential airborne attack on the gathering.",
    "The raids go on despite the junta's declared ceasefire in the quake zone.",
    "Rights groups condemned the junta for continuing to carry out air strikes across the quake zone.",
])
def test_what_has_not_happened_or_goes_on_is_no_event(knowledge, sentence):
    assert extract_events(knowledge, "", sentence, date(2025, 4, 3)) == []


def test_continuing_attacks_on_a_day_are_an_event(knowledge):
    events = extract_events(knowledge, "", "The military continued to launch air strikes on villages in Momauk "
                                           "Township on Monday, killing two people.", date(2021, 5, 4))
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_history_told_forward_is_no_event(knowledge):
    sentence = ("The students demanded an end to one-party rule, but the army would ultimately crush the protests, "
                "killing at least 3,000 people.")
    assert extract_events(knowledge, "", sentence, date(2013, 8, 6)) == []


@pytest.mark.parametrize("sentence, sub", [
    ("Kachin rebels shot down a military helicopter near Momauk on Monday.", "Armed clash"),
    ("The junta said its forces shot down seven drones over the capital on Thursday.", "Disrupted weapons use"),
])
def test_a_crewed_aircraft_shot_down_is_a_fight(knowledge, sentence, sub):
    events = extract_events(knowledge, "", sentence, date(2021, 5, 4))
    assert sub in [e.sub_event_type for e in events]
