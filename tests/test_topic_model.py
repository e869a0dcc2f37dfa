"""The learned topic veto (tasks/topic_model.py): what it reads, when it speaks, and that it only ever vetoes.

The articles below are the team's own, in the style of the negatives the rules took for war stories: the
war's words used in passing in a story about something else."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from bench.train_topic_model import choose_threshold, fit
from tasks.knowledge import load_knowledge
from tasks.tag import tag_article
from tasks.topic_model import TopicModel, read_topic_model, topic_words

ROOT = Path(__file__).resolve().parents[1]

ELECTION = (
    "Myanmar's military-backed party claims landslide in second phase of polls",
    ("The Union Solidarity and Development Party said on Monday it had won most of the seats contested in the "
     "second phase of the general election, held in 100 townships across the country on Sunday. Voting took "
     "place under tight security, with soldiers and police posted at polling stations in Yangon and Mandalay, "
     "and turnout figures released by the Union Election Commission showed fewer than half of eligible voters "
     "cast a ballot. Western governments dismissed the vote as a sham staged by the junta to legitimise its "
     "rule since the 2021 coup, while China, India and Thailand sent observers. The commission said results "
     "for the remaining constituencies would be announced next week, and that a new parliament would convene "
     "in March to choose a president. Opposition parties were barred from standing after being dissolved, and "
     "analysts said the new government would be led by retired generals close to the commander-in-chief."),
)

AIRSTRIKE = (
    "Junta air strike on Sagaing village kills nine, residents say",
    ("A military jet bombed Kyaung Taik village in Sagaing Region's Kani Township early on Tuesday, killing nine "
     "civilians including three children and wounding at least 14 others, residents and a local resistance group "
     "said. The jet dropped two bombs on a school and nearby houses at about 7 a.m., when villagers were "
     "preparing to go to their fields, a member of the Kani People's Defence Force told reporters. Homes were "
     "destroyed and several families fled to the forest after the attack, fearing further raids. The junta has "
     "stepped up air strikes on resistance-held areas of Sagaing, where fighting between its troops and "
     "People's Defence Force units has displaced hundreds of thousands of people since the 2021 coup. The "
     "military did not respond to requests for comment on the strike."),
)


def test_topic_words_reads_the_title_then_the_lead_only() -> None:
    words = topic_words("Troops seize town", "alpha beta gamma delta " * 50 + "omega", 6)
    assert words == {"troops", "seize", "town", "alpha", "beta", "gamma"}


def test_no_model_file_means_the_rules_decide_alone(tmp_path: Path) -> None:
    assert read_topic_model(tmp_path) is None


def test_the_seeded_model_is_a_real_one() -> None:
    model = load_knowledge().topic_model
    assert model is not None
    assert 0.05 < model.threshold < 0.95
    assert len(model.weights) > 1000
    assert model.figures["cv_auc"] > 0.9  # trained and cross-validated on the dev half, not written by hand


def test_the_seeded_model_reads_an_election_in_the_war_s_words_as_another_topic() -> None:
    model = load_knowledge().topic_model
    assert model.probability(*ELECTION) < model.threshold <= model.probability(*AIRSTRIKE)


def _seeds_with_model(tmp_path: Path, **changes) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    data = json.loads((seeds / "topic_model.json").read_text(encoding="utf-8"))
    data.update(changes)
    (seeds / "topic_model.json").write_text(json.dumps(data), encoding="utf-8")
    return seeds


def test_a_veto_turns_the_rules_yes_into_a_recorded_no_and_stores_no_event(tmp_path: Path) -> None:
    """A model sure that nothing is about the war: the rules' yes becomes a no that says who decided it."""
    from mmtrack.extract_cmd import process

    knowledge = load_knowledge(_seeds_with_model(tmp_path, bias=-50.0))
    tags = tag_article(knowledge, *AIRSTRIKE)
    assert not tags.relevant and tags.rule == "off_topic_model"
    assert tags.evidence["components"]["topic_probability"] < 0.01
    assert tags.evidence["components"]["myanmar_anchors"] >= 1  # the rules' own evidence stays beside the veto
    out = process(knowledge, "airstrike", AIRSTRIKE[1], date(2026, 3, 4), AIRSTRIKE[0], is_html=False)
    assert not out["relevance"]["relevant"]


def test_a_war_story_keeps_the_rules_verdict_and_records_the_probability() -> None:
    tags = tag_article(load_knowledge(), *AIRSTRIKE)
    assert tags.relevant and tags.rule == "myanmar_conflict"
    assert tags.evidence["components"]["topic_probability"] >= load_knowledge().topic_model.threshold


def test_short_texts_are_left_to_the_rules() -> None:
    tags = tag_article(load_knowledge(), "Junta troops kill 10 civilians in Sagaing Region, AAPP says", "")
    assert tags.relevant
    assert "topic_probability" not in tags.evidence["components"]


