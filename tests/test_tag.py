"""Relevance tagging: decisions, topics, regions, actors, evidence, and the DuckDB stage."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tasks.db import connect
from tasks.knowledge import Knowledge, load_knowledge
from tasks.tag import tag_article, tag_stage, tagger_version

MINI_SEEDS = Path(__file__).parent / "data" / "mini_seeds"
REPO_SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seed" / "kunming-ceasefire-article.txt"


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(MINI_SEEDS)


@pytest.fixture(scope="module")
def repo_knowledge() -> Knowledge:
    if not (REPO_SEEDS / "event_lexicon.csv").exists():
        pytest.skip("seeds/event_lexicon.csv not generated yet")
    return load_knowledge(REPO_SEEDS)


def test_myanmar_fighting_is_relevant_with_evidence(knowledge: Knowledge) -> None:
    title = "Arakan Army seizes town in Rakhine"
    text = "Fighting displaced thousands. The AA said it took the town after an airstrike."
    tags = tag_article(knowledge, title, text)
    assert tags.relevant and tags.rule == "myanmar_conflict"
    assert {"territory_change", "airstrike", "displacement"} <= set(tags.topics)
    assert tags.regions == ["Rakhine State"]
    assert tags.actors == ["ula_aa"]
    first = tags.evidence["mentions"][0]
    assert (first["field"], first["text"]) == ("title", "Arakan Army")
    assert title[first["start"]:first["end"]] == "Arakan Army"
    assert any(m["text"] == "AA" and text[m["start"]:m["end"]] == "AA" for m in tags.evidence["mentions"])


def test_conflict_without_myanmar_is_not_relevant(knowledge: Knowledge) -> None:
    text = "Fighting and clashes displaced thousands in the north."
    tags = tag_article(knowledge, "Airstrike kills 20", text)
    assert not tags.relevant and tags.rule == "no_myanmar_anchor"


def test_foreign_war_mentioning_myanmar_in_passing_is_not_relevant(knowledge: Knowledge) -> None:
    title = "Thailand launches airstrikes as border fighting spreads"
    text = "Thailand said its jets hit targets. Fighting displaced 100,000 people in Thailand, near Myanmar."
    tags = tag_article(knowledge, title, text)
    assert not tags.relevant and tags.rule == "foreign_dominant"


def test_myanmar_story_without_conflict_is_not_relevant(knowledge: Knowledge) -> None:
    tags = tag_article(knowledge, "Myanmar beat Laos", "Myanmar's football team won in Yangon Region.")
    assert not tags.relevant and tags.rule == "non_conflict_topic"
    tags = tag_article(knowledge, "Myanmar kyat falls", "The currency fell in Rangoon on Monday.")
    assert not tags.relevant and tags.rule == "no_conflict_signal"


def test_earthquake_displacement_alone_is_not_relevant(knowledge: Knowledge) -> None:
    text = "Thousands displaced by the earthquake in Yangon Region."
    tags = tag_article(knowledge, "Earthquake in Myanmar", text)
    assert not tags.relevant


def test_earthquake_story_with_airstrikes_is_relevant(knowledge: Knowledge) -> None:
    tags = tag_article(
        knowledge, "Junta airstrike hits village after earthquake", "The junta bombed a village in Shan State"
    )
    assert tags.relevant


def test_title_signal_weighs_more_than_body_signal(knowledge: Knowledge) -> None:
    in_title = tag_article(knowledge, "Clash in Kachin State", "Residents spoke.")
    in_body = tag_article(knowledge, "News from Kachin State", "A clash, residents said.")
    assert in_title.score > in_body.score


def test_ambiguous_acronyms_without_myanmar_are_not_actors(knowledge: Knowledge) -> None:
    tags = tag_article(knowledge, "AA breakdown cover expands", "The AA said drivers and PDF forms...")
    assert tags.actors == [] and not tags.relevant


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason="../shared/seed/kunming-ceasefire-article.txt absent")
def test_seed_article_is_relevant_with_expected_tags(repo_knowledge: Knowledge) -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    tags = tag_article(repo_knowledge, "", text)
    assert tags.relevant
    assert {"ceasefire_talks", "territory_change", "displacement"} <= set(tags.topics)
    assert "Shan State" in tags.regions
    assert {"mndaa", "ula_aa"} <= set(tags.actors)
    for mention in tags.evidence["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]


def test_alliance_expands_to_member_actors(repo_knowledge: Knowledge) -> None:
    tags = tag_article(repo_knowledge, "Three Brotherhood Alliance attacks Lashio", "Fighting continued.")
    assert {"mndaa", "tnla", "ula_aa"} <= set(tags.actors)


def _insert_article(con, article_id: str, title: str, text: str | None, status: str = "ok") -> None:
    con.execute(
        "INSERT INTO articles"
        " (article_id, canonical_url, url, feed_id, title, text, first_seen_at, fetch_status)"
        " VALUES (?, ?, ?, 'demo', ?, ?, ?, ?)",
        [article_id, f"https://x.test/{article_id}", f"https://x.test/{article_id}", title, text,
         datetime.now(timezone.utc), status],
    )


def test_tag_stage_round_trip_in_duckdb(tmp_path: Path, knowledge: Knowledge) -> None:
    con = connect(tmp_path / "tags.duckdb")
    _insert_article(con, "a1", "Junta airstrike in Shan State", "Fighting displaced residents of Laukkai.")
    _insert_article(con, "a2", "Myanmar kyat slides", "Currency traders in Yangon Region were worried.")
    _insert_article(con, "a3", "Pending page", None, status="pending")

    assert tag_stage(con, knowledge) == {"tagged": 2, "relevant": 1, "irrelevant": 1}
    assert tag_stage(con, knowledge) == {"tagged": 0, "relevant": 0, "irrelevant": 0}  # all current

    row = con.execute(
        "SELECT relevant, rule, topics, regions, actors, evidence, tagger_version FROM article_tags"
        " WHERE article_id = 'a1'"
    ).fetchone()
    relevant, rule, topics, regions, actors, evidence, version = row
    assert relevant and rule == "myanmar_conflict" and version == tagger_version(knowledge)
    assert "airstrike" in topics and "Shan State" in regions and actors == ["military_myanmar"]
    assert json.loads(evidence)["rule"] == "myanmar_conflict"

    con.execute("UPDATE article_tags SET tagger_version = 'old' WHERE article_id = 'a2'")
    assert tag_stage(con, knowledge)["tagged"] == 1  # stale version is re-tagged
    assert tag_stage(con, knowledge, ["a1", "a2"])["tagged"] == 2  # explicit ids always re-tag
    assert con.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 2
    con.close()


def test_labelled_set_has_enough_items_and_hard_negatives() -> None:
    import csv

    with (Path(__file__).parent / "data" / "relevance_labels.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 120 and len({row["id"] for row in rows}) == len(rows)
    assert sum(row["label"] == "0" for row in rows) >= 40
    assert all(row["headline"] and row["lead"] and row["label"] in ("0", "1") for row in rows)


@pytest.mark.parametrize("headline, rule", [
    ("Rebel fighters overrun junta outpost near Hpakant, KIA says", None),       # already strong enough
    ("Junta battalion routed by KIA on Myitkyina road", "short_both_sides"),
    ("PDF units say they inflicted heavy losses on junta forces in Pale", "short_both_sides"),
    ("Junta troops shoot three farmers dead in Magway Region", "short_lethal_agent"),
    ("Teacher dies after being shot by junta troops near Monywa", "short_lethal_agent"),
])
def test_short_texts_of_the_war_are_relevant_on_their_own(repo_knowledge: Knowledge, headline: str, rule) -> None:
    """A headline has no room to repeat its signal: both warring sides named, or a lethal act told with
    its armed agent, is the war's (team-written headlines in the style of real ones)."""
    tags = tag_article(repo_knowledge, headline, "")
    assert tags.relevant, (headline, tags.rule, tags.score)
    if rule:
        assert tags.rule in (rule, "myanmar_conflict")


