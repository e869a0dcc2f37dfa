"""Dates, tolls and places of real reporting (issue 14, session 10): mechanisms several outlets share.
Every sentence here is the team's own, written for the test."""

from datetime import date

import pytest

from tasks.extract import extract_events


def _main(knowledge, text: str, published: date, title: str = ""):
    events = extract_events(knowledge, title, text, published)
    assert events, text
    return events[0]


# --- places: a town MIMU does not list gives its state, not a township the text never names -------------


@pytest.mark.parametrize("text", [
    "Army artillery struck a camp for displaced families near Laiza on Tuesday night, killing two women.",
    "A junta shell landed in a ward of Laiza town on Sunday, wounding a schoolteacher.",
    "On Friday a drone dropped bombs close to the KIA headquarters at Laiza, injuring three people.",
])
def test_laiza_alone_places_the_event_in_kachin_with_no_township(knowledge, text):
    event = _main(knowledge, text, date(2024, 3, 9))
    assert (event.admin1, event.admin3) == ("Kachin State", None)


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
