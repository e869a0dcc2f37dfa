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
