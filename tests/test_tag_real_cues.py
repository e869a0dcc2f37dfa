"""Relevance cues learnt from real reporting (issue 14, session 5), each with sentences the team invented."""

from __future__ import annotations

import pytest

from tasks.tag import tag_article


# --- precision: what a Myanmar story without the war looks like -------------------------------------

def test_a_commemoration_lead_without_violence_is_history(knowledge):
    tags = tag_article(
        knowledge, "Veterans gather to commemorate the 1988 uprising in Yangon",
        "Hundreds of former students met in Yangon on Sunday for a three-day commemoration of the 1988 "
        "democracy movement. Speakers recalled how the military crushed the protests that year, killing "
        "thousands of demonstrators, and urged young people to study the history of the movement.")
    assert not tags.relevant and tags.rule == "off_topic_lead"


def test_a_retrospective_lead_is_history(knowledge):
    tags = tag_article(
        knowledge, "Ten years on, Kachin families remember the flight from their villages near Laiza",
        "A decade after fighting between the Kachin Independence Army and the military drove them from their "
        "homes, families in camps near Laiza gathered to remember relatives who died in 2011. The KIA's 1994 "
        "ceasefire collapsed in June 2011, when the army attacked a KIA post near a dam project.")
    assert not tags.relevant and tags.rule == "off_topic_lead"


@pytest.mark.parametrize("title", [
    "Silent strike empties Mandalay streets on coup anniversary",
    "Three years on, junta airstrikes still pound Sagaing villages",
    "Junta troops shoot dead two protesters at coup anniversary rally",
])
def test_an_anniversary_with_a_protest_or_violence_in_the_lead_stays_relevant(knowledge, title):
    body = ("Residents of Mandalay stayed at home on Monday as the anniversary of the 2021 coup was marked "
            "across Myanmar. Soldiers and police patrolled the city centre and detained several young people, "
            "according to a local strike committee, which said the regime had threatened shop owners.")
    assert tag_article(knowledge, title, body).relevant


def test_an_accident_lead_with_no_armed_actor_is_not_the_war(knowledge):
    tags = tag_article(
        knowledge, "Bus crash kills 11 on Yangon-Mandalay highway",
        "Eleven passengers were killed and 20 injured when a bus crashed into a bridge in heavy rain on the "
        "highway between Yangon and Mandalay on Monday night, police said. The driver lost control on a wet "
        "bend, a traffic officer told reporters, and the injured were taken to hospital in Bago.")
    assert not tags.relevant and tags.rule == "off_topic_lead"


def test_a_crash_beside_an_armed_actor_in_the_lead_stays_relevant(knowledge):
    tags = tag_article(
        knowledge, "KIA says it shot down junta helicopter, which crashed near Hpakant",
        "The Kachin Independence Army said its fighters hit a military helicopter with anti-aircraft fire on "
        "Tuesday and that the aircraft crashed near Hpakant in Kachin State, killing its crew. The junta has "
        "not commented on the loss of the aircraft or on the fighting in the township.")
    assert tags.relevant


@pytest.mark.parametrize("furniture", ["Latest News", "World", "Advertisement", "CNI News", "December 5, 2021"])
def test_a_page_furniture_title_gives_way_to_the_first_line(knowledge, furniture):
    accident = ("Six killed in Mandalay road accident\n\nSix people were killed and nine injured when a truck "
                "collided with a minibus near Mandalay on Friday, police said. The truck's brakes failed on a "
                "hill, a witness said, and the injured were taken to the city's general hospital by volunteers.")
    war = ("Junta airstrike kills nine in Sagaing village\n\nA military jet bombed a village in Sagaing "
           "Region's Kani Township on Friday, killing nine civilians, residents and a local resistance group "
           "said. Houses were destroyed and hundreds of villagers fled into the forest after the strike.")
    assert not tag_article(knowledge, furniture, accident).relevant
    assert tag_article(knowledge, furniture, war).relevant


