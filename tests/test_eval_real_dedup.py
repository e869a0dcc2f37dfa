"""The real-reporting dedup scorer's own plumbing (bench/eval_real_dedup.py), on team-written names."""

from __future__ import annotations

import json
from pathlib import Path

from bench.eval_real_dedup import _outlet_slugs, join_same_events


def test_outlets_whose_names_fold_to_one_slug_still_get_a_feed_each() -> None:
    # an accented name loses its accent in the slug, so "RTÉ" and "RT" would share one feed id
    slugs = _outlet_slugs(["RTÉ", "Delta Daily", "RT", "RTÉ", "rt"])
    assert slugs == {"RTÉ": "rt", "Delta Daily": "delta-daily", "RT": "rt-2", "rt": "rt-3"}


def _verdicts(path: Path, *rows: tuple[str, str, str]) -> Path:
    path.write_text("".join(json.dumps({"a": a, "b": b, "verdict": v, "note": ""}) + "\n" for a, b, v in rows),
                    encoding="utf-8")
    return path


def test_reports_adjudicated_as_one_event_share_a_gold_event_and_only_those(tmp_path: Path) -> None:
    articles = [{"id": i, "gold": g} for i, g in (("x1", "x1"), ("x2", "x2"), ("g1", "grp"), ("g2", "grp"),
                                                   ("y1", "y1"), ("z1", "z1"))]
    path = _verdicts(tmp_path / "same.jsonl", ("x1", "g2", "same"), ("x2", "x1", "same"),
                     ("y1", "g1", "different"), ("z1", "x2", "unsure"), ("x1", "gone", "same"))
    joined = join_same_events(articles, path)
    gold = {a["id"]: a["gold"] for a in articles}
    # x1 joins the group through g2, and x2 joins through x1: one gold event for all four
    assert joined == 2
    assert gold["x1"] == gold["x2"] == gold["g1"] == gold["g2"]
    # "different", "unsure" and a pair naming an article not in the set change nothing
    assert gold["y1"] == "y1" and gold["z1"] == "z1"


def test_without_an_adjudication_file_the_labels_stand() -> None:
    articles = [{"id": "a", "gold": "a"}, {"id": "b", "gold": "b"}]
    assert join_same_events(articles, Path("/nonexistent/same.jsonl")) == 0
    assert [a["gold"] for a in articles] == ["a", "b"]


def _article(article_id: str, gold: str, *events: tuple[str, str, str]) -> dict:
    coded = [{"event_type": t, "admin1": s, "event_date": d, "main": i == 0} for i, (t, s, d) in enumerate(events)]
    return {"id": article_id, "gold": gold, "events": coded, "main": coded[0]}


def test_an_article_coding_the_event_among_its_others_is_a_source_not_inflation() -> None:
    from bench.eval_real_dedup import _cluster_faults

    strike = ("Explosions/Remote violence", "Shan", "2024-01-01")
    owner = _article("owner", "g-strike", strike)
    # the capture report that also codes the strike three days before: a real second source of it
    also = _article("also", "g-capture", ("Battles", "Shan", "2024-01-04"), strike)
    # a report about another event whose stray mention joined the strike: inflation
    stray = _article("stray", "g-clash", ("Battles", "Kachin", "2024-01-01"))
    mention = {"cluster_id": "c1", "mention_role": "reported"}
    mentions = {"owner": [mention], "also": [mention], "stray": [mention]}
    faults = _cluster_faults([owner, also, stray], {"owner": mention, "also": None, "stray": None}, mentions)
    assert faults["inflated"] == [("c1", ["stray"])]
