"""Actor and toll rules from round 9 of issue 14 (actors and fatalities on fresh real reporting). Each rule has
sentences of the team's own, written for the purpose (never copied from an article)."""

from __future__ import annotations

from datetime import date

from tasks.extract import extract_events
from tests.first_event import first_event

PUBLISHED = date(2024, 3, 6)   # a Wednesday


def _main(knowledge, text: str, published: date = PUBLISHED):
    return first_event(knowledge, text, published)


def test_the_resistance_named_by_its_act_is_the_attacker(knowledge):
    # "a resistance ambush": the word qualifying the attack names who attacked; the soldiers were its target
    text = ("Six army soldiers were killed in a resistance ambush on a supply convoy near Kyaukhtu in Saw "
            "Township on Monday, the local People's Defence Force said.")
    event = _main(knowledge, text)
    assert event.actor1_id == "pdf"
    assert event.actor2_id == "military_myanmar"


def test_a_shell_whose_firer_the_report_does_not_know_is_an_unidentified_groups(knowledge):
    # the army is named in the story, but the report says nobody knows who fired the shell
    text = ("An artillery shell exploded in a market in Kyauktaw on Monday, killing three villagers. It was unclear "
            "who fired the shell, residents said.\n\nThe army has reinforced its bases in the township this month.")
    event = _main(knowledge, text)
    assert event.actor1_id == "unidentified_armed_group"
    assert event.actor2_id == "civilians_myanmar"


def test_a_shell_the_army_is_told_to_have_fired_stays_the_armys(knowledge):
    text = ("Army troops fired artillery shells into a village in Kyauktaw on Monday, killing three villagers. "
            "Residents blamed each other's neighbours for sheltering fighters.")
    event = _main(knowledge, text)
    assert event.actor1_id == "military_myanmar"


def test_the_sides_of_the_fighting_the_act_happened_in_are_not_its_target(knowledge):
    # "during fighting between X and Y" tells the war around the act: the families shelled are the target
    text = ("Dozens of displaced families were hit by artillery attacks on Monday during fighting between the "
            "Arakan Army and the military near Buthidaung, killing 12 people.")
    event = _main(knowledge, text)
    assert event.actor2_id == "civilians_myanmar"


def test_a_peoples_troops_are_its_army_not_the_state_or_the_junta(knowledge):
    # "Kachin troops": neither Kachin State nor the army's generic "troops" but the KIA
    text = ("Army jets dropped four bombs on Kachin troops on a hill in Momauk Township on Tuesday, a resident said.")
    event = _main(knowledge, text)
    assert event.actor1_id == "military_myanmar"
    assert event.actor2_id == "kia"


def test_the_peoples_revolution_alliance_is_a_local_defence_force(knowledge):
    # seeds: a Magway resistance force with a name of its own, coded PDF like other local defence forces
    text = ("The People's Revolution Alliance ambushed an army convoy near Ngape on Monday, killing five soldiers.")
    event = _main(knowledge, text)
    assert {event.actor1_id, event.actor2_id} == {"pdf", "military_myanmar"}


def test_security_outposts_are_the_states_forces(knowledge):
    text = "KNLA fighters raided two security outposts near Kawkareik on Monday morning."
    event = _main(knowledge, text)
    assert {event.actor1_id, event.actor2_id} == {"knla", "military_myanmar"}


def test_civilians_killed_in_the_crossfire_are_the_fights_dead(knowledge):
    # the deaths told as crossfire are not a new attack on civilians but the toll of the fight told before
    text = ("KNLA fighters attacked an army camp near Kawkareik on Monday morning. The fighting lasted six hours.\n\n"
            "Two civilians were killed in the crossfire, residents said.")
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert [e.event_type for e in events] == ["Battles"]
    assert events[0].fatalities == 2


def test_a_woman_killed_by_a_mine_is_a_civilian_victim(knowledge):
    text = "A woman was killed when she stepped on a landmine near Kutkai on Monday."
    event = _main(knowledge, text)
    assert event.actor2_id == "civilians_myanmar"


def test_no_casualties_from_the_attack_told_later_is_the_last_acts_toll(knowledge):
    # the sentence names its act only as "the attack" told before: its "no casualties" is that act's toll,
    # though "attack" in it is itself an event word
    text = ("On Monday, about 60 army troops torched 40 houses in Kone Thar village in Kanbalu Township, a local "
            "defence team said.\n\nThe column fired on Kone Thar with heavy weapons the night before it entered the "
            "village and began burning houses.\n\nThere were no casualties from the attack because the villagers "
            "had fled, he said.")
    events = extract_events(knowledge, "", text, PUBLISHED)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [
        ("Looting/property destruction", 0), ("Shelling/artillery/missile attack", 0)]


