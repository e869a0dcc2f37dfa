"""A killing told by a serial verb ("killed ... and then burned"): the verb joined to the next act by ပြီး / ကာ /
၍, or compounded with the burning, still counts its dead, so a raid that killed and burned leads with the
killing (issue 15). Every sentence here was written for this test (places real, facts invented)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.lang.my import extract
from tasks.lang.my_text import find_counts

PUBLISHED = date(2024, 5, 10)


@pytest.mark.parametrize("text", [
    "စစ်ကောင်စီတပ်က ရွာသားတစ်ဦးကို သတ်ဖြတ်ပြီး အိမ်များ မီးရှို့ခဲ့သည်။",          # killed, and then burned
    "စစ်တပ်က အမျိုးသမီးတစ်ဦးအား ပစ်သတ်ကာ ရွာကို မီးရှို့သွားသည်။",              # shot dead, burning the village
    "စစ်ကောင်စီတပ်က ဒေသခံတစ်ဦးကို သတ်ဖြတ်မီးရှို့ပြီး ဆုတ်ခွာသွားသည်။",          # killed and burned (the body)
    "ပြည်သူ့စစ်က ကျေးရွာအုပ်ချုပ်ရေးမှူး ၁ ဦးကို ပစ်သတ်၍ ထွက်ပြေးသွားသည်။",       # shot dead and fled
])
def test_a_killing_joined_to_the_next_act_counts_its_dead(text: str) -> None:
    assert [(c.kind, c.value) for c in find_counts(text)] == [("killed", 1)]


@pytest.mark.parametrize("text", [
    "မကွေးတိုင်း ဆောမြို့နယ်ရှိ ရွာတစ်ရွာတွင် စစ်ကောင်စီတပ်က ရွာသားတစ်ဦးအား သတ်ဖြတ်ပြီး နေအိမ် ၅၀ ကျော်ကိုလည်း မီးရှို့ခဲ့သည်။",
    "စစ်ကိုင်းတိုင်း ရေဦးမြို့နယ်ရှိ ရွာတစ်ရွာကို စစ်တပ်က စီးနင်းပြီး အမျိုးသမီးတစ်ဦးကို သတ်ဖြတ်ကာ အိမ် ၂၀၀ ကို မီးရှို့ခဲ့သည်။",
    "မန္တလေးတိုင်း မြင်းခြံမြို့နယ်တွင် စစ်ကောင်စီတပ်က သက်ကြီးရွယ်အိုတစ်ဦးကို သတ်ဖြတ်မီးရှို့ပြီး အိမ် ၃၀ ကိုလည်း မီးရှို့ခဲ့သည်။",
])
def test_a_raid_that_killed_and_burned_leads_with_the_killing(knowledge, text: str) -> None:
    events = extract(knowledge, "", text, PUBLISHED, "serial").events
    assert (events[0].sub_event_type, events[0].fatalities) == ("Attack", 1)
    assert "Looting/property destruction" in [e.sub_event_type for e in events[1:]]


def test_a_killing_word_as_a_noun_or_an_aim_counts_no_dead() -> None:
    # "the killings" (a noun) and "in order to kill" (an aim) tell no one dead
    assert find_counts("လူ ၅ ဦးကို သတ်ဖြတ်ရန် ကြိုးစားခဲ့သည်။") == []
