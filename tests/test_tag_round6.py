"""Relevance cues learnt from real reporting (issue 14, session 6), each with sentences the team invented."""

from __future__ import annotations

from tasks.tag import tag_article, without_story_menu

_MENU = ("- Resistance fighters seize junta outpost in Kani Township\n"
         "- Three villagers killed in junta airstrike on Sagaing village\n"
         "- Landmine blast wounds farmer near Kyaukme\n")


def test_a_menu_of_other_headlines_above_the_story_is_not_its_lead(knowledge):
    story = ("Ginger growers in Shan State expect record prices this season\n"
             "Farmers in Shan State's Hsipaw Township say ginger prices have doubled since last year, as traders "
             "from the border buy up the harvest. Growers said the higher price would help them repay loans taken "
             "for seed and fertiliser, though transport costs on the highway have also risen.")
    tags = tag_article(knowledge, "- Junta bombs monastery in Magway Region, killing five", _MENU + story)
    assert not tags.relevant


def test_a_war_story_under_a_menu_stays_relevant(knowledge):
    story = ("Junta shelling kills two children in Rakhine village\n"
             "Artillery shells fired by regime troops landed in a village in Rakhine State's Minbya Township on "
             "Monday afternoon, killing two children and wounding four adults, residents said. The Arakan Army "
             "and junta forces have been fighting near the township for a week.")
    tags = tag_article(knowledge, "- Teachers protest pay cuts in Sittwe", _MENU + story)
    assert tags.relevant


def test_one_bullet_or_a_bulleted_body_keeps_its_text():
    assert without_story_menu("Title", "- only one item\nProse follows here.") == ("Title", "- only one item\nProse follows here.")
    title, text = without_story_menu("- first item", "- second item\nThe story.")
    assert title == "" and text.strip() == "The story." and len(text) == len("- second item\nThe story.")
