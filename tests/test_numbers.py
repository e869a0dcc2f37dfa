"""Counts of people are read conservatively, with their kind and their scope."""

import pytest

from tasks.extract.numbers import find_counts
from tasks.extract.quantities import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("300,000", 300000), ("twenty-five", 25), ("a dozen", 12), ("dozens", 12), ("hundreds", 100),
     ("scores", 20), ("several", 3), ("1.5 million", 1_500_000), ("two hundred and fifty", 250),
     ("tens of thousands", 10_000), ("ten", 10)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("At least 10 people were killed", [("killed", 10)]),
        ("killing a villager and injuring three others", [("killed", 1), ("injured", 3)]),
        ("7 soldiers and 3 civilians were killed", [("killed", 7), ("killed", 3)]),
        ("The death toll rose to 15 on Sunday", [("killed", 15)]),
        ("killed at least 21 people, including nine children, and wounded dozens", [("killed", 21), ("injured", 12)]),
        ("Troops detained about 30 people", [("arrested", 30)]),
        ("Soldiers killed 7 villagers and burned 40 houses", [("killed", 7)]),
        ("between 10 and 15 civilians died", [("killed", 10)]),
    ],
)
def test_counts_take_kind_from_nearest_word(sentence, expected):
    assert [(c.kind, c.value) for c in find_counts(sentence)] == expected


def test_background_and_cumulative_scopes():
    counts = find_counts("More than 300,000 people have been displaced due to the recent violence, "
                         "and more than 2 million overall since the coup")
    assert [(c.kind, c.value, c.scope) for c in counts] == [
        ("displaced", 300_000, "cumulative"), ("displaced", 2_000_000, "background")]


@pytest.mark.parametrize("text", ["Light Infantry Battalion 345", "in 2021", "Operation 1027", "a 45-year-old man",
                                  "about 60 kilometers from the border", "at 2pm"])
def test_numbers_that_are_not_people_are_skipped(text):
    assert find_quantities(text) == []


def test_counts_are_never_negative():
    assert all(c.value >= 0 for c in find_counts("-5 people were killed and minus 3 injured"))


@pytest.mark.parametrize("sentence, expected", [
    ("Fighting near the dam on Friday ended with at least four army deaths.", [("killed", 4)]),
    ("The rebel commander reported two junta deaths and several injuries.", [("killed", 2), ("injured", 3)]),
    ("Medics counted 9 civilian fatalities after the shelling.", [("killed", 9)]),
])
def test_deaths_told_as_a_noun_are_a_toll(sentence, expected):
    # team-written: the count of deaths is the noun itself ("three regime deaths"), no verb tells it
    assert [(c.kind, c.value) for c in find_counts(sentence)] == expected


def test_a_person_told_with_an_age_is_one_person():
    counts = find_counts("A 52-year-old farmer was killed when a shell hit his hut on Sunday.")
    assert [(c.kind, c.value) for c in counts] == [("killed", 1)]


def test_a_share_of_counted_things_is_no_count_of_people_and_breaks_down_a_total():
    # "Thirty of the blasts" counts blasts; the deaths it tells are a share of a yearly total, not an event's
    counts = find_counts("Thirty of the blasts were in Kachin, killing seven and injuring 20.")
    assert [(c.kind, c.value, c.scope) for c in counts] == [("killed", 7, "cumulative"), ("injured", 20, "cumulative")]


def test_a_series_of_attacks_is_counted_together():
    counts = find_counts("At least 18 soldiers were killed in a series of ambushes by a local defence force last week.")
    assert [(c.kind, c.value, c.scope) for c in counts] == [("killed", 18, "cumulative")]


def test_forces_killed_are_people():
    assert [(c.kind, c.value) for c in find_counts("At least 7 regime forces were killed in the ambush.")] == [("killed", 7)]


def test_martyred_fighters_are_killed():
    # resistance media tell their own dead as "martyred"
    assert [(c.kind, c.value) for c in find_counts("Two resistance fighters were martyred in the clash.")] == [("killed", 2)]


def test_a_count_told_of_two_places_together_is_no_one_events_toll():
    # coding guide: a total over several places is not one event's toll
    counts = find_counts("Air strikes killed at least eleven residents of Minbya and neighbouring Mrauk-U on Sunday.")
    assert [(c.kind, c.value, c.scope) for c in counts] == [("killed", 11, "cumulative")]
    counts = find_counts("The strike killed 4 people in Sittwe and injured 3.")
    assert [(c.kind, c.value, c.scope) for c in counts] == [("killed", 4, "event"), ("injured", 3, "event")]


def test_two_groups_joined_as_one_subject_share_the_verb_after_both():
    counts = find_counts("Five army soldiers and allied Pyu Saw Htee militia members were killed in the ambush on Monday.")
    assert [(c.kind, c.value) for c in counts] == [("killed", 5)]


@pytest.mark.parametrize("sentence, killed", [
    ("A mine ambush by the local defence force resulted in the death of 9 army troops and injuries to 14 others.", 9),
    ("The shelling caused the deaths of 4 villagers in Kani, residents said.", 4),
    ("Residents reported the killings of 3 farmers near the bridge.", 3),
])
def test_a_count_after_the_death_of_is_a_count_of_the_dead(sentence, killed):
    # "the death of 11 troops": "of" after a death noun is no "year of" nor "article of", the count is people
    assert [c.value for c in find_counts(sentence) if c.kind == "killed"] == [killed]
