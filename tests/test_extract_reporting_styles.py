"""Extraction rules for how different outlets write: verb forms, passive agents, asides, history, state media.

Each sentence here is written for the test (not taken from the gold or held-out sets) and checks one
general rule; the held-out set in tests/data/holdout_events measures them together.
"""

from datetime import date

from tasks.extract import extract_events
from tasks.extract.numbers import find_counts
from tasks.extract.sentences import find_dateline
from tasks.matcher import Pattern, PatternMatcher, _fold_text, _fold_with_map, _FOLD_TABLE, verb_forms

PUBLISHED = date(2024, 5, 16)  # a Thursday


def _events(knowledge, text: str, title: str = "", published: date = PUBLISHED):
    return extract_events(knowledge, title, text, published, "t")


def test_phrase_triggers_match_every_form_of_their_leading_verb():
    matcher = PatternMatcher([Pattern("trigger", "take control", "take control", inflects=True)])
    for text in ("rebels taking control of the town", "they took control", "it has taken control", "X takes control"):
        assert [h.patterns[0].ref_id for h in matcher.scan(text)] == ["take control"], text
    assert matcher.scan("they took a control sample") == []


def test_verb_forms_drop_a_final_e_and_know_irregular_verbs():
    assert {"taking", "took", "taken", "takes"} <= set(verb_forms("take"))
    assert {"seize", "seizing", "seizes"} <= set(verb_forms("seized"))
    assert {"shelled", "shelling"} <= set(verb_forms("shell"))


def test_single_word_trigger_ending_in_e_finds_its_ing_form():
    matcher = PatternMatcher([Pattern("trigger", "seize", "seize", inflects=True)])
    assert [(h.start, h.end) for h in matcher.scan("troops seizing the bridge")] == [(7, 14)]


def test_space_runs_fold_fast_with_the_same_offsets_as_the_slow_path():
    text = "Fighting  in\n\nLashio -- the  MNDAA said.\n\n  Troops   fled."
    fast, slow = _fold_text(text), _fold_with_map(text.translate(_FOLD_TABLE))
    assert fast.lower == slow.lower
    assert [fast.offsets[i] for i in range(len(fast.lower))] == slow.offsets[:-1]


def test_passive_agent_after_a_group_noun_is_actor1(knowledge):
    text = ("A police station in Bilin Township, Mon State, was overrun by a joint force of the Karen National "
            "Liberation Army on Wednesday, residents said.")
    event = _events(knowledge, text)[0]
    assert (event.actor1_id, event.actor2_id) == ("knla", "police_myanmar")


def test_capturing_people_is_not_taking_territory(knowledge):
    text = ("Resistance fighters clashed with junta troops near Kani, Sagaing Region, on Tuesday. "
            "A battalion commander had been captured along with 20 of his men, the group said.")
    assert {e.sub_event_type for e in _events(knowledge, text)} == {"Armed clash"}


def test_seizing_weapons_in_a_battle_is_part_of_the_battle(knowledge):
    text = ("Security forces repelled an attack by PDF fighters on an outpost near Kyaikto, Mon State, on Tuesday, "
            "killing six of them and seizing weapons.")
    event = _events(knowledge, text)[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.actor1_id, event.fatalities) == ("pdf", 6)


def test_coup_and_deals_are_not_acts_of_war(knowledge):
    text = ("The generals, who seized power in a coup, face growing pressure. The group is the latest to strike a deal "
            "with the army in Hsipaw, Shan State, this week.")
    subs = {e.sub_event_type for e in _events(knowledge, text)}
    assert "Non-state actor overtakes territory" not in subs and "Peaceful protest" not in subs


def test_sentence_dated_months_before_publication_is_history(knowledge):
    text = "The Arakan Army captured Paletwa in Chin State in January, the group said."
    assert _events(knowledge, text, published=date(2024, 9, 20)) == []


def test_count_before_an_aside_takes_the_verb_after_it():
    counts = find_counts("Five civilians, among them a nurse and her son, were killed when the shells hit the village.")
    assert [(c.kind, c.value) for c in counts] == [("killed", 5)]


def test_days_of_the_month_are_not_counts_of_people():
    counts = find_counts("Fighters killed at least twelve soldiers in clashes between May 17 and 19, the group said.")
    assert [(c.kind, c.value) for c in counts] == [("killed", 12)]


