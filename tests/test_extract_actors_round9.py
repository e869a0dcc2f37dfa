"""Actor and toll rules from round 9 of issue 14 (actors and fatalities on fresh real reporting). Each rule has
sentences of the team's own, written for the purpose (never copied from an article)."""

from __future__ import annotations

from datetime import date

from tasks.extract import extract_events

PUBLISHED = date(2024, 3, 6)   # a Wednesday


def _main(knowledge, text: str, published: date = PUBLISHED):
    events = extract_events(knowledge, "", text, published)
    assert events, text
    return events[0]


def test_the_resistance_named_by_its_act_is_the_attacker(knowledge):
    # "a resistance ambush": the word qualifying the attack names who attacked; the soldiers were its target
    text = ("Six army soldiers were killed in a resistance ambush on a supply convoy near Kyaukhtu in Saw "
            "Township on Monday, the local People's Defence Force said.")
    event = _main(knowledge, text)
    assert event.actor1_id == "pdf"
    assert event.actor2_id == "military_myanmar"
