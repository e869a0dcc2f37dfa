"""Burmese extraction rules from the sixth round (issue 15, generalisation on fresh real reporting). Every
sentence here was written for these tests (places real, facts invented)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.lang import extract
from tasks.lang.my_dates import find_dates
from tasks.lang.my_text import find_counts
from tests.first_event import first_burmese_event

PUBLISHED = date(2025, 3, 12)  # a Wednesday


def _main(knowledge, text: str, published: date = PUBLISHED):
    return first_burmese_event(knowledge, text, published)


def _sides(event) -> set:
    return {event.actor1_id, event.actor2_id}


# --- open families of actor names -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "မကွေးတိုင်း ဆောမြို့နယ်တွင် တပ်မ ၁၀၁ မှ စစ်ကြောင်းနှင့် ဒေသခံ ကာကွယ်ရေးတပ်ဖွဲ့များ တိုက်ပွဲဖြစ်ပွားခဲ့သည်။",
    "မကွေးတိုင်း ဆောမြို့နယ်တွင် တပ်မ(၁၀၁) နှင့် ပကဖ တိုက်ပွဲဖြစ်ပွားခဲ့သည်။",
    "မကွေးတိုင်း ဆောမြို့နယ်တွင် ဗျူဟာ ၇ နှင့် ပကဖ တိုက်ပွဲဖြစ်ပွားခဲ့သည်။",
])
def test_a_numbered_junta_unit_is_the_military(knowledge, text: str) -> None:
    assert _sides(_main(knowledge, text)) == {"military_myanmar", "pdf"}


def test_a_brigade_of_an_ethnic_army_is_not_a_junta_division(knowledge) -> None:
    event = _main(knowledge, "ကရင်ပြည်နယ် ဖာပွန်မြို့နယ်ရှိ စစ်ကောင်စီစခန်းကို KNLA တပ်မဟာ (၅) က "
                             "သိမ်းပိုက်ခဲ့သည်။")
    assert (event.actor1_id, event.actor2_id) == ("knla", "military_myanmar")


def test_a_township_pdf_acronym_is_a_pdf(knowledge) -> None:
    event = _main(knowledge, "မွန်ပြည်နယ် ကျိုက်ထိုမြို့ရှိ စစ်ကောင်စီ တပ်ရင်းစခန်းကို KPDF က ဒရုန်းဖြင့် "
                             "တိုက်ခိုက်ခဲ့သည်။")
    assert (event.actor1_id, event.actor2_id) == ("pdf", "military_myanmar")


@pytest.mark.parametrize("name, actor", [("K.N.L.A", "knla"), ("K.I.A.", "kia"), ("T.N.L.A", "tnla")])
def test_a_dotted_abbreviation_is_the_group_of_the_bare_one(knowledge, name: str, actor: str) -> None:
    event = _main(knowledge, f"ရှမ်းပြည်နယ် ကွတ်ခိုင်မြို့နယ်ရှိ စစ်ကောင်စီ စခန်းကို {name} တပ်ဖွဲ့က "
                             "သိမ်းပိုက်ခဲ့သည်။")
    assert event.actor1_id == actor


@pytest.mark.parametrize("doer", ["နစကတပ်များ", "အမှတ် ၃၄၁ အမြောက်တပ်"])
def test_the_junta_under_its_other_names_is_the_military(knowledge, doer: str) -> None:
    event = _main(knowledge, f"စစ်ကိုင်းတိုင်း ကနီမြို့နယ်ရှိ ကျေးရွာများကို {doer}က လက်နက်ကြီးဖြင့် "
                             "ပစ်ခတ်ခဲ့သည်။")
    assert event.actor1_id == "military_myanmar"


@pytest.mark.parametrize("force, actor", [("ကချင်တပ်", "kia"), ("ပလောင်တပ်", "tnla"),
                                          ("ချင်းပြည်ကာကွယ်ရေးတပ်ဖွဲ့", "cdf")])
def test_a_force_named_by_its_people_or_state(knowledge, force: str, actor: str) -> None:
    event = _main(knowledge, f"ရှမ်းပြည်နယ် မိုးမိတ်မြို့နယ်တွင် {force}နှင့် စစ်ကောင်စီတပ် "
                             "တိုက်ပွဲဖြစ်ပွားခဲ့သည်။")
    assert actor in _sides(event) and "military_myanmar" in _sides(event)


def test_a_national_army_is_not_the_tatmadaw(knowledge) -> None:
    # an army the knowledge does not know ("ဒနုအမျိုးသားတပ်မတော်") ends in the Tatmadaw's word: it is not it
    event = _main(knowledge, "ရှမ်းပြည်နယ် ရွာငံမြို့နယ်တွင် ဒနုအမျိုးသားတပ်မတော်က စစ်ကောင်စီ စခန်းကို "
                             "တိုက်ခိုက်ခဲ့သည်။")
    assert event.actor1_id != "military_myanmar" and event.actor2_id == "military_myanmar"


# --- the said attack ------------------------------------------------------------------------------------

def test_a_toll_told_of_the_said_attack_is_that_attacks_toll(knowledge) -> None:
    text = ("ရှမ်းပြည်နယ် နမ့်ဆန်မြို့ရှိ TNLA စခန်းကို စစ်ကောင်စီက ယနေ့ လေကြောင်းမှ ဗုံးကြဲခဲ့သည်။ "
            "ဒေသခံများ ထွက်ပြေးနေကြသည်ဟု ရပ်ကွက်လူကြီးတစ်ဦးက ပြောသည်။ "
            "အဆိုပါ တိုက်ခိုက်မှုကြောင့် TNLA တပ်ဖွဲ့ဝင် ၃ ဦး သေဆုံးခဲ့သည်။")
    events = extract(knowledge, "", text, PUBLISHED, "r6").events
    assert len(events) == 1
    assert (events[0].sub_event_type, events[0].fatalities) == ("Air/drone strike", 3)


# --- the named dead -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, killed", [
    ("မကွေးတိုင်း ဆောမြို့နယ်တွင် စစ်ကောင်စီတပ်နှင့် ပကဖ တိုက်ပွဲဖြစ်ပွားရာ ရဲဘော် မောင်မောင် ကျဆုံးခဲ့သည်။", 1),
    ("ဆောမြို့နယ် တိုက်ပွဲတွင် ရဲဘော် မောင်မောင် နှင့် ရဲဘော် ကျော်ကျော် ကျဆုံးခဲ့သည်။", 2),
    ("စစ်ကောင်စီတပ်၏ ဒုဗိုလ် အောင်ကို (ခ) ကိုကိုမှာ ဆောမြို့နယ် တိုက်ပွဲတွင် ပကဖ လက်ချက်ဖြင့် သေဆုံးသွားသည်။", 1),
    # plural comrades, and an officer who reports the deaths, are no named dead
    ("ဆောမြို့နယ်တွင် စစ်ကောင်စီတပ်နှင့် ပကဖ တိုက်ပွဲဖြစ်ပွားရာ ရဲဘော်များ ကျဆုံးခဲ့သည်။", 0),
    ("ဆောမြို့နယ်တွင် ဗိုလ်မှူး ထက်အောင် ပြောကြားချက်အရ ပကဖနှင့် တိုက်ပွဲတွင် စစ်သားများ သေဆုံးခဲ့သည်။", 0),
])
def test_a_person_named_with_a_title_and_told_dead_is_one_death(knowledge, text: str, killed: int) -> None:
    assert _main(knowledge, text).fatalities == killed


# --- places ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, township", [
    ("ရခိုင်ပြည်နယ် မြောက်ဦး ဆေးရုံကို စစ်ကောင်စီက လေကြောင်းမှ ဗုံးကြဲခဲ့သည်။", "Mrauk-U"),
    ("ကရင်ပြည်နယ် ဖာပွန်ဒေသရှိ စစ်ကောင်စီစခန်းကို KNLA က သိမ်းပိုက်ခဲ့သည်။", "Hpapun"),
])
def test_a_district_named_after_its_seat_is_the_seats_township(knowledge, text: str, township: str) -> None:
    assert _main(knowledge, text).admin3 == township


def test_a_district_word_is_the_district_and_a_common_word_elsewhere_no_place(knowledge) -> None:
    # "ကလေး" is a child here, and also Kale: in a Tanintharyi story it is no township of Sagaing
    event = _main(knowledge, "တနင်္သာရီမြို့နယ်၊ ကျေးရွာတစ်ရွာသို့ စစ်ကောင်စီတပ်က လက်နက်ကြီးဖြင့်ပစ်ခတ်သဖြင့် "
                             "ကလေး တစ်ဦး ဒဏ်ရာရသည်။")
    assert event.admin3 == "Tanintharyi"
    assert _main(knowledge, "ရခိုင်ပြည်နယ် မြောက်ဦးခရိုင်အတွင်း စစ်ကောင်စီက လေကြောင်းမှ ဗုံးကြဲခဲ့သည်။").admin3 is None


def test_the_towns_a_convoy_left_and_headed_for_are_not_where_it_was_hit(knowledge) -> None:
    text = ("စစ်ကိုင်းတိုင်း ရွှေဘိုကနေ မုံရွာဘက်ကို မောင်းနှင်လာတဲ့ စစ်ကောင်စီ ယာဉ်တန်းကို ပကဖ က "
            "မိုင်းဖြင့် တိုက်ခိုက်ခဲ့သည်။ ယမန်နေ့က မြင်းမူမြို့နယ် ရွာသစ်ကျေးရွာအနီးမှာ ယာဉ်တန်းကို "
            "မိုင်းဖြင့် တိုက်ခိုက်ခဲ့ခြင်းဖြစ်သည်။")
    events = extract(knowledge, "", text, PUBLISHED, "r6").events
    assert [e.admin3 for e in events] == ["Myinmu"]


# --- who did it -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("topic", ["ဟာ", "သည်"])
def test_a_topic_marked_column_is_the_doer_not_the_village_after_it(knowledge, topic: str) -> None:
    event = _main(knowledge, f"မကွေးတိုင်း ဂန့်ဂေါမြို့နယ်မှာ စစ်ကောင်စီ စစ်ကြောင်း {topic} ရွာထဲကို ဝင်ရောက်ပြီး "
                             "အိမ်တွေကို မီးရှို့ခဲ့ပါတယ်။")
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")


def test_allies_in_the_great_word_are_not_a_topic(knowledge) -> None:
    # "မဟာမိတ်" (allies) holds "ဟာ": the KIA's allies marked as the object stay the object
    event = _main(knowledge, "ကချင်ပြည်နယ် ဗန်းမော်မြို့နယ်တွင် စစ်ကောင်စီက KIA မဟာမိတ်တပ်ဖွဲ့များကို "
                             "လေကြောင်းမှ ဗုံးကြဲတိုက်ခိုက်ခဲ့သည်။")
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "kia")


def test_a_militia_named_with_the_army_as_doers_is_no_target(knowledge) -> None:
    event = _main(knowledge, "မကွေးတိုင်း ဂန့်ဂေါမြို့နယ် ရွာသစ်ကျေးရွာကို ပျူစောထီးနှင့် စစ်ကောင်စီ ပူးပေါင်းတပ်က "
                             "မီးရှို့ခဲ့သည်။")
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")


def test_shells_on_a_village_with_no_side_named_as_target_hit_civilians(knowledge) -> None:
    event = _main(knowledge, "ရခိုင်ပြည်နယ် ကျောက်ဖြူမြို့နယ်ရှိ ရွာကို စစ်ကောင်စီ ရေတပ်သင်္ဘောမှ "
                             "လက်နက်ကြီးဖြင့် ပစ်ခတ်ခဲ့သည်။")
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")


# --- more words for acts --------------------------------------------------------------------------------

@pytest.mark.parametrize("verb", ["ခုတ်သတ်", "ရိုက်သတ်"])
def test_villagers_hacked_or_beaten_to_death_are_an_attack_with_its_toll(knowledge, verb: str) -> None:
    event = _main(knowledge, f"စစ်ကိုင်းတိုင်း ကနီမြို့နယ် ရွာသစ်ကျေးရွာတွင် ရွာသား ၂ ဦးကို စစ်ကောင်စီတပ်က {verb}ခဲ့သည်။")
    assert (event.sub_event_type, event.actor1_id, event.fatalities) == ("Attack", "military_myanmar", 2)


def test_a_contact_between_two_forces_is_a_clash(knowledge) -> None:
    event = _main(knowledge, "စစ်ကိုင်းတိုင်း ကနီမြို့နယ်တွင် စစ်ကောင်စီတပ်နှင့် ပကဖ တို့ ထိတွေ့မှု ဖြစ်ပွားခဲ့သည်။")
    assert (event.sub_event_type, _sides(event)) == ("Armed clash", {"military_myanmar", "pdf"})


@pytest.mark.parametrize("zone", ["ပအိုဝ်း ကိုယ်ပိုင်အုပ်ချုပ်ခွင့်ရဒေသ", "တအာင်း(ပလောင်) ကိုယ်ပိုင်အုပ်ချုပ်ခွင့်ရဒေသ",
                                  "ကိုးကန့်ဒေသ", "ပအိုဝ်းဒေသ"])
def test_a_self_administered_zone_as_news_writes_it_is_in_shan_state(knowledge, zone: str) -> None:
    event = _main(knowledge, f"{zone}တွင် စစ်ကောင်စီတပ်နှင့် ပကဖ တိုက်ပွဲဖြစ်ပွားခဲ့သည်။")
    assert event.admin1.startswith("Shan State")


def test_villagers_killed_in_a_burned_village_make_the_killing_the_main_act(knowledge) -> None:
    text = "မကွေးတိုင်း ပခုက္ကူမြို့နယ်တွင် စစ်ကောင်စီတပ်က ရွာကို စီးနင်းပြီး မီးရှို့ကာ ရွာသား ၃ ဦးကို သတ်ဖြတ်ခဲ့သည်။"
    events = extract(knowledge, "", text, PUBLISHED, "r6").events
    assert (events[0].sub_event_type, events[0].fatalities) == ("Attack", 3)
    assert "Looting/property destruction" in [e.sub_event_type for e in events[1:]]


@pytest.mark.parametrize("force, actor", [
    ("ဒီမိုကရက်တစ်ကရင်အကျိုးပြုတပ်မတော်", "dkba"),           # ends in the Tatmadaw's word, is not it
    ("မွန်အမျိုးသားလွတ်မြောက်ရေးတပ်မတော်", "nmsp"),
    ("ကရင်အမျိုးသားကာကွယ်ရေးအဖွဲ့", "knla"),                 # the KNDO: the KNU's forces beside the KNLA
    ("ကေအန်အယ်လ်အေ", "knla"), ("ကေအန်ဒီအက်ဖ်", "kndf"), ("ဘီပီအယ်လ်အေ", "bpla"),  # spelled-out acronyms
])
def test_more_names_of_ethnic_and_resistance_forces(knowledge, force: str, actor: str) -> None:
    event = _main(knowledge, f"ကရင်ပြည်နယ် ကော့ကရိတ်မြို့နယ်ရှိ စစ်ကောင်စီ စခန်းကို {force}က တိုက်ခိုက်ခဲ့သည်။")
    assert (event.actor1_id, event.actor2_id) == (actor, "military_myanmar")


# --- dates ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("when, day, precision", [
    ("လွန်ခဲ့သော ၃ ရက်က", date(2025, 3, 9), 1),        # three days ago
    ("ပြီးခဲ့တဲ့ ၂ ပတ်က", date(2025, 2, 26), 2),         # two weeks ago
    ("ပြီးခဲ့သည့် ၃ ရက်နေ့က", date(2025, 3, 3), 1),       # the 3rd that has passed: a day of the month
])
def test_days_and_weeks_ago_are_counted_back_not_read_as_a_day_of_the_month(knowledge, when, day, precision) -> None:
    event = _main(knowledge, f"{when} ကနီမြို့နယ်တွင် စစ်ကောင်စီတပ်နှင့် ပကဖ တိုက်ပွဲဖြစ်ပွားခဲ့သည်။")
    assert (event.event_date, event.time_precision) == (day, precision)


# --- counts ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, counts", [
    ("ဒဏ်ရာရသူ ၃ ဦးနှင့် သေဆုံးသူ ၂ ဦး ရှိသည်။", [("injured", 3), ("killed", 2)]),   # "the ones who ..." heads it
    ("ရွာထဲတွင် အလောင်း ၅ လောင်း တွေ့ရှိခဲ့သည်။", [("killed", 5)]),                 # corpses by their classifier
])
def test_counts_headed_by_their_noun(text: str, counts) -> None:
    assert [(c.kind, c.value) for c in find_counts(text)] == counts


def test_a_mine_that_exploded_is_not_mong_pawk(knowledge) -> None:
    # "မိုင်းပေါက်ကွဲ" (a mine exploded) begins with the name of the Wa town မိုင်းပေါက်
    event = _main(knowledge, "မန္တလေးတိုင်း မြင်းခြံမြို့နယ်တွင် မတ် ၁၀ ရက်က PDF ထောင်ထားသည့် မိုင်းပေါက်ကွဲ၍ "
                             "ဒေသခံ ၂ ဦး သေဆုံးခဲ့သည်။")
    assert (event.sub_event_type, event.admin3, event.fatalities) == ("Remote explosive/landmine/IED", "Myingyan", 2)


def test_a_town_whose_name_is_an_everyday_word_needs_its_suffix(knowledge) -> None:
    # "ကလေး" (a child; Kale), "တံတား" (a bridge; Tadar in Yangon): the bare word is no place
    event = _main(knowledge, "ပကဖ က တံတားကို ဖောက်ခွဲခဲ့ပြီး ကလေး ၂ ဦး ဒဏ်ရာရသည်ဟု ဒေသခံများက ပြောသည်။")
    assert (event.admin1, event.admin3) == (None, None)
    assert _main(knowledge, "ကလေးမြို့ကို စစ်ကောင်စီက လေကြောင်းမှ ဗုံးကြဲခဲ့သည်။").admin3 == "Kale"


@pytest.mark.parametrize("text, days", [
    ("ဇွန်လ ၁၄ ရက်နဲ့ ၁၅ ရက်တွေမှာ တိုက်ပွဲ ဖြစ်ခဲ့သည်။", [date(2024, 6, 14), date(2024, 6, 15)]),   # June 14 and 15
    ("နိုဝင်ဘာ ၁၇ ရက်နေ့ကနေ စတင်ပြီး တစ်လကျော် တိုက်ခိုက်ခဲ့သည်။", []),       # since Nov 17: when a siege began
])
def test_a_bare_day_after_a_dated_one_shares_its_month_and_a_start_is_no_date(text: str, days) -> None:
    assert [d.event_date for d in find_dates(text, PUBLISHED)] == days


def test_a_training_graduation_is_no_conflict_event(knowledge) -> None:
    from tasks.tag import tag_article

    text = ("ပကဖ တပ်ရင်း (၁၂) ၏ အမှတ်စဉ် ၅ စစ်သင်တန်းဆင်းပွဲကို မေလ ၅ ရက်နေ့က စစ်ကိုင်းတိုင်း တစ်နေရာတွင် "
            "ကျင်းပခဲ့သည်။ စစ်အာဏာရှင် အမြစ်ပြတ်သည်အထိ ဆက်လက် တော်လှန်သွားမည်ဟု တပ်ရင်းမှူးက ပြောသည်။ "
            "သင်တန်းတွင် တပ်သားသစ် ၁၂၀ ပါဝင်ခဲ့သည်။")
    assert not tag_article(knowledge, "", text).relevant


# --- passives -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, sides", [
    # the topic (သည်) is the one it happened to, the genitive (၏) or က-marked name the doer
    ("ပကဖ စခန်းသည် စစ်ကောင်စီ၏ ဒရုန်းဖြင့် ဗုံးကြဲတိုက်ခိုက်ခြင်း ခံခဲ့ရသည်။", ("military_myanmar", "pdf")),
    ("စစ်ကောင်စီ စစ်ကြောင်းသည် ပကဖ ၏ မိုင်းဆွဲတိုက်ခိုက်မှုကို ခံခဲ့ရသည်။", ("pdf", "military_myanmar")),
    ("စစ်ကောင်စီ ရဲစခန်းသည် ပကဖ က ဝင်ရောက်တိုက်ခိုက်ခြင်းခံရပြီး ရဲ ၂ ဦး သေဆုံးသည်။", ("pdf", "police_myanmar")),
    # civilians it happened to: the က-marked side did it
    ("ရွာသား ၅ ဦး စစ်ကောင်စီတပ်က ဖမ်းဆီးခံခဲ့ရသည်။", ("military_myanmar", "civilians_myanmar")),
])
def test_who_did_it_in_a_passive(knowledge, text: str, sides) -> None:
    event = _main(knowledge, "စစ်ကိုင်းတိုင်း မြင်းမူမြို့နယ် " + text)
    got = (event.actor1_id, event.actor2_id)
    assert got == sides or (event.event_type == "Battles" and set(got) == set(sides))


def test_villagers_killed_at_the_hands_of_a_militia_are_an_attack(knowledge) -> None:
    event = _main(knowledge, "စစ်ကိုင်းတိုင်း မြင်းမူမြို့နယ် ရွာသား ၂ ဦးသည် ပျူစောထီး၏ လက်ချက်ဖြင့် သေဆုံးခဲ့သည်။")
    assert (event.actor1_id, event.actor2_id, event.fatalities) == ("pyu_saw_htee", "civilians_myanmar", 2)