def test_the_model_never_makes_an_article_relevant(tmp_path: Path) -> None:
    """A model that likes every word cannot turn the rules' no into a yes."""
    knowledge = load_knowledge(_seeds_with_model(tmp_path, bias=50.0))
    story = ("Kyat falls to a record low against the dollar",
             "The currency traded at 4,500 kyat to the dollar on the open market in Yangon on Monday. " * 8)
    assert not tag_article(knowledge, *story).relevant
    assert not tag_article(knowledge, *ELECTION).relevant


def test_an_absent_model_keeps_every_rule_verdict(tmp_path: Path) -> None:
    seeds = _seeds_with_model(tmp_path)
    (seeds / "topic_model.json").unlink()
    knowledge = load_knowledge(seeds)
    assert knowledge.topic_model is None
    tags = tag_article(knowledge, *AIRSTRIKE)
    assert tags.relevant and "topic_probability" not in tags.evidence["components"]


def test_a_report_in_another_latin_script_language_is_not_judged(tmp_path: Path) -> None:
    """French reads as English to the script-share detector; the model knows too few of its words to judge."""
    knowledge = load_knowledge(_seeds_with_model(tmp_path, bias=-50.0))
    title = "Birmanie : une frappe aérienne de la junte tue neuf civils dans la région de Sagaing"
    body = ("L'armée birmane a bombardé mardi un village du canton de Kani, dans la région de Sagaing, tuant neuf "
            "civils dont trois enfants, selon des habitants et un groupe de résistance local. Les avions ont "
            "largué deux bombes sur une école et des maisons voisines vers sept heures du matin. ") * 3
    veto, probability = knowledge.topic_model.vetoes(title, body)
    assert not veto and probability is None


def test_burmese_is_not_judged_by_an_english_model(tmp_path: Path) -> None:
    knowledge = load_knowledge(_seeds_with_model(tmp_path, bias=-50.0))
    title = "စစ်ကောင်စီ လေကြောင်းတိုက်ခိုက်မှုကြောင့် စစ်ကိုင်းတိုင်း ကနီမြို့နယ်တွင် ဒေသခံ ကိုးဦး သေဆုံး"
    body = ("စစ်ကိုင်းတိုင်းဒေသကြီး ကနီမြို့နယ် ကျောင်းတိုက်ရွာကို အင်္ဂါနေ့ နံနက်က စစ်ကောင်စီ တိုက်လေယာဉ်က "
            "ဗုံးကြဲတိုက်ခိုက်ခဲ့ရာ ကလေးသုံးဦးအပါအဝင် ဒေသခံ ကိုးဦး သေဆုံးပြီး ၁၄ ဦး ဒဏ်ရာရခဲ့ကြောင်း ဒေသခံများက ပြောသည်။ ") * 6
    tags = tag_article(knowledge, title, body)
    assert tags.relevant and "topic_probability" not in tags.evidence["components"]
    assert knowledge.topic_model.vetoes(title, body) == (False, None)  # no English words: nothing to judge


def test_training_separates_two_topics_and_the_threshold_keeps_the_recall_asked() -> None:
    rows = [({"troops", "shelled", f"village{i}"}, 1) for i in range(20)]
    rows += [({"ballot", "votes", f"party{i}"}, 0) for i in range(20)]
    weights, bias = fit(rows)
    model = TopicModel(weights=weights, bias=bias, threshold=0.5, words=10, min_words=0)
    assert model.probability("troops shelled", "") > 0.8
    assert model.probability("ballot votes", "") < 0.2
    scores = [0.9] * 198 + [0.2, 0.1]
    assert choose_threshold([1] * 200, scores) == pytest.approx(0.2)  # keeps 199 of 200: vetoes only the lowest


def test_the_tag_stage_stores_a_veto_that_analysts_find_in_topic_vetoes(tmp_path: Path) -> None:
    """Through the real tag stage into a real DuckDB file: the vetoed article is stored not relevant, with the
    rules' score and the model's probability side by side in the topic_vetoes view."""
    from tasks import db
    from tasks.tag import tag_stage

    knowledge = load_knowledge(_seeds_with_model(tmp_path, bias=-50.0))
    con = db.connect(tmp_path / "tracker.duckdb")
    try:
        con.execute(
            "INSERT INTO articles (article_id, canonical_url, url, feed_id, title, first_seen_at, fetch_status, text) "
            "VALUES ('a1', 'https://news.example/a1', 'https://news.example/a1', 'example', ?, now(), 'ok', ?)",
            list(AIRSTRIKE))
        assert tag_stage(con, knowledge) == {"tagged": 1, "relevant": 0, "irrelevant": 1}
        row = con.execute("SELECT article_id, title, rules_score, topic_probability FROM topic_vetoes").fetchone()
    finally:
        con.close()
    assert row[0] == "a1" and row[1] == AIRSTRIKE[0]
    assert row[2] > 0 and row[3] < 0.01
