"""Actor and place rules from round 8 of issue 14 (actors and places on real reporting). Each rule has
sentences of the team's own, written for the purpose (never copied from an article)."""

from __future__ import annotations

import re
from datetime import date

from tests.first_event import first_event

PUBLISHED = date(2024, 3, 6)   # a Wednesday


def _main(knowledge, text: str, published: date = PUBLISHED):
    return first_event(knowledge, text, published)


def test_the_actor_after_said_who_then_acts_is_a_party(knowledge):
    # the group that tells is the source; the one it says raided the camp acted
    text = ("The local defence force said regime soldiers raided a camp for displaced people in Pekon Township "
            "on Monday, killing three villagers.")
    event = _main(knowledge, text)
    assert event.actor1_id == "military_myanmar"
    assert event.actor2_id == "civilians_myanmar"


def test_the_actor_after_said_who_does_not_act_stays_a_source(knowledge):
    text = ("Two villagers were killed when the army shelled Kyeintali village on Monday, said a spokesman for "
            "the Arakan Army.")
    event = _main(knowledge, text)
    assert event.actor1_id == "military_myanmar"
    assert event.actor2_id == "civilians_myanmar"


def test_a_body_of_the_teller_that_says_it_is_a_source(knowledge):
    # "the NUG's defence ministry said": the NUG tells, it does not fight on the army's side
    text = ("The NUG's Ministry of Defence said that on Tuesday two PDF drone teams struck an army base in "
            "Kalay Township with a dozen drones.")
    event = _main(knowledge, text)
    assert event.actor1_id == "pdf"
    assert event.actor2_id == "military_myanmar"


def test_the_actor_that_qualifies_the_act_after_by_acted(knowledge):
    text = ("Nine displaced people, among them four children, were killed by a junta attack on a camp near "
            "Mansi on Monday night.")
    event = _main(knowledge, text)
    assert event.actor1_id == "military_myanmar"
    assert event.actor2_id == "civilians_myanmar"


def test_an_alliance_attack_goes_to_the_member_the_story_is_most_about(knowledge):
    # all three members are listed once; the story then asks one of them (twice): that member is coded
    text = ("Fighters of the Three Brotherhood Alliance attacked a police station near Kutkai on Saturday, killing "
            "six police officers. The alliance groups the Arakan Army, the Myanmar National Democratic Alliance "
            "Army and the Ta'ang National Liberation Army. A TNLA spokesman said he could not confirm the "
            "attack. TNLA troops in the area could not be reached.")
    event = _main(knowledge, text)
    assert {event.actor1_id, event.actor2_id} == {"tnla", "police_myanmar"}


def test_the_sides_of_the_war_around_a_drone_attack_did_not_fly_it(knowledge):
    # nobody is named for the drones: the sides of "weeks of fighting between X and Y" are the war described
    text = ("A drone attack on families waiting by the river near Maungdaw killed 20 villagers on Monday, the "
            "deadliest assault on civilians during weeks of fighting between junta troops and the rebels.")
    event = _main(knowledge, text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1_id == "unidentified_armed_group"
    assert event.actor2_id == "civilians_myanmar"


def test_a_drone_attack_by_a_named_force_keeps_it(knowledge):
    text = "Junta drones struck a monastery in Ye-U Township on Monday, killing four villagers."
    event = _main(knowledge, text)
    assert event.actor1_id == "military_myanmar"


def test_an_armed_group_telling_a_fight_with_no_side_named_is_a_side(knowledge):
    text = ("According to the Kachin Independence Army, an army helicopter was shot down on Monday morning "
            "near a village in Mansi Township.")
    event = _main(knowledge, text)
    assert event.event_type == "Battles"
    assert {event.actor1_id, event.actor2_id} == {"kia", "military_myanmar"}


def test_an_allied_group_is_on_the_side_it_is_named_with(knowledge):
    text = ("On Monday, junta troops and allied Shanni Nationalities Army forces tried to advance on two villages "
            "in Hpakant Township, but the Kachin Independence Army fought back, sparking clashes.")
    event = _main(knowledge, text)
    assert event.event_type == "Battles"
    assert {event.actor1_id, event.actor2_id} == {"kia", "military_myanmar"}


def test_a_massacre_told_without_its_killers_takes_the_ones_the_next_sentences_name(knowledge):
    text = ("A massacre near Hpruso left 20 villagers dead on Monday, residents said. Photos showed bodies in a "
            "burned truck; the victims were reportedly shot by government troops as they fled.")
    event = _main(knowledge, text)
    assert event.event_type == "Violence against civilians"
    assert event.actor1_id == "military_myanmar"


def test_a_massacre_nobody_is_named_for_stays_unidentified(knowledge):
    text = "A massacre near Hpruso left 20 villagers dead on Monday, residents said. The bodies were found in a truck."
    event = _main(knowledge, text)
    assert event.actor1_id == "unidentified_armed_group"


def test_a_strike_with_no_victims_hit_the_group_whose_base_a_later_sentence_names(knowledge):
    text = ("Military jets bombed the hills near Thantlang on Monday, a local official said. "
            "Refugees reached two Indian villages on Tuesday. "
            "The airstrikes targeted the headquarters of the Chin National Army, residents said.")
    event = _main(knowledge, text)
    assert event.actor1_id == "military_myanmar"
    assert event.actor2_id == "cna"


def test_a_strike_that_killed_villagers_still_hit_civilians(knowledge):
    text = ("Military jets bombed a village near Thantlang on Monday, killing four villagers. "
            "Other airstrikes last month targeted the headquarters of the Chin National Army.")
    event = _main(knowledge, text)
    assert event.actor2_id == "civilians_myanmar"


def test_its_troops_after_said_are_the_tellers_own_not_the_army(knowledge):
    # "troops" alone reads as the army; after "said ... its" they are the group that tells it
    text = ("The Arakan Army said on Tuesday that its troops had captured the headquarters of the military's "
            "Western Regional Command in Ann town, Rakhine State, after weeks of fighting.")
    event = _main(knowledge, text)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert (event.actor1_id, event.actor2_id) == ("ula_aa", "military_myanmar")


def test_the_quick_word_test_before_the_source_pattern_never_changes_its_answer():
    # _told_by_source skips _SOURCE_BEFORE where none of its words is in the window: the same match on every
    # 60-character window before every word of the gold set, and on windows made to hold each branch's words
    from bench.eval_extraction import load_gold
    from tasks.extract.actors import _SOURCE_BEFORE, _told_by_source

    windows = ["according to the ", "in territory under the ", "a video posted by the ", "an area run by ",
               "his ſpokesman for the ", "/ Htantabin ", "quoting a local ", "KIA-held ", "run by the Arakan "]
    for article in load_gold():
        text = article["text"]
        windows += [text[max(0, m.start() - 60):m.start()] for m in re.finditer(r"\b\w", text)]
    assert len(windows) > 3000 and sum(_SOURCE_BEFORE.search(window) is not None for window in windows) > 200
    for window in windows:
        quick, full = _told_by_source(window), _SOURCE_BEFORE.search(window)
        assert (quick and quick.span()) == (full and full.span()), window