def test_an_article_naming_no_warring_party_is_a_statement_not_a_truce(knowledge):
    tags = tag_article(
        knowledge, "",
        "\"We express our deep concern over the escalation of conflict and the humanitarian situation in "
        "Myanmar,\" the regional bloc's foreign ministers said in a joint statement on Friday. The ministers "
        "called for an extended ceasefire, the delivery of humanitarian assistance and an inclusive dialogue, "
        "and agreed to review their peace plan at the next meeting of the bloc's leaders.")
    assert not tags.relevant


def test_an_article_naming_the_parties_to_a_truce_stays_relevant(knowledge):
    tags = tag_article(
        knowledge, "",
        "The Myanmar military and the Ta'ang National Liberation Army agreed to a ceasefire in northern Shan "
        "State on Friday after talks in Kunming, both sides said. The truce covers Namhsan and Mantong, where "
        "fighting had displaced thousands of people, and allows humanitarian assistance to reach them.")
    assert tags.relevant


@pytest.mark.parametrize("title, lead", [
    ("Myanmar nationals in Japan rally against the junta",
     "About 300 Myanmar nationals protested outside the foreign ministry in Japan on Sunday, calling on the "
     "government to stop aid that could reach the military."),
    ("Myanmar junta signs rice export deal with Bangladesh",
     "Myanmar's military government signed an agreement with Bangladesh to sell 100,000 tonnes of rice, "
     "state media said on Monday."),
])
def test_a_protest_or_a_deal_told_abroad_is_not_the_war(knowledge, title, lead):
    assert not tag_article(knowledge, title, lead).relevant


@pytest.mark.parametrize("title, lead", [
    ("China brokers ceasefire between Myanmar junta and MNDAA",
     "The Myanmar military and the MNDAA agreed to a ceasefire after talks hosted by China in Kunming, "
     "Beijing's foreign ministry said on Monday."),
    ("Hundreds protest in Mandalay against the junta",
     "Hundreds of young people protested in Mandalay on Sunday against military rule, despite troops deployed "
     "in the city, witnesses said."),
])
def test_a_truce_with_its_armed_party_or_a_protest_at_home_stays_relevant(knowledge, title, lead):
    assert tag_article(knowledge, title, lead).relevant

def test_a_police_arrest_for_ordinary_crime_is_not_the_war(knowledge):
    tags = tag_article(
        knowledge, "Mandalay police arrest four after motorbike theft spree",
        "Police in Mandalay arrested four young men accused of stealing more than 30 motorbikes from markets "
        "and pagodas since June, a police officer said on Tuesday. Officers found the stolen bikes in a "
        "warehouse in Chanayethazan Township and said the men sold them to buyers in Sagaing.")
    assert not tags.relevant and tags.rule == "off_topic_lead"


def test_soldiers_killing_suspects_in_the_lead_stay_relevant(knowledge):
    assert tag_article(
        knowledge, "Junta soldiers shot dead three robbery suspects in Monywa, residents say",
        "Residents of Monywa said soldiers shot dead three young men at a checkpoint on Tuesday night and then "
        "accused them of robbery. Relatives said the men were returning from work and carried no weapons; the "
        "junta has not commented on the killings in the town.").relevant

@pytest.mark.parametrize("title, lead", [
    ("UN envoy meets Myanmar junta chief in Naypyitaw",
     "The UN special envoy met the junta's leader in Naypyitaw on Monday and called for an end to violence "
     "and for humanitarian access. Fighting between the military and resistance forces has displaced "
     "millions since the coup, and the envoy also urged the release of political prisoners."),
    ("Junta court sentences former NLD minister to 15 years",
     "A court in Naypyitaw sentenced a former minister of the National League for Democracy to 15 years in "
     "prison for corruption on Tuesday, a source close to the case said. The military has arrested "
     "thousands of the party's members since it seized power."),
])
def test_a_diplomat_or_a_court_in_the_lead_without_an_act_is_not_the_war(knowledge, title, lead):
    tags = tag_article(knowledge, title, lead)
    assert not tags.relevant and tags.rule == "off_topic_lead"


def test_an_envoy_brokering_a_truce_between_the_parties_stays_relevant(knowledge):
    assert tag_article(knowledge, "China's envoy brokers ceasefire between junta and MNDAA in Lashio", "").relevant


