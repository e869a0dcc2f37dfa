"""Burmese-language reporting: language detection, syllable-bounded matching, numbers, dates, sentences,
events from Burmese text with the English schema, and one event across the two languages.
All texts here were written for these tests (facts invented)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tasks import db as database
from tasks.burmese import to_unicode
from tasks.dedup import dedup_stage
from tasks.extract.store import load_events
from tasks.lang import detect_language, extract
from tasks.lang.my_dates import find_dates
from tasks.lang.my_text import find_counts, split_sentences
from tasks.lang.my_words import is_syllable_boundary
from tasks.tag import tag_article

PUBLISHED = date(2025, 2, 12)  # a Wednesday
AIRSTRIKE_MY = (
    "စစ်ကိုင်းတိုင်းဒေသကြီး ကနီမြို့နယ်ရှိ ကျေးရွာတစ်ရွာကို ဖေဖော်ဝါရီ ၁၁ ရက်နေ့ မွန်းလွဲပိုင်းတွင် စစ်ကောင်စီ၏ "
    "ဂျက်တိုက်လေယာဉ်က ဗုံးကြဲတိုက်ခိုက်ခဲ့ရာ ကလေး ၄ ဦးအပါအဝင် ရွာသား ၉ ဦးကျော် သေဆုံးပြီး ၁၄ ဦး ဒဏ်ရာရရှိခဲ့ကြောင်း "
    "ဒေသခံများက ပြောသည်။\n"
    "ဗုံးကျရောက်ခဲ့သည့်နေရာမှာ ယာယီဆေးခန်းအဖြစ် အသုံးပြုနေသည့် ကျောင်းအနီး ဖြစ်သည်။\n")
AIRSTRIKE_EN = (
    "A military jet bombed a village in Kani Township, Sagaing Region, on Tuesday afternoon, killing nine "
    "civilians including four children near a school used as a clinic, residents said. Fourteen others were "
    "wounded in the attack, a local resistance group said.")
CLASH_MY = (
    "မကွေးတိုင်း ပေါက်မြို့နယ်တွင် မနေ့က စစ်ကြောင်းထိုးလာသည့် စစ်ကောင်စီတပ်ကို ပြည်သူ့ကာကွယ်ရေးတပ်ဖွဲ့က "
    "ချောင်းမြောင်းတိုက်ခိုက်ခဲ့ရာ စစ်သား (၅) ဦး ကျဆုံးခဲ့ကြောင်း ပကဖ ပြန်ကြားရေးတာဝန်ခံက ပြောသည်။")
FLOOD_MY = ("ပဲခူးမြို့တွင် မိုးသည်းထန်စွာ ရွာသွန်းပြီး ရေကြီးမှုကြောင့် နေအိမ် ၂၀၀ ကျော် ရေမြုပ်နေကြောင်း "
            "ဒေသခံများက ပြောသည်။ ရေဘေးသင့်သူများကို ဘုန်းကြီးကျောင်းများတွင် ယာယီနေရာချထားသည်။")


def test_a_term_matches_only_on_syllable_boundaries(knowledge) -> None:
    text = "မိုင်းနင်း"  # stepped on a mine: "မိုင်" (mile) ends inside the syllable "မိုင်း"
    assert [is_syllable_boundary(text, i) for i in range(len(text))] == [
        True, False, False, False, False, False, True, False, False, False]
    found = [m.text for m in knowledge.find("ရက္ခိုင့်တပ်တော်က မိုင်းနင်း", myanmar_context=True)]
    assert "ရက္ခိုင့်တပ်တော်" in found and "မိုင်းနင်း" in found
    # a one-syllable town name ("ရေး", Ye) is inside countless words: it needs its suffix
    assert not [m for m in knowledge.find("ပြန်ကြားရေးတာဝန်ခံက ပြောသည်", myanmar_context=True) if m.kind == "place"]


def test_every_sub_event_type_supported_in_english_has_burmese_triggers() -> None:
    import csv

    seeds = Path(__file__).resolve().parents[1] / "seeds"

    def sub_types(name: str) -> set[tuple[str, str]]:
        with (seeds / name).open(encoding="utf-8") as handle:
            return {(r["event_type"], r["sub_event_type"]) for r in csv.DictReader(handle) if r["sub_event_type"]}

    assert sub_types("event_lexicon.csv") <= sub_types("event_lexicon_my.csv")


def test_language_is_told_by_script_share_and_the_feed_is_only_a_prior() -> None:
    assert detect_language(AIRSTRIKE_MY) == "my"
    assert detect_language(AIRSTRIKE_EN, prior="my") == "en"
    assert detect_language("PDF နှင့် KIA", prior="my") == "my"      # too short to tell: the feed decides
    assert detect_language(AIRSTRIKE_MY + " PDF KIA AA MNDAA TNLA") == "my"  # quoted acronyms do not flip it
    assert detect_language("", prior="en-US") == "en"


def test_sentences_end_at_the_full_stop_not_the_comma() -> None:
    sentences = split_sentences("မကွေးတိုင်း၊ ပေါက်မြို့နယ်တွင် တိုက်ပွဲဖြစ်သည်။ ရွာသားများ ထွက်ပြေးကြသည်။")
    assert [s.text for s in sentences] == ["မကွေးတိုင်း၊ ပေါက်မြို့နယ်တွင် တိုက်ပွဲဖြစ်သည်။", "ရွာသားများ ထွက်ပြေးကြသည်။"]
    assert sentences[1].start == len("မကွေးတိုင်း၊ ပေါက်မြို့နယ်တွင် တိုက်ပွဲဖြစ်သည်။ ")


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("အရပ်သား ၁၂ ဦး သေဆုံး", "killed", 12),
    ("အရပ်သား ၁၂ ဦးကျော် သေဆုံး", "killed", 12),         # over 12: 12
    ("ရွာသား ၃၀ ဦးခန့် ဒဏ်ရာရ", "injured", 30),           # about 30: 30
    ("နှစ်ဆယ့်ငါးဦး သေဆုံး", "killed", 25),               # numeral words with a classifier
    ("အရပ်သား (၂)ဦးမှာ နေရာတွင် သေဆုံး", "killed", 2),     # bracketed digits
    ("သေဆုံးသူ ၄ ယောက်", "killed", 4),                    # the verb before the count
    ("လူ ၁၅ ဦး ဖမ်းဆီးခံရ", "arrested", 15),
])
def test_counts_of_people_are_conservative(text: str, kind: str, value: int) -> None:
    assert [(c.kind, c.value) for c in find_counts(text)] == [(kind, value)]


def test_a_year_or_a_house_count_is_not_a_count_of_people() -> None:
    assert find_counts("၂၀၂၄ ခုနှစ်တွင် နေအိမ် ၅၀ လုံး မီးရှို့ခံရ") == []


@pytest.mark.parametrize(("text", "day", "precision"), [
    ("ဖေဖော်ဝါရီ ၁၁ ရက်နေ့", date(2025, 2, 11), 1),
    ("၂၀၂၄ ခုနှစ် ဒီဇင်ဘာလ (၂၆)ရက်နေ့", date(2024, 12, 26), 1),
    ("ယနေ့", PUBLISHED, 1),
    ("မနေ့က", date(2025, 2, 11), 1),
    ("ညက", date(2025, 2, 11), 1),
    ("၁၀ ရက်နေ့", date(2025, 2, 10), 1),
    ("၂၈ ရက်နေ့", date(2025, 1, 28), 1),                     # after the 12th: last month's
    ("တနင်္လာနေ့", date(2025, 2, 10), 1),
    ("ပြီးခဲ့သည့် ဗုဒ္ဓဟူးနေ့", date(2025, 2, 5), 1),          # "last Wednesday" on a Wednesday: a week ago
    ("ပြီးခဲ့သည့်အပတ်", date(2025, 2, 6), 2),
    ("ပြီးခဲ့တဲ့လ", date(2025, 1, 15), 3),
    ("ဒီဇင်ဘာလ", date(2024, 12, 15), 3),
])
def test_burmese_dates_resolve_against_publication(text: str, day: date, precision: int) -> None:
    (found,) = find_dates(text, PUBLISHED)
    assert (found.event_date, found.time_precision) == (day, precision)


def test_the_start_of_a_period_is_not_an_event_date() -> None:
    # "since the 15th of this month until today": the period's start is no event date, today is
    assert [d.date_text for d in find_dates("အခုလ ၁၅ ရက်နေ့ကစလို့ ဒီကနေ့အထိ", PUBLISHED)] == ["ဒီကနေ့"]


def test_a_burmese_air_strike_report_gives_one_acled_event_with_evidence_in_the_original_text(knowledge) -> None:
    assert tag_article(knowledge, "", AIRSTRIKE_MY).relevant
    (event,) = extract(knowledge, "", AIRSTRIKE_MY, PUBLISHED, "a1").events
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert (event.event_date, event.time_precision) == (date(2025, 2, 11), 1)
    assert (event.admin1, event.admin3, event.admin3_pcode) == ("Sagaing Region", "Kani", "MMR005017")
    assert (event.actor1_id, event.actor2_id) == ("military_myanmar", "civilians_myanmar")
    assert event.fatalities == 9 and event.injured == 14
    assert AIRSTRIKE_MY[event.start_char:event.end_char].startswith("စစ်ကိုင်းတိုင်းဒေသကြီး ကနီမြို့နယ်")
    assert event.notes in AIRSTRIKE_MY


def test_case_particles_give_the_roles(knowledge) -> None:
    (event,) = extract(knowledge, "", CLASH_MY, PUBLISHED, "a2").events
    assert (event.event_type, event.sub_event_type, event.event_date) == ("Battles", "Armed clash", date(2025, 2, 11))
    assert (event.actor1_id, event.actor2_id) == ("pdf", "military_myanmar")   # X က ... Y ကို
    assert (event.admin1, event.admin3, event.fatalities) == ("Magway Region", "Pauk", 5)


def test_a_flood_in_burmese_is_not_conflict(knowledge) -> None:
    assert not tag_article(knowledge, "", FLOOD_MY).relevant
    assert extract(knowledge, "", FLOOD_MY, PUBLISHED).events == []


def test_a_zawgyi_page_gives_the_same_events_once_converted(knowledge) -> None:
    from myanmar.converter import convert

    zawgyi = convert(AIRSTRIKE_MY, "unicode", "zawgyi")
    assert zawgyi != AIRSTRIKE_MY
    events = extract(knowledge, "", to_unicode(zawgyi), PUBLISHED).events
    assert [(e.sub_event_type, e.admin3, e.fatalities) for e in events] == [("Air/drone strike", "Kani", 9)]


def _store(con, article_id: str, outlet: str, text: str, language: str, published: datetime, knowledge) -> None:
    database.upsert(con, "articles", [{
        "article_id": article_id, "canonical_url": f"https://{outlet}.example/{article_id}", "url": "u",
        "feed_id": outlet, "title": "", "first_seen_at": published, "fetch_status": "ok", "text": text,
        "published_at": published, "text_language": language,
        "content_hash": hashlib.sha256(text.encode()).hexdigest()}], ["article_id"])
    result = extract(knowledge, "", text, published.date(), article_id)
    load_events(con, [article_id], result.events, result.figures, knowledge.version)


def test_one_event_reported_in_english_and_burmese_is_one_unique_event(tmp_path: Path, knowledge) -> None:
    con = database.connect(tmp_path / "t.duckdb")
    database.upsert(con, "feeds", [{"feed_id": f, "name": f, "outlet": f, "url": f"https://{f}.example/rss",
                                    "language": lang, "enabled": True, "poll_interval_minutes": 30,
                                    "general": False, "allow_private": False, "in_registry": True}
                                   for f, lang in (("english-daily", "en"), ("burmese-daily", "my"))], ["feed_id"])
    t0 = datetime(2025, 2, 12, 3, tzinfo=timezone.utc)
    _store(con, "en1", "english-daily", AIRSTRIKE_EN, "en", t0, knowledge)
    _store(con, "my1", "burmese-daily", AIRSTRIKE_MY, "my", t0 + timedelta(hours=2), knowledge)
    dedup_stage(con)
    rows = con.execute("SELECT sub_event_type, admin3, num_articles, num_sources, languages FROM unique_events").fetchall()
    assert rows == [("Air/drone strike", "Kani", 2, 2, ["en", "my"])]
    # story clustering (near-duplicate texts) stays within a language: two stories, not one
    stories = con.execute("SELECT count(DISTINCT story_cluster_id) FROM article_clusters").fetchone()[0]
    assert stories == 2
    assert con.execute("SELECT language, events FROM events_by_language").fetchall() == [("both", 1)]


def test_the_fetch_stage_converts_zawgyi_and_stores_the_detected_language(tmp_path: Path, settings) -> None:
    import duckdb
    from myanmar.converter import convert

    from tasks import pipeline
    from tests.conftest import write_registry
    from tests.loopback import LoopbackSite
    from tests.test_fetch import _rss, article_page

    zawgyi_paragraphs = [convert(p, "unicode", "zawgyi") for p in AIRSTRIKE_MY.strip().split("\n")] * 3
    with LoopbackSite() as site:
        site.static("/my", article_page("kani", zawgyi_paragraphs).encode())
        site.static("/en", article_page("english", [AIRSTRIKE_EN] * 3).encode())
        site.static("/feed", _rss(site.base_url, [("kani", "/my"), ("english", "/en")]), "application/rss+xml")
        db = tmp_path / "t.duckdb"
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "post", "url": site.url("/feed")}])
        pipeline.sync_feeds_stage(db, registry)
        pipeline.poll_stage(db, "run1", settings, force=True)
        pipeline.fetch_stage(db, settings)
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("SELECT title, text_language FROM articles").fetchall())
    text = con.execute("SELECT text FROM articles WHERE title = 'kani'").fetchone()[0]
    con.close()
    assert rows == {"kani": "my", "english": "en"}        # the page says lang="en": the text decides
    assert "ကနီမြို့နယ်" in text                           # stored in Unicode


def test_mmtrack_extract_prints_the_events_of_a_burmese_text(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    path = tmp_path / "airstrike.txt"
    path.write_text(AIRSTRIKE_MY, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mmtrack.cli", "extract", str(path), "--published", "2025-02-12",
                             "--json"], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["relevance"]["relevant"]
    assert [(e["sub_event_type"], e["admin3"], e["fatalities"]) for e in out["events"]] == [("Air/drone strike", "Kani", 9)]


# --- round 2: knowledge coverage, role constructions, the labeller's triggers, numbers and dates -----------


@pytest.mark.parametrize(("surface", "actor_id"), [
    ("စစ်ကော်မရှင်တပ်", "military_myanmar"), ("စစ်ခွေးများ", "military_myanmar"), ("နခခ", "military_myanmar"),
    ("အကြမ်းဖက်စစ်ကောင်စီ", "military_myanmar"), ("ပျူအဖွဲ့", "pyu_saw_htee"), ("အာရက္ခတပ်တော်", "ula_aa"),
    ("ကရင်နီအမျိုးသားများကာကွယ်ရေးတပ်", "kndf"), ("အာစီအက်စ်အက်စ်", "rcss_ssa_s"),
    ("ချင်းလဲန်းကာကွယ်ရေးတပ်ဖွဲ့", "cdf"), ("ကချင်လွတ်လပ်ရေးတပ်မတော်", "kia"), ("ရဲတပ်သား", "police_myanmar"),
    ("တပ်မ ၇၇", "military_myanmar"), ("တပ်မ(၃၃)", "military_myanmar"),
])
def test_burmese_names_and_abbreviations_of_the_actors(knowledge, surface: str, actor_id: str) -> None:
    found = [m for m in knowledge.find(f"{surface}က တိုက်ခိုက်သည်။", myanmar_context=True) if m.kind == "actor"]
    assert [(m.text, m.ref_ids[0]) for m in found] == [(surface, actor_id)]


def test_an_eao_brigade_is_not_the_army_s_division(knowledge) -> None:
    # "တပ်မ" (division) alone is the start of "တပ်မဟာ" (an EAO's brigade): only a numbered division counts
    found = [m.ref_ids[0] for m in knowledge.find("ကေအိုင်အေ တပ်မဟာ ၃ က", myanmar_context=True) if m.kind == "actor"]
    assert found == ["kia"]


@pytest.mark.parametrize(("surface", "place_id"), [
    ("ကရင်နီပြည်", "MMR002"), ("အာရက္ခပြည်", "MMR012"), ("ရှမ်းမြောက်", "MMR015"),
    ("သျှမ်းပြည်တောင်ပိုင်း", "MMR014"), ("ရှမ်းပြည်", "MMR-SHAN"), ("ဒီမော့ဆို", "MMR002002"),
    ("ဒီမော့ဆို မြို့နယ်", "MMR002002"),
])
def test_news_names_of_states_and_townships_beside_mimu_s(knowledge, surface: str, place_id: str) -> None:
    found = [m for m in knowledge.find(f"{surface}တွင် တိုက်ပွဲဖြစ်သည်။", myanmar_context=True) if m.kind == "place"]
    assert [m.text for m in found] == [surface] and place_id in found[0].ref_ids


def test_a_sub_township_is_its_town_under_the_parent_township() -> None:
    from tasks.lang.my_places import burmese_place_surfaces

    assert "ကမမောင်းမြို့နယ်ခွဲ" in burmese_place_surfaces("town", "ကမမောင်း")


ROLE_SENTENCES = [
    # subject-က, object-ကို
    ("ကချင်လွတ်လပ်ရေးတပ်မတော်က ဗန်းမော်မြို့နယ်ရှိ စစ်ကော်မရှင်တပ်စခန်းကို မနေ့က စီးနင်းတိုက်ခိုက်ခဲ့သည်။",
     "Battles", "kia", "military_myanmar", "Bhamo"),
    # object first, then the doer
    ("ကျောက်ဖြူမြို့နယ်ရှိ စကစ စခန်းကို အာရက္ခတပ်တော်က ဖေဖေါ်ဝါရီ ၁၀ ရက်နေ့တွင် ထိုးစစ်ဆင်တိုက်ခိုက်ခဲ့သည်။",
     "Battles", "ula_aa", "military_myanmar", "Kyaukpyu"),
    # passive with the doer's genitive ၏
    ("ရွာသား ၃ ဦးသည် မနေ့က ဆားလင်းကြီးမြို့နယ်တွင် စစ်ကောင်စီတပ်၏ ပစ်သတ်ခြင်းခံရသည်။",
     "Violence against civilians", "military_myanmar", "civilians_myanmar", "Salingyi"),
    # passive with the doer's မှ ("by")
    ("ဒီပဲယင်းမြို့နယ်ရှိ ကျေးရွာတစ်ရွာသည် ယမန်နေ့က ပျူစောထီးအဖွဲ့မှ မီးရှို့ခံရသည်။",
     "Strategic developments", "pyu_saw_htee", "civilians_myanmar", "Tabayin"),
    # active with မှ
    ("ခလရ ၃၃ မှ မြင်းမူမြို့နယ် ကျေးရွာတစ်ရွာကို ဒီကနေ့ မီးရှို့ခဲ့သည်။",
     "Strategic developments", "military_myanmar", "civilians_myanmar", "Myinmu"),
    # reported speech: the speaker first ("X ပြောခွင့်ရသူက ... ဟု ပြောသည်") is no side of the act
    ("ပကဖ ပြောခွင့်ရသူက စစ်ကောင်စီတပ်က ယင်းမာပင်မြို့နယ်တွင် ရွာသား ၅ ဦးကို မနေ့က ပစ်သတ်ခဲ့သည်ဟု ပြောသည်။",
     "Violence against civilians", "military_myanmar", "civilians_myanmar", "Yinmarbin"),
    # reported speech: the speaker after the quote ("... ဟု X က ပြောသည်")
    ("စစ်ကောင်စီတပ်က ရွာသား ၅ ဦးကို မနေ့က ယင်းမာပင်မြို့နယ်တွင် ပစ်သတ်ခဲ့သည်ဟု ပကဖက ပြောသည်။",
     "Violence against civilians", "military_myanmar", "civilians_myanmar", "Yinmarbin"),
    # a pair of sides, and a third group that only tells the story (ကြောင်း ... ပြောသည်)
    ("တအာင်းတပ်နှင့် စစ်ကော်မရှင်တပ်တို့ ကျောက်မဲမြို့နယ်တွင် ၁၁ ရက်နေ့က တိုက်ပွဲဖြစ်ခဲ့ကြောင်း ကေအိုင်အေ ပြောခွင့်ရသူက ပြောသည်။",
     "Battles", "tnla", "military_myanmar", "Kyaukme"),
    # a state named in the news' own way, a township spelt otherwise than MIMU, the junta by a slur
    ("ကရင်နီပြည် ဒီမော့ဆိုတွင် ကရင်နီအမျိုးသားများကာကွယ်ရေးတပ်နှင့် စစ်ခွေးများ ၁၀ ရက်နေ့က တိုက်ပွဲဖြစ်သည်။",
     "Battles", "kndf", "military_myanmar", "Demoso"),
    # a Latin-script abbreviation inside the Burmese text, then the colloquial plural subject (တွေက)
    ("TNLA က ကျောက်မဲမြို့နယ်ရှိ စစ်ကောင်စီ စခန်းကို မနေ့က သိမ်းပိုက်ခဲ့သည်။",
     "Battles", "tnla", "military_myanmar", "Kyaukme"),
    ("စစ်ကောင်စီတပ်တွေက မနေ့က ကနီမြို့နယ်က ရွာတွေကို မီးရှို့ခဲ့ပါတယ်။",
     "Strategic developments", "military_myanmar", "civilians_myanmar", "Kani"),
    # a drone flown by a resistance force is its strike, not the army's
    ("ပကဖက ဒရုန်းဖြင့် မနေ့က မြင်းမူမြို့နယ်ရှိ စစ်ကောင်စီ စခန်းကို တိုက်ခိုက်ခဲ့သည်။",
     "Explosions/Remote violence", "pdf", "military_myanmar", "Myinmu"),
]


@pytest.mark.parametrize(("text", "event_type", "actor1", "actor2", "township"), ROLE_SENTENCES, ids=[
    "subject-object", "object-first", "passive-genitive", "passive-by", "active-by", "speaker-first",
    "speaker-after", "pair-and-teller", "news-names", "latin-abbreviation", "colloquial-plural", "resistance-drone"])
def test_case_particles_give_the_roles_in_every_construction(knowledge, text, event_type, actor1, actor2,
                                                              township) -> None:
    event = extract(knowledge, "", text, PUBLISHED, "r").events[0]
    assert event.event_type == event_type and event.admin3 == township
    sides = (event.actor1_id, event.actor2_id)
    assert (set(sides) == {actor1, actor2}) if event_type == "Battles" else sides == (actor1, actor2)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("စစ်ကောင်စီ ဂျက်ဖိုက်တာက ကျေးရွာကို မနေ့က ဗုံးကြဲသည်။", "Air/drone strike"),
    ("တာဝေးပစ်ဒုံးဖြင့် မနေ့က ပစ်ခတ်ခဲ့သည်။", "Shelling/artillery/missile attack"),
    ("လောင်ချာဖြင့် မနေ့က ပစ်ခတ်ခဲ့သည်။", "Shelling/artillery/missile attack"),
    ("စစ်ကြောင်းကို ပဒေသာမိုင်းဖြင့် မနေ့က မိုင်းဆွဲတိုက်ခိုက်ခဲ့သည်။", "Remote explosive/landmine/IED"),
    ("ပကဖက စစ်ကြောင်းကို မနေ့က ခြုံခိုတိုက်ခိုက်ခဲ့သည်။", "Armed clash"),
    ("စစ်ကောင်စီတပ်က မြို့ကို မနေ့က ပြန်လည်သိမ်းပိုက်ခဲ့သည်။", "Government regains territory"),
])
def test_the_labellers_triggers(knowledge, text: str, sub_event_type: str) -> None:
    assert extract(knowledge, "", text, PUBLISHED, "t").events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("အရပ်သား ၁၀ ဦးထက်မနည်း သေဆုံး", "killed", 10),   # no less than 10: 10
    ("ဒေသခံ ၂၀ ဦးဝန်းကျင် ဒဏ်ရာရ", "injured", 20),     # around 20: 20
    ("ရွာသား ၄ ဦး ပွဲချင်းပြီးသေဆုံး", "killed", 4),     # died on the spot
    # the count as the object: the verb ends its clause, after when and where
    ("စစ်ကောင်စီတပ်က ရွာသား ၅ ဦးကို မနေ့က ယင်းမာပင်မြို့နယ် ကျေးရွာတစ်ရွာတွင် ပစ်သတ်ခဲ့သည်", "killed", 5),
])
def test_more_qualifiers_of_counts(text: str, kind: str, value: int) -> None:
    assert [(c.kind, c.value) for c in find_counts(text)] == [(kind, value)]


@pytest.mark.parametrize(("text", "day"), [
    ("၂၈. ၁. ၂၀၂၅ ရက်က", date(2025, 1, 28)),      # day first, spaced dots, Burmese digits
    ("28/10/2022", date(2022, 10, 28)),
    ("9 February 2025 က", date(2025, 2, 9)),       # a Latin-script date inside Burmese text
    ("Feb 9, 2025", date(2025, 2, 9)),
    ("ဖေဖေါ်ဝါရီ ၅ ရက်နေ့", date(2025, 2, 5)),       # the older spelling of February
    ("၂၀၂၄ မာ့ချ် ၃ ရက်", date(2024, 3, 3)),         # Rakhine spelling of March
    ("ယမန်နေ့", date(2025, 2, 11)),
])
def test_written_dates_and_other_month_spellings(text: str, day: date) -> None:
    (found,) = find_dates(text, PUBLISHED)
    assert (found.event_date, found.time_precision) == (day, 1)


def test_a_state_alone_takes_the_articles_township_inside_it(knowledge) -> None:
    lead = "ကျောက်မဲမြို့နယ် ဒေသခံများ စိုးရိမ်နေ\n"
    clash = "ရှမ်းမြောက်တွင် မနေ့က တအာင်းတပ်နှင့် စစ်ကောင်စီတပ် တိုက်ပွဲဖြစ်သည်။\n"
    (event,) = extract(knowledge, "", lead + clash, PUBLISHED, "s").events
    assert (event.admin1, event.admin3) == ("Shan State (North)", "Kyaukme")
    # a township in another state says nothing of where in northern Shan the clash was
    (event,) = extract(knowledge, "", "ကနီမြို့နယ် ဒေသခံများ စိုးရိမ်နေ\n" + clash, PUBLISHED, "s").events
    assert (event.admin1, event.admin3) == ("Shan State (North)", None)


def test_civilians_killed_at_the_hands_of_the_army_are_an_attack_on_them(knowledge) -> None:
    text = "မနေ့က မြင်းမူမြို့နယ်တွင် စစ်ကောင်စီတပ်၏ လက်ချက်ဖြင့် ရွာသား ၃ ဦး သေဆုံးခဲ့သည်။"
    (event,) = extract(knowledge, "", text, PUBLISHED, "h").events
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert (event.actor1_id, event.actor2_id, event.fatalities) == ("military_myanmar", "civilians_myanmar", 3)


def test_a_base_surrendered_to_a_group_is_gained_by_that_group(knowledge) -> None:
    text = "လားရှိုးမြို့နယ်ရှိ စစ်ကောင်စီတပ်စခန်းသည် မနေ့က ကိုးကန့်တပ်ထံ လက်နက်ချခဲ့သည်။"
    (event,) = extract(knowledge, "", text, PUBLISHED, "g").events
    assert (event.actor1_id, event.actor2_id) == ("mndaa", "military_myanmar")
