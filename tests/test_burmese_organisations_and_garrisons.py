"""Burmese rules of docs/burmese.md "Round 11" (issue 15, round 12 of the tests: fresh real articles, dev
half only). Every sentence here was written for these tests (places real, facts invented); each rule has
three or more phrasings."""

from __future__ import annotations

from datetime import date

import pytest

from tests.first_event import first_burmese_event

PUBLISHED = date(2025, 3, 10)


def _main(knowledge, text: str, published: date = PUBLISHED):
    return first_burmese_event(knowledge, text, published)


# --- an organisation named with one of its units is its army: "KNU Brigade 5" is the KNLA's ------------

@pytest.mark.parametrize("text, army", [
    # "a junta soldier defected with his rifle to KNU Brigade 5 in Hpapun township"
    ("ဖာပွန်မြို့နယ်တွင် စစ်ကောင်စီတပ်သား တစ်ဦး သေနတ်တစ်လက်နှင့်အတူ ကေအဲန်ယူ တပ်မဟာ ၅ ထံ မတ်လ ၈ ရက်က "
     "အလင်းဝင်ခဲ့သည်။", "knla"),
    # Latin name, unit in brackets, glued particle: "two soldiers came over to KNU Brigade (6)"
    ("ကော့ကရိတ်မြို့နယ်တွင် စစ်သားနှစ်ဦး KNU တပ်မဟာ(၆)ထံ မတ်လ ၈ ရက်က လက်နက်များနှင့်အတူ အလင်းဝင်ခဲ့ကြသည်။", "knla"),
    # possessive before the unit: "the KIO's Brigade 3 took a junta post in Momauk township"
    ("ကေအိုင်အို၏ တပ်မဟာ ၃ က မိုးမောက်မြို့နယ်ရှိ စစ်ကောင်စီစခန်းကို မတ်လ ၈ ရက်က သိမ်းပိုက်ခဲ့သည်။", "kia"),
    # a battalion: "KNU Battalion 103 clashed with the junta column near Kyaukkyi"
    ("ကျောက်ကြီးမြို့နယ်တွင် ကေအန်ယူ တပ်ရင်း ၁၀၃ နှင့် စစ်ကောင်စီစစ်ကြောင်း မတ်လ ၈ ရက်က တိုက်ပွဲဖြစ်ပွားခဲ့သည်။", "knla"),
])
def test_organisation_with_a_unit_is_its_armed_wing(knowledge, text, army) -> None:
    event = _main(knowledge, text)
    assert army in (event.actor1_id, event.actor2_id)
    assert not {"knu", "kio"} & {event.actor1_id, event.actor2_id}


def test_organisation_speaking_stays_the_organisation(knowledge) -> None:
    from tasks.lang.my_units import article_mentions
    # "the KNU chairman condemned the junta's air strike": no unit after the name
    text = "ကေအဲန်ယူ ဥက္ကဋ္ဌက စစ်ကောင်စီ၏ လေကြောင်းတိုက်ခိုက်မှုကို ရှုတ်ချကြောင်း မတ်လ ၈ ရက်က ထုတ်ပြန်သည်။"
    ids = {m.ref_ids[0] for m in article_mentions(knowledge, text) if m.kind == "actor"}
    assert "knu" in ids and "knla" not in ids


# --- a clash told first and a burning after it ("clashed, and then houses burned"): the clash leads ----

