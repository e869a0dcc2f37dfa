"""A one-word town or township name that opens a longer name in running text is not that place (issue 14):
"Saw Htoo Lay" is a Karen man, not Saw Township; "Kayan Thar Yar" a village, not Kayan Township.
Team-written texts."""

from datetime import date

import pytest

from tests.first_event import first_event

PUBLISHED = date(2024, 2, 10)


@pytest.mark.parametrize("text", [
    "Army shelling killed a 50-year-old farmer, Saw Htoo Lay, in a village of Kayin State on Thursday.",
    "Soldiers shot dead a villager named Saw Eh Doh near Kawkareik in Kayin State on Thursday, relatives said.",
    "A mortar shell fired by junta troops killed Saw Pa Lu in Myawaddy Township, Kayin State, on Thursday.",
])
def test_karen_honorific_name_is_no_township(knowledge, text):
    event = first_event(knowledge, text, PUBLISHED)
    assert event.admin1 == "Kayin State", (text, event.admin1, event.admin3)


@pytest.mark.parametrize("text", [
    "Troops fired artillery at a church in Kayan Thar Yar village, Kayah State, on Thursday, killing three people.",
    "An airstrike hit a school in Kayan Hta Lay, a village in Kayah State, on Thursday, killing two pupils.",
    "Soldiers burned houses in Kayan Pyin Ma on Thursday, residents of the Kayah State village said.",
])
def test_village_name_opening_with_a_township_name(knowledge, text):
    event = first_event(knowledge, text, PUBLISHED)
    assert event.admin1 == "Kayah State", (text, event.admin1, event.admin3)


@pytest.mark.parametrize("text, township", [
    # the township itself, named with a level word, a comma or in a Title Case headline, is still found
    ("Junta Airstrike On Saw Township Kills Two Villagers. Two villagers were killed on Thursday.", "Saw"),
    ("Troops shelled a village in Saw, Magway Region, on Thursday, killing a farmer.", "Saw"),
    ("Fighting broke out in Mindat Township on Thursday between the army and the Chinland Defense Force.", "Mindat"),
])
def test_township_named_plainly_is_still_found(knowledge, text, township):
    event = first_event(knowledge, text, PUBLISHED)
    assert event.admin3 == township, (text, event.admin3)


@pytest.mark.parametrize("text", [
    # a town or base named after no township: Saw is a township in Magway, Waw one in Bago
    "Government troops shelled Saw Mu town on Thursday, killing two villagers, the KNU said.",
    "The KNLA overran the army's Waw Ta base on Thursday, the group said.",
])
def test_town_or_base_name_opening_with_a_township_name(knowledge, text):
    event = first_event(knowledge, text, PUBLISHED)
    assert event.admin3 not in ("Saw", "Waw") and event.admin1 not in ("Magway Region", "Bago Region (East)"), (
        text, event.admin1, event.admin3)
