"""The KNU's own township names inside Mutraw (Hpapun) district place an event in MIMU's Hpapun township
(issue 14): Karen outlets write "Lu Thaw Township", "Bu Tho township" where MIMU has one township.
Team-written texts."""

from datetime import date

import pytest

from tests.first_event import first_event

PUBLISHED = date(2024, 2, 10)


@pytest.mark.parametrize("text", [
    "A fighter jet bombed a village in Luthaw Township on Thursday, destroying a school, the KNU said.",
    "Junta troops shelled farms in Butho township, Mutraw district, on Thursday, residents said.",
    "Two civilians were killed when a military aircraft bombed a village in Bu Tho Township on Thursday.",
    "Soldiers fired mortars into a village tract of Lu Thaw township on Thursday, according to local sources.",
])
def test_knu_township_is_hpapun(knowledge, text):
    event = first_event(knowledge, text, PUBLISHED)
    assert (event.admin1, event.admin3) == ("Kayin State", "Hpapun"), text