def test_latest_atrocity_comment_does_not_make_a_count_cumulative():
    counts = find_counts("Soldiers killed 11 villagers, in the latest atrocity since the coup.")
    assert [(c.kind, c.value, c.scope) for c in counts] == [("killed", 11, "event")]


def test_month_name_is_not_a_protest_march(knowledge):
    text = "Troops stormed Kyauk Hlay village in Pauk Township, Magway Region, on 28 March and shot dead 11 men."
    event = _events(knowledge, text, published=date(2024, 4, 2))[0]
    assert event.event_type == "Violence against civilians"


def test_abduction_that_ends_in_killing_is_an_attack(knowledge):
    text = ("Members of a Pyu Saw Htee militia abducted and killed three farmers in Myaing Township, Magway Region, "
            "on Monday.")
    event = _events(knowledge, text)[0]
    assert (event.sub_event_type, event.actor1_id, event.fatalities) == ("Attack", "pyu_saw_htee", 3)


def test_state_recapture_is_government_regains_whatever_the_verb(knowledge):
    text = "Junta troops took control of Kawlin in Sagaing Region on Monday after resistance fighters withdrew."
    event = _events(knowledge, text)[0]
    assert (event.sub_event_type, event.actor1_id) == ("Government regains territory", "military_myanmar")


def test_allies_in_the_subject_are_not_the_opponent(knowledge):
    text = ("A coalition of People's Defence Force battalions and the Kachin Independence Army took control of "
            "Kawlin in Sagaing Region on Monday.")
    event = _events(knowledge, text)[0]
    assert (event.actor1_id, event.actor2_id) == ("pdf", "military_myanmar")


def test_slash_dateline_is_where_the_story_was_filed():
    dateline = find_dateline("BEIJING/BANGKOK, Oct 29 (Reuters) - Talks ended.")
    assert dateline is not None and dateline.date_text == "Oct 29"


def test_state_media_dateline_is_not_the_event_place(knowledge):
    text = ("NAY PYI TAW, 15 May — Security forces repelled an attack by PDF terrorists on an outpost in Kyaikto "
            "Township, Mon State, on 14 May.")
    event = _events(knowledge, text)[0]
    assert event.admin3 == "Kyaikto"


def test_a_camp_for_displaced_people_in_a_township_is_in_that_township(knowledge):
    text = "Junta aircraft bombed a camp for displaced people in Demoso Township on Tuesday, residents said."
    event = _events(knowledge, text)[0]
    assert event.admin3 == "Demoso"


def test_an_unnamed_killing_in_a_protest_story_is_the_force_firing_on_the_protest(knowledge):
    # the killer the sentence leaves unnamed, in a story of security forces firing on marches, is that force
    text = ("Thousands marched against military rule in several towns on Sunday, and security forces opened fire "
            "on the crowds, residents said.\n"
            "Three people were shot and killed in the town of Monywa, a local news outlet reported.")
    events = [e for e in extract_events(knowledge, "Protesters defy the junta; three killed", text, date(2021, 4, 5))
              if e.admin3 == "Monywa"]
    assert events and events[0].sub_event_type == "Excessive force against protesters"
    assert events[0].actor1_id != "unidentified_armed_group" and events[0].actor2_id == "protesters_myanmar"


def test_unknown_gunmen_named_in_a_protest_story_stay_the_attackers(knowledge):
    text = ("Thousands marched against military rule in several towns on Sunday.\n"
            "Unknown gunmen shot dead a ward administrator in Monywa on Sunday night, residents said.")
    events = [e for e in extract_events(knowledge, "Protesters defy the junta", text, date(2021, 4, 5))
              if e.admin3 == "Monywa"]
    assert [(e.sub_event_type, e.actor1_id) for e in events] == [("Attack", "unidentified_armed_group")]


def test_an_act_placed_in_a_campaign_named_by_an_old_year_is_history(knowledge):
    text = ("Soldiers burned down dozens of houses in two villages of Kale Township this week, residents said.\n"
            "Troops also burned down as many as 300 villages in a brutal 2017 campaign in northern Rakhine State.")
    events = _events(knowledge, text, published=date(2022, 2, 5))
    assert [e.admin1 for e in events] == ["Sagaing Region"]


def test_a_campaign_of_this_year_is_no_history(knowledge):
    text = "Troops burned down 40 houses in Kale Township in the 2022 offensive against local defence forces."
    assert _events(knowledge, text, published=date(2022, 2, 5))
