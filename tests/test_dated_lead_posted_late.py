"""A story's first sentence that dates its act to a full day with the year is the event reported, even when the
page was posted months later (issue 14, session 9: an NGO's report of a shooting posted seven months on gave no
event, its only act taken for history). A dated act below the lead stays history. Every sentence here is
the team's own, written for the test (places real, facts invented)."""

from datetime import date

import pytest

from tasks.extract import extract_events

POSTED = date(2019, 9, 30)


@pytest.mark.parametrize("lead, day", [
    ("Army soldiers shot two farmers near Mong Yaw village in Lashio Township at 3 pm on 12th April 2019.", date(2019, 4, 12)),
    ("On 5 May 2019, troops of an infantry battalion shot dead a village headman in Namhkan Township.", date(2019, 5, 5)),
    ("Two civilians were killed when the army shelled Hpakant Township on June 3, 2019, residents said.", date(2019, 6, 3)),
])
def test_a_lead_dated_to_a_day_of_the_year_is_the_event_reported(knowledge, lead, day):
    text = lead + "\nThe families fled to a monastery in the town.\nA village elder asked for the fighting to stop."
    assert day in [e.event_date for e in extract_events(knowledge, "", text, POSTED)]


def test_a_dated_sentence_after_the_lead_stays_history(knowledge):
    text = ("A village elder asked for the fighting to stop, speaking at a meeting in Lashio.\n"
            "Army soldiers shot two farmers near Mong Yaw village in Lashio Township on 12th April 2019.")
    assert date(2019, 4, 12) not in [e.event_date for e in extract_events(knowledge, "", text, POSTED)]


def test_an_undated_lead_takes_the_day_of_the_act_told_right_after_it(knowledge):
    # the lead sums up a raid its next sentence dates; the page's own day (or the day before) is the worse guess
    text = ("Regime forces launched a crackdown in Hnaw Kone village, Thaton Township, Mon State, arresting more "
            "than 30 men, according to residents.\n"
            "On the morning of August 20, around 9 a.m., a combined force of soldiers and police raided the village "
            "in six trucks.\nFamilies of the detained have not been told where they are held.")
    events = extract_events(knowledge, "", text, date(2025, 8, 24))
    assert events and events[0].event_date == date(2025, 8, 20)

