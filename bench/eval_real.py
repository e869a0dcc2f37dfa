"""Quality on real reporting: the real-article set (bench/real_set.py), dev and test halves apart.

Every article goes through the pipeline's own path (mmtrack.extract_cmd.process: clean -> tag -> extract)
with the label's publication date. Like the pipeline, only a document judged relevant has its events
stored; events from a document judged irrelevant are not counted anywhere.
Figures per split:
  main.<field>   the main (headline) event of each relevant article: the best-matching predicted event
                 (similarity: type 3, sub-type 2, date 2, state 2, township 2, actor1 1; needs the same type
                 or the same date and state) compared field by field; no partner = wrong on every field.
                 Dates exact; state and township by base name; actors by the coding guide's short names
                 (bench/real_actors.py), in Battles in either order; fatalities exact, null apart from 0.
  event_precision / event_recall   every event: a predicted event matches a gold one with the same type
                 and state within 2 days (each used once); a stored event from a negative is a false positive.
  relevance_precision / relevance_recall   on articles.
  negative_events   events stored from the negatives (target 0).
Run: .venv/bin/python -m bench.eval_real [--split dev|test] [--show-misses]
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.real_actors import gold_short_name, short_name  # noqa: E402
from bench.real_set import LABEL_DIR, SPLITS, RealArticle, load_real_set  # noqa: E402

FIELDS = ("event_type", "sub_event_type", "date", "state", "township", "actor1", "actor2", "fatalities")
TARGETS = {"event_type": 0.95, "sub_event_type": 0.88, "date": 0.90, "state": 0.97, "township": 0.90,
           "actor1": 0.90, "actor2": 0.88, "fatalities": 0.90}
EVENT_TARGET = 0.85
RELEVANCE_TARGET = 0.95
DATE_WINDOW_DAYS = 2


def state_key(name: str | None) -> str | None:
    """A state as labels and the gazetteer both name it: 'Shan State (North)' and 'Shan' -> 'shan'."""
    from tasks.extract.places import state_base

    base = state_base(name).strip().lower().replace(" ", "")
    return {"naypyitaw": "naypyitaw", "naypyidaw": "naypyitaw"}.get(base, base) or None


def _township(name: str | None) -> str | None:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"\(.*?\)", "", (name or "").lower())) or None


def gold_values(knowledge, gold: dict) -> dict:
    return {"event_type": gold.get("event_type"), "sub_event_type": gold.get("sub_event_type"),
            "date": str(gold.get("event_date") or ""), "state": state_key(gold.get("admin1")),
            "township": _township(gold.get("township")),
            "actor1": gold_short_name(gold.get("actor1"), knowledge), "actor2": gold_short_name(gold.get("actor2"), knowledge),
            "fatalities": gold.get("fatalities")}


def predicted_values(knowledge, event: dict) -> dict:
    return {"event_type": event["event_type"], "sub_event_type": event["sub_event_type"], "date": event["event_date"],
            "state": state_key(event.get("admin1")), "township": _township(event.get("admin3")),
            "actor1": short_name(event.get("actor1_id"), knowledge), "actor2": short_name(event.get("actor2_id"), knowledge),
            "fatalities": event.get("fatalities"), "sentence": event.get("sentence", "")}


def field_ok(gold: dict, pred: dict | None, name: str) -> bool:
    if pred is None:
        return False
    if name in ("actor1", "actor2") and gold["event_type"] == "Battles" and pred["event_type"] == "Battles":
        if {gold["actor1"], gold["actor2"]} == {pred["actor1"], pred["actor2"]}:
            return True   # the coding guide: in battles the order of the two sides carries no meaning
        other = "actor2" if name == "actor1" else "actor1"
        return gold[name] in (pred[name], pred[other]) and gold[name] is not None
    return gold[name] == pred[name]


def _similarity(g: dict, p: dict) -> int:
    weights = {"event_type": 3, "sub_event_type": 2, "date": 2, "state": 2, "township": 2, "actor1": 1}
    return sum(w for f, w in weights.items() if g[f] == p[f])


def match_fields(golds: list[dict], preds: list[dict], main_index: int | None = None) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index) from the most similar down. Equal similarity goes
    to the main gold event first, then in the order gold and predictions are listed (was: the reverse order,
    so a prediction as like the main event as a side event went to the side event and the main went unpaired)."""
    pairs = sorted((-_similarity(g, p), i != main_index, i, j) for i, g in enumerate(golds) for j, p in enumerate(preds))
    used_g, used_p, out = set(), set(), []
    for _score, _not_main, i, j in pairs:
        g, p = golds[i], preds[j]
        if i in used_g or j in used_p or not (g["event_type"] == p["event_type"] or (g["date"] == p["date"] and g["state"] == p["state"])):
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return out


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return 10_000


def match_events(golds: list[dict], preds: list[dict]) -> int:
    """How many predicted events match a gold one (same type and state, within 2 days), one-to-one."""
    pairs = sorted((_days_apart(g["date"], p["date"]), i, j) for i, g in enumerate(golds) for j, p in enumerate(preds)
                   if g["event_type"] == p["event_type"] and g["state"] == p["state"])
    used_g, used_p = set(), set()
    for days, i, j in pairs:
        if days <= DATE_WINDOW_DAYS and i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


