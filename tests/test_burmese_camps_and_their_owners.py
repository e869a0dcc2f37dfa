"""Burmese rules of docs/burmese.md "Round 9" (issue 15, session 7b: generalisation on fresh real articles,
dev half only). Every sentence here was written for these tests (places real, facts invented)."""

from __future__ import annotations

from datetime import date

from tasks.lang import extract
from tests.first_event import first_burmese_event

PUBLISHED = date(2025, 3, 10)


def _main(knowledge, text: str, published: date = PUBLISHED):
    return first_burmese_event(knowledge, text, published)


# --- "X ရဲ့ စခန်း" (X's camp) taken: X lost it ------------------------------------------------------------

def test_the_owner_of_a_captured_camp_is_the_side_that_lost_it(knowledge) -> None:
    # "fighting west of Hakha: two of the junta's hill camps and many weapons were taken, the PDF said"
    text = ("ချင်းပြည်နယ်၊ ဟားခါးမြို့အနောက်ဘက် တိုက်ပွဲအတွင်း စစ်ကောင်စီရဲ့ စခန်းကုန်းနှစ်ခုနဲ့ လက်နက်အများအပြား "
            "သိမ်းပိုက်ရရှိခဲ့တယ်လို့ ပကဖ ပြောရေးဆိုခွင့်ရှိသူက ပြောပါတယ်။")
    event = _main(knowledge, text)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor2_id == "military_myanmar" and event.actor1_id == "pdf"


def test_a_camp_the_fire_came_from_keeps_its_owner_as_the_doer(knowledge) -> None:
    # "artillery fired from the junta's camp fell on the village: two villagers wounded"
    text = ("မတ်လ ၈ ရက်က စစ်ကောင်စီ၏ စခန်းမှ လက်နက်ကြီးဖြင့် ပစ်ခတ်ရာ ဟားခါးမြို့နယ်၊ ကျေးရွာတစ်ရွာတွင် "
            "ကျည်ကျရောက်ပြီး ရွာသား ၂ ဦး ဒဏ်ရာရသည်။")
    event = _main(knowledge, text)
    assert event.actor1_id == "military_myanmar"


# --- a capture told with the assault before it: the day it was taken ---------------------------------------

def test_a_camp_attacked_on_one_day_and_taken_on_another_is_taken_on_the_later_day(knowledge) -> None:
    # "in Kani township the PDF began attacking the junta camp on the morning of Nov 10 and took it on the 12th"
    text = ("စစ်ကိုင်းတိုင်း၊ ကနီမြို့နယ်မှာ နိုဝင်ဘာလ ၁၀ ရက်နေ့ မနက်က ပကဖ တပ်တွေက စစ်ကောင်စီ စခန်းကို "
            "စတင်တိုက်ခိုက်ခဲ့ရာ နိုဝင်ဘာလ ၁၂ ရက်နေ့ ညနေမှာ အပြီးသတ် သိမ်းပိုက်နိုင်ခဲ့တယ်။")
    event = _main(knowledge, text, date(2025, 11, 14))
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.event_date == date(2025, 11, 12)


def test_a_clash_told_over_two_days_keeps_its_first_day(knowledge) -> None:
    # "fighting between the PDF and junta troops in Kani township from Nov 10 to Nov 12"
    text = ("စစ်ကိုင်းတိုင်း၊ ကနီမြို့နယ်မှာ နိုဝင်ဘာလ ၁၀ ရက်နေ့မှ ၁၂ ရက်နေ့အထိ ပကဖ တပ်တွေနဲ့ "
            "စစ်ကောင်စီတပ်တို့ တိုက်ပွဲဖြစ်ပွားခဲ့တယ်။")
    event = _main(knowledge, text, date(2025, 11, 14))
    assert event.event_date == date(2025, 11, 10)


# --- houses "were burned", and a later sentence says by whom ----------------------------------------------

def test_a_burning_whose_doer_a_later_sentence_names_is_that_doers(knowledge) -> None:
    # "most of a village in Launglon township was burned this morning. Flames could be seen from far. A local
    # said: 'we only know it is burning. It must be the junta's troops who burned it.'"
    text = ("လောင်းလုံမြို့နယ်၊ ကျေးရွာတစ်ရွာလုံးနီးပါး ယနေ့ မနက်ပိုင်းတွင် မီးရှို့ခံရသည်။\n"
            "မီးတောက်များကို အဝေးမှ မြင်တွေ့နေရကြောင်း ဒေသခံတစ်ဦးက ပြောသည်။\n"
            "“ကျွန်တော်တို့ မီးလောင်နေတာပဲ သိတယ်။ စကစတွေ ရှို့တာပဲ ဖြစ်မယ်” ဟု ဒေသခံက ဆိုသည်။")
    event = _main(knowledge, text)
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor1_id == "military_myanmar"


