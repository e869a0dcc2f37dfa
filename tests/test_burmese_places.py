"""Burmese place names in the forms news writes them, and the coverage of the MIMU gazetteer.
Sentences written for these tests; the coverage test reads the public MIMU files (skipped when absent)."""

from __future__ import annotations

import pytest


def _places(knowledge, text: str):
    return [m for m in knowledge.find(text, myanmar_context=True) if m.kind == "place"]


@pytest.mark.parametrize(("surface", "place_id"), [
    ("ပေါက် မြို့နယ်", "MMR009021"),                 # a one-syllable township, suffix after a space
    ("ဒဂုံမြို့သစ်တောင်ပိုင်းမြို့နယ်", "MMR013018"),   # a direction in MIMU's brackets is part of the name
    ("ဒဂုံမြို့သစ် အရှေ့ပိုင်း", "MMR013020"),
    ("ပန်ခမ်းမြို့နယ်", "MMR015005"),                  # the other name in MIMU's brackets
    ("မုန်းဆန်းမြို့", "MMR014017702"),
    ("နတ်ရွာကျေးရွာအုပ်စု", "MMR007014007"),
])
def test_news_forms_of_mimu_names(knowledge, surface: str, place_id: str) -> None:
    found = _places(knowledge, f"{surface}တွင် လေကြောင်းတိုက်ခိုက်မှု ဖြစ်ပွားသည်။")
    assert [m.text for m in found] == [surface]
    assert any((knowledge.places[r].place_id == place_id or knowledge.places[r].township_pcode == place_id)
               for r in found[0].ref_ids)


def test_one_syllable_names_never_match_alone(knowledge) -> None:
    # "ပေါက်" (Pauk) is also "burst", "ကျော" a common syllable: alone they are no place
    assert not _places(knowledge, "ဗုံးပေါက်ကွဲပြီး ကျောင်းသားများ ထွက်ပြေးကြသည်။")


def test_a_village_named_x_village_is_written_alone(knowledge) -> None:
    found = _places(knowledge, "အလယ်ရွာသို့ စစ်ကြောင်း ဝင်ရောက်လာသည်။")
    assert [m.text for m in found] == ["အလယ်ရွာ"]


def test_a_longer_name_wins_over_a_shorter_one_inside_it(knowledge) -> None:
    found = _places(knowledge, "ဒဂုံမြို့သစ်ဆိပ်ကမ်းမြို့နယ်တွင် ဖမ်းဆီးခဲ့သည်။")
    assert [m.text for m in found] == ["ဒဂုံမြို့သစ်ဆိပ်ကမ်းမြို့နယ်"]
    assert {knowledge.places[r].state_pcode for r in found[0].ref_ids} == {"MMR013"}


def test_the_gazetteer_recognises_mimu_units_in_news_forms(knowledge) -> None:
    from bench import coverage_burmese_places as cov

    if not (cov.MIMU_DIR / "pcode9.6_town_data.csv").exists():
        pytest.skip(f"MIMU P-code files absent from {cov.MIMU_DIR}")
    hits, totals, _ = cov.measure(knowledge, cov.mimu_units(), sample=300)
    for level, target in cov.TARGETS.items():
        assert totals[level] and hits[level] / totals[level] >= target, level


# Not given Burmese names on purpose: the junta's government acts through its military in war news
# (ACLED codes the military), LDFs are written ဒေသကာကွယ်ရေးတပ် and coded PDF in this project's labels.
NO_BURMESE_NAME = {"government_myanmar", "ldf"}


def test_every_party_to_the_war_has_a_burmese_name() -> None:
    import csv
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    with open(seeds / "actor_aliases_my.csv", encoding="utf-8") as fh:
        named = {row["actor_id"] for row in csv.DictReader(fh)}
    with open(seeds / "actors.csv", encoding="utf-8") as fh:
        parties = {row["actor_id"] for row in csv.DictReader(fh)
                   if row["inter_code"] in ("1", "2", "3") and row["country_iso"] == "MMR"}
    assert sorted(parties - named - NO_BURMESE_NAME) == []


@pytest.mark.parametrize(("sentence", "actor_id"), [
    ("ပအိုဝ်းအမျိုးသားလွတ်မြောက်ရေးတပ်မတော်က တိုက်ခိုက်သည်။", "pnlo"),
    ("ချင်းလန်းကာကွယ်ရေးတပ်(မင်းတပ်)က ခုခံသည်။", "cdf_mindat"),
    ("အမည်မသိ လက်နက်ကိုင်များက ပစ်ခတ်သည်။", "unidentified_armed_group"),
    ("မန္တလေးပြည်သူ့ကာကွယ်ရေးတပ်က ဝင်တိုက်သည်။", "mandalay_pdf"),
])
def test_burmese_names_of_armed_groups(knowledge, sentence: str, actor_id: str) -> None:
    found = [m for m in knowledge.find(sentence, myanmar_context=True) if m.kind == "actor"]
    assert found and found[0].ref_ids[0] == actor_id


@pytest.mark.parametrize(("surface", "township"), [
    ("ထား၀ယ်", "MMR006001"),          # the digit ၀ typed for the letter ဝ
    ("ဧရာ၀တီတိုင်းဒေသကြီး", None),
    ("မုံကိုး", "MMR015009"),          # news spelling of MIMU's မုန်းကိုး (Mong Ko, Muse)
])
def test_typists_zero_and_news_spellings(knowledge, surface: str, township: str | None) -> None:
    found = _places(knowledge, f"{surface}တွင် တိုက်ပွဲဖြစ်ပွားသည်။")
    assert [m.text for m in found] == [surface]
    if township:
        assert any(knowledge.places[r].township_pcode == township for r in found[0].ref_ids)


def test_a_zero_inside_a_number_stays_a_digit(knowledge) -> None:
    # "၂၀၂၄" and "၁၀ ဦး": the zero is a digit; only a zero before a letter is the letter ဝ
    from tasks.matcher import zero_as_wa

    assert zero_as_wa("၂၀၂၄ ခုနှစ် ၁၀ ဦး") == "၂၀၂၄ ခုနှစ် ၁၀ ဦး"
    assert zero_as_wa("ထား၀ယ်") == "ထားဝယ်"
