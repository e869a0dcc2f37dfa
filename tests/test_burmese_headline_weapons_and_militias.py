"""Burmese rules of docs/burmese.md "Round 7" (issue 15, generalisation on 19 more real articles). Every
sentence here was written for these tests (places real, facts invented)."""

from __future__ import annotations

from datetime import date

from tasks.lang import extract
from tasks.lang.my_roles import marked_actors
from tasks.lang.my_towns import tract_towns
from tasks.lang.my_units import article_mentions
from tasks.lang.my_words import load_words
from tests.first_event import first_burmese_event

PUBLISHED = date(2025, 4, 20)


def _main(knowledge, text: str, published: date = PUBLISHED):
    return first_burmese_event(knowledge, text, published)


def _actors(knowledge, text: str) -> list[str]:
    """The sides a sentence names (a name that only describes someone else is none)."""
    return [m.actor_id for m in marked_actors(knowledge, load_words("my"), text, article_mentions(knowledge, text))]


# --- a headline's generic attack and the weapon its lead names ---------------------------------------------

def test_a_generic_attack_in_the_headline_takes_the_weapon_of_the_lead(knowledge) -> None:
    text = ("မင်္ဂလာဒုံရှိ ရဲကင်းကို ပြောက်ကျားအဖွဲ့ တိုက်ခိုက်\n"
            "ရန်ကုန်မြို့ မင်္ဂလာဒုံမြို့နယ်ရှိ ရဲကင်းစခန်းကို ဧပြီလ ၁၈ ရက် ညပိုင်းတွင် လက်ပစ်ဗုံးဖြင့် "
            "တိုက်ခိုက်ခဲ့ကြောင်း ဒေသခံတစ်ဦးက ပြောသည်။")
    event = _main(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Grenade")
    assert event.event_date == date(2025, 4, 18)
    assert len(extract(knowledge, "", text, PUBLISHED, "r8").events) == 1


def test_a_mine_named_in_the_lead_is_the_headline_s_attack(knowledge) -> None:
    text = ("ပေါင်းတည်တွင် စစ်ကောင်စီ စစ်ကြောင်းကို ပကဖ တိုက်ခိုက်\n"
            "ပဲခူးတိုင်း ပေါင်းတည်မြို့နယ်တွင် ဧပြီလ ၁၇ ရက်က စစ်ကောင်စီ စစ်ကြောင်းကို ပကဖက မိုင်းခွဲ၍ "
            "တိုက်ခိုက်ခဲ့သည်။")
    event = _main(knowledge, text)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.admin3 == "Paungde"


def test_an_air_strike_after_a_headline_attack_stays_its_own_act(knowledge) -> None:
    text = ("ကျောက်တော်တွင် စစ်ကောင်စီစခန်းကို AA တိုက်ခိုက်\n"
            "ရခိုင်ပြည်နယ် ကျောက်တော်မြို့နယ်ရှိ စစ်ကောင်စီစခန်းကို ဧပြီလ ၁၈ ရက်က AA က တိုက်ခိုက်ခဲ့ရာ "
            "စစ်ကောင်စီက ဂျက်လေယာဉ်ဖြင့် ဗုံးကြဲခဲ့သည်။")
    assert _main(knowledge, text).event_type == "Battles"


# --- who a name describes, who killed ----------------------------------------------------------------------

def test_junta_appointed_describes_an_official_not_a_side(knowledge) -> None:
    assert "military_myanmar" not in _actors(knowledge, "စစ်ကောင်စီခန့် ရပ်ကွက်အုပ်ချုပ်ရေးမှူး နှုတ်ထွက်သည်။")
    assert "military_myanmar" not in _actors(knowledge, "စစ်ကောင်စီက ခန့်အပ်ထားသော အုပ်ချုပ်ရေးမှူး ရာထူးမှ ထွက်သည်။")
    assert "military_myanmar" in _actors(knowledge, "စစ်ကောင်စီက ရွာကို မီးရှို့သည်။")


def test_an_assassination_by_a_group_the_knowledge_does_not_know_is_a_local_force_s_attack(knowledge) -> None:
    text = "စစ်ကိုင်းတိုင်း မုံရွာမြို့တွင် ယနေ့ မနက် ရဲသတင်းပေးတစ်ဦးကို မြွေဟောက်အဖွဲ့က သုတ်သင်ခဲ့သည်။"
    event = _main(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert (event.actor1_id, event.actor2_id) == ("pdf", "civilians_myanmar")


def test_a_killing_with_no_doer_stays_an_unidentified_group_s(knowledge) -> None:
    text = "စစ်ကိုင်းတိုင်း မုံရွာမြို့တွင် ယနေ့ မနက် ရွာသားတစ်ဦးကို သုတ် သင်ခဲ့သည်။"
    assert _main(knowledge, text).actor1_id == "unidentified_armed_group"


# --- names in the forms news writes them -------------------------------------------------------------------

def test_a_latin_abbreviation_with_a_burmese_particle_glued_to_it_is_that_group(knowledge) -> None:
    assert _actors(knowledge, "KIAက စစ်ကောင်စီ စခန်းကို တိုက်ခိုက်သည်။")[0] == "kia"
    assert "mndaa" in [m.ref_ids[0] for m in article_mentions(knowledge, "MNDAAရဲ့ တပ်ဖွဲ့ဝင်များ") if m.kind == "actor"]
    assert not [m for m in article_mentions(knowledge, "COVIDရောဂါ ကူးစက်သည်။") if m.kind == "actor"]


def test_a_glued_abbreviation_is_the_doer_of_the_act(knowledge) -> None:
    text = "ကချင်ပြည်နယ် မိုးကောင်းမြို့နယ်တွင် ဧပြီလ ၁၈ ရက်က KIAက စစ်ကောင်စီ စခန်းကို တိုက်ခိုက်သိမ်းပိုက်ခဲ့သည်။"
    event = _main(knowledge, text)
    assert {event.actor1_id, event.actor2_id} == {"kia", "military_myanmar"}


def test_riot_police_and_joint_defence_forces_are_named_sides(knowledge) -> None:
    assert "police_myanmar" in _actors(knowledge, "လုံထိန်းတွေက ဆန္ဒပြသူတွေကို ဖမ်းဆီးသည်။")
    assert "pdf" in _actors(knowledge, "ကာကွယ်ရေးပူးပေါင်းတပ်က စစ်ကြောင်းကို တိုက်ခိုက်သည်။")


def test_an_idp_camp_bombed_hits_civilians(knowledge) -> None:
    text = "ကယားပြည်နယ် ဒီမော့ဆိုမြို့နယ်ရှိ စစ်ရှောင်စခန်းကို ဧပြီလ ၁၈ ရက်က လေယာဉ်ဖြင့် ဗုံးကြဲခဲ့သည်။"
    assert _main(knowledge, text).actor2_id == "civilians_myanmar"


# --- towns MIMU lists otherwise -----------------------------------------------------------------------------

def test_a_town_mimu_lists_only_as_a_village_tract_places_the_sentence_in_its_township(knowledge) -> None:
    event = _main(knowledge, "ဧပြီလ ၁၈ ရက်က မိုးဗြဲမြို့ကို စစ်ကောင်စီတပ်က လေကြောင်းဖြင့် ဗုံးကြဲခဲ့သည်။")
    assert (event.admin1, event.admin3) == ("Shan State (South)", "Pekon")


def test_a_village_tract_town_gives_way_to_a_real_place_of_the_sentence(knowledge) -> None:
    text = "ဖယ်ခုံမြို့နယ် မိုးဗြဲမြို့ကို ဗုံးကြဲသည်။ မိုးဗြဲမြို့တွင် တိုက်ပွဲဖြစ်သည်။"
    found = tract_towns(knowledge, text, knowledge.find(text, myanmar_context=True))
    assert [m.start for m in found] == [text.rindex("မိုးဗြဲ")]   # only in the sentence with no other place


def test_mese_as_news_spells_it(knowledge) -> None:
    event = _main(knowledge, "ဧပြီလ ၁၈ ရက်က မဲဆည်မြို့ကို စစ်ကောင်စီက ဗုံးကြဲခဲ့သည်။")
    assert (event.admin1, event.admin3) == ("Kayah State", "Mese")


# --- who was hit --------------------------------------------------------------------------------------------

def test_a_militia_under_the_junta_arrests_villagers_not_the_junta(knowledge) -> None:
    text = "ကချင်ပြည်နယ် ဗန်းမော်မြို့နယ်တွင် ဧပြီလ ၁၈ ရက်က စစ်ကောင်စီ လက်အောက်ခံ ပြည်သူ့စစ်က ရွာသား ၃ ဦးကို ဖမ်းဆီးခဲ့သည်။"
    event = _main(knowledge, text)
    assert (event.sub_event_type, event.actor2_id) == ("Arrests", "civilians_myanmar")


def test_police_counted_hurt_by_a_bomb_were_its_target(knowledge) -> None:
    text = "ရန်ကုန်မြို့ လှိုင်သာယာမြို့နယ်တွင် ဧပြီလ ၁၈ ရက်က ဗုံးပေါက်ကွဲမှု ဖြစ်ပွားခဲ့ရာ ရဲ ၂ ဦး ဒဏ်ရာရခဲ့သည်။"
    event = _main(knowledge, text)
    assert (event.actor1_id, event.actor2_id) == ("unidentified_armed_group", "police_myanmar")


# --- where a column was going; whose area -------------------------------------------------------------------

def test_a_column_from_one_town_to_another_places_nothing_in_either(knowledge) -> None:
    text = ("မကွေးတိုင်း၊ ပခုက္ကူမြို့မှ ပခန်းမြို့သို့လာသည့် စစ်ကြောင်းကို ဧပြီလ ၁၇ ရက်က ပကဖက "
            "ကြားဖြတ်တိုက်ခိုက်ခဲ့ရာ စစ်သား ၅ ဦး သေဆုံးခဲ့သည်။")
    event = _main(knowledge, text)
    assert (event.admin1, event.admin3) == ("Magway Region", None)


def test_a_group_s_brigade_area_is_where_not_who(knowledge) -> None:
    text = ("စစ်ကောင်စီက KIAအမှတ်(၂) တပ်မဟာဒေသတွင် ဧပြီလ ၁၈ ရက်က ဒရုန်းဗုံးများ ပစ်ခတ်သောကြောင့် "
            "ပြည်သူ ၂ ဦး သေဆုံးခဲ့သည်။")
    event = _main(knowledge, text)
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")
    assert "kia" not in _actors(knowledge, "KIA နယ်မြေတွင် တိုက်ပွဲဖြစ်သည်။")
    assert "kia" in _actors(knowledge, "KIA က စစ်ကောင်စီ စခန်းကို တိုက်ခိုက်သည်။")
