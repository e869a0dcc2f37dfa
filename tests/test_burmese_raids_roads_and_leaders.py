"""Burmese rules of issue 15, round 13 (session 9): mechanisms shared by many outlets, checked on the dev
half with meaning-preserving rewrites (no spaces, other names for the junta or the PDF) as well as on the
text itself. Every sentence here was written for these tests (places real, facts invented); each rule has
three or more phrasings."""

from __future__ import annotations

from datetime import date

import pytest

from tests.first_event import first_burmese_event

PUBLISHED = date(2025, 3, 10)


def _main(knowledge, text: str, published: date = PUBLISHED):
    return first_burmese_event(knowledge, text, published)


# --- a sentence written with no spaces: a clause is no road's end, an aircraft no bus line ----------------

@pytest.mark.parametrize("text, township", [
    # "on the night of March 8 the army bombed two villages in Mindat township with two aircraft"
    ("ချင်းပြည်နယ်တောင်ပိုင်း၊မင်းတပ်မြို့နယ်အတွင်းရှိကျေးရွာနှစ်ရွာကိုမတ်လ၈ရက်၊ည၇နာရီအချိန်တွင်"
     "စစ်တပ်ကလေယာဉ်နှစ်စီးဖြင့်ဗုံးကြဲခဲ့သည်။", "Mindat"),
    ("ချင်းပြည်နယ်၊မင်းတပ်မြို့နယ်အတွင်းရှိကျေးရွာတစ်ရွာကိုမတ်လ၈ရက်၊ညပိုင်းတွင်စစ်ကောင်စီကဂျက်လေယာဉ်ဖြင့်ဗုံးကြဲခဲ့သည်။",
     "Mindat"),
    # "the junta's jet bombed a school in Pauktaw township where villagers and children sheltered"
    ("ရွာသားများနှင့်ကလေးများခိုလှုံနေသည့်ပေါက်တောမြို့နယ်ရှိကျောင်းတစ်ကျောင်းကိုမတ်လ၈ရက်တွင်စစ်ကောင်စီတပ်က"
     "ဂျက်တိုက်လေယာဉ်ဖြင့်ဗုံးကြဲခဲ့သည်။", "Pauktaw"),
    # "wounded men and women from Pauktaw township were hit when the junta's aircraft bombed on March 8"
    ("အမျိုးသားများနှင့်အမျိုးသမီးများဒဏ်ရာရခဲ့သည့်ပေါက်တောမြို့နယ်ကိုမတ်လ၈ရက်တွင်စစ်ကောင်စီကလေယာဉ်ဖြင့်ဗုံးကြဲခဲ့သည်။",
     "Pauktaw"),
])
def test_spaceless_clause_is_no_road_end(knowledge, text, township) -> None:
    assert _main(knowledge, text).admin3 == township


def test_road_ends_still_no_township(knowledge) -> None:
    # "the PDF mined a junta convoy on the Monywa - Kalewa road": the road's ends are not the place
    event = _main(knowledge, "မုံရွာ - ကလေးဝ ကားလမ်းပေါ်တွင် မတ်လ ၈ ရက်က စစ်ကောင်စီ ယာဉ်တန်းကို PDF က မိုင်းဖြင့် တိုက်ခိုက်ခဲ့သည်။")
    assert event.admin3 is None and event.admin1 == "Sagaing Region"


# --- a raid on a village, then the burning: no one fought, the burning is the event ------------------------

@pytest.mark.parametrize("text, doer", [
    # "junta troops raided Kyun Kone village and burned over 50 houses"
    ("စစ်ကောင်စီတပ်က မတ်လ ၈ ရက်တွင် ဒီပဲယင်းမြို့နယ် ကျွန်းကုန်းရွာကို ဝင်ရောက်စီးနင်းပြီး နေအိမ် ၅၀ ကျော်ကို မီးရှို့ခဲ့သည်။",
     "military_myanmar"),
    # spoken style, the junta by its acronym
    ("စကစ တပ်က ဒီပဲယင်းမြို့နယ် ကျွန်းကုန်းရွာကို မတ်လ ၈ ရက်က စီးနင်းပြီး အိမ်တွေကို မီးရှို့ခဲ့တယ်။", "military_myanmar"),
    # the militia entered the village ("ရွာထဲသို့") and burned twenty homes
    ("မတ်လ ၈ ရက်က ပျူစောထီးအဖွဲ့သည် ယင်းမာပင်မြို့နယ် ကျောက်မှော်ရွာထဲသို့ စီးနင်းဝင်ရောက်ပြီး နေအိမ် ၂၀ ကို "
     "မီးရှို့ဖျက်ဆီးခဲ့သည်။", "pyu_saw_htee"),
])
def test_raided_village_then_burned_is_the_burning(knowledge, text, doer) -> None:
    event = _main(knowledge, text)
    assert event.sub_event_type == "Looting/property destruction"
    assert (event.actor1_id, event.actor2_id) == (doer, "civilians_myanmar")


