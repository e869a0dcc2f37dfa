"""Role and type rules from round 11 of issue 14 (actors and types on real reporting), each checked in
several phrasings of the team's own (wire, exile media, feature), never copied from an article."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events
from tests.first_event import first_event

PUBLISHED = date(2024, 3, 6)   # a Wednesday


def _main(knowledge, text: str, published: date = PUBLISHED):
    return first_event(knowledge, text, published)


@pytest.mark.parametrize("text", [
    "Save the Children said two of its staff were among 35 people killed when troops attacked vehicles on a "
    "road in Hpruso Township on Friday.",
    "Residents said four villagers killed during a raid by soldiers on Nyaung Pin village in Myinmu Township on "
    "Monday were buried the next day.",
    "The bodies of the 12 residents killed when regime forces attacked Thit Kyar village in Kani on Tuesday were "
    "found in a field, a local aid worker said.",
])
def test_people_killed_told_by_the_participle_alone_make_a_one_sided_attack(knowledge, text):
    # "N people killed when troops attacked": no armed opponent, the dead are villagers: an attack on civilians
    event = _main(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1_id == "military_myanmar"
    assert event.actor2_id == "civilians_myanmar"


@pytest.mark.parametrize("text, target", [
    ("An MNDAA outpost near Lashio came under attack from military aircraft on Tuesday, the group said.", "mndaa"),
    ("Military aircraft bombed a TNLA base in Namhsan Township on Monday, a spokesman for the group said.", "tnla"),
    ("KIA positions near Momauk were struck on Sunday by military aircraft, according to local residents.", "kia"),
])
def test_a_trigger_naming_the_states_weapon_is_the_state_acting(knowledge, text, target):
    event = _main(knowledge, text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1_id == "military_myanmar"
    assert event.actor2_id == target


def test_a_state_aircraft_shot_down_keeps_the_shooter_as_actor1(knowledge):
    event = _main(knowledge, "The KIA said it shot down a military aircraft near Bhamo on Monday.")
    assert event.actor1_id == "kia"


@pytest.mark.parametrize("text, actor1", [
    ("The Assistance Association for Political Prisoners said security forces killed seven protesters in "
     "Mandalay on Saturday.", "military_myanmar"),
    ("Police killed at least four young demonstrators in Monywa on Sunday as they cleared a barricade, "
     "witnesses told reporters.", "police_myanmar"),
    ("Soldiers gunned down three protesters on a street in Kale on Friday afternoon, according to a local "
     "news outlet.", "military_myanmar"),
])
def test_a_force_that_killed_counted_protesters_used_lethal_force_on_a_protest(knowledge, text, actor1):
    event = _main(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert event.actor1_id == actor1
    assert event.actor2_id == "protesters_myanmar"


@pytest.mark.parametrize("text, actor1, actor2", [
    ("The PDF said it killed 12 junta soldiers near Kani on Monday.", "pdf", "military_myanmar"),
    ("KNLA fighters killed at least seven police officers at a checkpoint in Kawkareik on Tuesday, the group said.",
     "knla", "police_myanmar"),
    ("State media said army troops killed five resistance fighters in Myaing Township on Sunday.",
     "military_myanmar", "pdf"),
])
def test_a_killing_of_counted_combatants_is_a_fight(knowledge, text, actor1, actor2):
    event = _main(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.actor1_id, event.actor2_id) == (actor1, actor2)


def test_a_disaster_that_killed_soldiers_is_no_fight(knowledge):
    assert extract_events(knowledge, "", "The earthquake killed 30 soldiers at a base in Sagaing on Friday.", PUBLISHED) == []


@pytest.mark.parametrize("text", [
    "The UN special envoy met junta leaders in Naypyitaw on Monday and called for an end to airstrikes on civilians.",
    "Rights groups on Tuesday demanded a halt to the shelling of villages near Laiza.",
    "ASEAN ministers urged an immediate cessation of all air strikes in Myanmar at their meeting in Kuala Lumpur on Friday.",
])
def test_an_act_someone_wants_ended_is_no_event(knowledge, text):
    assert extract_events(knowledge, "", text, PUBLISHED) == []


@pytest.mark.parametrize("text", [
    "Russia has supplied fighter jets and helicopters used by the Myanmar military in airstrikes on villages.",
    "China delivered armed drones to the junta last year, according to a report by a rights group.",
    "The regime has bought military aircraft from Russia and drones from China since 2021, the report said.",
])
def test_weapons_traded_or_told_by_their_use_are_no_strike(knowledge, text):
    assert extract_events(knowledge, "", text, PUBLISHED) == []


def test_a_strike_told_after_a_call_to_end_strikes_is_still_an_event(knowledge):
    text = "Junta jets bombed a village in Kani Township on Monday, days after the UN called for an end to airstrikes."
    event = _main(knowledge, text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1_id == "military_myanmar"


def test_the_tagger_does_not_count_an_act_someone_wants_ended(knowledge):
    from tasks.tag import tag_article

    text = ("The UN special envoy on Myanmar met junta leaders in Naypyitaw on Monday and called for an end to "
            "airstrikes on civilians, the UN said. Her visit is the first by a UN envoy in a year.")
    assert not tag_article(knowledge, "UN envoy visits Naypyitaw, calls for end to airstrikes", text).relevant


@pytest.mark.parametrize("text, actor1, target", [
    ("An ambush on a junta convoy near Gangaw on Monday killed nine soldiers, the local defence force said.",
     "ldf", "military_myanmar"),
    ("A drone attack on a junta base in Myingyan on Sunday wounded five soldiers, a PDF spokesman said.",
     "pdf", "military_myanmar"),
    ("The raid on a police outpost near Kawlin early on Tuesday left three officers dead, according to the "
     "People's Defence Force.", "pdf", "police_myanmar"),
])
def test_what_an_attack_was_on_is_its_target_not_its_doer(knowledge, text, actor1, target):
    event = _main(knowledge, text)
    assert event.actor2_id == target
    assert event.actor1_id == actor1


@pytest.mark.parametrize("text, target", [
    ("The TNLA said its positions near Mogoke were targeted by military drones on Sunday.", "tnla"),
    ("KIA outposts near Laiza were hit by junta fighter jets on Monday night, a KIA officer told reporters.", "kia"),
    ("Regime warplanes bombed an AA camp near Kyauktaw on Tuesday, residents said.", "ula_aa"),
])
def test_the_states_word_before_a_weapon_makes_the_state_the_one_striking(knowledge, text, target):
    event = _main(knowledge, text)
    assert event.sub_event_type == "Air/drone strike"
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", target)


@pytest.mark.parametrize("text", [
    "A bridge on the highway near Myawaddy was bombed on Monday by an anti-junta group, officials said.",
    "An anti-regime group bombed a telecom tower in Wundwin Township on Friday night, state media reported.",
    "The PDF bombed a junta-run ward office in Monywa on Thursday, the group said in a statement.",
])
def test_a_rebel_bombing_with_no_aircraft_told_is_a_planted_bomb(knowledge, text):
    event = _main(knowledge, text)
    assert event.actor1_id == "pdf"
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_a_rebel_bombing_with_drones_stays_a_drone_strike(knowledge):
    event = _main(knowledge, "The KIA bombed a junta outpost with drones near Bhamo on Monday.")
    assert (event.actor1_id, event.sub_event_type) == ("kia", "Air/drone strike")


@pytest.mark.parametrize("text, actor1", [
    ("A landmine exploded under a military truck near Chaung-U on Tuesday, killing six soldiers.",
     "unidentified_armed_group"),
    ("Two junta soldiers, including a major, were killed in a bomb attack in Sanchaung on Monday, residents said.",
     "unidentified_armed_group"),
    ("A roadside bomb hit a junta convoy near Myaing on Monday, killing four soldiers, the local PDF said.", "pdf"),
])
def test_a_blast_that_hit_the_states_own_is_not_the_states_act(knowledge, text, actor1):
    event = _main(knowledge, text)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert (event.actor1_id, event.actor2_id) == (actor1, "military_myanmar")


def test_a_mine_the_army_planted_that_killed_villagers_stays_the_armys(knowledge):
    event = _main(knowledge, "A landmine planted by junta troops killed two children in Mindat on Monday.")
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")


@pytest.mark.parametrize("text", [
    "Civilian fighters killed three junta soldiers during a shootout in Mandalay's Pyigyitagon Township on Monday.",
    "Junta jets bombed civilian resistance fighters in Sagaing Region's Kani Township on Tuesday.",
    "Civilian forces clashed with regime troops near Myaung on Wednesday, a local resident said.",
])
def test_civilian_fighters_are_the_resistance_not_civilians(knowledge, text):
    event = _main(knowledge, text)
    assert "pdf" in (event.actor1_id, event.actor2_id)
    assert "civilians_myanmar" not in (event.actor1_id, event.actor2_id)


@pytest.mark.parametrize("text, victims", [
    ("Two civilians were killed when junta soldiers opened fire in Kani Township on Monday.", "civilians_myanmar"),
    ("Two monks were shot dead after junta soldiers raided a monastery in Kani on Tuesday.", "civilians_myanmar"),
    ("Six PDF fighters were killed when junta troops attacked their camp near Pale on Monday.", "pdf"),
])
def test_the_doer_of_a_passive_toll_is_the_subject_of_the_clause_after_it(knowledge, text, victims):
    event = _main(knowledge, text)
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", victims)


@pytest.mark.parametrize("text, actor1", [
    ("Police killed three people in Monywa on Sunday as protesters launched night demonstrations against the regime.",
     "police_myanmar"),
    ("Two people were killed during overnight protests in Yangon's North Okkalapa Township, local media said.",
     "military_myanmar"),
    ("Soldiers opened fire on a rally in Kale on Sunday, leaving three marchers dead, witnesses said.",
     "military_myanmar"),
])
def test_a_protest_told_with_a_killing_in_its_sentence_is_lethal_force(knowledge, text, actor1):
    event = _main(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert (event.actor1_id, event.actor2_id) == (actor1, "protesters_myanmar")


def test_a_peaceful_protest_after_an_earlier_killing_stays_peaceful(knowledge):
    event = _main(knowledge, "Protesters marched in Mandalay on Sunday, a day after police shot dead two students.")
    assert event.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "Locals accuse the Myanmar army of murdering four villagers in Depayin Township on Monday.",
    "Residents blame junta troops for killing three villagers in Kani on Monday.",
    "Relatives accused soldiers of shooting dead two farmers near Myaung on Tuesday, a local news site reported.",
])
def test_the_accused_is_the_doer_and_the_accuser_a_source(knowledge, text):
    event = _main(knowledge, text)
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")


@pytest.mark.parametrize("text", [
    "Myanmar protesters defy deadly crackdown, five killed in Mandalay",
    "At least three people died in protests in Monywa on Saturday, a rescue worker said.",
    "Protests continued in Bago on Friday as the crackdown left at least six people dead, residents said.",
])
def test_deaths_told_in_a_protests_sentence_are_lethal_force_by_the_state(knowledge, text):
    event = _main(knowledge, text)
    assert event.sub_event_type == "Excessive force against protesters"
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "protesters_myanmar")


@pytest.mark.parametrize("text, target", [
    ("Two police officers were killed on Thursday night when gunmen attacked a police station in Yangon's Hlaing "
     "Tharyar Township, state media said.", "police_myanmar"),
    ("Attackers ambushed a junta convoy near Myingyan on Monday, killing three soldiers, residents said.",
     "military_myanmar"),
    ("A group of armed men raided a police outpost in Kalay on Sunday night and seized weapons, police said.",
     "police_myanmar"),
])
def test_a_fight_on_the_state_with_no_attacker_named_is_an_unidentified_groups(knowledge, text, target):
    event = _main(knowledge, text)
    assert event.event_type == "Battles"
    assert (event.actor1_id, event.actor2_id) == ("unidentified_armed_group", target)


@pytest.mark.parametrize("text", [
    "The TNLA said it had overrun three outposts on Saturday.",
    "The Arakan Army said on Thursday it had captured two junta camps near Ann on Wednesday.",
    "A spokesman said resistance fighters had seized four military posts in Tabayin early on Monday.",
])
def test_places_taken_on_a_day_of_their_own_are_an_event_not_a_tally(knowledge, text):
    event = _main(knowledge, text)
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_a_running_count_of_towns_taken_is_a_tally(knowledge):
    assert extract_events(knowledge, "", "The AA has captured 14 towns since November, the group said.", PUBLISHED) == []


@pytest.mark.parametrize("title, text, actor1", [
    ("Survivors recount junta raid on Sagaing village",
     "When the soldiers came at dawn on Sunday, the family ran into the forest. Troops from an infantry battalion "
     "killed seven villagers and burned 100 homes during the raid, residents said.", "military_myanmar"),
    ("Kachin State: KIA fighters ambush convoy near Bhamo",
     "Fighters ambushed a supply convoy on the road on Monday, killing six soldiers, a spokesman said.", None),
    ("Myanmar: troops shell Rakhine village",
     "Troops fired shells into the village on Tuesday night, killing two children, residents said.", "military_myanmar"),
])
def test_a_body_under_a_myanmar_headline_is_anchored_by_it(knowledge, title, text, actor1):
    events = extract_events(knowledge, title, text, PUBLISHED)
    assert events
    if actor1:
        assert events[0].actor1_id == actor1
    else:
        assert "military_myanmar" in (events[0].actor1_id, events[0].actor2_id)


@pytest.mark.parametrize("text, actor1, actor2", [
    ("The Myanmar military retook the town of Hsipaw on Tuesday after the Ta'ang National Liberation Army withdrew "
     "its fighters under a China-brokered agreement, state media said.", "military_myanmar", "tnla"),
    ("The MNDAA handed over Lashio to the military on Tuesday under a Chinese-brokered deal.", "military_myanmar",
     "mndaa"),
    ("Junta troops abandoned their base in Kawlin on Monday and KIA fighters moved in, residents said.", "kia",
     "military_myanmar"),
])
def test_a_place_handed_over_has_the_side_that_gave_it_up(knowledge, text, actor1, actor2):
    event = _main(knowledge, text)
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert (event.actor1_id, event.actor2_id) == (actor1, actor2)


@pytest.mark.parametrize("text, actor1, target, sub", [
    ("The drone strike on the administrative office and police station in Kyaukkyi Township on Monday morning "
     "killed two officers, the KNLA said.", "knla", "police_myanmar", "Air/drone strike"),
    ("A bomb attack on a police station in Yangon's Tamwe Township on Tuesday wounded two officers, state media said.",
     "unidentified_armed_group", "police_myanmar", "Remote explosive/landmine/IED"),
    ("A drone strike on a military camp in Kani on Monday killed three soldiers.", "pdf", "military_myanmar",
     "Air/drone strike"),
])
def test_a_strike_on_the_states_post_is_by_the_other_side(knowledge, text, actor1, target, sub):
    event = _main(knowledge, text)
    assert event.sub_event_type == sub
    assert (event.actor1_id, event.actor2_id) == (actor1, target)