def test_a_burning_nobody_is_said_to_have_done_stays_unidentified(knowledge) -> None:
    # "most of a village in Launglon township was burned this morning; the cause is not yet known"
    text = ("လောင်းလုံမြို့နယ်၊ ကျေးရွာတစ်ရွာလုံးနီးပါး ယနေ့ မနက်ပိုင်းတွင် မီးရှို့ခံရသည်။\n"
            "မည်သူ ရှို့သည်ကို မသိရသေးကြောင်း ဒေသခံတစ်ဦးက ပြောသည်။")
    event = _main(knowledge, text)
    assert event.actor1_id == "unidentified_armed_group"


# --- "tried to take" is an attack, not a capture -------------------------------------------------------------

def test_an_attempt_to_take_a_base_is_a_clash_not_a_capture(knowledge) -> None:
    # "on March 8 junta troops tried to take a KNDF base in Demoso township; fighting broke out"
    text = ("မတ်လ ၈ ရက်နေ့က ဒီးမော့ဆိုမြို့နယ်ရှိ KNDF ၏ စခန်းတစ်ခုကို စစ်ကောင်စီတပ်တွေက သိမ်းပိုက်ဖို့ "
            "ကြိုးစားခဲ့ရာ တိုက်ပွဲဖြစ်ပွားခဲ့တယ်။")
    event = _main(knowledge, text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert {event.actor1_id, event.actor2_id} == {"military_myanmar", "kndf"}


def test_a_base_taken_is_still_a_capture(knowledge) -> None:
    # "on March 8 the KNDF took a junta base in Demoso township"
    text = "မတ်လ ၈ ရက်နေ့က ဒီးမော့ဆိုမြို့နယ်ရှိ စစ်ကောင်စီ၏ စခန်းတစ်ခုကို KNDF က သိမ်းပိုက်ခဲ့တယ်။"
    assert _main(knowledge, text).sub_event_type == "Non-state actor overtakes territory"


# --- an armed group's spelled-out name: its "တပ်မတော်" (army) is not the Tatmadaw -----------------------------

def test_the_mndaa_spelled_out_is_the_target_not_the_junta(knowledge) -> None:
    # "yesterday, Sept 5, junta troops attacked the MNDAA (Myanmar National Democratic Alliance Army) with
    # artillery in Monekoe district; one MNDAA fighter was killed"
    text = ("မုံးကိုးခရိုင်မှာ စက်တင်ဘာ ၅ ရက် မနေ့က MNDAA မြန်မာ အမျိုးသား ဒီမိုကရက်တစ်မဟာမိတ် တပ်မတော်ကို "
            "စစ်ကောင်စီတပ်တွေက လက်နက်ကြီးနဲ့ ပစ်ခတ်တိုက်ခိုက်ခဲ့ပြီး MNDAA ဘက်က တစ်ယောက် သေဆုံးခဲ့တယ်။")
    for event in extract(knowledge, "", text, date(2025, 9, 6), "r10").events:
        assert event.actor1_id == "military_myanmar" and event.actor2_id == "mndaa"


# --- the town whose hospital the wounded reached is not where they were hurt --------------------------------

def test_the_hospital_town_the_wounded_were_taken_to_is_not_the_place(knowledge) -> None:
    # "children hurt by shells. On Dec 24 shells fell on a village: 3 children wounded. They were taken to the
    # hospital in Hakha town." (the story names no other place: Hakha must not become it)
    text = ("လက်နက်ကြီးကျည်ကြောင့် ကလေးငယ်တွေ ဒဏ်ရာရ\nဒီဇင်ဘာလ ၂၄ ရက်နေ့က ကျေးရွာတစ်ရွာကို လက်နက်ကြီးကျည်တွေ "
            "ကျရောက်ခဲ့လို့ ကလေး ၃ ယောက် ဒဏ်ရာရခဲ့ပါတယ်။\nဒဏ်ရာရသူတွေကို ဟားခါးမြို့ ဆေးရုံကို ပို့ဆောင်ခဲ့ပါတယ်။")
    assert _main(knowledge, text, date(2025, 12, 26)).admin3 != "Hakha"


def test_a_hospital_that_is_bombed_is_the_place(knowledge) -> None:
    # "on Dec 24 a junta jet bombed Hakha hospital: 2 patients killed"
    text = "ဒီဇင်ဘာလ ၂၄ ရက်နေ့က ဟားခါးမြို့ ဆေးရုံကို စစ်ကောင်စီ ဂျက်လေယာဉ်က ဗုံးကြဲခဲ့လို့ လူနာ ၂ ဦး သေဆုံးခဲ့ပါတယ်။"
    assert _main(knowledge, text, date(2025, 12, 26)).admin3 == "Hakha"
