"""Role and type rules from round 11 of issue 14 (actors and types on real reporting), each checked in
several phrasings of the team's own (wire, exile media, feature), never copied from an article."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events

PUBLISHED = date(2024, 3, 6)   # a Wednesday


def _main(knowledge, text: str, published: date = PUBLISHED):
    events = extract_events(knowledge, "", text, published)
    assert events, text
    return events[0]


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
