"""Short texts that name no Myanmar country, state or town (issue 14, session 7): what else places them in
Myanmar, and what keeps other countries' wars out. Every sentence here is the team's own invention; the
village names are real village tracts in the gazetteer."""

from __future__ import annotations

import pytest

from tasks.tag import tag_article


@pytest.mark.parametrize("headline", [
    "Massacre of villagers in Yae Yo leaves 14 dead",
    "Soldiers kill three in airstrike on Kyein Kyun village",
    "Gunmen shoot dead two men in Thin Taw Kan",
    "NLD member shot dead by unknown gunmen",
    "USDP office hit by bomb blast, two hurt",
])
def test_a_burmese_village_or_a_myanmar_party_anchors_a_short_report_of_violence(knowledge, headline):
    assert tag_article(knowledge, headline, "").relevant


@pytest.mark.parametrize("headline, lead", [
    # "junta" is Myanmar's only where no other country is named
    ("Junta troops kill 12 in attack on village in central Mali",
     "Soldiers and allied fighters opened fire on villagers near Mopti, a local official said on Tuesday."),
    ("Niger junta troops ambushed near border with Mali",
     "Seventeen soldiers were killed when gunmen attacked their convoy, the defence ministry said."),
    ("Burkina Faso junta says army repelled jihadist attack",
     "The military government said soldiers killed dozens of militants who attacked a base in the north."),
    ("Military seizes power in Gabon, detains president",
     "Army officers appeared on state television to announce they had dissolved the institutions."),
    ("Soldiers shoot dead protesters in Khartoum",
     "Security forces fired live rounds at crowds demonstrating against military rule in the Sudanese capital."),
    ("RSF fighters storm displacement camp near El Fasher",
     "Paramilitary fighters killed at least 40 people when they overran a camp in Darfur, medics said."),
    ("Two rangers killed in bomb attack in Narathiwat",
     "Insurgents detonated a roadside bomb as a patrol passed in Thailand's deep south, police said."),
    # a village name beside a place abroad, or without an act of war, or shaped like a Thai name
    ("Gunmen shoot dead two men in Thin Taw Kan, Mizoram police say", ""),
    ("Kyein Kyun farmers open a new rice mill", "The mill will buy paddy from five villages, the owners said."),
    ("Nam Kham villagers celebrate harvest festival", "Farmers gathered for the annual festival after a good season."),
    ("Flood kills nine in Kyein Kyun village", "Heavy rain sent water through the village overnight, rescuers said."),
    # Myanmar's parties in stories that are not the war's
    ("NLD veterans mark party's founding anniversary in Yangon",
     "A few dozen former members laid flowers at the party's old headquarters."),
    ("Suu Kyi's son appeals for her release on her 80th birthday",
     "He said he had not heard from his mother for more than two years."),
    ("USDP names candidates for next year's vote", "The party said it would contest seats in every township."),
])
def test_other_countries_wars_and_quiet_village_news_stay_out(knowledge, headline, lead):
    assert not tag_article(knowledge, headline, "").relevant
    assert not tag_article(knowledge, headline, lead).relevant


# --- the war as a circumstance, and stories told abroad ---------------------------------------------

@pytest.mark.parametrize("headline, lead", [
    ("Myanmar's rice exports fall amid fighting on trade routes", ""),
    ("Fuel prices soar in Yangon amid conflict", "Petrol cost twice as much as a year ago, drivers said, as imports slowed."),
    ("Gold price hits record in Mandalay due to the war", "Traders said buyers were turning to gold as the kyat weakened."),
    # Myanmar's refugees in a camp abroad, no trigger word in the headline
    ("Rohingya refugees in Cox's Bazar face ration cuts",
     "The food agency said it would cut monthly vouchers for a million refugees who fled violence in Myanmar."),
    # a violent act abroad by that country's own forces
    ("Indian army kills four militants in Manipur gunfight near Myanmar border",
     "Security forces said the militants belonged to a group with camps across the border in Myanmar's Sagaing Region."),
])
def test_the_war_as_a_circumstance_or_a_story_abroad_is_not_the_war(knowledge, headline, lead):
    assert not tag_article(knowledge, headline, lead).relevant


@pytest.mark.parametrize("headline, lead", [
    ("Thousands flee amid fighting in northern Shan State", ""),
    ("Villagers killed amid fierce fighting near Laukkai", ""),
    ("Junta troops raid scam compound amid fighting with Karen forces",
     "Soldiers entered the compound near Myawaddy on Monday as the KNLA attacked an army camp nearby."),
    ("ARSA gunmen kill two Rohingya leaders in Cox's Bazar camp",
     "Bangladesh police said the men were shot dead at night in the Kutupalong camp."),
    ("Myanmar army jets bomb village near Thai border, residents flee to Mae Sot", ""),
])
def test_an_act_told_beside_the_circumstance_or_by_myanmar_actors_abroad_stays_the_wars(knowledge, headline, lead):
    assert tag_article(knowledge, headline, lead).relevant


