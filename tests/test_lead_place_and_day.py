"""Place and date rules from round 9 of issue 14 (the main event of real reporting): the reporting day of a
named outlet, a lead with no day dated by its later telling, a bare region name, and a lead that names only a
region placed by the township its story names. Every sentence here is the team's own, written for the test."""

from datetime import date

from tasks.extract import extract_events
from tasks.extract.event_dates import dated_by_retelling
from tasks.extract.model import Event
from tasks.extract.retellings import collapse_retellings


def _events(knowledge, text: str, published: date, title: str = ""):
    return extract_events(knowledge, title, text, published)


# --- dates ------------------------------------------------------------------------------------------------


def test_the_day_residents_told_a_named_outlet_is_not_the_day_of_the_shelling(knowledge):
    text = ("Army artillery hit a village in northern Myanmar, killing a farmer and wounding his two sons, residents "
            "told Radio Free Asia on Thursday.\nThe shelling took place on Wednesday night in Waingmaw Township.")
    events = _events(knowledge, text, date(2024, 7, 12))  # a Friday
    assert [(e.event_date, e.admin3) for e in events] == [(date(2024, 7, 10), "Waingmaw")]


def _shelling(day: date, date_text: str | None, admin3: str, fatalities: int | None) -> Event:
    return Event(article_id="a", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                 disorder_type="Political violence", event_date=day, time_precision=1 if date_text else 2,
                 date_text=date_text, admin1="Rakhine State", admin3=admin3, fatalities=fatalities)


def test_a_lead_with_no_day_takes_the_day_of_its_later_telling():
    # "Army shelling killed five villagers in Kyauktaw Township." ... "on 3 March at noon, the shells struck the
    # village": the lead had only the publication day; its later telling names the day, and they are one event
    lead = _shelling(date(2024, 3, 5), None, "Kyauktaw", 5)
    later = _shelling(date(2024, 3, 3), "3 March", "Kyauktaw", None)
    events = collapse_retellings(dated_by_retelling([lead, later]))
    assert [(e.event_date, e.time_precision, e.fatalities) for e in events] == [(date(2024, 3, 3), 1, 5)]


def test_a_later_event_in_another_township_lends_the_lead_no_day():
    lead = _shelling(date(2024, 3, 5), None, "Kyauktaw", 5)
    other = _shelling(date(2024, 3, 3), "3 March", "Mrauk-U", None)
    assert [e.event_date for e in dated_by_retelling([lead, other])] == [date(2024, 3, 5), date(2024, 3, 3)]


# --- places -----------------------------------------------------------------------------------------------


def test_a_bare_region_name_in_a_region_story_is_the_region_not_its_capital(knowledge):
    text = ("Army troops torched homes in villages across Sagaing on Sunday, killing six civilians, residents said.\n"
            "Sagaing Region has been a stronghold of the resistance since the coup.")
    events = _events(knowledge, text, date(2023, 4, 11))
    assert events and all(e.admin1 == "Sagaing Region" and e.admin3 is None for e in events)


def test_a_region_capital_called_a_town_stays_the_town(knowledge):
    text = ("Army jets bombed a market in Magway town on Sunday, killing six civilians, residents said.\n"
            "Magway Region has seen heavy fighting this year.")
    events = _events(knowledge, text, date(2023, 4, 11))
    assert [e.admin3 for e in events] == ["Magway"]


def test_a_lead_naming_only_the_region_is_placed_by_the_town_its_details_name(knowledge):
    text = ("An army air strike on a resistance-held town in western Myanmar's Chin State killed at least nine "
            "people, residents said on Wednesday.\n"
            "The jets hit the hill town of Mindat shortly after midnight on Tuesday, residents said.")
    events = _events(knowledge, text, date(2024, 2, 7))
    assert [(e.admin1, e.admin3) for e in events] == [("Chin State", "Mindat")]


def test_a_lead_is_placed_by_the_township_the_story_names_just_before(knowledge):
    text = ("Families in Kayah State's Demoso Township are searching for relatives who set off by truck on "
            "Friday morning.\n"
            "Soldiers shot dead at least 20 travellers near Daw Ngay Khu village in Kayah State on Friday, local "
            "defence forces said.")
    events = _events(knowledge, text, date(2022, 3, 14))
    assert events and all(e.admin3 == "Demoso" for e in events)


