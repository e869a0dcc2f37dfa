"""Event extraction: the user's own Kunming article, ACLED conventions, merging, and the DuckDB load."""

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from tasks.extract import EXTRACTOR_VERSION, extract, extract_events
from tasks.extract.sentences import find_dateline, split_sentences

SEED_ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seed" / "kunming-ceasefire-article.txt"


@pytest.fixture(scope="module")
def kunming(knowledge):
    if not SEED_ARTICLE.exists():
        pytest.skip(f"user's seed article not found at {SEED_ARTICLE} (../shared absent)")
    return extract(knowledge, "", SEED_ARTICLE.read_text(encoding="utf-8"), date(2024, 1, 12), "kunming")


def _one(events, sub_event_type):
    found = [e for e in events if e.sub_event_type == sub_event_type]
    assert found, f"no {sub_event_type} event in {[(e.event_type, e.sub_event_type) for e in events]}"
    return found[0]


def test_kunming_ceasefire_is_an_agreement_in_kunming_on_10_january(knowledge, kunming):
    event = _one(kunming.events, "Agreement")
    assert event.event_type == "Strategic developments"
    assert (event.event_date, event.time_precision) == (date(2024, 1, 10), 2)
    assert event.location == "Kunming" and event.country_iso == "CHN"
    assert event.actor1_id == "military_myanmar"
    assert event.actor2_id in knowledge.alliance_members("three_brotherhood")
    assert "China" in (event.assoc_actor_1 or "")


def test_kunming_laukkai_taken_by_mndaa_last_week(kunming):
    event = _one(kunming.events, "Non-state actor overtakes territory")
    assert event.event_type == "Battles"
    assert event.actor1_id == "mndaa" and event.actor2_id == "military_myanmar"
    assert event.admin3 and event.admin3.startswith("Laukkaing")
    assert event.admin1 and event.admin1.startswith("Shan")
    assert event.time_precision == 2 and date(2024, 1, 1) <= event.event_date <= date(2024, 1, 7)
    assert event.interaction == 12


def test_kunming_displacement_figures_keep_their_scope(kunming):
    scopes = {(f.kind, f.value): f.scope for f in kunming.figures}
    assert scopes[("displaced", 300_000)] == "cumulative"
    assert scopes[("displaced", 2_000_000)] == "background"
    assert not any(e.displaced == 2_000_000 for e in kunming.events)


def test_kunming_surrender_told_as_what_the_war_has_seen_is_no_event(kunming):
    # "the conflict has also seen police and military personnel surrender ... or flee": no day, no place, no
    # number of its own after the story's events - the war described, not a new event (issue 14, round 9:
    # a later event needs evidence of its own; the roles of a surrender told as an act are tested below)
    assert not [e for e in kunming.events if "surrender" in e.sentence]


def test_surrender_told_with_its_day_is_the_security_forces_act(knowledge):
    text = ("Rebels of the MNDAA took control of the town of Hopang on Sunday, residents said.\n"
            "On Monday, about 40 police officers surrendered to the MNDAA in Laukkai, the group said.")
    surrender = [e for e in extract_events(knowledge, "", text, date(2024, 1, 10)) if "surrender" in e.sentence]
    assert surrender and surrender[0].actor1_id in ("police_myanmar", "military_myanmar")


def test_kunming_every_event_has_evidence(kunming):
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    for e in kunming.events:
        assert e.rule and 0 < e.confidence < 1 and e.extractor_version == EXTRACTOR_VERSION
        assert text[e.start_char:e.end_char].startswith(e.sentence.split(" ")[0])
        assert e.event_date <= date(2024, 1, 12)


def test_passive_voice_puts_the_attacker_first(knowledge):
    text = "A police station in Pathein Township came under attack from PDF fighters on Monday night."
    (event,) = extract_events(knowledge, "", text, date(2024, 8, 7))
    assert event.actor1_id == "pdf" and event.actor2_id == "police_myanmar"


def test_airstrike_on_village_targets_civilians_and_counts_dead(knowledge):
    text = ("At least 11 civilians, including four children, were killed when a junta fighter jet bombed "
            "Let Yet Kone village in Sagaing Region's Kani Township on Tuesday, residents said.\n"
            "Nine other people were injured in the attack.")
    (event,) = extract_events(knowledge, "", text, date(2024, 2, 15))
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert event.event_date == date(2024, 2, 13) and event.admin3 == "Kani"
    assert event.fatalities == 11 and event.injured == 9
    assert event.actor1_id == "military_myanmar" and event.actor2_id == "civilians_myanmar"
    assert event.civilian_targeting == "Civilian targeting" and event.interaction == 17


