"""Extraction rules from round 9 of issue 14: the evidence a later event of an article needs (its own day, time,
dead or people taken, or words that set it apart). Every sentence here is the team's own, written for the test."""

from datetime import date

from tasks.extract import extract_events


def _kinds(knowledge, text: str, published: date) -> list[tuple[str, str | None]]:
    return [(e.sub_event_type, e.admin3) for e in extract_events(knowledge, "", text, published)]


# --- a later mention with nothing of its own is no new event --------------------------------------------


def test_a_groups_claim_of_the_strikes_told_is_no_second_strike(knowledge):
    text = ("Resistance drones struck the junta's air base in Nay Pyi Taw on Thursday morning, the NUG's defence "
            "ministry said.\nIn a statement, a drone team from Bago Region said it carried out the strikes together "
            "with a local defence force.")
    assert [k for k, _ in _kinds(knowledge, text, date(2024, 5, 10))] == ["Air/drone strike"]


def test_earlier_gains_told_as_context_are_no_new_capture(knowledge):
    text = ("Junta artillery hit a house in Nam Hkam village in Waingmaw Township on Sunday night, killing a farmer, "
            "residents said.\nBy March, the KIA had seized a camp only 15 km from Myitkyina, the group said.")
    assert [k for k, _ in _kinds(knowledge, text, date(2024, 6, 11))] == ["Shelling/artillery/missile attack"]


def test_the_war_across_the_region_is_no_event_beside_a_dated_strike(knowledge):
    text = ("Junta jets bombed Kan Ma village in Kani Township on Tuesday, killing four people, residents said.\n"
            "The resistance forces have attacked junta camps across the region, a local official said.")
    assert [k for k, _ in _kinds(knowledge, text, date(2024, 5, 9))] == ["Air/drone strike"]


# --- a later act with something of its own stays an event -----------------------------------------------


def test_an_act_set_apart_by_separately_stays_an_event(knowledge):
    text = ("Junta jets bombed Ywar Thar village in Pauk Township on Monday, killing three villagers, residents said.\n"
            "Separately, a landmine exploded near a school in Gangaw Township, wounding a teacher.")
    assert ("Remote explosive/landmine/IED", "Gangaw") in _kinds(knowledge, text, date(2024, 5, 8))


def test_one_more_act_told_with_also_stays_an_event(knowledge):
    text = ("The Arakan Army captured the army's battalion headquarters in Buthidaung on Sunday, the group said.\n"
            "AA troops also arrested a junta colonel who commanded the base, it said.")
    assert "Arrests" in [k for k, _ in _kinds(knowledge, text, date(2024, 5, 7))]


def test_an_act_told_with_its_own_hour_stays_an_event(knowledge):
    text = ("Junta jets bombed Kan Ma village in Kani Township on Tuesday, killing four people, residents said.\n"
            "Resistance fighters attacked an army outpost in Yinmabin Township at 3:30 in the afternoon, a PDF member said.")
    assert ("Armed clash", "Yinmarbin") in _kinds(knowledge, text, date(2024, 5, 9))


def test_people_taken_by_its_own_telling_stay_an_event(knowledge):
    text = ("Resistance drones bombed the police station in Hinthada Township on Tuesday night, killing one officer, "
            "the PDF said.\nPolice later raided a nearby ward and detained six young men, residents said.")
    assert "Arrests" in [k for k, _ in _kinds(knowledge, text, date(2024, 5, 9))]


def test_the_same_number_arrested_again_is_the_arrest_retold(knowledge):
    from tasks.extract.evidence import takes_others
    from tasks.extract.model import Event

    first = Event(None, "Strategic developments", "Arrests", "", date(2024, 3, 4), 1, "on Monday", arrested=14)
    again = Event(None, "Strategic developments", "Arrests", "", date(2024, 3, 4), 1, None, arrested=14)
    other = Event(None, "Strategic developments", "Arrests", "", date(2024, 3, 4), 1, None, arrested=6)
    assert not takes_others(again, first) and takes_others(other, first)