@pytest.mark.parametrize("text", [
    # headline style: "clash at Ban La Mut village, ten houses burned"
    "တနင်္သာရီမြို့နယ် ဘန်းလမွှတ်ရွာတွင် မတ်လ ၈ ရက်က စစ်ကောင်စီတပ်နှင့် PDF တိုက်ပွဲဖြစ်ပြီး နေအိမ် ၁၀ လုံး မီးရှို့ခံရသည်။",
    # "after the clash, houses in the village were burned"
    "ယင်းမာပင်မြို့နယ် ကျောက်မှော်ရွာအနီးတွင် မတ်လ ၈ ရက်က စစ်ကောင်စီတပ်နှင့် PDF တို့ တိုက်ပွဲဖြစ်ပွားပြီးနောက် "
    "ရွာထဲရှိ နေအိမ်များ မီးရှို့ခံခဲ့ရသည်။",
    # spoken style with the fire verb: "they fought near the village and then houses caught fire"
    "ပုလဲမြို့နယ်က ရွာတစ်ရွာနားမှာ မတ်လ ၈ ရက်နေ့က စစ်ကောင်စီတပ်နဲ့ ပကဖ တိုက်ပွဲဖြစ်ပြီး အိမ်တွေ မီးရှို့ခံခဲ့ရပါတယ်။",
])
def test_clash_then_burning_leads_with_the_clash(knowledge, text) -> None:
    event = _main(knowledge, text)
    assert event.event_type == "Battles"
    assert {event.actor1_id, event.actor2_id} == {"pdf", "military_myanmar"}


@pytest.mark.parametrize("text", [
    # the burning told first: "the junta burned the village and then clashed with the PDF"
    "ဝက်လက်မြို့နယ်တွင် မတ်လ ၈ ရက်က စစ်ကောင်စီတပ်က ရွာကို မီးရှို့ပြီး ရွာအနီးတွင် PDF နှင့် တိုက်ပွဲဖြစ်ပွားခဲ့သည်။",
    # no "and then" between them: "houses burned in the village where the clash was"
    "ဝက်လက်မြို့နယ်တွင် မတ်လ ၈ ရက်က တိုက်ပွဲဖြစ်ခဲ့သည့် ရွာရှိ နေအိမ် ၂၀ ကို စစ်ကောင်စီတပ်က မီးရှို့ခဲ့သည်။",
])
def test_burning_told_first_stays_the_burning(knowledge, text) -> None:
    assert _main(knowledge, text).sub_event_type == "Looting/property destruction"


# --- villagers shot, no side named, no battle word: an attack on them, not the article's battle ---------

