"""Burmese rules of docs/burmese.md "Round 8" (issue 15, seventh session: generalisation on 24 fresh real articles, dev half
only). Every sentence here was written for these tests (places real, facts invented)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.lang.my_dates import find_dates
from tasks.lang.my_units import article_mentions
from tests.first_event import first_burmese_event

PUBLISHED = date(2025, 7, 20)


def _main(knowledge, text: str, published: date = PUBLISHED):
    return first_burmese_event(knowledge, text, published)


def _townships(knowledge, text: str) -> set[str]:
    return {p.township_name for m in article_mentions(knowledge, text) if m.kind == "place"
            for ref in m.ref_ids if (p := knowledge.places.get(ref)) is not None and p.level == "township"}


# --- "month N နေ့": with the month named, နေ့ alone marks the day ---------------------------------------

def test_a_month_and_a_day_with_ne_alone_is_that_day() -> None:
    found = find_dates("ဇူလိုင်လ ၁၄နေ့ ညနေပိုင်းတွင် ရွာကို မီးရှို့ခဲ့သည်။", PUBLISHED)
    assert [(d.event_date, d.time_precision) for d in found] == [(date(2025, 7, 14), 1)]


def test_a_bare_number_before_ne_without_a_month_is_no_date() -> None:
    # "၃ နေ့" with no month and no ရက် is not read as the 3rd (it may be "three days")
    assert find_dates("စစ်ကြောင်းက ၃ နေ့ တပ်စွဲနေခဲ့သည်။", PUBLISHED) == []


# --- township names as news writes them ---------------------------------------------------------------------

def test_north_dagon_as_news_writes_it_is_the_mimu_township(knowledge) -> None:
    event = _main(knowledge, "မြောက်ဒဂုံမြို့နယ် ၄၅ ရပ်ကွက်တွင် ယနေ့ ညနေ ဗုံးပေါက်ကွဲပြီး လမ်းသွားတစ်ဦး ဒဏ်ရာရသည်။")
    assert event.admin3 == "Dagon Myothit (North)"


def test_a_township_written_with_the_short_ne_is_a_township(knowledge) -> None:
    assert "Wetlet" in _townships(knowledge, "ဝက်လက်နယ် အနောက်ခြမ်းရှိ ရွာတစ်ရွာကို စစ်တပ်က ဗုံးကြဲသည်။")


def test_a_state_is_not_pyay_with_the_short_ne(knowledge) -> None:
    # "ပြည်" (Pyay) + "နယ်" spells "ပြည်နယ်" (a state): a one-syllable name never takes the short suffix
    assert "Pyay" not in _townships(knowledge, "ကချင်ပြည်နယ် ဗန်းမော်မြို့နယ်တွင် တိုက်ပွဲဖြစ်ပွားသည်။")


# --- who acts: a joint force, a list of doers, a force's strength ---------------------------------------

def test_a_joint_force_s_strength_is_no_object_marker(knowledge) -> None:
    # "ပူးပေါင်းအင်အား ၈၀ ခန့်က" (a joint force of about 80): the အား of အင်အား marks no target
    event = _main(knowledge, "စစ်ကိုင်းတိုင်း ကျွန်းလှမြို့နယ် ရွာတစ်ရွာကို ဇူလိုင်လ ၁၅ ရက်က ခလရ (၁၂၃) နဲ့ "
                             "ပျူစောထီး ပူးပေါင်းအင်အား ၈၀ ခန့်က ဝင်ရောက်မီးရှို့ခဲ့သည်။")
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")


def test_doers_listed_with_a_comma_are_led_by_the_first(knowledge) -> None:
    event = _main(knowledge, "ရှမ်းပြည်နယ်မြောက်ပိုင်း ကွတ်ခိုင်မြို့နယ်ရှိ စစ်ကောင်စီ စခန်းကို TNLA ၊ MNDAA တို့က "
                             "ဇူလိုင်လ ၁၂ ရက်က ဝင်ရောက်တိုက်ခိုက်ခဲ့သည်။")
    assert event.actor1_id == "tnla" and event.actor2_id == "military_myanmar"


def test_a_resistance_joint_force_is_led_by_its_first_member(knowledge) -> None:
    event = _main(knowledge, "ရှမ်းပြည်နယ်မြောက်ပိုင်း ကွတ်ခိုင်မြို့နယ်တွင် MNDAA နှင့် TNLA က "
                             "ဇူလိုင်လ ၁၂ ရက်က စစ်ကောင်စီ စခန်းကို ဝင်ရောက်တိုက်ခိုက်ခဲ့သည်။")
    assert event.actor1_id == "mndaa" and event.actor2_id == "military_myanmar"


# --- a body found is no act of violence by itself ------------------------------------------------------------

def test_an_unclaimed_body_found_in_a_river_is_no_conflict_report(knowledge) -> None:
    from tasks.tag import tag_article
    text = ("မန္တလေးတိုင်းဒေသကြီး၊ မြစ်ငယ်မြို့အနီး ချောင်းထဲတွင် ပိုင်ရှင်မဲ့ အမျိုးသားတစ်ဦး၏ အလောင်းကို "
            "ယနေ့ နံနက် တွေ့ရှိခဲ့သည်။ အလောင်းကို လူမှုကယ်ဆယ်ရေးအဖွဲ့က ဆယ်ယူပြီး ဆေးရုံသို့ ပို့ခဲ့သည်။ "
            "အလောင်းမှာ အသက် ၄၀ ခန့်ရှိပြီး ရေနစ်သေဆုံးခြင်း ဖြစ်နိုင်သည်ဟု ဆိုသည်။")
    assert not tag_article(knowledge, "", text).relevant


def test_a_body_found_after_soldiers_shot_a_villager_is_still_a_conflict_report(knowledge) -> None:
    from tasks.tag import tag_article
    text = ("စစ်ကိုင်းတိုင်း ဒီပဲယင်းမြို့နယ် ရွာတစ်ရွာတွင် စစ်ကောင်စီတပ်က ဖမ်းဆီးခေါ်ဆောင်သွားသည့် ရွာသားတစ်ဦး၏ "
            "အလောင်းကို ဇူလိုင်လ ၁၅ ရက်က တွေ့ရှိခဲ့သည်။ ၎င်းကို ပစ်သတ်ခဲ့ကြောင်း ဒေသခံများက ပြောသည်။")
    assert tag_article(knowledge, "", text).relevant


# --- totals over several days ----------------------------------------------------------------------------------

def test_a_count_within_a_week_is_a_total_not_one_event_s_toll() -> None:
    from tasks.lang.my_text import find_counts
    counts = find_counts("မကွေးတိုင်းတွင် ၁ ပတ်အတွင်း မိုင်းထိမှုကြောင့် ၆ ဦးသေ ၊ ၂၀ ကျော် ဒဏ်ရာရ")
    assert [(c.kind, c.value, c.scope) for c in counts] == [("killed", 6, "cumulative"), ("injured", 20, "cumulative")]


def test_a_count_over_a_span_of_days_is_a_total() -> None:
    from tasks.lang.my_text import find_counts
    counts = find_counts("ဇူလိုင်လ ၃ ရက်ကနေ ၈ ရက်အထိ ဖြစ်ခဲ့သော ဗုံးကြဲမှုများတွင် သေဆုံးသူ ၉ ဦး ရှိသည်")
    assert [(c.kind, c.value, c.scope) for c in counts] == [("killed", 9, "cumulative")]


def test_a_count_within_hours_of_one_day_stays_the_event_s_toll() -> None:
    from tasks.lang.my_text import find_counts
    counts = find_counts("ယနေ့ နံနက် ၂ နာရီအတွင်း လေကြောင်းဗုံးကြဲမှုကြောင့် ရွာသား ၄ ဦး သေဆုံးသည်")
    assert [(c.kind, c.value, c.scope) for c in counts] == [("killed", 4, "event")]


# --- the ends of a trip are not where the act happened ---------------------------------------------------------

def test_the_base_the_jets_took_off_from_is_not_the_place_bombed(knowledge) -> None:
    event = _main(knowledge, "စစ်ကိုင်းတိုင်း ဝက်လက်မြို့နယ်ရှိ ရွာတစ်ရွာကို ဇူလိုင်လ ၁၅ ရက်က တံတားဦးတပ်ကနေ "
                             "ဂျက်လေယာဉ်နှစ်စီးဖြင့် ဗုံးကြဲခဲ့ပြီး ရွာသား ၃ ဦး သေဆုံးသည်။")
    assert event.admin3 == "Wetlet" and event.fatalities == 3


def test_where_a_traveller_was_heading_is_not_where_the_mine_went_off(knowledge) -> None:
    event = _main(knowledge, "မန္တလေးမြို့ကနေ မုံရွာမြို့နယ် ကြေးမုံရွာကို ကြွလာတဲ့ ဆရာတော်၏ ကားသည် ချောင်းဦးမြို့နယ် "
                             "အောင်ချမ်းသာရွာအနီးတွင် ဇူလိုင်လ ၉ ရက်က မိုင်းထိမှန်ခဲ့ပြီး ယာဉ်မောင်း ၁ ဦး သေဆုံးသည်။")
    assert event.admin3 == "Chaung-U"


# --- a clash with no side named -----------------------------------------------------------------------------------

def test_a_clash_with_no_side_named_is_the_junta_s_with_an_unnamed_group(knowledge) -> None:
    event = _main(knowledge, "စစ်ကိုင်းတိုင်း ကလေးဝမြို့နယ်ရှိ ရွာများအနီးတွင် ဇူလိုင်လ ၁၅ ရက်က ထိတွေ့တိုက်ပွဲများ "
                             "ဖြစ်ပွားခဲ့ပြီး ကားလမ်း ပိတ်ဆို့ထားရသည်။")
    assert event.event_type == "Battles"
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "unidentified_armed_group")


def test_a_headline_s_force_before_its_post_is_the_one_attacked(knowledge) -> None:
    # headlines drop particles: "စစ်တပ် စခန်း KIA တိုက်ခိုက်သိမ်းပိုက်" is KIA taking the army's camp
    event = _main(knowledge, "ဗန်းမော်အနီး စစ်တပ် စခန်း KIA တိုက်ခိုက်သိမ်းပိုက်\n"
                             "ကချင်ပြည်နယ် ဗန်းမော်မြို့နယ်တွင် ဇူလိုင်လ ၁၈ ရက်က တိုက်ပွဲ ဖြစ်ပွားခဲ့သည်။")
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert (event.actor1_id, event.actor2_id) == ("kia", "military_myanmar")


# --- triggers typed with spaces -----------------------------------------------------------------------------------

def test_a_trigger_typed_with_a_space_between_its_words_is_the_trigger(knowledge) -> None:
    event = _main(knowledge, "ကချင်ပြည်နယ် ဝိုင်းမော်မြို့နယ်ရှိ ကေအိုင်အေ စခန်းကို စစ်ကောင်စီက ဇူလိုင်လ ၁၅ ရက်က "
                             "လေကြောင်းဖြင့် တိုက်ခိုက်ခဲ့သည်။")
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "kia")


def test_a_trigger_broken_inside_a_word_at_a_line_wrap_is_the_trigger(knowledge) -> None:
    event = _main(knowledge, "ရခိုင်ပြည်နယ် ဂွမြို့နယ်ရှိ စစ်ကောင်စီ တပ်ရင်းကို AA က ဇူလိုင်လ ၁၅ ရက်က သိမ်း ပိုက်ခဲ့သည်။")
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_spaced_spellings_keep_syllables_whole() -> None:
    from tasks.lang.my_acts import spaced_spellings
    assert spaced_spellings("ဗုံးကြဲ") == ["ဗုံး ကြဲ"]
    assert spaced_spellings("ကြဲ") == []


# --- a tract news calls a township; the killers counted -------------------------------------------------------------

def test_a_village_tract_news_calls_a_township_places_the_event_in_its_township(knowledge) -> None:
    # MIMU lists Moebye only as a village tract of Pekon; news writes "မိုးဗြဲမြို့နယ်"
    event = _main(knowledge, "ရှမ်းပြည်နယ်တောင်ပိုင်း မိုးဗြဲမြို့နယ်တွင် ဇူလိုင်လ ၁၀ ရက်နေ့က မိုင်းနင်းမိ၍ "
                             "ကလေးတစ်ဦး သေဆုံးခဲ့သည်။")
    assert event.admin3 == "Pekon"


def test_the_gunmen_counted_after_their_victim_are_not_the_dead(knowledge) -> None:
    event = _main(knowledge, "မန္တလေးတိုင်း မိတ္ထီလာမြို့တွင် ဇူလိုင် ၁၈ ရက်က ရပ်ကွက်ရုံး ဝန်ထမ်းတစ်ဦးကို အမည်မသိ "
                             "လူနှစ်ဦးက သေနတ်ဖြင့် ပစ်သတ်သွားသည်။")
    assert event.fatalities == 1


# --- "month N" without a day word; datelines ---------------------------------------------------------------------

def test_a_month_and_a_bare_day_number_is_that_day() -> None:
    assert [(d.event_date, d.time_precision) for d in find_dates("ဇူလိုင် ၁၈ ညနေက ဗုံးကြဲခဲ့သည်", PUBLISHED)] \
        == [(date(2025, 7, 18), 1)]
    assert [d.event_date for d in find_dates("ဒီနေ့ (ဇန်နဝါရီ ၂၈ )မနက် မြို့ကို သိမ်းခဲ့သည်", date(2025, 2, 1))] \
        == [date(2025, 2, 1), date(2025, 1, 28)]


def test_a_month_and_a_number_that_counts_something_is_no_day() -> None:
    assert find_dates("ဇူလိုင် ၁၂ ဦး ဖမ်းဆီးခံရသည်", PUBLISHED) == []


def test_a_dateline_is_not_the_event_s_date(knowledge) -> None:
    text = ("ကော့ကရိတ်၊ ဇူလိုင် (၁၈) ကရင်ပြည်နယ် ကော့ကရိတ်မြို့နယ်တွင် ဇူလိုင်လ ၁၆ ရက်နေ့ ညပိုင်းက စစ်ကောင်စီတပ်နှင့် "
            "KNLA တို့ တိုက်ပွဲဖြစ်ပွားခဲ့သည်။")
    assert _main(knowledge, text, date(2025, 7, 18)).event_date == date(2025, 7, 16)


# --- both sides' dead -------------------------------------------------------------------------------------------------

def test_soldiers_and_fighters_dead_in_one_fight_add_up(knowledge) -> None:
    # "ကျ" (fell) alone for a fighter's death; soldiers and comrades are the two sides' dead
    event = _main(knowledge, "စစ်ကိုင်းတိုင်း ပုလဲမြို့နယ်တွင် ဇူလိုင်လ ၁၅ ရက်က စစ်ကောင်စီတပ်နှင့် ပကဖ တိုက်ပွဲဖြစ်ပွားပြီး "
                             "စစ်သား ၈ ဦး သေပြီး ရဲဘော် ၂ ဦး ကျကာ ၃ ဦး ဒဏ်ရာရသည်။")
    assert event.fatalities == 10


def test_fell_alone_is_no_death_when_it_is_over_or_landed() -> None:
    from tasks.lang.my_text import find_counts
    assert find_counts("ရွာသား ၅ ဦးကျော် ထွက်ပြေးရ") == []
    assert [(c.kind, c.value) for c in find_counts("ကျည် ၃ လုံး ကျရောက်ပြီး ၂ ဦး ဒဏ်ရာရ")] == [("injured", 2)]


# --- a crackdown's sides ----------------------------------------------------------------------------------------------

def test_troops_firing_on_a_protest_make_the_protesters_actor2(knowledge) -> None:
    event = _main(knowledge, "စစ်ကိုင်းတိုင်း မုံရွာမြို့တွင် ဇူလိုင်လ ၁၅ ရက် နံနက်က ပြည်သူ ၅၀ ခန့် အာဏာရှင်ဆန့်ကျင်ရေး "
                             "ဆန္ဒပြခဲ့ပြီး စစ်ကောင်စီတပ်က ပစ်ခတ်ဖြိုခွင်းခဲ့ရာ ၂ ဦး သေဆုံးသည်။")
    assert (event.sub_event_type, event.actor1_id, event.actor2_id) == (
        "Excessive force against protesters", "military_myanmar", "protesters_myanmar")


# --- what an air strike hit ------------------------------------------------------------------------------------------

def test_a_village_bombed_after_a_clash_with_a_group_hits_civilians(knowledge) -> None:
    event = _main(knowledge, "စစ်ကိုင်းတိုင်း ကနီမြို့နယ်တွင် ဇူလိုင်လ ၁၅ ရက်က ပကဖနှင့် တိုက်ပွဲဖြစ်ပြီးနောက် "
                             "စစ်ကောင်စီက ရွာကို လေကြောင်းဖြင့် ဗုံးကြဲခဲ့သည်။")
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")


def test_a_group_s_post_bombed_is_the_group_hit(knowledge) -> None:
    event = _main(knowledge, "စစ်ကိုင်းတိုင်း ကနီမြို့နယ်ရှိ ပကဖ စခန်းကို ဇူလိုင်လ ၁၅ ရက်က စစ်ကောင်စီက "
                             "လေကြောင်းဖြင့် ဗုံးကြဲခဲ့သည်။")
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "pdf")


def test_militia_members_shot_dead_by_name_of_the_act_are_counted(knowledge) -> None:
    event = _main(knowledge, "မွန်ပြည်နယ် ဘီးလင်းမြို့နယ်တွင် ဇူလိုင်လ ၁၅ ရက်က ပျူစောထီးအဖွဲ့ဝင် ၃ ဦးကို ပကဖက "
                             "ပစ်ခတ်သုတ်သင်ခဲ့သည်။")
    assert event.fatalities == 3


def test_two_words_meeting_by_chance_are_no_spaced_trigger(knowledge) -> None:
    # "အစားထိုး စစ်မှုထမ်း" (serve in someone's place) holds "ထိုး စစ်" (an offensive) across two words
    mentions = article_mentions(knowledge, "ဆွေမျိုးတစ်ဦးက အစားထိုး စစ်မှုထမ်းရမည်ဟု ဆိုသည်။")
    assert not any(m.kind == "trigger" and m.text == "ထိုး စစ်" for m in mentions)


# --- words news uses: Hpa-An spelled with ဖ, unknown gunmen, a monk's death, a junta-appointed official ------------

def test_hpa_an_spelled_as_news_spells_it(knowledge) -> None:
    event = _main(knowledge, "ကရင်ပြည်နယ် ဖားအံမြို့နယ်တွင် ဇူလိုင်လ ၁၅ ရက်က DKBA နှင့် KNLA တပ်ဖွဲ့များ တိုက်ပွဲဖြစ်ပွားခဲ့သည်။")
    assert event.admin3 == "Hpa-An"


def test_unknown_gunmen_shooting_a_junta_appointed_official_are_unidentified(knowledge) -> None:
    event = _main(knowledge, "စစ်ကိုင်းတိုင်း မုံရွာမြို့တွင် ဇူလိုင်လ ၁၅ ရက်က စစ်ကောင်စီ ရပ်ကွက်အုပ်ချုပ်ရေးမှူး တစ်ဦးကို "
                             "အမည်မသိ သေနတ်သမားများက ပစ်သတ်ခဲ့သည်။")
    assert (event.actor1_id, event.actor2_id, event.fatalities) == ("unidentified_armed_group", "civilians_myanmar", 1)


def test_a_monk_s_death_in_honorific_words_is_counted(knowledge) -> None:
    event = _main(knowledge, "ကချင်ပြည်နယ် မိုးကောင်းမြို့နယ်တွင် ဇူလိုင်လ ၁၅ ရက်က စစ်ကောင်စီ လေကြောင်းတိုက်ခိုက်မှုကြောင့် "
                             "ဘုန်းတော်ကြီး ၁ ပါး ပျံလွန်တော်မူသည်။")
    assert event.fatalities == 1


@pytest.mark.parametrize("written, township", [("မန်စီ", "Mansi"), ("ပေါင်းပြင်", "Paungbyin"), ("စလင်", "Salin"),
                                               ("ဖားအံ", "Hpa-An"), ("မြောက်ဒဂုံ", "Dagon Myothit (North)")])
def test_townships_as_news_spells_them(knowledge, written: str, township: str) -> None:
    event = _main(knowledge, f"{written}မြို့နယ်တွင် ဇူလိုင်လ ၁၅ ရက်က စစ်ကောင်စီတပ်နှင့် ပကဖ တိုက်ပွဲဖြစ်ပွားခဲ့သည်။")
    assert event.admin3 == township