def test_the_coup_recalled_as_seized_power_is_no_capture(knowledge):
    tags = tag_article(knowledge, "Prices in Yangon have doubled since the military seized power", "")
    assert not tags.relevant and tags.score == 0.0

def test_exiles_rallying_in_a_border_town_abroad_are_not_the_war(knowledge):
    assert not tag_article(
        knowledge, "Myanmar exiles rally in Mae Sot for political prisoners",
        "Several hundred Myanmar activists living in Mae Sot held a rally on Sunday calling for the release of "
        "political prisoners held by the junta, organisers said. The protesters marched to a monastery in the "
        "Thai border town and prayed for detainees.").relevant


def test_refugees_fleeing_strikes_into_a_place_abroad_stay_relevant(knowledge):
    assert tag_article(
        knowledge, "Refugees fleeing junta airstrikes reach Mizoram",
        "More than 2,000 people crossed into India's Mizoram this week after junta jets bombed villages in Chin "
        "State's Falam Township, local officials said. The refugees are sheltering in schools and community "
        "halls and need food and medicine.").relevant

@pytest.mark.parametrize("headline", [
    "Karen militia hands over 7,000 workers freed from Myawaddy compounds",
    "DKBA handed over 50 Chinese nationals at Myawaddy bridge",
])
def test_people_handed_over_are_no_territory(knowledge, headline):
    assert not tag_article(knowledge, headline, "").relevant


def test_a_town_handed_over_stays_a_transfer_of_territory(knowledge):
    assert tag_article(knowledge, "Junta hands over Lashio to MNDAA under China deal", "").relevant

@pytest.mark.parametrize("headline, relevant", [
    ("Junta raids KK Park, detains 2,000 foreigners", False),          # a scam-centre raid: a hard negative
    ("Airstrike hits KK Park as KNU fighters clash with BGF", True),    # fighting there is the war's
])
def test_a_scam_hub_is_the_war_only_when_fought_over(knowledge, headline, relevant):
    assert tag_article(knowledge, headline, "").relevant is relevant

# --- recall: the words of terse headlines --------------------------------------------------------------

@pytest.mark.parametrize("headline", [
    "Myanmar military indiscriminately shoots at homes in Kani",  # present tense of "shot"
    "Shootings reported near Kani as junta column advances",
    "Local defence team repels regime's forces in Kawlin",
    "Military truck rams into protesters in Mandalay",
    "Myanmar junta cracks down on student unions",
    "Army convoy hit by explosives near Monywa",
    "Student escapes junta bullets at Sagaing checkpoint",
    "Junta violence spreads to Magway villages",
    "Police use lethal force against protesters in Yangon",
    "Regime's army sets villages ablaze in Chin State",
    "Mine blast wounds soldiers near Htigyaing",                  # a common spelling of Tigyaing
    "Child death toll under Myanmar military criticised",
    "Nine more die in Myanmar crackdown",
])
def test_headline_words_of_the_war_are_found(knowledge, headline):
    assert tag_article(knowledge, headline, "").relevant


@pytest.mark.parametrize("headline", [
    "Bullet train deal signed by Myanmar and Japan",              # the weak words need an armed actor beside them
    "Cyber warfare: Myanmar hackers target banks",
    "Car rams into crowd in Yangon",
    "Domestic violence cases rise in Yangon, police say",
    "UN urges Myanmar to refrain from use of force",
    "Deadly fire destroys market in Mandalay",
    "Myanmar Covid death toll passes 10,000",
    "Labour unrest at Yangon garment factories",
])
def test_weak_headline_words_alone_are_not_the_war(knowledge, headline):
    assert not tag_article(knowledge, headline, "").relevant


@pytest.mark.parametrize("headline, relevant", [
    ("Indian army shoots three militants dead near the Myanmar border", False),   # Manipur's war, not Myanmar's
    ("Thai soldiers fire warning shots at smugglers on the Myanmar-Thai border", False),
    ("Bangladesh says Myanmar border guards fired shells into its villages", True),   # Myanmar's own force
    ("Junta troops clash with KNLA near the Thai border, villagers flee", True),
])
def test_myanmar_named_as_another_countrys_border_places_nothing(knowledge, headline, relevant):
    assert tag_article(knowledge, headline, "").relevant is relevant
