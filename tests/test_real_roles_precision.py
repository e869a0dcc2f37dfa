"""Roles and event precision on wording that recurs across outlets (issue 14, session 10): a force named as
the owner of the place a blast hit is its target; a report that does not know who was behind a blast names
no bomber; crowd-control grenades are no explosion; an act someone is urged to do is not done.
Sentences are the team's own."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract import extract_events

PUBLISHED = date(2024, 3, 6)


def _events(knowledge, text: str):
    return extract_events(knowledge, "", text, PUBLISHED)


@pytest.mark.parametrize("text", [
    "Two bombs fell into a compound next to the township police office in Hpa-an on Monday night, wounding three.",
    "A blast ripped through the gate of an army camp outside Monywa on Sunday, wounding four.",
    "Mortar rounds landed inside the district police station compound in Kawkareik on Tuesday, killing one.",
])
def test_a_force_named_as_the_owner_of_the_place_hit_is_the_target(knowledge, text):
    events = [e for e in _events(knowledge, text) if e.event_type == "Explosions/Remote violence"]
    assert events, text
    assert events[0].actor1_id not in ("police_myanmar", "military_myanmar")
    assert events[0].actor2_id in ("police_myanmar", "military_myanmar")


@pytest.mark.parametrize("text", [
    "A bomb went off outside the township police station in Thaton on Monday, killing two policemen. "
    "Officials did not say who was behind the blast.",
    "Three explosions hit a police post in Myeik on Sunday, wounding five officers. "
    "Local PDF units are active in the area. It was unclear who was responsible.",
    "A bomb exploded at the gate of the district police office in Pathein on Tuesday, wounding two. Neither the police "
    "nor local residents said who was responsible for the attack. The AA holds most of the state.",
])
def test_a_blast_on_the_state_whose_bomber_the_report_does_not_know_is_unidentified(knowledge, text):
    events = [e for e in _events(knowledge, text) if e.event_type == "Explosions/Remote violence"]
    assert events, text
    assert events[0].actor1_id == "unidentified_armed_group"
    assert events[0].actor2_id == "police_myanmar"


@pytest.mark.parametrize("text", [
    "Riot police set off stun grenades as hundreds of protesters marched in Mandalay on Monday.",
    "Police threw sound bombs at the crowd gathered outside the university in Yangon on Sunday.",
    "Demonstrators scattered when officers fired smoke grenades near the market in Monywa on Tuesday.",
])
def test_crowd_control_grenades_are_no_explosion(knowledge, text):
    events = _events(knowledge, text)
    assert events, text
    assert all(e.event_type != "Explosions/Remote violence" for e in events)
    assert any(e.event_type == "Protests" for e in events)


@pytest.mark.parametrize("text", [
    "The local resistance group urged the public to boycott the vote in Minbu on Sunday.",
    "Strike leaders called on residents of Monywa to join a march against the regime on Monday.",
    "The committee asked shop owners in Pakokku to stage a silent strike on Tuesday.",
])
def test_an_act_others_are_urged_to_do_is_no_event(knowledge, text):
    assert not [e for e in _events(knowledge, text) if e.event_type == "Protests"]