def test_a_city_of_many_townships_is_placed_by_the_township_the_details_name(knowledge):
    text = ("Security forces opened fire on protesters in Yangon on Sunday, killing at least four people, "
            "witnesses said.\n"
            "Photographs showed protesters behind sandbags in the Insein district of the city as smoke rose.")
    events = _events(knowledge, text, date(2021, 3, 21))
    assert [e.admin3 for e in events] == ["Insein"]


def test_a_township_in_another_region_does_not_refine_the_lead(knowledge):
    text = ("An army air strike on a village in Chin State killed at least nine people, residents said on "
            "Wednesday.\n"
            "The jets took off from an air base in Magway town, a resistance official said.")
    events = _events(knowledge, text, date(2024, 2, 7))
    assert events and events[0].admin1 == "Chin State" and events[0].admin3 is None


def test_a_lead_dated_last_week_takes_the_exact_day_its_details_tell(knowledge):
    text = ("Army troops torched dozens of houses across two villages in a northern region last week, residents said.\n"
            "The country has been in turmoil since the coup, and the region has seen heavy fighting.\n"
            "Troops arrived in Kyi Taw village in Ayadaw Township in the afternoon of April 9, a resident said.")
    events = _events(knowledge, text, date(2024, 4, 16))  # a Tuesday: last week is 8-14 April
    assert [(e.event_date, e.time_precision) for e in events] == [(date(2024, 4, 9), 1)]


def test_two_weeks_ago_is_no_vague_week_to_refine(knowledge):
    text = ("Army jets bombed a village in Ayadaw Township two weeks ago, killing four people, residents said.\n"
            "Families have not returned since, a local volunteer said.")
    events = _events(knowledge, text, date(2024, 4, 16))
    assert all(e.date_text != "April 9" for e in events)


def test_the_towns_a_road_is_named_after_do_not_place_a_strike_near_a_named_town(knowledge):
    text = ("Army jets bombed a village on the Kalay-Tamu road near Khampat town on Sunday, killing five people, "
            "residents said.")
    events = _events(knowledge, text, date(2024, 1, 9))
    assert [e.admin3 for e in events] == ["Tamu"]


def test_a_road_alone_still_places_an_ambush_in_its_state(knowledge):
    # session 10: a road joining two townships names neither as the event's (the real labels' convention,
    # coding guide "null township if the text names none"); the state stays
    text = ("Resistance fighters ambushed an army convoy on the Monywa-Pale road on Sunday, killing six soldiers, "
            "a local defence force said.")
    events = _events(knowledge, text, date(2024, 1, 9))
    assert events and events[0].admin1 == "Sagaing Region" and events[0].admin3 is None


def test_a_sub_township_town_by_its_news_spelling_places_the_event_in_its_township(knowledge):
    text = ("Fighting broke out between the army and the KIA near Kyukok in northern Shan State on Monday, "
            "killing three soldiers, a KIA officer said.")
    events = _events(knowledge, text, date(2020, 9, 29))
    assert [(e.admin1, e.admin3) for e in events] == [("Shan State (North)", "Muse")]


def test_a_dated_teaser_for_a_later_story_on_the_page_is_no_event_of_the_report(knowledge):
    text = ("Army troops and KIA fighters clashed near Kyukok on Monday, killing three soldiers, a KIA officer said.\n"
            "The army has not commented.\n"
            "The KIA has fought the army in the area for years.\n"
            "Villagers have fled to a church nearby.\n"
            "March 3, 2024\n"
            "Four villagers were killed in an army air strike on a village in Namtu Township...\n"
            "February 27, 2024\n"
            "Residents of Namtu have signed a letter asking for the road to reopen...")
    events = _events(knowledge, text, date(2020, 9, 29))
    assert [e.event_type for e in events] == ["Battles"]


def test_a_countrywide_programme_this_week_keeps_its_week(knowledge):
    text = ("The army began training a new batch of conscripts this week, rights groups said on Tuesday.\n"
            "State media said recruits reported to training schools around the country on Monday.")
    events = _events(knowledge, text, date(2024, 8, 21))
    assert events and all(e.time_precision == 2 for e in events)
