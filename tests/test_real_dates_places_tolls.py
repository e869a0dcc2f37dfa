"""Date, place and toll rules for real reporting (issue 14, session 8): the mechanism of each kind of miss,
with sentences the team wrote for the purpose in several outlets' styles (wire, exile media, feature)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events

FRIDAY = date(2024, 3, 15)


def _main(knowledge, text: str, published: date = FRIDAY, title: str = ""):
    events = extract_events(knowledge, title, text, published)
    assert events, text
    return events[0]


# --- the day a source spoke is not the day of the act ---------------------------------------------

@pytest.mark.parametrize("text", [
    # wire: the attribution closes the lead
    "Air strikes on two villages in Magway Region this week killed seven civilians, according to residents "
    "and a member of a local defence group on Thursday.",
    # exile media
    "Junta jets bombed a monastery in Magway Region this week, killing seven civilians, according to a "
    "statement of the local resistance council on Thursday.",
    # feature
    "Seven civilians died when bombs fell on a village school in Magway Region this week, according to "
    "teachers who spoke to reporters on Thursday.",
])
def test_according_to_on_a_weekday_dates_the_report_not_the_act(knowledge, text):
    event = _main(knowledge, text)
    assert event.date_text != "on Thursday"
    assert event.time_precision == 2


# --- no day told at all ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "An airstrike by the military on a village in Rakhine State has killed 12 civilians, local officials said.",
    "Junta troops shot dead four villagers in Sagaing Region's Kale Township, residents told reporters.",
    "Fighting between the Arakan Army and regime forces broke out near Kyauktaw, forcing hundreds to flee.",
])
def test_an_undated_act_is_dated_the_day_before_publication_as_a_range(knowledge, text):
    event = _main(knowledge, text)
    assert event.event_date == date(2024, 3, 14)
    assert event.time_precision == 2


def test_an_undated_act_never_lands_after_an_explicit_day_told_for_it(knowledge):
    event = _main(knowledge, "Junta troops shot dead four villagers in Kale Township on Friday, residents said.")
    assert event.event_date == FRIDAY and event.time_precision == 1


# --- townships spelled another way than MIMU's English ---------------------------------------------

@pytest.mark.parametrize("name, township", [
    ("Chan Mya Thazi", "Chanmyathazi"),     # syllables written apart (and not Thazi Township inside it)
    ("Tharketa", "Thaketa"),                # a silent r after a vowel
    ("Demawso", "Demoso"),                  # aw for o
    ("Kyaikhto", "Kyaikto"),                # an aspirate
    ("Pauk Khaung", "Paukkhaung"),          # not Pauk Township, which its first word names
])
def test_a_township_spelled_another_way_is_found(knowledge, name, township):
    for text in (f"Soldiers shot dead two men in {name} Township on Monday, residents said.",       # wire
                 f"Junta troops shot dead two villagers in {name} on Monday, a resident told the outlet.",  # exile media
                 f"On Monday, in a quiet ward of {name} township, soldiers shot dead two young men."):      # feature
        event = _main(knowledge, text)
        assert event.admin3 == township, text


def test_spelling_keys_fold_only_romanisation_not_other_names():
    from tasks.extract.place_spellings import spelling_key

    assert spelling_key("Chan Mya Thazi") == spelling_key("Chanmyatharzi") == spelling_key("Chanmyathazi")
    assert spelling_key("Myawady") == spelling_key("Myawaddy")
    assert spelling_key("Monday") != spelling_key("Mandalay")


def test_an_ordinary_capitalised_word_is_no_place(knowledge):
    from tasks.extract.place_spellings import with_variant_places

    text = "The Tuesday Statement Committee Said Nothing About Anything, Reporters Wrote."
    assert with_variant_places(knowledge, text, knowledge.find(text)) == knowledge.find(text)
