"""Relevance cues learnt from real reporting (issue 14, session 7b: courts, speeches, anniversaries, arms seized
abroad), each with sentences the team invented."""

from __future__ import annotations

import pytest

from tasks.mention_context import PAGE_FURNITURE, repeated_title_lead
from tasks.tag import tag_article

_COURT_BODY = ("A special court in Naypyitaw handed the former chief minister a seven-year prison term on Tuesday "
               "for corruption, a person close to the case said. He has been held since the military took power "
               "in 2021, and the junta has brought more than a dozen charges against him. Rights groups say the "
               "trials are meant to keep opposition leaders out of politics.")


def test_a_prison_term_in_the_headline_is_a_courts_story(knowledge):
    tags = tag_article(knowledge, "Myanmar junta sentences ex-minister to seven years in prison", _COURT_BODY)
    assert not tags.relevant and tags.rule == "off_topic_lead"


def test_a_court_word_does_not_outweigh_an_armed_attack_in_the_lead(knowledge):
    tags = tag_article(
        knowledge, "PDF fighters attack junta court compound in Monywa, killing two soldiers",
        "Resistance fighters attacked a court compound guarded by junta soldiers in Monywa, Sagaing Region, on "
        "Monday morning, killing two soldiers, the local PDF said. Troops later raided nearby wards.")
    assert tags.relevant


def test_a_headline_repeated_as_the_first_line_leads_with_the_sentence_after_it(knowledge):
    title = "Myanmar junta jails former minister for 12 years"
    text = f"{title}\n\n{_COURT_BODY}"
    assert not tag_article(knowledge, title, text).relevant
    units = [(0, len(title)), (len(title) + 2, len(text))]
    assert repeated_title_lead(title, text, units) == 2
    assert repeated_title_lead("Another headline here", text, units) == 0


def test_a_sharing_widget_is_no_headline():
    for line in ("Connect to share and comment", "Share this article", "Sign in to comment", "Share on Facebook"):
        assert PAGE_FURNITURE.fullmatch(line), line
    assert not PAGE_FURNITURE.fullmatch("Shares of Yangon bank fall after junta order")


def test_an_anniversary_under_a_sharing_widget_is_history(knowledge):
    tags = tag_article(
        knowledge, "Connect to share and comment",
        "Myanmar remembers the student uprising, 30 years later\n\nHundreds of former students gathered in "
        "Yangon on Monday to lay flowers for those killed when soldiers crushed the protests of 1988. Speakers "
        "recalled how troops fired on crowds and how thousands fled to the border to take up arms.")
    assert not tags.relevant


def test_a_reply_to_a_speech_is_words_not_acts(knowledge):
    tags = tag_article(
        knowledge, "Opposition responds to Myanmar junta chief's speech",
        "The National Unity Government rejected the junta leader's vow, made in a speech in Naypyitaw, to crush "
        "the People's Defence Force and the ethnic armed groups that support it. A spokesman said the military "
        "was losing ground and would be held to account for its crimes.")
    assert not tags.relevant and tags.rule == "off_topic_lead"


def test_an_armed_groups_attack_answers_a_commemoration_even_with_a_terse_verb(knowledge):
    tags = tag_article(
        knowledge, "KIA attacks junta outposts on anniversary of the coup",
        "The Kachin Independence Army attacked three junta outposts near Waingmaw on Tuesday, the anniversary of "
        "the coup, a KIA officer said. Fighting went on into the night.")
    assert tags.relevant


def test_an_assault_rifle_is_a_weapon_not_an_assault_and_arms_recovered_abroad_are_no_act(knowledge):
    tags = tag_article(
        knowledge, "",
        "Aizawl, May 3 Indian border troops recovered a cache of arms in Mizoram's Champhai district, which "
        "shares a border with Myanmar, officials said on Friday. The team recovered two assault rifles, six "
        "hand grenades, a mortar and 40 rounds of ammunition near the Tiau river. The items were handed to "
        "the police. Officials say Chin State is a route for smuggled drugs and arms.")
    assert not tags.relevant
    assert tags.evidence["components"]["core"] < 0.5


def test_arms_seized_by_the_junta_from_a_rebel_camp_stay_the_wars(knowledge):
    tags = tag_article(
        knowledge, "Junta troops overrun PDF camp in Tabayin",
        "Junta soldiers overran a People's Defence Force camp in Tabayin Township, Sagaing Region, on Sunday after "
        "a two-hour clash and seized rifles, grenades and a mortar, state media said. Two resistance fighters were "
        "killed, the PDF said.")
    assert tags.relevant


def test_a_term_of_years_told_with_a_jailing_is_a_courts_even_in_a_bare_headline(knowledge):
    assert not tag_article(knowledge, "Myanmar junta jails ousted leader for six years", "").relevant
    assert not tag_article(knowledge, "Myanmar junta sentences reporter to 12 years", "").relevant
    # a killing by the junta's troops answers it: "killed" is an untyped conflict word, told with its armed agent
    assert tag_article(knowledge, "Junta troops kill five villagers in Magway, jail 20 for three years", "").relevant


def test_years_without_a_jailing_are_no_prison_term(knowledge):
    from tasks.mention_context import prison_terms
    assert prison_terms(knowledge, "Fighting has gone on for three years in Kayah State.") == []
    found = prison_terms(knowledge, "The court jailed him for 20 years on Monday.")
    assert [m.text for m in found] == ["for 20 years"] and found[0].ref_ids == ("prison term",)


def test_naming_a_group_terrorist_is_words_unless_an_act_is_told(knowledge):
    assert not tag_article(knowledge, "Myanmar junta labels Arakan Army a terrorist group", "").relevant
    assert not tag_article(knowledge, "Junta declares NUG and its militias terrorist organisations", "").relevant
    assert tag_article(knowledge, "PDF ambush kills 12 troops of the 'terrorist group' in Sagaing", "").relevant


@pytest.mark.parametrize("text", [
    "Myanmar junta frees 3,000 prisoners in New Year amnesty\n\nThe military government released more than 3,000 "
    "prisoners from Insein and other jails on Tuesday under an amnesty marking the new year, state media said.",
    "Military pardons 800 inmates\n\nMyanmar's military council pardoned 800 inmates on Monday, including 20 "
    "foreigners, in an amnesty announced on state television; no political prisoners were among them, lawyers said.",
])
def test_a_prisoner_amnesty_is_not_an_event_of_the_war(knowledge, text):
    title, body = text.split("\n\n", 1)
    assert not tag_article(knowledge, title, body).relevant
