"""Extraction rules from round 8 of issue 14 (parts of one event, the run-up, dates and tolls on real
reporting). Each rule has sentences of the team's own, written for the purpose (never copied from an article)."""

from __future__ import annotations

from datetime import date

from tasks.extract import extract_events

PUBLISHED = date(2024, 3, 6)   # a Wednesday


def _events(knowledge, text: str, published: date = PUBLISHED):
    return extract_events(knowledge, "", text, published)


def _kinds(events):
    return sorted(e.sub_event_type for e in events)


# --- parts of a bigger event told as acts of another kind ------------------------------------------

def test_shelling_and_arson_inside_a_massacre_are_part_of_it(knowledge):
    text = ("Army troops killed 12 villagers in Kyauk Ye village in Pale Township on Monday, residents said. "
            "Army shelling wounded one farmer and the soldiers torched four trucks and nine motorbikes.")
    events = _events(knowledge, text)
    assert _kinds(events) == ["Attack"]
    assert events[0].fatalities == 12


def test_a_shelling_with_a_day_of_its_own_stays_an_event(knowledge):
    text = ("On Monday, the local defence force fought army troops near Kyauk Ye village in Pale Township, "
            "killing nine soldiers. On Monday, army artillery hit a clinic in Kyauk Ye village, wounding a nurse.")
    events = _events(knowledge, text)
    assert "Shelling/artillery/missile attack" in _kinds(events)


def test_a_headline_of_a_battle_with_shelling_is_one_event(knowledge):
    text = ("At least 11 soldiers killed in Pale battle, shelling hits a monastery\n\n"
            "A fierce battle broke out between the local defence force and army troops near a village in Pale "
            "Township on Monday, killing at least 11 soldiers, the group said.")
    events = _events(knowledge, text)
    assert [e.event_type for e in events] == ["Battles"]


def test_arson_told_first_with_no_toll_stays_the_story(knowledge):
    text = ("Army troops burned down 300 houses in Kyauk Ye village in Pale Township on Monday, residents said. "
            "The local defence force said four soldiers were killed in its attack on the troops.")
    events = _events(knowledge, text)
    assert "Looting/property destruction" in _kinds(events)


# --- the campaign's run-up ---------------------------------------------------------------------------

def test_a_capture_days_before_the_newest_is_the_run_up(knowledge):
    text = ("The resistance forces seized Pale town in Sagaing Region on Monday, the group said. "
            "The forces had started their offensive in Pale Township on 26 February.")
    events = _events(knowledge, text)
    assert [e.event_date for e in events] == [date(2024, 3, 4)]


def test_a_strike_days_before_the_newest_stays_an_event(knowledge):
    text = ("Army shelling killed four villagers in Kyauk Ye village in Pale Township on Monday, residents said. "
            "Residents said they buried the dead. Separately, military jets bombed a camp of displaced people in "
            "Yinmabin Township on 28 February, wounding three.")
    events = _events(knowledge, text)
    assert date(2024, 2, 28) in [e.event_date for e in events]


# --- dates -------------------------------------------------------------------------------------------

def test_an_overnight_act_told_only_by_the_reporting_day_is_dated_the_day_before(knowledge):
    text = "A military air strike on Kyauk Ye village in Pale Township killed nine people, witnesses of the overnight bombing said on Tuesday."
    events = _events(knowledge, text)
    assert [e.event_date for e in events] == [date(2024, 3, 4)]


def test_a_bracket_restating_the_reporting_day_is_no_event_day(knowledge):
    text = ("A military air strike on Kyauk Ye village in Pale Township killed nine people, residents said on Tuesday "
            "(March 5, 2024). Residents said the jets hit the village market around 10 pm on Sunday.")
    events = _events(knowledge, text)
    assert [e.event_date for e in events] == [date(2024, 3, 3)]


def test_a_caption_lends_no_day_to_the_lead_after_it(knowledge):
    text = ("Residents look at the ruins of the market after the bombing, in Pale Township, on March 5, 2024.\n"
            "| Photo Credit: Some Agency\n\n"
            "A military air strike on Kyauk Ye village in Pale Township killed nine people, residents said. "
            "The jets hit the village market around 10 pm on Sunday, they said.")
    events = _events(knowledge, text)
    assert [e.event_date for e in events] == [date(2024, 3, 3)]


def test_an_act_told_as_one_more_stays_an_event(knowledge):
    text = ("Army troops shot dead two villagers during a raid on Kyauk Ye village in Pale Township on Monday. "
            "The soldiers also torched ten houses before leaving the village, residents said.")
    events = _events(knowledge, text)
    assert "Looting/property destruction" in _kinds(events)


def test_the_same_dead_on_the_same_day_and_place_are_one_event_whatever_side_is_named():
    from tasks.extract.model import Event
    from tasks.extract.retellings import collapse_retellings

    def shelling(actor1: str, deaths: int) -> Event:
        return Event(None, "Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence",
                     date(2024, 3, 2), 1, "on Saturday", actor1_id=actor1, actor2_id="civilians_myanmar",
                     admin1="Sagaing Region", admin3="Pale", fatalities=deaths)
    # "Artillery killed six in Pale on Saturday" ... "while the LDF has not entered the town, a shell ... six deaths"
    assert len(collapse_retellings([shelling("military_myanmar", 6), shelling("ldf", 6)])) == 1
    assert len(collapse_retellings([shelling("military_myanmar", 6), shelling("ldf", 3)])) == 2


# --- tolls -------------------------------------------------------------------------------------------

def test_a_hyphenated_word_before_the_people_keeps_the_count():
    from tasks.extract.numbers import find_counts
    assert [(c.kind, c.value) for c in find_counts("Police shot dead 6 pro-democracy students in the town.")] == [("killed", 6)]
    assert find_counts("Troops burned 40 bamboo-roofed houses.") == ()


def test_the_share_of_the_place_named_is_the_events_toll(knowledge):
    text = "On Sunday, soldiers gunned down 41 anti-coup protesters, 17 of them in Pale Township."
    events = _events(knowledge, text)
    assert [(e.admin3, e.fatalities) for e in events] == [("Pale", 17)]