def run_article(knowledge, article: RealArticle) -> dict:
    """The pipeline's verdict and stored events for one article (mmtrack extract's path)."""
    from mmtrack.extract_cmd import process

    out = process(knowledge, article.id, article.body, article.published, article.title, is_html=False)
    relevant = bool(out["relevance"]["relevant"])
    return {"relevant": relevant, "events": out["events"] if relevant else []}


def score_split(knowledge, articles: list[RealArticle], misses: list[str] | None = None) -> dict:
    correct = dict.fromkeys(FIELDS, 0)
    mains = tp = fp = fn = gold_events = pred_events = matched = negative_events = 0
    for article in articles:
        result = run_article(knowledge, article)
        preds = [predicted_values(knowledge, e) for e in result["events"]]
        golds = [gold_values(knowledge, g) for g in article.events] if article.relevant else []
        tp += result["relevant"] and article.relevant
        fp += result["relevant"] and not article.relevant
        fn += article.relevant and not result["relevant"]
        if not article.relevant:
            negative_events += len(preds)
        gold_events += len(golds)
        pred_events += len(preds)
        matched += match_events(golds, preds)
        if misses is not None and result["relevant"] != article.relevant:
            misses.append(f"{article.id} relevance: gold={article.relevant} predicted={result['relevant']}"
                          f" ({article.label.get('negative_kind') or ''}) {article.title[:90]!r}")
        main = article.main_event
        if not article.relevant or main is None:
            continue
        mains += 1
        main_index = article.events.index(main)
        partner = dict(match_fields(golds, preds, main_index)).get(main_index)
        pred = preds[partner] if partner is not None else None
        wrong = [f for f in FIELDS if not field_ok(golds[main_index], pred, f)]
        for f in FIELDS:
            correct[f] += f not in wrong
        if misses is not None and wrong:
            diff = "; ".join(f"{f}: gold={golds[main_index][f]!r} got={(pred or {}).get(f)!r}" for f in wrong)
            where = f" | {pred['sentence'][:140]!r}" if pred else f" | no partner among {len(preds)} events"
            misses.append(f"{article.id} main: {diff}{where}")
    return {
        **{f"main.{f}": (correct[f] / mains if mains else 0.0) for f in FIELDS},
        "event_precision": matched / pred_events if pred_events else 0.0,
        "event_recall": matched / gold_events if gold_events else 0.0,
        "relevance_precision": tp / (tp + fp) if tp + fp else 0.0,
        "relevance_recall": tp / (tp + fn) if tp + fn else 0.0,
        "negative_events": negative_events,
        "articles": len(articles), "relevant_articles": mains,
    }


def _target(name: str):
    if name.startswith("main."):
        return TARGETS[name[5:]]
    if name.startswith("event_"):
        return EVENT_TARGET
    if name.startswith("relevance_"):
        return RELEVANCE_TARGET
    if name == "negative_events":
        return "<= 0"
    return ""


def evaluate(splits: tuple[str, ...] = SPLITS) -> list[tuple[str, float, object]]:
    """[(figure, value, target)] for each split; a split whose texts are all missing says so."""
    from tasks.knowledge import load_knowledge

    real = load_real_set()
    knowledge = load_knowledge()
    rows: list[tuple[str, float, object]] = []
    if real.missing:
        rows.append(("real.texts_missing (fill the cache: docs/real-set.md)", len(real.missing), "<= 0"))
    for split in splits:
        articles = real.split(split)
        if not articles:
            rows.append((f"real_{split}: no texts in the cache", "missing", "present"))
            continue
        for name, value in score_split(knowledge, articles).items():
            rows.append((f"real_{split}.{name}", round(value, 3) if isinstance(value, float) else value, _target(name)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, action="append", help="which half (repeatable; default both)")
    parser.add_argument("--show-misses", action="store_true", help="print each miss with the fields that differ")
    parser.add_argument("--label-dir", type=Path, default=LABEL_DIR,
                        help="score only the labels in this folder (e.g. a fresh set kept apart to check that rules carry)")
    args = parser.parse_args()
    from bench.report import judge
    from tasks.knowledge import load_knowledge

    real = load_real_set(args.label_dir)
    for problem in real.problems:
        print(f"label problem: {problem}")
    if real.missing:
        print(f"texts missing from the cache ({len(real.missing)}): {', '.join(real.missing)}")
    knowledge = load_knowledge()
    for split in args.split or SPLITS:
        articles = real.split(split)
        misses: list[str] | None = [] if args.show_misses else None
        figures = score_split(knowledge, articles, misses)
        print(f"\n== {split}: {figures.pop('articles')} articles, {figures.pop('relevant_articles')} relevant ==")
        if split == "dev":
            print("   (relevance on dev is in-sample: the topic model's veto, seeds/topic_model.json, was trained on it)")
        for miss in misses or []:
            print(f"  {miss}")
        print(f"{'figure':<34}{'value':>8}  target")
        for name, value in figures.items():
            target, verdict = judge(value, _target(name))
            print(f"{name:<34}{value:>8.3f}  {target:<7} {verdict}" if isinstance(value, float)
                  else f"{name:<34}{value:>8}  {target:<7} {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
