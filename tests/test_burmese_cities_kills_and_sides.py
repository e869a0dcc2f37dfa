"""Session 10 (issue 15): mechanisms several outlets share, each with three or more sentences written for
this test (places real, facts invented): a city of many townships placed bare, a bare kill verb, a count
marked "also" (ကိုပါ), and each side's dead told as a force's (…တပ်မှ)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.lang.my import extract

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
