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
    from tasks.extract.romanised_places import spelling_key

    assert spelling_key("Chan Mya Thazi") == spelling_key("Chanmyatharzi") == spelling_key("Chanmyathazi")
    assert spelling_key("Myawady") == spelling_key("Myawaddy")
    assert spelling_key("Monday") != spelling_key("Mandalay")


def test_an_ordinary_capitalised_word_is_no_place(knowledge):
    from tasks.extract.romanised_places import with_variant_places

    text = "The Tuesday Statement Committee Said Nothing About Anything, Reporters Wrote."
    assert with_variant_places(knowledge, text, knowledge.find(text)) == knowledge.find(text)


# --- tolls ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, toll", [
    # wire: the toll in a sentence of its own, two groups of dead
    ("Fighting broke out in Hpakant on Tuesday. Three soldiers and two resistance fighters were killed, a "
     "KIA officer said.", 5),
    # exile media: two victims told one after the other
    ("Police opened fire on protesters in Monywa on Saturday. According to witnesses, a student was shot in "
     "the head and died at the scene while a man was shot in the chest and died on the way to hospital.", 2),
    # feature
    ("The shells struck Kyauktaw town on Monday evening. Four children died in their beds, and two of their "
     "grandparents were killed as they ran for shelter, neighbours said.", 6),
])
def test_a_toll_told_in_its_own_sentence_adds_its_groups(knowledge, text, toll):
    assert _main(knowledge, text).fatalities == toll


def test_two_sources_in_one_toll_sentence_still_give_the_lowest(knowledge):
    text = ("The army shelled Kyauktaw town on Monday. Local media said 12 villagers were killed, while the "
            "resistance put the toll at 15 dead.")
    assert _main(knowledge, text).fatalities == 12


@pytest.mark.parametrize("sentence, value", [
    ("An airstrike on Monday in the town of Namhsan killed a family of five, the TNLA said.", 5),
    ("Soldiers shot dead a family of four in Kani Township on Monday, residents said.", 4),
    ("Junta artillery killed an entire family of six in Kyauktaw on Monday, a relative told reporters.", 6),
])
def test_a_family_of_n_is_n_people(knowledge, sentence, value):
    assert _main(knowledge, sentence).fatalities == value


def test_a_count_cut_off_by_a_dash_inherits_no_kind():
    from tasks.extract.numbers import find_counts

    counts = find_counts("At least 15 people were killed and 34 others—including. . .")
    assert [(c.kind, c.value) for c in counts] == [("killed", 15)]
    counts = find_counts("Nine villagers were killed and 20 others… the report said.")
    assert [(c.kind, c.value) for c in counts] == [("killed", 9)]


@pytest.mark.parametrize("sentence", [
    "Nine villagers, among them three children, lost their lives, a local rescue worker told reporters.",
    "Nine villagers lost their lives, a resident said.",
    "Nine people were left dead, an aid worker who reached the village said.",
])
def test_the_source_after_a_toll_is_no_victim(sentence):
    from tasks.extract.numbers import find_counts

    assert [(c.kind, c.value) for c in find_counts(sentence) if c.kind == "killed"] == [("killed", 9)]


# --- weekdays of the week before, and the day before yesterday ---------------------------------------

@pytest.mark.parametrize("text, day", [
    ("A military airstrike killed seven people in Mindat on Wednesday last week, local sources said.", date(2024, 3, 6)),
    ("Troops shot dead a farmer in Kani Township on Tuesday of last week, his family told the outlet.", date(2024, 3, 5)),
    ("On Monday the previous week, soldiers shot dead three men in Kani Township, residents recalled.", date(2024, 3, 4)),
    ("A military airstrike killed seven people in Mindat the day before yesterday, local sources said.", date(2024, 3, 13)),
])
def test_weekday_of_last_week_and_day_before_yesterday(knowledge, text, day):
    event = _main(knowledge, text)
    assert (event.event_date, event.time_precision) == (day, 1)


def test_weekday_alone_is_still_the_latest_such_day():
    from tasks.extract.dates import best_date

    assert best_date("clashes on Wednesday", FRIDAY).event_date == date(2024, 3, 13)
    assert best_date("clashes on Wednesday, last week's fighting aside", FRIDAY).event_date == date(2024, 3, 13)


# --- a township named outright beats a namesake village tract of another township ---------------------

@pytest.mark.parametrize("text", [
    # wire
    "Troops based in Hkamti shelled Aung Myay village in Homalin Township on Tuesday, killing four villagers, "
    "residents said.",
    # exile media
    "A column that left Hkamti on Monday shelled Aung Myay village, Homalin Township, on Tuesday, killing four "
    "villagers.",
    # feature
    "On Tuesday the shells fell on Aung Myay, a village in Homalin township, killing four villagers; the "
    "battery had been moved up from Hkamti.",
])
def test_an_explicit_township_beats_a_namesake_village_tract(knowledge, text):
    event = _main(knowledge, text)
    assert event.admin3 == "Homalin"


@pytest.mark.parametrize("text, toll", [
    # two groups joined after one verb
    ("Junta troops attacked a village in Kani Township on Tuesday, killing three civilians and two resistance "
     "fighters.", 5),
    ("An airstrike on a village in Kani Township on Tuesday killed a woman and her two sons.", 3),
    ("Shelling in Kani Township on Tuesday killed an elderly couple, neighbours said.", 2),
    # the toll's words far before the number
    ("The death toll from Tuesday's airstrike on a village in Kani Township has risen to 31, a rescue group said.", 31),
    ("The toll of the junta's shelling of Kani Township on Tuesday climbed to at least 14, residents said.", 14),
    # more dead told after the act's own toll
    ("An airstrike on a village in Kani Township on Tuesday killed 8 people. Two more died of their wounds in "
     "hospital on Wednesday.", 10),
    ("Soldiers shot dead three men in Kani Township on Tuesday. Two others also died of gunshot wounds, a "
     "relative said.", 5),
])
def test_toll_phrasings(knowledge, text, toll):
    assert _main(knowledge, text).fatalities == toll


@pytest.mark.parametrize("sentence, killed", [
    ("At least 15 people were killed and 34 others were wounded.", [15]),
    ("Nine villagers were killed and 12 others injured in the shelling.", [9]),
    ("The strike killed a farmer and a couple of his buffaloes.", [1]),
])
def test_a_second_count_with_its_own_verb_is_not_joined(sentence, killed):
    from tasks.extract.numbers import find_counts

    assert [c.value for c in find_counts(sentence) if c.kind == "killed"] == killed


def test_an_undated_mention_spans_the_week_up_to_its_publication_day():
    """Extraction dates an undated act the day before publication; dedup's period for it still reaches the
    publication day itself, so a same-day report by another outlet can join it."""
    from tasks.dedup.events import date_period

    before_publication = date(2024, 3, 14)
    lo, hi = date_period(before_publication, 2, None)
    assert (date.fromordinal(lo), date.fromordinal(hi)) == (date(2024, 3, 8), FRIDAY)
    assert date_period(before_publication, 2, "last week") == (before_publication.toordinal() - 3, before_publication.toordinal() + 3)