@pytest.mark.parametrize("text", [
    # a raid on a junta camp is a fight ("the PDF raided the camp and burned it")
    "မတ်လ ၈ ရက်က ယင်းမာပင်မြို့နယ်ရှိ စစ်ကောင်စီ စခန်းကို PDF က စီးနင်းတိုက်ခိုက်ပြီး စခန်းကို မီးရှို့ခဲ့သည်။",
    # a clash, then houses burned, stays the clash
    "မတ်လ ၈ ရက်က ယင်းမာပင်မြို့နယ် ကျောက်မှော်ရွာတွင် စစ်ကောင်စီတပ်နှင့် PDF တိုက်ပွဲဖြစ်ပြီး နေအိမ် ၁၀ လုံး မီးရှို့ခံရသည်။",
    "ပုလဲမြို့နယ်က ရွာတစ်ရွာနားမှာ မတ်လ ၈ ရက်နေ့က စစ်ကောင်စီတပ်နဲ့ ပကဖ တိုက်ပွဲဖြစ်ပြီး အိမ်တွေ မီးရှို့ခံခဲ့ရပါတယ်။",
])
def test_raid_on_a_post_or_a_clash_stays_the_battle(knowledge, text) -> None:
    assert _main(knowledge, text).event_type == "Battles"


# --- the junta's name, a word, then its own force: one side ("the junta's village militia") ---------------

@pytest.mark.parametrize("text, force", [
    # "the junta's village militia shot dead two villagers of Kyauk Hmaw"
    ("စစ်ကောင်စီ ကျေးရွာ ပြည်သူ့စစ်အဖွဲ့က မတ်လ ၈ ရက်က ယင်းမာပင်မြို့နယ် ကျောက်မှော်ရွာသား ၂ ဦးကို ပစ်သတ်ခဲ့သည်။",
     "militia_progov"),
    # "the junta's ward militia arrested three young men in Myingyan"
    ("စစ်ကောင်စီ ရပ်ကွက် ပြည်သူ့စစ်တွေက မတ်လ ၈ ရက်နေ့က မြင်းခြံမြို့နယ်မှာ လူငယ် ၃ ယောက်ကို ဖမ်းဆီးသွားတယ်။",
     "militia_progov"),
    # "the Pyu Saw Htee under the junta burned a village"
    ("မတ်လ ၈ ရက်က စစ်ကောင်စီ လက်အောက်ခံ ပျူစောထီးအဖွဲ့က ယင်းမာပင်မြို့နယ်ရှိ ရွာတစ်ရွာကို မီးရှို့ခဲ့သည်။", "pyu_saw_htee"),
])
def test_junta_qualifying_its_militia_is_one_side(knowledge, text, force) -> None:
    event = _main(knowledge, text)
    assert (event.actor1_id, event.actor2_id) == (force, "civilians_myanmar")


# --- the junta's strike on a township, a town, "the coastal villages" with no armed target: Civilians -------

@pytest.mark.parametrize("text", [
    # "junta aircraft bombed Yinmarbin township, the NUG said"
    "စစ်ကောင်စီ လေယာဉ်များက ယင်းမာပင်မြို့နယ်ကို မတ်လ ၈ ရက်က ဗုံးကြဲခဲ့ကြောင်း NUG က ထုတ်ပြန်သည်။",
    # "the junta's drone attack started a fire in Yinmarbin township"
    "စစ်ကောင်စီ၏ ဒရုန်းတိုက်ခိုက်မှုကြောင့် မတ်လ ၈ ရက်က ယင်းမာပင်မြို့နယ်တွင် မီးလောင်မှုဖြစ်ခဲ့သည်။",
    # "a junta navy ship shelled the coastal villages (toward them: သို့) of Kyaukpyu township"
    "မတ်လ ၈ ရက်က စစ်ကောင်စီ ရေတပ် စစ်သင်္ဘောမှ ကျောက်ဖြူမြို့နယ်ရှိ ကမ်းခြေရွာများသို့ လက်နက်ကြီး ပစ်ခတ်ခဲ့သည်။",
])
def test_junta_strike_with_no_armed_target_hits_civilians(knowledge, text) -> None:
    event = _main(knowledge, text)
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")