def test_background_sentence_makes_no_event(knowledge):
    text = "Since the coup, more than 1,200 NLD members have been detained, according to the party."
    result = extract(knowledge, "", text, date(2024, 10, 15))
    assert result.events == []
    assert [(f.kind, f.scope) for f in result.figures] == [("arrested", "background")]


def test_negated_trigger_is_not_an_event(knowledge):
    assert extract_events(knowledge, "", "There was no fighting near Kani on Tuesday.", date(2024, 2, 15)) == []


def test_dateline_and_sentences_keep_offsets():
    text = "YANGON, Jan 12 (Reuters) - Gen. Min Aung Hlaing met U.S. envoys on Friday. Fighting went on.\n\nNext."
    assert find_dateline(text).place == "YANGON"
    sentences = split_sentences(text)
    assert [s.text for s in sentences][1:] == ["Fighting went on.", "Next."]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert sentences[-1].paragraph == 1


def _seed_article(con, article_id: str, text: str, published: datetime) -> None:
    con.execute("INSERT INTO articles (article_id, canonical_url, url, feed_id, title, text, published_at, "
                "fetch_status, first_seen_at) VALUES (?, ?, ?, 'test-feed', '', ?, ?, 'ok', ?)",
                [article_id, f"https://example.org/{article_id}", f"https://example.org/{article_id}", text,
                 published, published])
    con.execute("INSERT INTO article_tags (article_id, relevant, score, rule, tagger_version, tagged_at) "
                "VALUES (?, true, 1.0, 'test', 'test', now())", [article_id])


def test_extract_stage_loads_once_and_replaces_on_rerun(tmp_path, knowledge):
    from tasks.db import connect
    from tasks.extract.store import extract_stage

    con = connect(tmp_path / "events.duckdb")
    _seed_article(con, "a1", "Junta troops torched more than 60 homes in Dawei Township on Tuesday, residents said.\n"
                  "More than 2 million people have been displaced since the coup.",
                  datetime(2024, 3, 14, tzinfo=timezone.utc))
    first = extract_stage(con, knowledge)
    assert first == {"articles": 1, "events": 1, "figures": 1, "analysed_in_part": 0}
    assert extract_stage(con, knowledge) == {"articles": 0, "events": 0, "figures": 0, "analysed_in_part": 0}  # nothing new to do
    again = extract_stage(con, knowledge, ["a1"])                                         # reprocess
    assert again["events"] == 1
    rows = con.execute("SELECT sub_event_type, event_date, admin3, extractor_version FROM events").fetchall()
    assert rows == [("Looting/property destruction", date(2024, 3, 12), "Dawei", EXTRACTOR_VERSION)]
    assert con.execute("SELECT scope FROM figures").fetchall() == [("background",)]


def test_a_text_of_megabytes_is_extracted_from_its_opening(tmp_path, knowledge):
    """A page that cleans to megabytes (a live blog, a dump with no paragraph breaks) must not hold the
    extract stage for minutes: its opening is analysed, the stored text stays whole, the stage counts it."""
    from tasks.db import connect
    from tasks.extract.store import extract_stage
    from tasks.lang import ANALYSED_CHARS

    lead = "Junta troops torched more than 60 homes in Dawei Township on Tuesday, residents said. "
    filler = "Residents said the situation remained tense in the township. " * (3 * ANALYSED_CHARS // 60)
    late = "PDF fighters ambushed a junta convoy in Kani Township on Monday."  # beyond what is read
    text = lead + filler + late  # one line of about 300,000 characters
    con = connect(tmp_path / "big.duckdb")
    _seed_article(con, "big", text, datetime(2024, 3, 14, tzinfo=timezone.utc))
    totals = extract_stage(con, knowledge)
    assert totals["analysed_in_part"] == 1
    events = con.execute("SELECT sub_event_type, admin3, start_char FROM events").fetchall()
    assert [(sub, township) for sub, township, _ in events] == [("Looting/property destruction", "Dawei")]
    assert all(start < ANALYSED_CHARS for *_, start in events)
    assert con.execute("SELECT length(text) FROM articles").fetchone()[0] == len(text)