# --- history and another country's headline --------------------------------------------------------

def test_a_piece_remembering_violence_before_the_coup_is_history(knowledge):
    tags = tag_article(
        knowledge, "Thirty-five years after 8888, survivors recall the massacre",
        "On August 8, 1988, soldiers opened fire on crowds of students and monks in Yangon, killing thousands "
        "over the following weeks. Survivors who now live in exile gathered on the border to remember the "
        "uprising. The army seized power again in September 1988 and ruled for more than two decades. Many said "
        "the crackdown after the 2021 coup had reminded them of that year.")
    assert not tags.relevant


@pytest.mark.parametrize("headline, lead", [
    ("Fighting resumes near Laiza", "Fighting that began in 2011 resumed on Tuesday between the KIA and the army near "
     "Laiza, residents said, and shells landed in two villages."),
    # an old report of its own year's news: no later year named, so its year is no history
    ("Bomb kills two in Myitkyina market", "A bomb exploded in a market in Myitkyina, Kachin State, on 30 July 2016, "
     "killing two vendors, police said. Fighting between the KIA and the army has continued since 2011."),
    ("Villagers mourn 12 killed in junta airstrike", "Residents of a village in Sagaing Region buried the dead on "
     "Monday, a day after a military jet bombed the village, a local resistance group said."),
])
def test_a_current_act_beside_an_old_year_or_a_funeral_stays_the_wars(knowledge, headline, lead):
    assert tag_article(knowledge, headline, lead).relevant


def test_a_headline_naming_another_countrys_army_is_that_countrys_story(knowledge):
    tags = tag_article(
        knowledge, "Thai army chief vows to defend border after clash with Cambodian troops",
        "Thailand's army chief said on Monday troops would respond firmly to any further incursions after a clash "
        "with Cambodian soldiers left two dead. The fighting near a disputed temple was the worst in a decade. "
        "Thailand also faces pressure on its western border, where fighting in Myanmar's Karen State has sent "
        "refugees into Tak province.")
    assert not tags.relevant


# --- weapons traded and mishaps ---------------------------------------------------------------------

@pytest.mark.parametrize("headline, lead", [
    ("Russia delivers six fighter jets to Myanmar's air force",
     "The jets were handed over at a ceremony in Naypyitaw attended by senior generals, state media said."),
    ("Myanmar military jet crashes during training, two pilots killed",
     "The aircraft came down near Magway air base during a routine exercise, the military said."),
    ("Army helicopter crashes after engine failure in Shan State, crew killed",
     "The military said a technical fault brought the aircraft down near Taunggyi on Friday."),
])
def test_weapons_traded_and_mishaps_are_not_acts_of_war(knowledge, headline, lead):
    assert not tag_article(knowledge, headline, "").relevant
    assert not tag_article(knowledge, headline, lead).relevant


@pytest.mark.parametrize("headline", [
    "Junta helicopter crashes after resistance fire, KIA says",
    "Junta bought drones from China and used them to bomb villages in Sagaing",
    "Army base handed over to Arakan Army after siege",
])
def test_a_shoot_down_a_strike_with_bought_drones_and_a_base_handed_over_stay_the_wars(knowledge, headline):
    assert tag_article(knowledge, headline, "").relevant


def test_deaths_counted_among_protesters_are_the_crackdowns(knowledge):
    assert tag_article(knowledge, "Deaths of protesters and passers-by push Myanmar toll past 600", "").relevant
    assert not tag_article(knowledge, "Myanmar protesters die in quake", "").relevant
    assert not tag_article(knowledge, "Myanmar protesters mark anniversary of student deaths in 1988", "").relevant


def test_a_span_since_an_old_year_is_no_history(knowledge):
    tags = tag_article(
        knowledge, "",
        "A junta airstrike killed 20 people in a village in Sagaing Region, the deadliest attack since 2021, "
        "residents said. The village's school had reopened in March 2025.")
    assert tags.relevant


# --- a Myanmar outlet's feed is a prior, not proof ------------------------------------------------

@pytest.mark.parametrize("headline", [
    "Thai soldiers killed in clash with Cambodian troops",
    "Niger junta troops ambushed, 17 soldiers killed",
    "Two rangers killed in bomb attack in Narathiwat",
    "Soldiers shoot dead protesters in Khartoum",
])
def test_a_myanmar_outlets_world_news_is_not_myanmars_war(knowledge, headline):
    assert not tag_article(knowledge, headline, "", outlet_anchor=True).relevant


@pytest.mark.parametrize("headline", [
    "Volunteer night guard shot dead by soldiers",
    "Thousands flee to Thai border as junta bombs town",
])
def test_a_myanmar_outlets_own_news_keeps_the_prior(knowledge, headline):
    assert tag_article(knowledge, headline, "", outlet_anchor=True).relevant
    assert not tag_article(knowledge, "Volunteer night guard shot dead by soldiers", "").relevant