def test_a_sentence_restating_the_lead_lends_it_the_toll_it_lacked(knowledge):
    # the lead tells the bombardment with only "many dead"; "The attack took place ..., claiming the lives of
    # at least 20" restates it with its day and its firm toll
    text = ("Army bombardment of displaced camp leaves many dead\n\nThe army has reportedly killed at least 20 "
            "people in a recent assault on the Hpun Lum camp for displaced people near the KIA headquarters in "
            "Laiza.\n\n\u201cWe may never find everyone,\u201d a KIA spokesman said as rescue work began on Tuesday "
            "morning. All the shelters in the camp were flattened by the bombardment. Survivors were moved to "
            "Laiza town.\n\nThe attack took place at about 11 pm on 4 March, claiming the lives of at least 20 "
            "people and leaving 40 others injured.")
    event = _main(knowledge, text, date(2024, 3, 8))
    assert event.event_date == date(2024, 3, 4)
    assert event.fatalities == 20


def test_an_official_under_a_group_who_tells_the_attack_is_its_source(knowledge):
    # "an official under the PDF was quoted as saying": the PDF tells the strike, it did not fly it
    text = ("At least 12 people were killed when a paraglider dropped two bombs on a festival crowd in Chaung U "
            "Township on Monday evening, a local official under the People's Defence Force was quoted as saying.")
    event = _main(knowledge, text)
    assert event.actor1_id != "pdf"
    assert event.actor2_id == "civilians_myanmar"


def test_the_force_named_by_its_name_fired_not_the_generic_security_forces(knowledge):
    # "riot police" fired; "security forces" nearer the act's word names no force of its own
    from types import SimpleNamespace

    from tasks.extract.actor_clues import state_actor_in
    from tasks.extract.scan import build_scan

    text = ("Two protesters were shot dead by riot police in Mandalay on Saturday. Security forces also used "
            "water cannons against the crowd.")
    scan = build_scan(knowledge, "", text, date(2021, 2, 22))
    cand = SimpleNamespace(sentences=scan.sentences, hit=SimpleNamespace(start=text.index("water cannons")))
    assert state_actor_in(knowledge, scan, cand) == "police_myanmar"


def test_a_strike_that_destroyed_homes_hit_civilians_not_a_group_bombed_elsewhere(knowledge):
    # the article names a rebel camp bombed another time; this strike destroyed houses: civilians were hit
    text = ("Twelve houses in Lungler village in Hakha Township were destroyed by a junta air strike on Tuesday.\n\n"
            "Fighting between the army and the Chin National Army has gone on near the village for a week.\n\n"
            "In April, jets bombed the headquarters of the Chin National Army near the border.")
    event = _main(knowledge, text)
    assert event.actor1_id == "military_myanmar"
    assert event.actor2_id == "civilians_myanmar"


def test_the_arakkha_spelling_is_the_arakan_army(knowledge):
    # seeds: the AA's own romanisation ("Arakkha Army"), used by Rakhine outlets, is the Arakan Army; told as
    # the one holding a bombed town ("held by the Arakkha Army (AA)") it is no party to the strike
    text = "Junta jets bombed Kyauktaw town, held by the Arakkha Army (AA), on Monday, wounding three villagers."
    found = [m.ref_ids[0] for m in knowledge.find(text, myanmar_context=True) if m.kind == "actor"]
    assert "ula_aa" in found
    event = _main(knowledge, text)
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")


def test_fighters_a_rebel_group_says_a_junta_strike_killed_are_its_own(knowledge):
    # the KIA tells it: the soldiers killed by the army's drones are the teller's, not civilians
    text = ("On Tuesday, the Kachin Independence Army said that three soldiers were killed and two wounded by "
            "junta drone strikes near Hpakant.")
    event = _main(knowledge, text)
    assert event.actor1_id == "military_myanmar"
    assert event.actor2_id == "kia"


def test_drones_that_bomb_the_junta_are_the_resistances(knowledge):
    # "used drones to bomb junta troops": the drones are the act's own word, the troops its target; "a coalition
    # of defence forces" is the one armed group the article names, the one telling its fight
    text = ("A coalition of defence forces used drones to bomb junta troops stationed in Kyauk Yit village in "
            "Shwebo Township at noon on Monday, a representative of the Red Star People's Defence Force said.")
    event = _main(knowledge, text)
    assert event.actor1_id == "pdf"
    assert event.actor2_id == "military_myanmar"


def test_the_rest_of_a_retold_toll_is_not_added_to_it(knowledge):
    # "a monk and 16 other people" retells the 17 of the sentence before: "other" is set against the monk
    text = ("Junta jets killed 17 people in an air strike on a monastery in Indaw Township, residents said on Monday.\n"
            "The jets bombed the monastery on Saturday night, killing a monk and 16 other people, they said.")
    assert first_event(knowledge, text, PUBLISHED).fatalities == 17


def test_other_dead_told_in_a_sentence_of_their_own_still_add_up(knowledge):
    text = ("Junta jets killed 17 people in an air strike on a monastery in Indaw Township on Saturday, residents said.\n"
            "Two other villagers were killed in the same strike, they said.")
    assert first_event(knowledge, text, PUBLISHED).fatalities == 19
