"""Burmese rules of docs/burmese.md "Round 11" (issue 15, session 8: fresh real articles, dev half only).
Every sentence here was written for these tests (places real, facts invented); each rule has three or
more phrasings."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.lang import extract
from tests.first_event import first_burmese_event

PUBLISHED = date(2025, 3, 10)


def _main(knowledge, text: str, published: date = PUBLISHED):
    return first_burmese_event(knowledge, text, published)


# --- "တော်လှန်ရေး ရဲဘော်" (revolutionary comrades) are resistance fighters --------------------------------

@pytest.mark.parametrize("text", [
    # "in a clash with the junta in Wetlet township, three revolutionary comrades fell"
    "စစ်ကိုင်းတိုင်း၊ ဝက်လက်မြို့နယ်တွင် မတ်လ ၈ ရက်က စစ်ကောင်စီတပ်နှင့် တိုက်ပွဲဖြစ်ပွားရာ တော်လှန်ရေးရဲဘော် သုံးဦး ကျဆုံးခဲ့သည်။",
    # the same with a space inside the name and the toll first
    "တော်လှန်ရေး ရဲဘော် ၂ ဦး ကျဆုံးခဲ့သည့် တိုက်ပွဲသည် ကနီမြို့နယ်တွင် မတ်လ ၈ ရက်က စစ်ကောင်စီတပ်နှင့် ဖြစ်ပွားခဲ့သည်။",
    # spoken style: "the junta column and the revolutionary comrades clashed in Salingyi"
    "ဆားလင်းကြီးမြို့နယ်မှာ မတ်လ ၈ ရက်နေ့က စစ်ကောင်စီစစ်ကြောင်းနဲ့ တော်လှန်ရေးရဲဘော်တွေ တိုက်ပွဲဖြစ်ခဲ့ပါတယ်။",
])
def test_revolutionary_comrades_are_the_resistance_side(knowledge, text) -> None:
    event = _main(knowledge, text)
    assert event.event_type == "Battles"
    assert {event.actor1_id, event.actor2_id} == {"pdf", "military_myanmar"}


# --- "အလင်းဝင်" (defected to the resistance): a strategic development, not a battle ------------------------

@pytest.mark.parametrize("text, receiver", [
    # "two soldiers of LIB 269 defected with their weapons to the CDF on March 8"
    ("ချင်းပြည်နယ်၊ ထန်တလန်မြို့နယ်ရှိ ခလရ ၂၆၉ မှ တပ်သား ၂ ဦး လက်နက်များနှင့်အတူ CDF ထံ မတ်လ ၈ ရက်တွင် "
     "အလင်းဝင်ခဲ့သည်။", "cdf"),
    # "three junta soldiers came over to the KIA on March 8"
    ("ကချင်ပြည်နယ်၊ မိုးကောင်းမြို့နယ်တွင် စစ်ကောင်စီတပ်သား ၃ ဦးသည် ကေအိုင်အေထံ မတ်လ ၈ ရက်က အလင်းဝင်လာကြသည်။",
     "kia"),
    # spoken style: "a police sergeant defected to the PDF yesterday, the PDF said"
    ("မုံရွာမြို့နယ်က ရဲတပ်ကြပ်ကြီး တစ်ဦး မနေ့က ပကဖ ဘက်ကို အလင်းဝင်လာတယ်လို့ ပကဖ က ပြောပါတယ်။", "pdf"),
])
def test_a_defection_is_a_strategic_development(knowledge, text, receiver) -> None:
    event = _main(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Other")
    assert receiver in (event.actor1_id, event.actor2_id)


# --- a place hyphened to a group's name is where the group was raised, not where it acted -----------------------

@pytest.mark.parametrize("text, state, township", [
    # "in Sagaing Region, PDF-Kani ambushed a junta column on March 8": Kani is the group's home, not the place
    ("စစ်ကိုင်းတိုင်းတွင် မတ်လ ၈ ရက်က PDF-Kani က စစ်ကြောင်းကို ချုံခိုတိုက်ခိုက်ခဲ့သည်။", "Sagaing", None),
    # an English name the matcher does not know, hyphened to its town: soldiers of the Thantlang-based
    # battalion defected to "Chinland DefenseForce-Hakha"
    ("ထန်တလန်မြို့အခြေစိုက် ခလရ ၂၆၉ မှ တပ်သား ၃ ဦး Chinland DefenseForce-Hakha ထံ မတ်လ ၈ ရက်တွင် "
     "အလင်းဝင်ခဲ့သည်။", "Chin", "Thantlang"),
    # "the Chinland DefenseForce-Matupi and the junta clashed in Chin State", no township told
    ("ချင်းပြည်နယ်တွင် Chinland DefenseForce-Matupi နှင့် စစ်ကောင်စီတပ်တို့ မတ်လ ၈ ရက်က တိုက်ပွဲဖြစ်ပွားခဲ့သည်။",
     "Chin", None),
])
def test_a_place_in_a_groups_name_is_not_the_events_place(knowledge, text, state, township) -> None:
    event = _main(knowledge, text)
    assert (event.admin1 or "").startswith(state)
    assert event.admin3 == township


# --- "from the 14th on ..., announced on the 20th": the day the fighting began ------------------------------

@pytest.mark.parametrize("text, day", [
    # "from March 2 the KNDF fought the junta and took camps, the KNDF announced on March 8"
    ("မတ်လ ၂ ရက်ကစပြီး KNDF သည် စစ်ကောင်စီနှင့် တိုက်ပွဲဖြစ်ပွားကာ ဒီးမော့ဆိုမြို့နယ်ရှိ စခန်းများကို "
     "သိမ်းပိုက်ခဲ့ကြောင်း မတ်လ ၈ ရက်တွင် KNDF ကသတင်းထုတ်ပြန်သည်။", 2),
    # with မှစ၍ and the statement's day first
    ("မတ်လ ၈ ရက်က ထုတ်ပြန်ချက်အရ မတ်လ ၃ ရက်မှစ၍ ဖယ်ခုံမြို့နယ်တွင် စစ်ကောင်စီနှင့် ပကဖ တိုက်ပွဲများ ဖြစ်ပွားခဲ့သည်ဟု "
     "ပကဖ က မတ်လ ၈ ရက်တွင် ကြေညာသည်။", 3),
    # spoken style, "since the 4th" told with ကနေ စပြီး
    ("ဂန့်ဂေါမြို့နယ်မှာ မတ်လ ၄ ရက်ကနေ စပြီး ပကဖ နဲ့ စစ်တပ် တိုက်ပွဲတွေ ဖြစ်နေတယ်လို့ မတ်လ ၈ ရက်မှာ ပကဖ က "
     "သတင်းထုတ်ပြန်ပါတယ်။", 4),
])
def test_fighting_from_a_day_on_announced_later_is_dated_by_its_first_day(knowledge, text, day) -> None:
    event = _main(knowledge, text)
    assert event.event_date == date(2025, 3, day)
    assert event.time_precision == 2


# --- a side's post burned in the fighting is part of the battle ---------------------------------------------

@pytest.mark.parametrize("text", [
    # "two days of fighting in Yenangyaung township and a PDF outpost burned"
    "ရေနံချောင်းမြို့နယ်တွင် မတ်လ ၈ ရက်က တိုက်ပွဲများ ဖြစ်ပွားပြီး PDF ကင်းစခန်းတစ်ခု မီးရှို့ဖျက်ဆီးခံရသည်။",
    # "the PDF clashed with the junta and burned its gate"
    "ပကဖ နှင့် စစ်ကောင်စီတပ် မတ်လ ၈ ရက်က ဆောမြို့နယ်တွင် တိုက်ပွဲဖြစ်ပွားပြီး စစ်ကောင်စီ ဂိတ်ကို မီးရှို့ခဲ့သည်။",
    # spoken style: "fighting broke out and the junta's camp was set on fire"
    "မြင်းမူမြို့နယ်မှာ မတ်လ ၈ ရက်နေ့က တိုက်ပွဲဖြစ်ပြီး စစ်ကောင်စီ တပ်စခန်း မီးရှို့ခံရတယ်။",
])
def test_a_post_burned_in_a_battle_makes_the_battle_the_event(knowledge, text) -> None:
    assert _main(knowledge, text).event_type == "Battles"


def test_houses_burned_after_a_clash_stay_a_burning(knowledge) -> None:
    # the rule is about posts: "clashed, then burned 30 houses in the village" keeps its burning
    text = ("စစ်ကောင်စီတပ်သည် မတ်လ ၈ ရက်က ဆောမြို့နယ်တွင် ပကဖ နှင့် တိုက်ပွဲဖြစ်ပွားပြီး ရွာထဲရှိ နေအိမ် ၃၀ ကို မီးရှို့ခဲ့သည်။")
    events = extract(knowledge, "", text, PUBLISHED, "r11").events
    assert any(e.sub_event_type == "Looting/property destruction" for e in events)


# --- township names as news spells them: ဇ typed စ, the -in rhyme without its tone (long names only) -----------

@pytest.mark.parametrize("text, township", [
    # "a bomb went off in Chanayethazan township on March 8, two hurt"
    ("မတ်လ ၈ ရက်က မန္တလေးမြို့ ချမ်းအေးသာစံမြို့နယ်တွင် ဗုံးပေါက်ကွဲမှု ဖြစ်ပွားပြီး ၂ ဦး ဒဏ်ရာရသည်။", "Chanayethazan"),
    # "a grenade was thrown at the ward office in Aungmyaythazan township"
    ("အောင်မြေသာစံမြို့နယ်ရှိ ရပ်ကွက်အုပ်ချုပ်ရေးမှူးရုံးကို မတ်လ ၈ ရက်က လက်ပစ်ဗုံးဖြင့် တိုက်ခိုက်ခဲ့သည်။", "Aungmyaythazan"),
    # "the army burned a village in Tabayin (Depayin) township"
    ("ဒီပဲယင်မြို့နယ်ရှိ ရွာတစ်ရွာကို စစ်ကောင်စီတပ်က မတ်လ ၈ ရက်က မီးရှို့ခဲ့သည်။", "Tabayin"),
    # "PDF and junta clashed in Yinmarbin township"
    ("ယင်မာပင်မြို့နယ်တွင် မတ်လ ၈ ရက်က ပကဖ နှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ပွားသည်။", "Yinmarbin"),
])
def test_township_names_in_the_spellings_news_uses(knowledge, text, township) -> None:
    assert _main(knowledge, text).admin3 == township


def test_a_short_name_without_its_tone_is_no_township(knowledge) -> None:
    # "တနိုင်ငံလုံး" (the whole country) begins with "တနိုင်", Tanai without its tone: no place
    text = "စစ်ကောင်စီက တနိုင်ငံလုံးတွင် မတ်လ ၈ ရက်က လူငယ် ၅၀ ကို ဖမ်းဆီးခဲ့သည်။"
    events = extract(knowledge, "", text, PUBLISHED, "r11").events
    assert all(e.admin3 != "Tanai" for e in events)


# --- "X ၏ ...မှုကို Y က ခံရ" (Y suffered X's attack): X did it, Y took it ------------------------------------

@pytest.mark.parametrize("text", [
    # "the junta column suffered the PDF's mine attack in Saw township, four soldiers killed"
    "ဆောမြို့နယ်တွင် မတ်လ ၈ ရက်က ပကဖ ၏ မိုင်းဆွဲတိုက်ခိုက်မှုကို စစ်ကြောင်းက ခံခဲ့ရပြီး စစ်သား ၄ ဦး သေဆုံးသည်။",
    # "the junta's gate in Myaing suffered the PDF's drone attack"
    "မြိုင်မြို့နယ်ရှိ ဂိတ်တွင် မတ်လ ၈ ရက်က ပကဖ ရဲ့ ဒရုန်းတိုက်ခိုက်မှုကို စစ်ကောင်စီတပ်က ခံလိုက်ရတယ်။",
    # "the police post in Kani suffered the PDF's attack"
    "ကနီမြို့နယ်တွင် မတ်လ ၈ ရက်က ပကဖ ၏ တိုက်ခိုက်ခြင်းကို ရဲစခန်းက ခံခဲ့ရသည်။",
])
def test_the_owner_of_a_suffered_attack_is_its_doer(knowledge, text) -> None:
    event = _main(knowledge, text)
    assert event.actor1_id == "pdf"
    assert event.actor2_id in ("military_myanmar", "police_myanmar")


# --- a resistance battalion by its four-digit number or its district -----------------------------------------

@pytest.mark.parametrize("text", [
    # "battalion (4005) and a junta column clashed in Kani township"
    "ကနီမြို့နယ်တွင် မတ်လ ၈ ရက်က တပ်ရင်း (၄၀၀၅) နှင့် စစ်ကြောင်း တိုက်ပွဲဖြစ်ပွားသည်။",
    # "Shwebo district battalion no. 2 and a junta column clashed in Wetlet township"
    "ဝက်လက်မြို့နယ်တွင် မတ်လ ၈ ရက်က ရွှေဘိုခရိုင်အမှတ် ၂ တပ်ရင်း နှင့် စစ်ကြောင်း တိုက်ပွဲဖြစ်သည်။",
    # "the Katha district PDF battalion (3) and a junta column clashed"
    "ကသာမြို့နယ်တွင် မတ်လ ၈ ရက်က ကသာခရိုင် PDF တပ်ရင်း (၃) နှင့် စစ်ကြောင်း တိုက်ပွဲဖြစ်သည်။",
    # spoken style: "battalion 3801 fought the column near the village"
    "အုတ်ဖိုမြို့နယ် ရွာအနီးမှာ မတ်လ ၈ ရက်က တပ်ရင်း ၃၈၀၁ နဲ့ စစ်ကြောင်း တိုက်ပွဲဖြစ်ခဲ့တယ်။",
])
def test_a_numbered_resistance_battalion_is_the_pdf(knowledge, text) -> None:
    event = _main(knowledge, text)
    assert {event.actor1_id, event.actor2_id} == {"pdf", "military_myanmar"}


def test_the_juntas_tank_battalion_stays_the_military(knowledge) -> None:
    # "a column from tank battalion 6006 burned a village in Kanbalu township"
    text = "ကန့်ဘလူမြို့နယ်တွင် မတ်လ ၈ ရက်က တင့်ကားတပ်ရင်း ၆၀၀၆ မှ စစ်ကြောင်းက ရွာကို မီးရှို့သည်။"
    assert _main(knowledge, text).actor1_id == "military_myanmar"


# --- a resistance force's strike on a post or column with no owner named: the junta's ------------------------

@pytest.mark.parametrize("text", [
    # "the PDF drone-bombed the garrison camp in Kani township, three killed"
    "ပကဖ က မတ်လ ၈ ရက်က ကနီမြို့နယ်ရှိ အထိုင်စခန်းကို ဒရုန်းဖြင့် ဗုံးကြဲတိုက်ခိုက်ခဲ့ပြီး ၃ ဦး သေဆုံးသည်။",
    # "Dragon Force and the Pakokku PDF struck the gate with drones"
    "Dragon Force နှင့် ပခုက္ကူ ပကဖ က မတ်လ ၈ ရက်က ပခုက္ကူမြို့နယ်ရှိ ဂိတ်ကို ဒရုန်းဖြင့် တိုက်ခိုက်သည်။",
    # spoken style: "the KIA fired on the convoy near Bhamo"
    "KIA က မတ်လ ၈ ရက်နေ့က ဗန်းမော်မြို့အနီးမှာ ယာဉ်တန်းကို လက်နက်ကြီးနဲ့ ပစ်ခတ်တိုက်ခိုက်ခဲ့တယ်။",
])
def test_a_resistance_strike_on_an_unowned_post_hits_the_military(knowledge, text) -> None:
    assert _main(knowledge, text).actor2_id == "military_myanmar"


def test_a_resistance_strike_that_hit_homes_keeps_the_civilians(knowledge) -> None:
    # "the PDF drone-bombed the camp and a bomb fell on a house in the village, two villagers hurt"
    text = ("ပကဖ က မတ်လ ၈ ရက်က ကနီမြို့နယ်ရှိ စခန်းကို ဒရုန်းဖြင့် ဗုံးကြဲရာ ဗုံးတစ်လုံးသည် ရွာထဲရှိ နေအိမ်ပေါ် ကျပြီး "
            "ရွာသား ၂ ဦး ဒဏ်ရာရသည်။")
    assert _main(knowledge, text).actor2_id == "civilians_myanmar"


@pytest.mark.parametrize("text, township", [
    # "the junta's jet bombed Namhkan town, three civilians killed" with the creaky nasal written န့်
    ("မတ်လ ၈ ရက်က နန့်ခမ်းမြို့ကို စစ်ကောင်စီ ဂျက်လေယာဉ်က ဗုံးကြဲရာ အရပ်သား ၃ ဦး သေဆုံးသည်။", "Namhkan"),
    # "TNLA and the junta clashed in Namhsan township" (နန့်ဆန် for MIMU's နမ့်ဆန်)
    ("မတ်လ ၈ ရက်က နန့်ဆန်မြို့နယ်တွင် TNLA နှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ပွားသည်။", "Namhsan"),
    # "shells fell on a ward of Nansang town" (နန့်စန် for နမ့်စန်)
    ("မတ်လ ၈ ရက်က နန့်စန်မြို့ ရပ်ကွက်တစ်ခုထဲသို့ စစ်ကောင်စီ၏ လက်နက်ကြီးကျည် ကျရောက်ခဲ့သည်။", "Nansang"),
])
def test_shan_names_with_the_nasal_written_either_way(knowledge, text, township) -> None:
    assert _main(knowledge, text).admin3 == township


# --- "စစ်ကောင်စီ ရဲတပ်ဖွဲ့" (the junta's police): one side, not two ----------------------------------------------

@pytest.mark.parametrize("text, doer", [
    # "the junta's police arrested two NLD members in Pathein"
    ("မတ်လ ၈ ရက်က ပုသိမ်မြို့တွင် စစ်ကောင်စီ ရဲတပ်ဖွဲ့က NLD ပါတီဝင် ၂ ဦးကို ဖမ်းဆီးခဲ့သည်။", "police_myanmar"),
    # "the junta's Pyu Saw Htee burned houses in Myinmu township"
    ("မတ်လ ၈ ရက်က မြင်းမူမြို့နယ်ရှိ ရွာတစ်ရွာမှ နေအိမ်များကို စစ်ကောင်စီ ပျူစောထီးများက မီးရှို့ခဲ့သည်။", "pyu_saw_htee"),
    # spoken style: "the junta's police took three youths away in Hlaing"
    ("လှိုင်မြို့နယ်မှာ မတ်လ ၈ ရက်နေ့က စစ်ကောင်စီ ရဲတပ်ဖွဲ့ဝင်တွေက လူငယ် ၃ ယောက်ကို ဖမ်းဆီးသွားတယ်။", "police_myanmar"),
])
def test_the_juntas_name_before_its_force_is_no_second_side(knowledge, text, doer) -> None:
    event = _main(knowledge, text)
    assert event.actor1_id == doer
    assert event.actor2_id == "civilians_myanmar"


# --- a local CDF named in Latin is the CDF, as its Burmese names are -----------------------------------------

@pytest.mark.parametrize("text", [
    # "CDF-Hakha and the junta clashed near Hakha"
    "မတ်လ ၈ ရက်က ဟားခါးမြို့အနီးတွင် CDF-Hakha နှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်ပွားသည်။",
    # "CDF-Mindat ambushed a junta column in Mindat township"
    "CDF-Mindat က မတ်လ ၈ ရက်တွင် မင်းတပ်မြို့နယ်ရှိ စစ်ကြောင်းကို ချုံခိုတိုက်ခိုက်ခဲ့သည်။",
    # spoken style: "the junta's jets bombed a CDF-Matupi camp"
    "မတ်လ ၈ ရက်နေ့က စစ်ကောင်စီ ဂျက်လေယာဉ်တွေက မတူပီမြို့နယ်မှာရှိတဲ့ CDF-Matupi စခန်းကို ဗုံးကြဲခဲ့တယ်။",
])
def test_a_local_cdf_in_latin_is_the_cdf(knowledge, text) -> None:
    event = _main(knowledge, text)
    assert "cdf" in (event.actor1_id, event.actor2_id)
    assert not any((a or "").startswith("cdf_") for a in (event.actor1_id, event.actor2_id))
