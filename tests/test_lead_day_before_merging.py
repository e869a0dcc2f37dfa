"""An undated lead takes the day its next sentences tell before merging (issue 14, session 9: main events never
extracted). Without it the lead joined a same-kind act told far below on another day and took that day, so the
main event was lost. Every sentence here is the team's own, written for the test (places real, facts invented)."""

from datetime import date

from tasks.extract import extract_events

PUBLISHED = date(2024, 5, 10)  # a Friday


def _days(knowledge, text: str) -> list[date]:
    return sorted(e.event_date for e in extract_events(knowledge, "", text, PUBLISHED))


def _filler(n: int) -> str:
    return " ".join(f"A resident said the families had left their homes in the village for the {w} time."
                    for w in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")[:n])


def test_a_captured_camp_told_first_keeps_the_day_of_its_details(knowledge):
    text = ("A local defence force official said that his fighters attacked and captured a militia camp in Tamu Township, "
            "Sagaing Region. On May 6 at about 2 p.m., a unit of some twenty fighters moved towards the camp from the hills. "
            + _filler(6) + " Today, on May 10, clashes were also taking place near Khampat while fighters chased the "
            "soldiers who fled.")
    assert date(2024, 5, 6) in _days(knowledge, text)


def test_an_ambush_lead_keeps_its_day_when_a_later_battle_has_another(knowledge):
    text = ("Resistance fighters ambushed an army convoy in Gangaw Township, Magway Region, the group's spokesman said. "
            "The convoy of eight trucks was hit at around 9 a.m. on Tuesday, May 7, near the main road into the town. "
            + _filler(6) + " On Thursday, fighting broke out again on the edge of Gangaw town.")
    days = _days(knowledge, text)
    assert date(2024, 5, 7) in days and date(2024, 5, 9) in days


def test_a_raid_lead_with_its_day_in_the_second_sentence_is_dated_by_it(knowledge):
    text = ("Junta troops raided a village in Pale Township and arrested four young men, locals said. "
            "The soldiers arrived in the village early on the morning of May 4 and searched every house. "
            + _filler(6) + " On May 9, soldiers also arrested two more men at a checkpoint in Pale.")
    assert date(2024, 5, 4) in _days(knowledge, text)


def test_a_page_date_line_under_the_lead_lends_it_no_day(knowledge):
    # "10 May 2024" under a headline is when the page was made; the lead stays one event with its telling below
    text = ("Air strike kills six villagers in Kyauktaw Township\n10 May 2024\n" + _filler(4)
            + " A military jet bombed the village at around 1 a.m. on May 8, killing six villagers, the group said.")
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert [(e.event_date, e.sub_event_type) for e in events] == [(date(2024, 5, 8), "Air/drone strike")]