@pytest.mark.parametrize("headline", [
    "Myanmar quake: more than 3,000 dead, junta says",
    "Myanmar kyat slides to record low against the dollar",
    "Thai police shoot two smugglers dead near the Myanmar border at Mae Sot",
    "Myanmar junta chief heads to Beijing for regional summit",
])
def test_short_texts_without_the_war_stay_out(repo_knowledge: Knowledge, headline: str) -> None:
    tags = tag_article(repo_knowledge, headline, "")
    assert not tags.relevant, (headline, tags.rule, tags.score)


def test_a_myanmar_outlets_feed_item_needs_no_myanmar_in_its_headline(tmp_path, settings) -> None:
    """The same short item (its page gone, only the feed's headline and summary left) is the war's from a
    Myanmar outlet's feed (registry general = false) and not from a general news feed."""
    from tasks import pipeline
    from tests.conftest import query_rows, write_registry
    from tests.loopback import LoopbackSite

    def rss(path: str) -> bytes:
        return ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
                "<title>Ward guard shot dead by soldiers during night raid</title>"
                f"<link>{site.url('/' + path)}</link><description>Residents said troops opened fire "
                "on the volunteer guard post before dawn.</description></item></channel></rss>").encode()

    db = tmp_path / "o.duckdb"
    with LoopbackSite() as site:
        site.static("/local", rss("gone-local"), "application/rss+xml")
        site.static("/world", rss("gone-world"), "application/rss+xml")
        site.static("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain")
        registry = write_registry(tmp_path / "feeds.csv", [
            {"feed_id": "local", "url": site.url("/local"), "general": "false"},
            {"feed_id": "world", "url": site.url("/world"), "general": "true"}])
        pipeline.run_ingest(pipeline.new_run_id(), db, registry, settings, force=True)
    verdicts = dict(query_rows(db, "SELECT a.feed_id, t.relevant FROM article_tags t JOIN articles a USING (article_id)"))
    assert verdicts == {"local": True, "world": False}


def test_sentence_ends_found_at_the_marks_are_what_the_pattern_finds_scanning_every_character() -> None:
    from tasks.tag import _SENTENCE_END, _sentence_ends

    texts = ["", "No mark", "One. Two! Three? Four", "He said \"go.\" Then\n\n\nleft.\n", "3.5 km. A.B. C",
             "\n\nလမ်းပိတ်သည်။ ရွာ\nသား။", "End.\u201d  Next ... and. \n\n", "...\n", "a.\u2019 b"]
    for text in texts:
        assert [m.span() for m in _sentence_ends(text)] == [m.span() for m in _SENTENCE_END.finditer(text)], text
