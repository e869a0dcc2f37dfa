"""Dates, tolls and places of real reporting (issue 14): mechanisms several outlets share.
Every sentence here is the team's own, written for the test."""

from datetime import date

import pytest

from tasks.extract import extract_events
from tasks.extract.dates import find_dates
from tasks.extract.numbers import find_counts


def _main(knowledge, text: str, published: date, title: str = ""):
    events = extract_events(knowledge, title, text, published)
    assert events, text
    return events[0]


# --- places: a town MIMU does not list is placed by the team's gazetteer row (Laiza is in Waingmaw) -------


@pytest.mark.parametrize("text", [
    "Army artillery struck a camp for displaced families near Laiza on Tuesday night, killing two women.",
    "A junta shell landed in a ward of Laiza town on Sunday, wounding a schoolteacher.",
    "On Friday a drone dropped bombs close to the KIA headquarters at Laiza, injuring three people.",
])
def test_laiza_alone_places_the_event_in_its_township(knowledge, text):
    event = _main(knowledge, text, date(2024, 3, 9))
    assert (event.admin1, event.admin3) == ("Kachin State", "Waingmaw")


def test_a_township_the_text_names_beside_laiza_is_kept(knowledge):
    text = ("Junta jets bombed two villages outside Laiza in Waingmaw Township on Monday, killing a farmer, "
            "the KIO said.")
    event = _main(knowledge, text, date(2024, 3, 9))
    assert (event.admin1, event.admin3) == ("Kachin State", "Waingmaw")


# --- places: a road or route joining two townships places the event in neither ---------------------------


@pytest.mark.parametrize("text", [
    "Resistance fighters ambushed a junta supply convoy on the Hpa-An-Kawkareik road on Monday, killing six soldiers.",
    "A landmine hit an army truck on the Monywa-Kalewa road on Monday, killing three soldiers.",
    "On Monday a convoy travelling from Hpa-An to Kawkareik was ambushed by local fighters, who said five soldiers died.",
    "Local guerrillas attacked troops moving from Monywa township to Kalewa township on Monday, killing four.",
    "An artillery shell hit a roadside tea shop on the stretch between Hpa-An and Kawkareik on Monday, killing two.",
])
def test_a_road_or_route_between_two_townships_gives_no_township(knowledge, text):
    event = _main(knowledge, text, date(2024, 5, 15))
    assert event.admin1 is not None and event.admin3 is None, (event.admin1, event.admin3)


@pytest.mark.parametrize("text, township", [
    ("Resistance fighters ambushed a junta convoy on the Monywa-Kalewa road near Kyi village in Salingyi Township "
     "on Monday, killing six soldiers.", "Salingyi"),
    ("A convoy driving from Monywa to Kalewa was hit by mines in Yinmabin Township on Monday, killing four soldiers.",
     "Yinmarbin"),
    ("Fighters ambushed troops on a road between two villages in Kalewa Township on Monday, killing three soldiers.",
     "Kalewa"),
])
def test_a_township_named_beside_the_road_still_places_it(knowledge, text, township):
    event = _main(knowledge, text, date(2024, 5, 15))
    assert event.admin3 == township


@pytest.mark.parametrize("text", [
    "Kalewa Township has seen heavy fighting this month. On Monday fighters ambushed troops on the Kalewa-Monywa road, "
    "killing four soldiers, a Kalewa resident said.",
    "Residents of Kalewa say the army has shelled the town for weeks. Resistance forces hit a convoy on the "
    "Kalewa-Monywa road on Monday, killing two soldiers, a Kalewa fighter said.",
    "A Kalewa-based group said it mined an army truck on the Kalewa-Monywa road on Monday, killing three soldiers. "
    "The group has fought in Kalewa Township since 2021.",
])
def test_a_road_end_the_article_is_about_keeps_its_township(knowledge, text):
    events = extract_events(knowledge, "", text, date(2024, 5, 15))
    assert [e.admin3 for e in events if e.event_type != "Strategic developments"][:1] == ["Kalewa"]


# --- bodies found: the killing is the event, dated by the discovery when nothing else dates it -------------


@pytest.mark.parametrize("text, day, toll", [
    ("Villagers found the bodies of seven men in a bamboo grove near Kyi village in Salingyi Township on Tuesday.",
     date(2024, 5, 14), 7),
    ("The bodies of 11 farmers were discovered beside a stream in Myinmu Township on Sunday, residents said.",
     date(2024, 5, 12), 11),
    ("Four men were found dead with their hands tied outside a monastery in Yinmarbin Township on Monday.",
     date(2024, 5, 13), 4),
    ("A search party recovered nine bodies from a burned hut in Salingyi Township on Saturday.", date(2024, 5, 11), 9),
])
def test_bodies_found_are_a_killing_dated_by_their_discovery(knowledge, text, day, toll):
    events = extract_events(knowledge, "", text, date(2024, 5, 15))
    assert [(e.event_type, e.sub_event_type, e.event_date, e.fatalities) for e in events] == [
        ("Violence against civilians", "Attack", day, toll)]


