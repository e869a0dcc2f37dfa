"""Session 10 (issue 15): mechanisms several outlets share, each with three or more sentences written for
this test (places real, facts invented): a city of many townships placed bare, a bare kill verb, a count
marked "also" (ကိုပါ), and each side's dead told as a force's (…တပ်မှ)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.lang.my import extract
from tasks.lang.my_text import find_counts, side_tolls

PUBLISHED = date(2024, 5, 10)


@pytest.mark.parametrize("text, state", [
    ("မန္တလေးမြို့မှာ ဒီနေ့ မနက်က လူငယ်တွေ စစ်အာဏာရှင်ဆန့်ကျင်ရေး ဆန္ဒပြခဲ့ကြတယ်။", "Mandalay"),
    ("ရန်ကုန်မြို့တွင် မေ ၈ ရက်က ဗုံးပေါက်ကွဲမှု ဖြစ်ပွားခဲ့သည်။", "Yangon"),
    ("နေပြည်တော်မြို့တွင် မေ ၉ ရက်နေ့က ဒရုန်းဖြင့် တိုက်ခိုက်မှု ဖြစ်ပွားခဲ့သည်။", "Nay Pyi Taw"),
])
def test_a_city_of_many_townships_has_no_township(knowledge, text: str, state: str) -> None:
    event = extract(knowledge, "", text, PUBLISHED, "city").events[0]
    assert state in (event.admin1 or "") and event.admin3 is None


def test_a_township_of_the_city_named_still_places_it(knowledge) -> None:
    text = "ရန်ကုန်မြို့ အင်းစိန်မြို့နယ်တွင် မေ ၈ ရက်က ဗုံးပေါက်ကွဲမှု ဖြစ်ပွားခဲ့သည်။"
    assert extract(knowledge, "", text, PUBLISHED, "city").events[0].admin3 == "Insein"


@pytest.mark.parametrize("text, dead", [
    ("စစ်ကောင်စီတပ်က ရွာသား ၃ ဦးကို သတ်ခဲ့သည်။", 3),                         # killed (bare verb, written style)
    ("ပြည်သူ့စစ်အဖွဲ့က ဆရာမ ၁ ဦးကိုပါ သတ်ပြီး ထွက်ပြေးသွားတယ်။", 1),          # also killed a teacher, then fled
    ("စစ်တပ်က လယ်သမား ၂ ဦးကို ဖမ်းပြီး သတ်ခဲ့တယ်။", 2),                      # arrested and then killed
    ("စစ်ကောင်စီက ဘုန်းကြီးတပါးနဲ့ ရွာသား ၂ ဦးကို သတ်ကာ ဆုတ်ခွာသွားသည်။", 3),   # a monk and two villagers
])
def test_the_bare_kill_verb_is_a_killing(knowledge, text: str, dead: int) -> None:
    assert [(c.kind, c.value) for c in find_counts(text)] == [("killed", dead)]
    event = extract(knowledge, "", text, PUBLISHED, "kill").events[0]
    assert (event.sub_event_type, event.fatalities) == ("Attack", dead)


@pytest.mark.parametrize("text", [
    "အာဏာပိုင်များက လူ ၅ ဦးထက် ပိုမစုဝေးရန် ကန့်သတ်ခဲ့သည်။",      # restricted gatherings to five people
    "ကျန်းမာရေးဝန်ထမ်း ၄ ဦးက ရွာတွင် ပိုးသတ်ခဲ့သည်။",              # four health workers disinfected the village
    "ကန့်သတ်ပြီး ဧည့်သည် ၁၀ ဦးသာ ခွင့်ပြုသည်။",                      # restricted, and only ten guests allowed
])
def test_restricted_and_disinfected_kill_no_one(knowledge, text: str) -> None:
    assert [c for c in find_counts(text) if c.kind == "killed"] == []
    assert extract(knowledge, "", text, PUBLISHED, "kill").events == []


@pytest.mark.parametrize("text, dead", [
    ("KIA တပ်မှ ၄ ဦး ကျဆုံးပြီး စစ်ကောင်စီတပ်မှ ၁၅ ဦး သေဆုံးခဲ့သည်။", 19),
    ("စစ်ကောင်စီတပ်ဖွဲ့မှ အနည်းဆုံး ၂၀ ဦး သေဆုံးပြီး ပကဖတပ်မှ ၃ ဦး ကျဆုံးခဲ့သည်။", 23),
    ("တော်လှန်ရေး ပူးပေါင်းတပ်မှ ၂ ဦး ကျဆုံးပြီး စကစတပ်မှ ၈ ဦး သေဆုံး", 10),
])
def test_each_forces_dead_told_side_by_side_are_summed(text: str, dead: int) -> None:
    counts = find_counts(text)
    assert side_tolls(text, counts) == dead


def test_one_forces_dead_alone_is_no_sum() -> None:
    text = "စစ်ကောင်စီတပ်မှ ၅ ဦး သေဆုံးပြီး ၃ ဦး ဒဏ်ရာရခဲ့သည်။"
    assert side_tolls(text, find_counts(text)) == 0


# a headline run into its dateline and lead with no line break (outlets and excerpts that join lines):
# the page's date is when the news was given, the lead's day is the act's
@pytest.mark.parametrize("text", [
    "ဟားခါးမှာ တိုက်ပွဲဖြစ် ဟားခါး၊ မေ(၁၀) ချင်းပြည်နယ်၊ ဟားခါးမြို့နယ်တွင် မေ ၉ ရက်နေ့က စစ်ကောင်စီတပ်နှင့် CDF တိုက်ပွဲဖြစ်ခဲ့သည်။",
    "လွိုင်ကော်အနီး တိုက်ပွဲ လွိုင်ကော်၊ မေ (၁၀) လွိုင်ကော်မြို့နယ်တွင် မေ ၉ ရက်က KNDF နှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ခဲ့သည်။",
    "မေ ၁၀၊ Example Voice မြင်းမူမြို့နယ်တွင် မေ ၉ ရက်က ပကဖက စစ်ကောင်စီ ယာဉ်တန်းကို မိုင်းဖြင့် တိုက်ခိုက်ခဲ့သည်။",
    "ဗန်းမော်တွင် တိုက်ပွဲပြင်းထန် - Example News - ဗန်းမော်သတင်း ၁၀ရက်၊မေလ၊၂၀၂၄ခုနှစ်။ ဗန်းမော်မြို့နယ်တွင် မေ ၉ ရက်က KIA နှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ခဲ့သည်။",
])
def test_a_dateline_run_into_the_lead_does_not_date_the_act(knowledge, text: str) -> None:
    assert extract(knowledge, "", text, PUBLISHED, "dateline").events[0].event_date == date(2024, 5, 9)


@pytest.mark.parametrize("text", [
    "မေ ၁၀ ရက်နေ့က ဟားခါးမြို့နယ်တွင် တိုက်ပွဲဖြစ်ခဲ့သည်။",                       # the date is the act's (a particle after it)
    "ဟားခါးမြို့နယ်၊ မေ(၁၀) ရက်နေ့တွင် တိုက်ပွဲဖြစ်ခဲ့သည်။",                        # a place and a comma, but "on the 10th"
    "ယနေ့ ၂၀၂၄ ခုနှစ် မေလ ၁၀ ရက်နေ့တွင် ဟားခါးမြို့နယ်၌ တိုက်ပွဲဖြစ်ခဲ့သည်။",     # today, written in full
])
def test_the_acts_own_date_on_the_day_of_the_page_stays(knowledge, text: str) -> None:
    assert extract(knowledge, "", text, PUBLISHED, "dateline").events[0].event_date == date(2024, 5, 10)


# the outlet's name in Latin letters, its base town in it, run into the lead (a byline, a joined line)
@pytest.mark.parametrize("text, outlet_township", [
    ("Dawei Watch မေ ၉ ရက်က ရွာတစ်ရွာတွင် စစ်ကောင်စီတပ်နှင့် ပကဖ တိုက်ပွဲဖြစ်ခဲ့သည်။", "Dawei"),
    ("Myitkyina News Journal မေ ၉ ရက်က ရွာတစ်ရွာကို စစ်ကောင်စီက လေကြောင်းဖြင့် ဗုံးကြဲခဲ့သည်။", "Myitkyina"),
    ("Hpakant Times ကျေးရွာတစ်ရွာတွင် မေ ၉ ရက်က KIA နှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ခဲ့သည်။", "Hpakant"),
])
def test_an_outlets_latin_name_is_no_place(knowledge, text: str, outlet_township: str) -> None:
    event = extract(knowledge, "", text, PUBLISHED, "outlet").events[0]
    assert event.admin3 != outlet_township


def test_a_latin_town_name_alone_still_places() -> None:
    from tasks.lang.my_where import _NOT_PLACE_AFTER
    text = "Dawei မှာ တိုက်ပွဲ"
    assert _NOT_PLACE_AFTER.match(text, len("Dawei")) is None


# two acts told in sequence with "after" (ပြီးနောက်): each clause that names its own parties keeps them
@pytest.mark.parametrize("text, sub, actor1, actor2", [
    ("ဝေါမြို့နယ်ရှိ ရဲစခန်းကို မေ ၈ ရက်က ပကဖ တိုက်ခိုက်ပြီးနောက် ဒေသခံ ၁၀ ဦး ဖမ်းဆီးခံရတယ်။",
     "Arrests", "military_myanmar", "civilians_myanmar"),
    ("ဝေါမြို့နယ်ရှိ ရဲစခန်းကို မေ ၈ ရက်က ပကဖ တိုက်ခိုက်ပြီးနောက် ဒေသခံ ၁၀ ဦးကို စစ်ကောင်စီတပ်က ဖမ်းဆီးခဲ့တယ်။",
     "Arrests", "military_myanmar", "civilians_myanmar"),
    ("ကျောက်ပန်းတောင်းမြို့နယ်တွင် မေ ၈ ရက်က ပကဖ တိုက်ခိုက်ပြီးတဲ့နောက် ရွာသား ၅ ဦး ဖမ်းဆီးခံခဲ့ရသည်။",
     "Arrests", "military_myanmar", "civilians_myanmar"),
])
def test_a_second_act_after_the_first_keeps_its_own_parties(knowledge, text, sub, actor1, actor2) -> None:
    event = extract(knowledge, "", text, PUBLISHED, "after").events[0]
    assert (event.sub_event_type, event.actor1_id, event.actor2_id) == (sub, actor1, actor2)


def test_a_second_act_naming_no_one_shares_the_doer(knowledge) -> None:
    text = "စစ်ကောင်စီတပ်က ရွာကို မေ ၈ ရက်က စီးနင်းပြီးနောက် အိမ်များကို မီးရှို့ခဲ့သည်။"
    event = extract(knowledge, "", text, PUBLISHED, "after").events[0]
    assert (event.sub_event_type, event.actor1_id) == ("Looting/property destruction", "military_myanmar")


# the junta's militia named generically in the headline, by its own name further on: that militia
@pytest.mark.parametrize("text, militia", [
    ("ရွာသား ၃ ဦးကို စစ်ကောင်စီလက်အောက်ခံ ပြည်သူ့စစ်အဖွဲ့က မေ ၈ ရက်က ပစ်သတ်ခဲ့သည်။\n"
     "ပအိုဝ်းပြည်သူ့စစ်အဖွဲ့ PNO/PNA က ဟိုပုံးမြို့နယ်တွင် ပစ်ခတ်ခဲ့ခြင်းဖြစ်သည်။", "pno_pna"),
    ("ဖယ်ခုံမြို့နယ်တွင် ပြည်သူ့စစ်က ရွာသား ၂ ဦးကို မေ ၈ ရက်က ပစ်သတ်ခဲ့သည်။\n"
     "ပစ်ခတ်သူများမှာ PNA အဖွဲ့ဝင်များ ဖြစ်သည်။", "pno_pna"),
    ("ပြည်သူ့စစ်အဖွဲ့က ကော့ကရိတ်မြို့နယ်ရှိ ရွာသား ၄ ဦးကို မေ ၈ ရက်က ဖမ်းဆီးခဲ့သည်။\n"
     "ဖမ်းဆီးသူများမှာ KNA အဖွဲ့ဝင်များ ဖြစ်သည်။", "kna_bgf"),
])
def test_a_generic_militia_is_the_one_the_article_names(knowledge, text: str, militia: str) -> None:
    assert extract(knowledge, "", text, PUBLISHED, "militia").events[0].actor1_id == militia


def test_a_generic_militia_stays_generic_when_none_or_two_are_named(knowledge) -> None:
    text = "ပြည်သူ့စစ်အဖွဲ့က ရွာသား ၂ ဦးကို မေ ၈ ရက်က ပစ်သတ်ခဲ့သည်။"
    assert extract(knowledge, "", text, PUBLISHED, "militia").events[0].actor1_id == "militia_progov"


# a headline's kill verb with no ending (…သတ်ဖြတ်၊ / …ပစ်သတ်၊), and "seized and killed" told past the window
@pytest.mark.parametrize("text, dead", [
    ("KNDF တပ်ဖွဲ့ဝင်သုံးဦးကို စစ်ကောင်စီလက်အောက်ခံ ပြည်သူ့စစ်အဖွဲ့ဝင်များက ဖမ်းဆီးသတ်ဖြတ်၊ KNDF ရှုတ်ချ", 3),
    ("ရွာသား ၂ ဦးကို စစ်တပ်က ပစ်သတ်၊ ရွာသားများ ထွက်ပြေး", 2),
    ("ကျောင်းဆရာ ၄ ဦးကို ပျူစောထီးအဖွဲ့က ညအချိန် ဖမ်းဆီးသတ်ဖြတ်။", 4),
])
def test_a_headline_kill_verb_counts_its_dead(text: str, dead: int) -> None:
    assert [(c.kind, c.value) for c in find_counts(text)][:1] == [("killed", dead)]


def test_seized_alone_stays_an_arrest() -> None:
    assert [(c.kind, c.value) for c in find_counts("ရွာသား ၅ ဦးကို စစ်တပ်က ဖမ်းဆီး၊")] == [("arrested", 5)]


# "because of X's [act]" (X ၏ …မှုကြောင့်): X did the act the dead or wounded named after it suffered
@pytest.mark.parametrize("text, actor1, actor2", [
    ("ရခိုင့်တပ်တော် (AA) ၏ ဒရုန်းတိုက်ခိုက်မှုကြောင့် စစ်ကောင်စီ စစ်သား ၄ ဦး သေဆုံးခဲ့သည်။", "ula_aa", "military_myanmar"),
    ("ပကဖ၏ လက်နက်ကြီးပစ်ခတ်မှုကြောင့် စစ်ကောင်စီတပ်သား ၄ ဦး သေဆုံးခဲ့သည်။", "pdf", "military_myanmar"),
    ("KIA ရဲ့ ဒရုန်းနဲ့ တိုက်ခိုက်မှုတွေကြောင့် စစ်တပ်ဘက်က ၆ ဦး ဒဏ်ရာရတယ်။", "kia", "military_myanmar"),
    ("စစ်ကောင်စီ၏ ဗုံးကြဲတိုက်ခိုက်မှုကြောင့် ပကဖ ၃ ဦး ကျဆုံးခဲ့သည်။", "military_myanmar", "pdf"),
])
def test_whose_act_the_dead_died_of_did_it(knowledge, text: str, actor1: str, actor2: str) -> None:
    event = extract(knowledge, "", text, PUBLISHED, "cause").events[0]
    assert (event.actor1_id, event.actor2_id) == (actor1, actor2)


# weapons as outlets name them: the mortar (စိန်ပြောင်း), fire "from the air" (လေကြောင်းက/မှ), bombs counted
# between the bomb and the verb ("ဗုံး ၄ လုံး ကြဲချ")
@pytest.mark.parametrize("text, sub, actor1", [
    ("ပကဖက မေ ၈ ရက်က စစ်ကောင်စီ စခန်းကို ၆၀ မမ စိန်ပြောင်းဖြင့် ပစ်ခတ်ခဲ့သည်။", "Shelling/artillery/missile attack", "pdf"),
    ("စစ်ကောင်စီ တပ်စခန်းမှ စိန်ပြောင်းကျည် ရွာထဲ ကျရောက်ပြီး ရွာသား ၁ ဦး ဒဏ်ရာရခဲ့သည်။", "Shelling/artillery/missile attack", "military_myanmar"),
    ("စစ်ကောင်စီ လေကြောင်းက ဒုံးကျည်ဖြင့် ကန့်ဘလူမြို့နယ်ရှိ ရွာကို ပစ်ခတ်ခဲ့သည်။", "Air/drone strike", "military_myanmar"),
    ("ရွာကို စစ်ကောင်စီက လေကြောင်းမှ ဒုံးပစ်ခဲ့ရာ ရွာသား ၂ ဦး သေဆုံးခဲ့သည်။", "Air/drone strike", "military_myanmar"),
    ("စစ်ကောင်စီ Y-12 လေယာဉ်က ကနီမြို့နယ်ရှိ ရွာကို ဗုံး (၄) လုံး ကြဲချခဲ့သည်။", "Air/drone strike", "military_myanmar"),
    ("ညအချိန် စစ်ကောင်စီက ရွာပေါ်သို့ ဗုံးသုံးလုံး ကျဲခဲ့သည်။", "Air/drone strike", "military_myanmar"),
])
def test_weapons_as_outlets_name_them(knowledge, text: str, sub: str, actor1: str) -> None:
    event = extract(knowledge, "", text, PUBLISHED, "weapon").events[0]
    assert (event.sub_event_type, event.actor1_id) == (sub, actor1)


def test_bombs_counted_but_not_dropped_are_no_air_strike(knowledge) -> None:
    assert extract(knowledge, "", "ဗုံး ၃ လုံး ချိန်ထားသည်ကို တွေ့ရှိခဲ့သည်။", PUBLISHED, "weapon").events == []


# a name in the possessive (its last open syllable in the creaky tone: စစ်ကောင်စီ့, ရခိုင့်) is still the name
@pytest.mark.parametrize("text, actor1", [
    ("စစ်ကောင်စီ့တပ်က ရွာသား ၃ ဦးကို မေ ၈ ရက်က ပစ်သတ်ခဲ့သည်။", "military_myanmar"),
    ("စစ်ကောင်စီ့ စစ်ကြောင်းက ရွာကို မေ ၈ ရက်က မီးရှို့ခဲ့သည်။", "military_myanmar"),
    ("ရခိုင့်တပ်က စစ်ကောင်စီ စခန်းကို မေ ၈ ရက်က တိုက်ခိုက်ခဲ့သည်။", "ula_aa"),
])
def test_a_name_in_the_possessive_is_the_name(knowledge, text: str, actor1: str) -> None:
    assert extract(knowledge, "", text, PUBLISHED, "possessive").events[0].actor1_id == actor1


def test_the_possessive_tone_makes_no_place_nor_people(knowledge) -> None:
    # "အရှေ့" (east) is no place name's possessive; "ပြည်သူ့" (public) is no mention of civilians
    kinds = [(m.kind, m.text) for m in knowledge.find("ရွာအရှေ့ခြမ်း ပြည်သူ့ရင်ပြင်", myanmar_context=True)]
    assert kinds == []


@pytest.mark.parametrize("text, actor1", [
    ("အမ်အင်န်ဒီအေအေက စစ်ကောင်စီ စခန်းကို မေ ၈ ရက်က သိမ်းပိုက်ခဲ့သည်။", "mndaa"),
    ("ကေအင်န်ဒီအက်ဖ်က စစ်ကောင်စီ စခန်းကို မေ ၈ ရက်က တိုက်ခိုက်ခဲ့သည်။", "kndf"),
    ("စီအင်န်အေက စစ်ကောင်စီ စခန်းကို မေ ၈ ရက်က တိုက်ခိုက်ခဲ့သည်။", "cna"),
    ("အာဏာရှင်တပ်က ရွာသား ၃ ဦးကို မေ ၈ ရက်က ပစ်သတ်ခဲ့သည်။", "military_myanmar"),
])
def test_spelled_acronyms_with_n_as_in_and_the_dictators_army(knowledge, text: str, actor1: str) -> None:
    assert extract(knowledge, "", text, PUBLISHED, "names").events[0].actor1_id == actor1


@pytest.mark.parametrize("text, force", [
    ("ရဲတပ်ဖွဲ့က ဆန္ဒပြသူ ၃ ဦးကို မေ ၈ ရက်က ပစ်သတ်ခဲ့သည်။", "police_myanmar"),
    ("လုံထိန်းတပ်ဖွဲ့က ဆန္ဒပြသူ ၂ ဦးကို မေ ၈ ရက်က ပစ်သတ်ခဲ့သည်။", "police_myanmar"),
    ("စစ်ကောင်စီတပ်က ဆန္ဒပြသူများကို မေ ၈ ရက်က ပစ်ခတ်ခဲ့ရာ ၁ ဦး သေဆုံးခဲ့သည်။", "military_myanmar"),
])
def test_security_forces_shooting_protesters_is_excessive_force(knowledge, text: str, force: str) -> None:
    event = extract(knowledge, "", text, PUBLISHED, "protest").events[0]
    assert (event.sub_event_type, event.actor1_id, event.actor2_id) == (
        "Excessive force against protesters", force, "protesters_myanmar")


@pytest.mark.parametrize("text", [
    "စစ်ကောင်စီ ဘက်တော်သား အုပ်ချုပ်ရေးမှူးကို အမည်မသိ လူနှစ်ဦးက မေ ၈ ရက်က ပစ်သတ်ခဲ့သည်။",
    "စစ်ကောင်စီ ဘက်တော်သား တစ်ဦးကို မေ ၈ ရက်က အမည်မသိ သေနတ်သမားများက ပစ်သတ်ခဲ့သည်။",
    "စစ်ကောင်စီဘက်တော်သား ရွာသား ၂ ဦး မေ ၈ ရက်က ပစ်သတ်ခံရသည်။",
])
def test_the_juntas_partisans_are_no_side(knowledge, text: str) -> None:
    event = extract(knowledge, "", text, PUBLISHED, "partisan").events[0]
    assert event.actor1_id != "military_myanmar" and event.actor2_id == "civilians_myanmar"


# fighting told of a list of places at once sums up many events: the first act told of one place leads
@pytest.mark.parametrize("text, township", [
    ("ရှမ်းမြောက်နှင့် မိုးကုတ်မြို့တို့တွင် တိုက်ပွဲများ ဆက်ဖြစ်နေ\n"
     "မေ ၉ ရက် ညပိုင်းတွင် ကျောက်မဲမြို့နယ် ရွာတစ်ရွာ၌ TNLA နှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ပွားခဲ့သည်။", "Kyaukme"),
    ("ကနီ၊ ယင်းမာပင်နှင့် ပုလဲမြို့နယ်တို့တွင် တိုက်ပွဲများ ပြင်းထန်\n"
     "မေ ၉ ရက်က ဆားလင်းကြီးမြို့နယ် ရွာတစ်ရွာတွင် ပကဖနှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ခဲ့သည်။", "Salingyi"),
    ("ဖားကန့်နဲ့ မိုးညှင်းမြို့နယ်တို့မှာ တိုက်ပွဲတွေ ဆက်ဖြစ်နေ\n"
     "မေ ၉ ရက်က ဗန်းမော်မြို့နယ်မှာ KIA နဲ့ စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ခဲ့တယ်။", "Bhamo"),
])
def test_a_tally_of_places_gives_way_to_the_first_event_of_one_place(knowledge, text: str, township: str) -> None:
    assert extract(knowledge, "", text, PUBLISHED, "tally").events[0].admin3 == township


def test_a_tally_alone_is_still_the_event(knowledge) -> None:
    text = "ကနီ၊ ယင်းမာပင်နှင့် ပုလဲမြို့နယ်တို့တွင် မေ ၉ ရက်က တိုက်ပွဲများ ပြင်းထန်စွာ ဖြစ်ပွားခဲ့သည်။"
    assert extract(knowledge, "", text, PUBLISHED, "tally").events[0].event_type == "Battles"


# an act in a relative clause describes the side it names ("the column that was burning the village"): that
# side did it, and the sentence's own act (the attack on the column) is the news
@pytest.mark.parametrize("text, lead, described", [
    ("မြင်းမူမြို့နယ်ရှိ ရွာကို မီးရှို့နေသည့် စစ်ကြောင်းကို မေ ၈ ရက်က ပကဖက လက်နက်ကြီးဖြင့် ပစ်ခတ်ခဲ့သည်။",
     ("Shelling/artillery/missile attack", "pdf", "military_myanmar"), ("Looting/property destruction", "military_myanmar")),
    ("ရွာကို မေ ၈ ရက်က မီးရှို့ခဲ့သော စစ်ကောင်စီတပ်ကို ပကဖက ခြုံခိုတိုက်ခိုက်ခဲ့သည်။",
     ("Armed clash", "pdf", "military_myanmar"), ("Looting/property destruction", "military_myanmar")),
    ("ရွာသားများကို ဖမ်းဆီးနေတဲ့ စစ်တပ်ကို မေ ၈ ရက်က ပကဖက တိုက်ခိုက်ခဲ့တယ်။",
     ("Armed clash", "pdf", "military_myanmar"), ("Arrests", "military_myanmar")),
])
def test_an_act_describing_a_side_is_that_sides(knowledge, text: str, lead: tuple, described: tuple) -> None:
    events = extract(knowledge, "", text, PUBLISHED, "relative").events
    assert (events[0].sub_event_type, events[0].actor1_id, events[0].actor2_id) == lead
    assert described in [(e.sub_event_type, e.actor1_id) for e in events[1:]]
