"""Relevance cues learnt from real reporting (issue 14, session 6), each with sentences the team invented."""

from __future__ import annotations

from tasks.mention_context import without_story_menu
from tasks.tag import tag_article

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


# --- the coup recalled, goods seized, a campaign "fought": trigger words that tell no act --------------

def test_the_coup_recalled_is_no_signal_but_a_headlines_own_coup_is(knowledge):
    recalled = tag_article(knowledge, "Myanmar's junta chief flies to Minsk, his third trip since the coup", "")
    assert not recalled.relevant and recalled.evidence["components"]["core"] == 0.0
    own = tag_article(knowledge, "Myanmar coup: army detains civilian leaders in Naypyitaw", "")
    assert own.relevant


def test_drugs_seized_by_police_are_no_capture_and_their_arrests_no_political_violence(knowledge):
    tags = tag_article(
        knowledge, "Police seize 80 kg of heroin in Tachileik",
        "Anti-narcotics police in Tachileik Township, Shan State, seized 80 kg of heroin and two million stimulant "
        "tablets from a truck on Tuesday and arrested the driver, the police said. The drugs were bound for the "
        "Thai border. Another two men were arrested in Kengtung on Wednesday with 5 kg of heroin in their car.")
    assert not tags.relevant and tags.evidence["components"]["core"] == 0.0


def test_a_base_seized_by_an_armed_group_stays_a_capture(knowledge):
    tags = tag_article(
        knowledge, "Arakan Army seizes junta battalion base in Paletwa",
        "The Arakan Army said on Monday it had seized a junta battalion base near Paletwa in Chin State after "
        "three days of fighting, taking dozens of soldiers prisoner.")
    assert tags.relevant


def test_a_campaign_against_terrorism_is_not_fighting(knowledge):
    tags = tag_article(
        knowledge, "",
        "Myanmar's junta chief and a foreign security official on Tuesday pledged to strengthen ties between their "
        "countries. The two sides discussed the fight against terrorism and regional security, the junta said. "
        "The military chief also met arms makers during his visit.")
    assert not tags.relevant


# --- leads: refugees abroad, breadcrumbs and section labels ---------------------------------------------

def test_refugee_policy_abroad_in_the_lead_is_the_host_countrys_story(knowledge):
    tags = tag_article(
        knowledge, "India's Mizoram will not send back refugees from Chin State, minister says",
        "The government of Mizoram will not deport the refugees from Myanmar's Chin State sheltering in its "
        "villages, a state minister told the assembly on Monday. About 30,000 people have crossed since 2021, "
        "fleeing fighting between the military and resistance forces, aid groups say, and many live in schools.")
    assert not tags.relevant and tags.rule == "off_topic_lead"


def test_a_breadcrumb_title_and_a_section_label_do_not_lead(knowledge):
    body = ("Business Daily\nWorld\nThailand to deport 200 Myanmar refugees held in Mae Sot\n"
            "Thai immigration police will send 200 Myanmar migrant workers detained in Mae Sot back across the "
            "border on Friday, officials said. The workers fled Myanmar's Kayin State after the military "
            "bombed their villages, they told a rights group.")
    tags = tag_article(knowledge, "You are here: Home » News » Asia", body)
    assert not tags.relevant and tags.rule == "off_topic_lead"


def test_militants_expected_at_a_place_abroad_in_the_lead_are_the_host_countrys_story(knowledge):
    tags = tag_article(
        knowledge, "",
        "Officials in Manipur's Churachandpur district said on Friday that fighters trained in drone warfare "
        "may have crossed from Myanmar, and asked for more patrols. In Myanmar, resistance forces have been "
        "fighting the junta and overran bases in Chin State this year.")
    assert not tags.relevant and tags.rule == "off_topic_lead"


def test_a_dateline_abroad_is_not_where_the_story_happens(knowledge):
    tags = tag_article(
        knowledge, "",
        "BANGKOK (AP) \u2014 Thousands of villagers have fled their homes in Myanmar this week, aid groups said. "
        "Resistance fighters and junta troops have clashed near their villages in Sagaing Region for days, and "
        "jets bombed two villages on Monday.")
    assert tags.relevant


def test_a_foreign_government_speaking_about_killings_in_myanmar_is_no_place_abroad(knowledge):
    assert tag_article(knowledge, "Singapore says it is dismayed by killings of protesters in Myanmar", "").relevant


def test_police_at_a_place_abroad_are_that_countrys(knowledge):
    tags = tag_article(
        knowledge, "",
        "Coast guard officers said on Wednesday they had found 300,000 pills in sacks dropped on a beach near "
        "Teknaf. The men who carried them fled when officers from Teknaf police station approached, and no one "
        "was arrested, the officers said.")
    assert not tags.relevant and "police_myanmar" not in tags.actors


def test_migrants_arrested_for_illegal_entry_abroad_are_not_the_war(knowledge):
    tags = tag_article(
        knowledge, "Thai police arrest 60 Myanmar migrants for illegal entry",
        "Police and soldiers in Tak province arrested 60 Myanmar nationals who crossed the border illegally on "
        "Sunday, officials said. The migrants told police they had paid brokers to find them factory jobs near "
        "Bangkok and had walked for three days. They were charged with illegal entry and will be sent back.")
    assert not tags.relevant and tags.rule == "off_topic_lead"


def test_a_weapons_purpose_is_no_act_but_a_strike_on_a_day_is(knowledge):
    notice = tag_article(
        knowledge, "",
        "A government on Wednesday added two traders to its sanctions list for supplying jet fuel to Myanmar's "
        "military for use in airstrikes. The fuel is what the junta uses to launch airstrikes, officials said.")
    assert not notice.relevant and notice.rule == "off_topic_lead"
    strike = tag_article(knowledge, "", "Myanmar's military carried out airstrikes on two villages in Sagaing "
                                        "Region on Wednesday, killing seven people, residents said.")
    assert strike.relevant


def test_talks_with_no_armed_group_are_no_truce_but_talks_with_one_are(knowledge):
    assert not tag_article(knowledge, "Myanmar junta chief flies to Minsk for talks", "").relevant
    assert tag_article(knowledge, "KIA and junta hold talks in Kunming", "").relevant
