"""Pairwise precision and recall of article (story) clustering and event clustering on tests/data/dedup/.

The set: invented outlets telling invented events at real places, 2-4 outlets per event, one YAML file per
confusable pair (see tests/data/dedup/README.md). The scorer measures the pipeline, not a stand-in:
1. every article goes into a real DuckDB file (feeds = the outlets) and the REAL extractor
   (tasks.extract.extract) runs on its title and text, loaded by tasks.extract.store.load_events;
2. tasks.dedup.dedup_stage clusters articles and events exactly as a pipeline run does;
3. articles: pairs of articles in one predicted story cluster vs pairs sharing a gold `story`;
4. events: each article's extracted event mentions are matched to the gold events the article reports
   (similarity: event type 3, sub-event type 2, same day 2, same township 2; a pair needs the same event
   type or the same day and township; best pairs first, each used once). A mention left unmatched
   (background the extractor made into an event, or an extraction error) is its own gold singleton, so
   merging it into anything counts against precision. Pairs of mentions in one predicted cluster vs
   pairs matched to one gold event give precision and recall.
`-v` lists every wrong pair with the two mentions, which shows whether extraction or clustering failed.
Run: .venv/bin/python bench/eval_dedup.py [-v]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timezone
from itertools import combinations
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tasks import db as database  # noqa: E402
from tasks.dedup import dedup_stage  # noqa: E402
from tasks.extract import extract  # noqa: E402
from tasks.extract.store import load_events  # noqa: E402
from tasks.knowledge import load_knowledge  # noqa: E402

DATA_DIR = ROOT / "tests" / "data" / "dedup"
TARGETS = {"articles": 0.95, "events": 0.90}


def load_set(data_dir: Path = DATA_DIR) -> tuple[dict[str, dict], list[dict]]:
    """(gold events by id, articles) from every pair file."""
    events: dict[str, dict] = {}
    articles: list[dict] = []
    for path in sorted(data_dir.glob("p*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        events |= doc["events"]
        for article in doc["articles"]:
            published = article["published"]
            if isinstance(published, str):
                published = datetime.fromisoformat(published.replace("Z", "+00:00"))
            articles.append({**article, "published": published.astimezone(timezone.utc),
                             "story": article.get("story", article["id"]), "file": path.name})
    return events, articles


def _feed_id(outlet: str) -> str:
    return outlet.lower().replace(" ", "-")


def build_database(db_path: Path, articles: list[dict], knowledge=None) -> None:
    """Load the articles and their extracted events into a fresh database (no dedup yet)."""
    knowledge = knowledge or load_knowledge()
    con = database.connect(db_path)
    try:
        outlets = sorted({a["outlet"] for a in articles})
        database.upsert(con, "feeds", [{"feed_id": _feed_id(o), "name": o, "outlet": o, "url": f"https://{_feed_id(o)}.example/rss",
                                        "enabled": True, "poll_interval_minutes": 30, "general": False,
                                        "allow_private": False, "in_registry": True} for o in outlets], ["feed_id"])
        add_articles(con, articles, knowledge)
    finally:
        con.close()


def add_articles(con, articles: list[dict], knowledge) -> None:
    rows = [{"article_id": a["id"], "canonical_url": f"https://{_feed_id(a['outlet'])}.example/{a['id']}",
             "url": f"https://{_feed_id(a['outlet'])}.example/{a['id']}", "feed_id": _feed_id(a["outlet"]),
             "title": a["title"], "first_seen_at": a["published"], "fetch_status": "ok", "text": a["text"],
             "text_source": "article", "published_at": a["published"], "published_source": "feed"} for a in articles]
    database.upsert(con, "articles", rows, ["article_id"])
    events, figures = [], []
    for a in articles:
        result = extract(knowledge, a["title"], a["text"], a["published"].date(), a["id"])
        events += result.events
        figures += result.figures
    load_events(con, [a["id"] for a in articles], events, figures, knowledge.version)


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, list[tuple[str, str, bool]]]:
    """Precision, recall and the wrong pairs (a, b, predicted_together) over items labelled in both."""
    items = sorted(predicted)
    tp = fp = fn = 0
    wrong = []
    for a, b in combinations(items, 2):
        same_p, same_g = predicted[a] == predicted[b], gold[a] == gold[b]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
        if same_p != same_g:
            wrong.append((a, b, same_p))
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), wrong


def _match_score(mention: dict, gold: dict) -> int:
    same_type = mention["event_type"] == gold["type"]
    same_day = mention["event_date"] == gold["date"]
    same_township = (mention["admin3"] or "").lower() == gold["township"].lower()
    if not (same_type or same_day and same_township):
        return 0
    return 3 * same_type + 2 * (mention["sub_event_type"] == gold["sub"]) + 2 * same_day + 2 * same_township


def gold_event_labels(mentions: list[dict], gold_events: dict[str, dict], articles: list[dict]) -> dict[str, str]:
    reported = {a["id"]: a["events"] for a in articles}
    labels: dict[str, str] = {}
    by_article: dict[str, list[dict]] = {}
    for m in mentions:
        by_article.setdefault(m["article_id"], []).append(m)
    for article_id, found in by_article.items():
        options = sorted(((_match_score(m, gold_events[g]), m["event_id"], g) for m in found for g in reported[article_id]),
                         reverse=True)
        used: set[str] = set()
        for score, event_id, g in options:
            if score and event_id not in labels and g not in used:
                labels[event_id] = g
                used.add(g)
        for m in found:
            labels.setdefault(m["event_id"], f"unmatched:{m['event_id']}")
    return labels


def run(data_dir: Path = DATA_DIR) -> dict:
    gold_events, articles = load_set(data_dir)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "dedup_eval.duckdb"
        build_database(db_path, articles)
        con = database.connect(db_path)
        try:
            summary = dedup_stage(con)
            stories = dict(con.execute("SELECT article_id, story_cluster_id FROM article_clusters").fetchall())
            cursor = con.execute("SELECT * FROM event_cluster_members")
            names = [d[0] for d in cursor.description]
            mentions = [dict(zip(names, r)) for r in cursor.fetchall()]
        finally:
            con.close()
    for m in mentions:  # the view's event_id is the cluster's; the mention's own id is member_event_id
        m["cluster"], m["event_id"] = m["event_id"], m["member_event_id"]
    article_p, article_r, article_wrong = pairwise(stories, {a["id"]: a["story"] for a in articles})
    labels = gold_event_labels(mentions, gold_events, articles)
    event_p, event_r, event_wrong = pairwise({m["event_id"]: m["cluster"] for m in mentions}, labels)
    return {"articles": (article_p, article_r, article_wrong), "events": (event_p, event_r, event_wrong),
            "mentions": {m["event_id"]: m for m in mentions}, "labels": labels, "summary": summary,
            "gold_events": len(gold_events), "articles_n": len(articles),
            "matched": sum(not v.startswith("unmatched") for v in labels.values())}


def evaluate() -> list[tuple[str, float, float]]:
    return [(name, round(value, 3), target) for name, value, target in _rows(run())]


def _describe(m: dict) -> str:
    return (f"{m['article_id']:<22} {m['sub_event_type'][:24]:<24} {m['event_date']} p{m['time_precision']} "
            f"{(m['location'] or '-')[:14]:<14} {(m['admin3'] or '-')[:10]:<10} {(m['actor1'] or '-')[:22]:<22} "
            f"{(m['actor2'] or '-')[:22]:<22} k={m['fatalities']}")


def main() -> None:
    result = run()
    if "-v" in sys.argv:
        for kind in ("articles", "events"):
            for a, b, together in result[kind][2]:
                print(f"{kind} {'MERGED (should not be)' if together else 'APART (should be one)'}")
                if kind == "events":
                    for x in (a, b):
                        print("    ", result["labels"][x][:20], _describe(result["mentions"][x]))
                else:
                    print("    ", a, b)
    print(f"{result['articles_n']} articles, {result['gold_events']} gold events, "
          f"{len(result['mentions'])} extracted mentions ({result['matched']} matched to gold); stage: {result['summary']}")
    print(f"{'metric':<40}{'value':>8}{'target':>8}")
    for name, value, target in _rows(result):
        print(f"{name:<40}{value:>8.3f}{target:>8.2f}{'' if value >= target else '  BELOW'}")


def _rows(result: dict) -> list[tuple[str, float, float]]:
    return [(f"dedup.{kind}_pairwise_{what}", result[kind][i], TARGETS[kind])
            for kind in ("articles", "events") for i, what in ((0, "precision"), (1, "recall"))]


if __name__ == "__main__":
    main()