@pytest.mark.parametrize("text", [
    "A junta jet bombed Kyi village in Salingyi Township on Tuesday, killing five people. Rescuers found three bodies "
    "under the rubble of the school.",
    "Troops shelled a camp in Myinmu Township on Sunday, killing four villagers. One body had been found in a ditch.",
    "Artillery fire hit Kyi village in Salingyi Township on Monday, killing two farmers, whose bodies were recovered by "
    "neighbours.",
])
def test_bodies_found_after_a_deadly_act_are_that_act(knowledge, text):
    events = extract_events(knowledge, "", text, date(2024, 5, 15))
    assert len(events) == 1 and events[0].event_type != "Violence against civilians", [
        (e.event_type, e.fatalities) for e in events]


# --- places: an age before a two-word name is a person ----------------------------------------------------


@pytest.mark.parametrize("text, township", [
    ("Troops raided Kyi village in Salingyi Township on Monday and shot dead 52-year-old Pyay Win.", "Salingyi"),
    ("Soldiers killed a farmer, 40-year-old Mogok Aung, during a raid on a village in Myinmu Township on Monday.",
     "Myinmu"),
    ("A 57-year-old Mogok resident said junta shelling killed three people in Mogok on Monday.", "Mogoke"),
])
def test_an_age_before_a_two_word_name_is_a_person_not_a_town(knowledge, text, township):
    event = _main(knowledge, text, date(2024, 5, 15))
    assert event.admin3 == township


# --- tolls: the witness who saw or carried the dead is not one of them ------------------------------------


@pytest.mark.parametrize("text, toll", [
    ("Police fired on a march in Myaing on Thursday, killing six people, a protester who helped carry bodies to the "
     "clinic said.", 6),
    ("Soldiers shot dead three farmers in Kyi village in Salingyi Township on Monday, a resident who helped bury the "
     "dead told reporters.", 3),
    ("Troops killed five villagers in Myinmu Township on Sunday, according to a monk who saw the bodies by the road.", 5),
])
def test_the_witness_of_the_dead_is_not_counted_among_them(knowledge, text, toll):
    assert _main(knowledge, text, date(2024, 5, 15)).fatalities == toll


@pytest.mark.parametrize("text", [
    "A man who was shot dead by soldiers on Monday was buried on Tuesday.",
    "A teacher who had been detained by troops was killed on Monday.",
    "A villager who died in the shelling was buried by his neighbours.",
])
def test_one_person_told_as_killed_still_counts(text):
    assert [(c.kind, c.value) for c in find_counts(text)] == [("killed", 1)]


# --- dates: a day of the month named alone, "the previous night" --------------------------------------------


@pytest.mark.parametrize("text, day", [
    ("Residents said the soldiers shot the two men on the 12th.", date(2024, 5, 12)),
    ("The column entered the village on the 28th or 29th, a monk said.", date(2024, 4, 28)),
    ("The drone struck the school on the 3rd and again on the 5th.", date(2024, 5, 3)),
    ("Villagers fled after troops shelled the hill the previous night.", date(2024, 5, 14)),
])
def test_a_day_of_the_month_alone_is_its_latest_day_before_publication(text, day):
    found = find_dates(text, date(2024, 5, 15))
    assert found and found[0].event_date == day and found[0].time_precision == 1


@pytest.mark.parametrize("text", [
    "Soldiers of the 33rd Light Infantry Division moved in.",
    "Fighting broke out on the 71st day of the operation.",
    "The meeting on the 12th of May was postponed.",
])
def test_an_ordinal_that_is_no_day_of_the_month_dates_nothing_alone(text):
    assert all(d.date_text.lower() != "on the 12th" and "71st" not in d.date_text and "33rd" not in d.date_text
               for d in find_dates(text, date(2024, 5, 15)))


# --- tolls: one more dead told apart from the count ---------------------------------------------------------


@pytest.mark.parametrize("text, toll", [
    ("Troops shelled Kyi village in Salingyi Township on Monday. Four villagers were killed instantly and another "
     "died on the way to the clinic.", 5),
    ("Troops shelled Kyi village in Salingyi Township on Monday, killing two farmers, and another died in hospital "
     "on Tuesday.", 3),
    ("Junta troops shelled Kyi village in Salingyi Township on Monday, killing a man. His wife was also killed.", 2),
])
def test_one_more_dead_told_apart_adds_to_the_toll(knowledge, text, toll):
    assert _main(knowledge, text, date(2024, 5, 15)).fatalities == toll


@pytest.mark.parametrize("text, counts", [
    ("Two farmers were killed and another was shot dead as he ran.", [("killed", 2), ("killed", 1)]),
    ("Her son was shot dead by soldiers at the gate.", [("killed", 1)]),
    ("Their daughter was also killed in the blast.", [("killed", 1)]),
])
def test_another_or_a_relative_told_dead_is_counted(text, counts):
    assert [(c.kind, c.value) for c in find_counts(text)] == counts


def test_another_who_lived_is_no_more_dead():
    assert [(c.kind, c.value) for c in find_counts("Five people were arrested and another fled.")] == [("arrested", 5)]