@pytest.mark.parametrize("text, dead", [
    # "three villagers were shot on March 8, two died; the dead were farmers"
    ("ထားဝယ်မြို့နယ် ကျေးရွာတစ်ရွာတွင် မတ်လ ၈ ရက်က ရွာသား ၃ ဦး ပစ်ခတ်ခံရပြီး ၂ ဦး သေဆုံးခဲ့သည်။ "
     "သေဆုံးသူများမှာ လယ်သမားများ ဖြစ်ကြောင်း ဒေသခံများက ပြောသည်။", 2),
    # counts spelled out and glued to the noun: "five villagers shot, three died"
    ("ဝက်လက်မြို့နယ်ရှိ ရွာတစ်ရွာတွင် မတ်လ ၈ ရက်က ရွာသားငါးဦး ပစ်ခတ်ခံရပြီး သုံးဦးသေဆုံးခဲ့ကြောင်း သိရသည်။", 3),
    # spoken style: "four villagers were shot, one died; who fired is not known yet"
    ("ကနီမြို့နယ်မှာ မတ်လ ၈ ရက်နေ့က ရွာသား ၄ ယောက် ပစ်ခတ်ခံရပြီး ၁ ယောက် သေဆုံးခဲ့ပါတယ်။ "
     "ပစ်ခတ်သူ ဘယ်သူလဲ မသိရသေးပါဘူး။", 1),
])
def test_villagers_shot_by_no_named_side_is_an_attack(knowledge, text, dead) -> None:
    event = _main(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert (event.actor1_id, event.actor2_id) == ("unidentified_armed_group", "civilians_myanmar")
    assert event.fatalities == dead


def test_civilians_killed_in_a_named_battle_stay_the_battle(knowledge) -> None:
    # "two villagers died in the clash between the junta and the PDF"
    text = "ကနီမြို့နယ်တွင် မတ်လ ၈ ရက်က စစ်ကောင်စီတပ်နှင့် PDF တိုက်ပွဲဖြစ်ပွားရာ ရွာသား ၂ ဦး သေဆုံးခဲ့သည်။"
    event = _main(knowledge, text)
    assert event.event_type == "Battles"


@pytest.mark.parametrize("text, kinds", [
    # a count spelled out ends the count before it: three shot (no kind), two dead
    ("ရွာသားသုံးဦး ပစ်ခတ်ခံရပြီး နှစ်ဦးသေဆုံး", [("killed", 2)]),
    ("ရွာသား ငါးဦး ဖမ်းဆီးခံရပြီး နှစ်ယောက် သေဆုံးခဲ့သည်", [("arrested", 5), ("killed", 2)]),
    ("ရွာသား ၃ ဦး သေနတ်ဖြင့် ပစ်ခတ်ခံရပြီး ၂ ဦး သေဆုံးခဲ့သည်", [("killed", 2)]),
])
def test_spelled_count_ends_the_previous_count(text, kinds) -> None:
    from tasks.lang.my_text import find_counts
    assert [(c.kind, c.value) for c in find_counts(text)] == kinds


# --- "from day X until day Y" (X မှစတင်ပြီး Y အထိ): the period is dated by its start, at week precision --------

@pytest.mark.parametrize("text, published, day", [
    # "from April 23 until May 8 more than 20 clashes between the junta and the PDF"
    ("တနင်္သာရီမြို့နယ်တွင် ဧပြီ ၂၃ ရက်မှစတင်ပြီး မေ ၈ ရက်အထိ စစ်ကောင်စီတပ်နှင့် PDF တိုက်ပွဲ ၂၀ ကျော် ဖြစ်ပွားခဲ့သည်။",
     date(2024, 5, 10), date(2024, 4, 23)),
    # spoken: "from June 1 to June 5 there were clashes"
    ("ကနီမြို့နယ်မှာ ဇွန်လ ၁ ရက်ကစပြီး ဇွန်လ ၅ ရက်နေ့အထိ စစ်ကောင်စီတပ်နဲ့ PDF တိုက်ပွဲတွေ ဖြစ်ခဲ့ပါတယ်။",
     date(2024, 6, 10), date(2024, 6, 1)),
    # spaced, with the short "ထိ": "from June 2 to June 6"
    ("မြိုင်မြို့နယ်တွင် ဇွန် ၂ ရက်မှ စတင်၍ ဇွန် ၆ ရက်ထိ စစ်ကောင်စီစစ်ကြောင်းနှင့် ပကဖ တိုက်ပွဲများ ဖြစ်ပွားခဲ့သည်။",
     date(2024, 6, 10), date(2024, 6, 2)),
])
def test_period_from_until_is_dated_by_its_start(knowledge, text, published, day) -> None:
    event = _main(knowledge, text, published)
    assert event.event_date == day
    assert event.time_precision == 2


def test_casualty_word_after_a_day_is_no_period_end(knowledge) -> None:
    # "clash on June 8; no casualties (အထိအခိုက်) on the PDF side": the day stays the clash's, exact
    text = "ကနီမြို့နယ်တွင် ဇွန် ၈ ရက် အထိအခိုက်မရှိဘဲ စစ်ကောင်စီတပ်နှင့် PDF တိုက်ပွဲဖြစ်ပွားခဲ့သည်။"
    event = _main(knowledge, text, date(2024, 6, 10))
    assert event.event_date == date(2024, 6, 8)


# --- a people's defence force written with a space, or as a joint force / column, is the PDF ------------

@pytest.mark.parametrize("text", [
    # "clashes between the army and the Myeik district people's defence joint column 1"
    "တနင်္သာရီမြို့နယ်မှာ မတ်လ ၈ ရက်က စစ်တပ်နဲ့ မြိတ်ခရိုင်ပြည်သူ့ ကာကွယ်ရေးပူးပေါင်းစစ်ကြောင်း ၁ တို့ကြား တိုက်ပွဲဖြစ်ခဲ့ပါတယ်။",
    # a space after the people's word: "the people's defence force attacked the junta column"
    "ဆားလင်းကြီးမြို့နယ်တွင် မတ်လ ၈ ရက်က ပြည်သူ့ ကာကွယ်ရေးတပ်ဖွဲ့က စစ်ကောင်စီစစ်ကြောင်းကို တိုက်ခိုက်ခဲ့သည်။",
    # "the people's defence joint force clashed with the junta"
    "ဂန့်ဂေါမြို့နယ်တွင် မတ်လ ၈ ရက်က ပြည်သူ့ကာကွယ်ရေး ပူးပေါင်းတပ်နှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ပွားခဲ့သည်။",
])
def test_spaced_or_joint_peoples_defence_force_is_the_pdf(knowledge, text) -> None:
    event = _main(knowledge, text)
    assert event.event_type == "Battles"
    assert {event.actor1_id, event.actor2_id} == {"pdf", "military_myanmar"}


def test_peoples_defence_ministry_is_no_force() -> None:
    from tasks.lang.my_units import _PDF_SPACED
    # the NUG's defence ministry ("ပြည်သူ့ ကာကွယ်ရေးဝန်ကြီးဌာန") is no fighting force
    assert _PDF_SPACED.search("ပြည်သူ့ ကာကွယ်ရေးဝန်ကြီးဌာနက ထုတ်ပြန်သည်") is None


# --- where the doers are garrisoned ("X တွင် တပ်စွဲထားသော"): their base, not where they came to act -------

@pytest.mark.parametrize("text, township", [
    # "junta troops stationed at a village in southern Kale township came and burned houses in Gangaw's San Myo"
    ("ကလေးမြို့နယ်တောင်ပိုင်း၊ ကျောက်ပြုတ်ကျေးရွာတွင် တပ်စွဲထားသော စစ်ကောင်စီတပ်သည် မတ်လ ၈ ရက်က ဂန့်ဂေါမြို့နယ် "
     "စန်းမြို့ရွာရှိ နေအိမ်များကို မီးရှို့ခဲ့သည်။", "Gangaw"),
    # spoken: "the troops stationed in Monywa came and shelled a village in Budalin township"
    ("မုံရွာမြို့မှာ တပ်စွဲထားတဲ့ စစ်ကောင်စီတပ်က မတ်လ ၈ ရက်နေ့က ဘုတလင်မြို့နယ်ထဲက ရွာတစ်ရွာကို လက်နက်ကြီးနဲ့ ပစ်ခတ်ခဲ့ပါတယ်။",
     "Budalin"),
    # "troops camped (တပ်ချနေသော) at Kani attacked a village of Yinmarbin township"
    ("ကနီမြို့၌ တပ်ချနေသော စစ်ကောင်စီတပ်က မတ်လ ၈ ရက်က ယင်းမာပင်မြို့နယ်ရှိ ရွာတစ်ရွာကို စီးနင်းတိုက်ခိုက်ခဲ့သည်။",
     "Yinmarbin"),
])
def test_garrison_base_is_not_the_place(knowledge, text, township) -> None:
    assert _main(knowledge, text).admin3 == township


def test_garrison_attacked_is_the_place(knowledge) -> None:
    # the base itself is what was attacked, and no other place is named: it stays the place
    text = "ကနီမြို့နယ်တွင် တပ်စွဲထားသော စစ်ကောင်စီတပ်ကို PDF က မတ်လ ၈ ရက်က ဒရုန်းဖြင့် တိုက်ခိုက်ခဲ့သည်။"
    assert _main(knowledge, text).admin3 == "Kani"
