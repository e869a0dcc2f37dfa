"""Rules learnt from the fresh real batch's dev half (en_j, thirteenth session), each on team-written sentences:
a date that opens the sentence dates its clause, people captured are no territory, a river is no region, the
state's forces acting on a crowd make a protest event, drug cases and standing accusations are no events."""

from datetime import date

import pytest

from tasks.extract import extract
from tasks.knowledge import load_knowledge


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def _events(knowledge, text):
    return extract(knowledge, "", text, date(2024, 4, 10)).events


def test_a_year_opening_the_sentence_makes_it_history(knowledge) -> None:
    assert _events(knowledge, "In September 2016, attacks by an armed group on police posts in Rakhine State "
                              "triggered a military campaign.") == []


def test_an_officer_captured_is_no_capture_of_territory(knowledge) -> None:
    events = _events(knowledge, "On April 8, a captain from the 61st Light Infantry Battalion based in Kyauk Pya "
                                "village, Ye Township, Mon State was captured by resistance forces.")
    assert all("territory" not in e.sub_event_type for e in events)


def test_a_base_captured_after_an_officer_spoke_is_still_a_capture(knowledge) -> None:
    events = _events(knowledge, "An officer said the base in Ye Township was captured by resistance forces on Tuesday.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_a_river_is_not_the_region_named_after_it(knowledge) -> None:
    events = _events(knowledge, "Junta troops raided a village on the bank of the Ayeyarwady River on Tuesday, "
                                "residents said.")
    assert all(e.admin1 != "Ayeyarwady Region" for e in events)


@pytest.mark.parametrize("text", [
    ("Security forces attacked protesters in Myitkyina, Kachin State on Tuesday with slingshots, teargas and stun "
     "bombs, injuring dozens."),
    "Police and soldiers pelted demonstrators gathered at the stadium in Myitkyina, Kachin State on Tuesday.",
])
def test_forces_attacking_a_crowd_without_killing_is_protest_with_intervention(knowledge, text) -> None:
    assert [(e.event_type, e.sub_event_type) for e in _events(knowledge, text)] == [("Protests", "Protest with intervention")]


def test_a_drug_bust_with_arrests_is_no_event(knowledge) -> None:
    assert _events(knowledge, "Police confiscated 12.5 kg of heroin and arrested three suspects in Muse township, "
                              "Shan State on Tuesday.") == []


def test_drugs_seized_by_weight_are_no_territory(knowledge) -> None:
    events = _events(knowledge, "Authorities seized 88.4 kg drugs in Lashio, Shan State on Tuesday.")
    assert all("territory" not in e.sub_event_type for e in events)


def test_a_standing_accusation_tells_no_event(knowledge) -> None:
    assert _events(knowledge, "The army is accused of killings and burning thousands of homes in Rakhine State.") == []


def test_opposition_troops_are_the_resistance(knowledge) -> None:
    events = _events(knowledge, "Opposition troops have captured Kawlin town in Sagaing Region after beating back the "
                                "military on Tuesday.")
    assert [(e.sub_event_type, e.actor1.split(":")[0]) for e in events] == [("Non-state actor overtakes territory", "PDF")]


def test_grenades_dropped_by_a_jet_are_an_air_strike(knowledge) -> None:
    events = _events(knowledge, "A junta fighter jet dropped two bombs and three rocket-propelled grenades on Namtu town "
                                "in Shan State on Tuesday, killing a woman.")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_a_grenade_thrown_by_hand_stays_a_grenade(knowledge) -> None:
    events = _events(knowledge, "Unknown men threw a grenade at a police station in Mandalay on Tuesday.")
    assert [e.sub_event_type for e in events] == ["Grenade"]


def test_a_group_that_claimed_to_take_over_a_base_took_it(knowledge) -> None:
    events = _events(knowledge, "The rebels claimed to take over the headquarters of Light Infantry Battalion 121 "
                                "in Momauk, Kachin State on Tuesday.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize(("text", "toll"), [
    (("A junta fighter jet dropped two bombs on Namtu town in Shan State on Tuesday, without any fighting in the "
      "area, killing three locals."), 3),
    (("Junta aircraft bombed a guest house in Kyaukme, Shan State on Tuesday, resulting in one death and two "
      "injuries."), 1),
])
def test_locals_and_deaths_are_counted_as_the_dead(knowledge, text, toll) -> None:
    assert [e.fatalities for e in _events(knowledge, text)] == [toll]


def test_last_november_is_the_year_before_in_a_november_report(knowledge) -> None:
    events = extract(knowledge, "", "Last November, the Arakan Army attacked army positions in Paletwa, Chin State.",
                     date(2024, 11, 8)).events
    assert events == []  # a year before the report: history, no event of it


def test_a_crackdown_on_a_scam_compound_is_no_protest(knowledge) -> None:
    events = _events(knowledge, "A military crackdown on the Shwe Kokko scam compound in Myawaddy, Kayin State sent 400 "
                                "foreign workers across the border on Tuesday.")
    assert all(e.event_type != "Protests" for e in events)


def test_an_attack_that_went_on_past_midnight_is_one_event(knowledge) -> None:
    events = extract(knowledge, "", "Junta troops shelled Kyauk Ta Lone ward in Ye Township, Mon State from 9 pm on June 5, "
                                    "wounding four people. The artillery attack continued until 2 am on June 6, and one shell "
                                    "exploded on a school.", date(2024, 6, 10)).events
    assert [str(e.event_date) for e in events] == ["2024-06-05"]


def test_an_ambition_to_fully_capture_a_town_is_no_capture(knowledge) -> None:
    assert _events(knowledge, "The rebels' ambition to fully capture Bhamo in Kachin State was halted on Tuesday, "
                              "the ministry said.") == []


def test_security_forces_recapturing_posts_is_the_state_regaining_them(knowledge) -> None:
    events = _events(knowledge, "As such, security forces totally recaptured all military headquarters, wards and "
                                "villages around Momauk in Kachin State on Tuesday.")
    assert [(e.sub_event_type, (e.actor1 or "").split(" ")[0]) for e in events] == [("Government regains territory", "Military")]


def test_a_base_captured_by_regime_forces_is_regained_by_the_state(knowledge) -> None:
    events = _events(knowledge, "A camp run by a local defence group in Myaing Township, Magway Region was captured by "
                                "regime forces on Tuesday.")
    assert [(e.sub_event_type, e.actor1.split(" ")[0]) for e in events] == [("Government regains territory", "Military")]


def test_a_town_taken_over_after_its_garrison_surrendered_changed_hands(knowledge) -> None:
    events = _events(knowledge, "The KIA said on Monday it had taken over Waingmaw town in Kachin State after the "
                                "army's battalion there surrendered.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_drugs_seized_in_a_headline_are_no_capture_of_territory(knowledge) -> None:
    events = _events(knowledge, "Huge haul of heroin seized in Myanmar's Shan State")
    assert all(e.sub_event_type not in ("Non-state actor overtakes territory", "Government regains territory")
               for e in events)