# --- places: "a village near X" is near X unless X is a city of many townships ------------------------------


@pytest.mark.parametrize("text, state, township", [
    ("Junta jets bombed a village near Monywa on Monday, killing three people.", "Sagaing Region", "Monywa"),
    ("Soldiers torched a village outside Kalay on Monday, killing two farmers.", "Sagaing Region", "Kale"),
    ("A drone struck an area close to Hpakant on Monday, killing four miners.", "Kachin State", "Hpakant"),
    ("Troops shelled a village near Pekhon on Monday, killing a woman.", "Shan State (South)", "Pekon"),
])
def test_a_village_near_a_township_town_is_placed_near_it(knowledge, text, state, township):
    event = _main(knowledge, text, date(2024, 5, 15))
    assert (event.admin1, event.admin3, event.geo_precision) == (state, township, 2)


def test_a_town_near_yangon_names_no_place_of_its_own(knowledge):
    text = "Police shot dead two men in a town near Yangon on Monday, residents said."
    event = _main(knowledge, text, date(2024, 5, 15))
    assert event.admin3 is None


@pytest.mark.parametrize("text, township", [
    ("KNLA fighters ambushed junta troops in Belin Township on Monday, killing six soldiers.", "Bilin"),
    ("Fighting broke out near Belin town on Monday, killing two soldiers.", "Bilin"),
    ("Junta jets bombed a village in Pekhon Township on Monday, killing a woman.", "Pekon"),
])
def test_news_spellings_of_townships_are_known(knowledge, text, township):
    assert _main(knowledge, text, date(2024, 5, 15)).admin3 == township


# --- tolls: a later update of the same dead replaces the first count ----------------------------------------

_STRIKE = "A junta airstrike hit Kyi village in Salingyi Township on Monday, killing five people."


@pytest.mark.parametrize("update, toll", [
    ("Rescuers pulled three more bodies from the rubble on Tuesday, bringing the toll to eight.", 8),
    ("By Tuesday evening the death toll had climbed to 13.", 13),
    ("Two of the injured died overnight, raising the toll to seven.", 7),
    ("At least nine people are now confirmed dead.", 9),
])
def test_a_later_toll_update_of_the_same_dead_counts_them_all(knowledge, update, toll):
    assert _main(knowledge, f"{_STRIKE} {update}", date(2024, 5, 15)).fatalities == toll


@pytest.mark.parametrize("later", [
    "Since January, airstrikes have killed 120 people in the township.",
    "Airstrikes across Sagaing have killed more than 200 people this year.",
    "The toll from junta airstrikes nationwide has risen to 900 since the coup.",
])
def test_a_running_total_is_no_update_of_the_event(knowledge, later):
    assert _main(knowledge, f"{_STRIKE} {later}", date(2024, 5, 15)).fatalities == 5


# --- dates: the page's own dateline or date line, a day or two before the publication date given -------------


@pytest.mark.parametrize("text, day", [
    ("Salingyi, May 14 - Junta troops shelled Kyi village in Salingyi Township this morning, killing two farmers.",
     date(2024, 5, 14)),
    ("Salingyi, May (14)\n\nJunta troops shelled Kyi village in Salingyi Township yesterday, killing two farmers.",
     date(2024, 5, 13)),
    ("May 14, 2024\nJunta troops shelled Kyi village in Salingyi Township yesterday, killing two farmers.",
     date(2024, 5, 13)),
    ("14 May 2024\n\nJunta troops shelled Kyi village in Salingyi Township last night, killing two farmers.",
     date(2024, 5, 13)),
])
def test_relative_days_count_from_the_pages_own_date(knowledge, text, day):
    assert _main(knowledge, text, date(2024, 5, 16)).event_date == day


def test_a_date_line_long_before_publication_moves_nothing(knowledge):
    text = "May 2, 2024\nJunta troops shelled Kyi village in Salingyi Township yesterday, killing two farmers."
    assert _main(knowledge, text, date(2024, 5, 16)).event_date == date(2024, 5, 15)


# --- dates: a day told in a pluperfect relative clause is not the act's ------------------------------------------


@pytest.mark.parametrize("text, day", [
    ("Junta troops who had arrived on Sunday killed five villagers in Salingyi Township on Monday morning.",
     date(2024, 5, 13)),
    ("Soldiers who had camped near the school on Saturday shot dead two farmers in Salingyi Township on Tuesday.",
     date(2024, 5, 14)),
    ("A column that had left Monywa on Friday torched 40 houses in Kyi village in Salingyi Township on Sunday.",
     date(2024, 5, 12)),
])
def test_a_day_in_a_pluperfect_clause_does_not_date_the_act(knowledge, text, day):
    assert _main(knowledge, text, date(2024, 5, 15)).event_date == day


def test_a_day_in_a_pluperfect_clause_still_dates_an_act_told_with_no_other(knowledge):
    text = "Junta troops who had arrived on Sunday killed five villagers in Salingyi Township."
    assert _main(knowledge, text, date(2024, 5, 15)).event_date == date(2024, 5, 12)