@pytest.mark.parametrize("text, target", [
    # a strike near a KNLA camp, and one by the PDF on a junta camp, keep the side struck
    ("မတ်လ ၈ ရက်က ကော့ကရိတ်မြို့နယ်ရှိ KNLA စခန်းအနီးသို့ စစ်ကောင်စီ လေယာဉ်က ဗုံးကြဲခဲ့သည်။", "knla"),
    ("မတ်လ ၈ ရက်က PDF က ဒရုန်းဖြင့် ယင်းမာပင်မြို့ရှိ စစ်ကောင်စီ စခန်းကို ဗုံးကြဲတိုက်ခိုက်ခဲ့သည်။", "military_myanmar"),
    ("မတ်လ ၈ ရက်က AA က စစ်တွေမြို့ရှိ စစ်ကောင်စီ တပ်ရင်းကို လက်နက်ကြီးဖြင့် ပစ်ခတ်ခဲ့သည်။", "military_myanmar"),
])
def test_strike_on_an_armed_side_keeps_that_side(knowledge, text, target) -> None:
    assert _main(knowledge, text).actor2_id == target


# --- the army by other names outlets use: the ground forces, the military government, the coup group ------

@pytest.mark.parametrize("name", ["ကြည်းတပ်", "စစ်အစိုးရတပ်", "အာဏာသိမ်းတပ်", "အာဏာသိမ်းအုပ်စု", "ဖက်ဆစ်အုပ်စု"])
def test_other_names_of_the_army(knowledge, name) -> None:
    # "<the army> burned Kyauk Hmaw village in Yinmarbin township"
    event = _main(knowledge, f"မတ်လ ၈ ရက်က ယင်းမာပင်မြို့နယ် ကျောက်မှော်ရွာကို {name}က မီးရှို့ခဲ့သည်။")
    assert event.actor1_id == "military_myanmar"


# --- "X-led forces" (X ဦးဆောင်သော): X is the side; a list "A၊ B နှင့် C တို့က" is led by its first name -------

@pytest.mark.parametrize("text, side", [
    # "KIA-led joint forces and junta troops clashed in Bhamo township"
    ("မတ်လ ၈ ရက်က ဗန်းမော်မြို့နယ်တွင် KIA ဦးဆောင်သော ပူးပေါင်းတပ်ဖွဲ့များနှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ပွားခဲ့သည်။", "kia"),
    # spoken: "AA-led forces took the junta camp in Gwa township"
    ("AA ဦးဆောင်တဲ့ တပ်ဖွဲ့တွေက မတ်လ ၈ ရက်နေ့က ဂွမြို့နယ်ထဲက စစ်ကောင်စီ စခန်းကို သိမ်းလိုက်ပါတယ်။", "ula_aa"),
    # "a KNDF-led joint column fought junta troops in Pekon"
    ("မတ်လ ၈ ရက်က ဖယ်ခုံမြို့နယ်တွင် KNDF ဦးဆောင်သည့် ပူးပေါင်းစစ်ကြောင်းနှင့် စစ်ကောင်စီ တပ် တိုက်ပွဲဖြစ်ခဲ့သည်။", "kndf"),
])
def test_the_group_that_leads_is_the_side(knowledge, text, side) -> None:
    event = _main(knowledge, text)
    assert {event.actor1_id, event.actor2_id} == {side, "military_myanmar"}


@pytest.mark.parametrize("text, lead", [
    # "the KNDF, KA and PDF resisted the junta column"
    ("မတ်လ ၈ ရက်က ဒီမောဆိုမြို့နယ်တွင် KNDF၊ KA နှင့် PDF တို့က စစ်ကောင်စီ စစ်ကြောင်းကို ခုခံတိုက်ခိုက်ခဲ့သည်။", "kndf"),
    # "the KIA, ABSDF and PDF forces took the junta camp"
    ("မတ်လ ၈ ရက်က ဗန်းမော်မြို့နယ်တွင် KIA ၊ ABSDF နှင့် PDF တပ်များက စစ်ကောင်စီ စခန်းကို သိမ်းပိုက်ခဲ့သည်။", "kia"),
    # spoken: "the TNLA, MNDAA and PDFs attacked the junta battalion"
    ("မတ်လ ၈ ရက်နေ့က ကျောက်မဲမြို့နယ်မှာ TNLA၊ MNDAA နဲ့ PDF တွေက စစ်ကောင်စီ တပ်ရင်းကို တိုက်ခိုက်ခဲ့တယ်။", "tnla"),
])
def test_a_listed_force_is_led_by_its_first_name(knowledge, text, lead) -> None:
    event = _main(knowledge, text)
    assert (event.actor1_id, event.actor2_id) == (lead, "military_myanmar")


# --- the page's own date run into the lead (no line break after the byline) dates nothing --------------------

