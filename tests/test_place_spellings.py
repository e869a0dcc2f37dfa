"""Place names as news spells them: romanisation variants, KNU district names, and personal names that
are also place names. Sentences are the team's own."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events
from tasks.person_names import is_part_of_a_name
from tasks.place_spellings import spelling_variants


def _places(knowledge, text: str) -> list[tuple[str, str]]:
    return [(m.text, knowledge.places[m.ref_ids[0]].level) for m in knowledge.find(text) if m.kind == "place"]


@pytest.mark.parametrize(("name", "variant"), [
    ("Myawaddy", "Myawady"), ("Taunggyi", "Taungyi"), ("Pakokku", "Pakoku"), ("Hpapun", "Papun"),
    ("Hpakant", "Phakant"),
])
def test_single_consonant_and_aspiration_spellings_are_generated(name, variant):
    assert variant in spelling_variants(name)


def test_short_variants_are_not_generated():
    # "Kama" and "An" are words and other names; the gazetteer's Kamma and Ann keep their own spelling only
    assert spelling_variants("Kamma") == set()
    assert spelling_variants("Ann") == set()


@pytest.mark.parametrize("text", [
    "A bomb hit the district police office in Myawady on Sunday evening.",
    "Two drones struck a market in Taungyi, the Shan State capital, on Monday.",
    "Fighting spread to villages west of Pakoku on Tuesday, residents said.",
])
def test_a_town_spelled_with_one_consonant_is_found(knowledge, text):
    assert any(level in {"town", "township"} for _, level in _places(knowledge, text))


@pytest.mark.parametrize(("text", "state"), [
    ("Jets bombed a village in Mutraw District on Friday, the Karen National Union said.", "Kayin"),
    ("The KNLA said its troops attacked a junta camp in Doo Tha Htoo District on Monday.", "Mon"),
    ("Troops shelled two villages in the KNU's Kler Lwee Htoo district on Sunday.", "Bago"),
])
def test_knu_district_names_place_the_event_in_its_state(knowledge, text, state):
    events = extract_events(knowledge, "", text, date(2024, 3, 6))
    assert events and events[0].admin1.startswith(state)


@pytest.mark.parametrize("text", [
    "A house belonging to Saw Lay Htoo was hit by the bomb.",
    "U Kyaw Win, a village elder, said the troops left on Monday.",
    "Ko Min Zaw, a local volunteer, said three houses burned.",
    "Gen. Saw said the column had withdrawn.",
])
def test_a_name_syllable_that_is_also_a_place_is_part_of_the_name(knowledge, text):
    assert not any(name in {"Saw", "Kyaw", "Min", "Lay"} for name, _ in _places(knowledge, text))


@pytest.mark.parametrize("text", [
    "Fighting broke out in Saw Township on Monday.",
    "Troops shelled villages near Ye, in Mon State, on Monday.",
    "The army entered Saw on Tuesday, residents said.",
])
def test_the_place_itself_is_still_found(knowledge, text):
    assert _places(knowledge, text)


def test_the_name_check_reads_only_the_words_next_to_the_match():
    text = "Saw Township and Saw Htoo"
    assert not is_part_of_a_name(text, 0, 3)
    assert is_part_of_a_name(text, 17, 20)


@pytest.mark.parametrize(("text", "township"), [
    # syllables written apart, with a short key: Laihka
    ("Junta jets bombed a monastery in Lai-Kha Township, southern Shan State, on Friday.", "Laihka"),
    # the Shan "Murng" for Mong: Mongnai
    ("Fighting broke out near Murng Nai town on Friday, a local resident said.", "Mongnai"),
    # "sh" for MIMU's "hs": Monghsu
    ("Troops torched twelve houses in Mongshu Township on Friday, villagers said.", "Monghsu"),
    # a township's name is also a village tract's elsewhere: the level word decides (Mongton, not Mong Ton tract)
    ("Artillery fire hit two villages in Mong Ton Township on Friday, killing a woman.", "Mongton"),
])
def test_townships_spelled_another_way_are_found(knowledge, text, township):
    event = extract_events(knowledge, "", text, date(2024, 3, 9))[0]
    assert event.admin3 == township, (text, event.admin3, event.location)
