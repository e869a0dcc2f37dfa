""""Putao", the usual English spelling of MIMU's Puta-O, names the township (issue 14, session 9: a KIA attack on
bases in Putao Township had no township, so the story's main event went unplaced and was folded into an attack
in Shan State told the same day); "Putao District" is the district, not the town. Every sentence here is the
team's own, written for the test (places real, facts invented)."""

from datetime import date

import pytest

from tasks.extract import extract_events

PUBLISHED = date(2024, 3, 8)


@pytest.mark.parametrize("text", [
    "The KIA attacked an army base in Putao Township on Wednesday, a spokesman said.",
    "On Wednesday, Kachin fighters overran a junta outpost some 20 miles east of Putao town.",
    "Junta aircraft bombed a ward of Putao on Wednesday, killing three residents.",
])
def test_putao_is_the_puta_o_township(knowledge, text):
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert [(e.admin1, e.admin3) for e in events][:1] == [("Kachin State", "Puta-O")]


def test_putao_district_is_not_the_town(knowledge):
    text = "The KIA seized an outpost in the country's northernmost Putao District on Wednesday, a spokesman said."
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert events and events[0].admin3 != "Puta-O" and events[0].admin1 == "Kachin State"