@pytest.mark.parametrize("text", [
    # "DVB · March 10, 2025 <lead: the PDF attacked the police station on March 8>"
    "DVB · March 10, 2025 မန္တလေးတိုင်း မြင်းခြံမြို့နယ်ရှိ ရဲစခန်းကို မတ် ၈ ရက်နေ့က PDF က ဝင်ရောက် တိုက်ခိုက်ခဲ့တာလို့ ဆိုပါတယ်။",
    # "reporter's name, March 10, 2025 <lead>", the act's day in the next sentence
    "သတင်းထောက် ကိုအောင် မတ်လ ၁၀၊ ၂၀၂၅ မြင်းခြံမြို့နယ်ရှိ ရဲစခန်းကို PDF က တိုက်ခိုက်ခဲ့သည်။ "
    "အဆိုပါ တိုက်ခိုက်မှုသည် မတ်လ ၈ ရက်နေ့ ညပိုင်းတွင် ဖြစ်ပွားခဲ့ခြင်းဖြစ်သည်။",
    # "10 March-2025 Voice of Myanmar <lead>"
    "မတ် ၁၀-၂၀၂၅ Voice Of Myanmar ပြီးခဲ့တဲ့ မတ် ၈ ရက်နေ့က မြင်းခြံမြို့နယ်ထဲက ရဲစခန်းကို PDF က တိုက်ခိုက်ခဲ့ပါတယ်။",
])
def test_byline_date_in_the_lead_is_not_the_acts(knowledge, text) -> None:
    assert _main(knowledge, text).event_date == date(2025, 3, 8)


def test_todays_act_dated_with_its_year_stays_today(knowledge) -> None:
    # formal prose: "the KIA took the junta camp today, 10 March 2025" (the day named in a later line too)
    text = ("မိုးမောက်မြို့နယ်ရှိ စစ်ကောင်စီ စခန်းကို KIA က ယနေ့ ၂၀၂၅ ခုနှစ် မတ်လ (၁၀) ရက်နေ့တွင် သိမ်းပိုက်လိုက်ပြီဖြစ်သည်။ "
            "မတ်လ ၈ ရက်ကတည်းက တိုက်ပွဲများ ဖြစ်ပွားခဲ့သည်။")
    assert _main(knowledge, text).event_date == date(2025, 3, 10)


# --- a page's menu or share line above the headline does not push the headline out of the lead -------------

@pytest.mark.parametrize("top", ["ပင်မစာမျက်နှာ / သတင်း\nShare this\n", "Home » မြန်မာသတင်း\nTweet\n",
                                 "သတင်း\nဆောင်းပါး\nဗီဒီယို\n"])
def test_menu_lines_above_the_headline(knowledge, top) -> None:
    # headline "Kani township villagers in need"; the lead names no place; a later line tells of refugees
    # in Yinmarbin twice
    text = (top + "ကနီမြို့နယ်မှ ရွာသားများ အကူအညီ လိုအပ်နေ\n"
            "မတ်လ ၈ ရက်က စစ်ကောင်စီ လေယာဉ်က ရွာတစ်ရွာကို ဗုံးကြဲခဲ့ရာ ရွာသား ၂ ဦး သေဆုံးခဲ့သည်။\n"
            "ရွာသားများသည် ယင်းမာပင်မြို့နယ်သို့ ထွက်ပြေးခဲ့ကြပြီး ယင်းမာပင်မြို့နယ်ရှိ ဘုန်းကြီးကျောင်းများတွင် ခိုလှုံနေကြသည်။")
    assert _main(knowledge, text).admin3 == "Kani"


# --- a one-syllable township with the short "နယ်" ("ဖြူးနယ်", Phyu township), but not a state or a zone -----

@pytest.mark.parametrize("text, township", [
    ("မတ်လ ၈ ရက်က ပဲခူးတိုင်း ဖြူးနယ် ရွာတစ်ရွာတွင် KNLA နှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ခဲ့သည်။", "Phyu"),
    ("မကွေးတိုင်း ပေါက်နယ်ထဲက ရဲစခန်းကို မတ်လ ၈ ရက်နေ့က PDF တွေ တိုက်ခိုက်ခဲ့ပါတယ်။", "Pauk"),
    ("မတ်လ ၈ ရက်က မြိုင်နယ် ရွာတစ်ရွာကို စစ်ကောင်စီတပ်က မီးရှို့ခဲ့သည်။", "Myaing"),
])
def test_one_syllable_township_with_short_suffix(knowledge, text, township) -> None:
    assert _main(knowledge, text).admin3 == township


def test_state_and_defence_zone_are_no_short_township(knowledge) -> None:
    from tasks.lang.my_units import article_mentions
    # "in the defence zone of Kachin State": neither Pyay nor Ye township
    text = "ကချင်ပြည်နယ် ကာကွယ်ရေးနယ်မြေအတွင်း တိုက်ပွဲဖြစ်ခဲ့သည်။"
    places = {ref for m in article_mentions(knowledge, text) if m.kind == "place" for ref in m.ref_ids}
    names = {knowledge.places[p].name_en for p in places}
    assert not {"Pyay", "Ye"} & names
