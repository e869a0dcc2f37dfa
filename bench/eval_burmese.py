"""Burmese quality on real articles: relevance and the main event, dev and test halves apart.

Labels: bench/real/labels/my*.jsonl (my.jsonl, then later sets such as my_b.jsonl; LABEL_SPEC.md format; the split
is fixed by rule from the URL). `--label-dir DIR` scores one fresh set apart.
Texts: $MMTRACK_REAL_CACHE/<id>.txt (default bench/real/cache/, git-ignored: third-party text never
enters the repository). A label whose text is missing is counted and reported, never fatal.

Each text goes through `tag_article` and the language dispatcher's `extract` exactly as
`mmtrack extract FILE` does (no title: the cached text carries it on its first line). The predicted main
event is the extractor's first event (the lead's). Fields, over the relevant labels: event type, state
(base name), township, date (exact day), actor1, actor2 (canonical ids, as bench/eval_extraction resolves
them; in Battles the order of the two sides carries no meaning, so they compare as a pair), fatalities
(exact; a label's null is 0). An article with no predicted event is wrong on every field.

Targets (issue 15, on the test half): relevance P and R >= 0.92; event type >= 0.88, state >= 0.92,
township >= 0.85, date >= 0.85, actor1/actor2 >= 0.85, fatalities >= 0.85. Tune on dev only.

Run: .venv/bin/python bench/eval_burmese.py [--split dev|test] [-v]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LABEL_DIR = ROOT / "bench" / "real" / "labels"
TARGETS = {"relevance_precision": 0.92, "relevance_recall": 0.92, "event_type": 0.88, "state": 0.92,
           "township": 0.85, "date": 0.85, "actor1": 0.85, "actor2": 0.85, "fatalities": 0.85}
FIELDS = ("event_type", "state", "township", "date", "actor1", "actor2", "fatalities")


def cache_dir() -> Path:
    return Path(os.environ.get("MMTRACK_REAL_CACHE") or ROOT / "bench" / "real" / "cache")


def load_labels(label_dir: Path = LABEL_DIR) -> list[dict]:
    """Every Burmese label in label_dir/my*.jsonl (my.jsonl, then later sets such as my_b.jsonl)."""
    labels = []
    for path in sorted(label_dir.glob("my*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        labels.extend(json.loads(line) for line in lines if line.strip())
    return labels


def _gold_actor(knowledge, name, event_type):
    from tasks.extract.actor_clues import normalize_actor

    if not name:
        return None
    hits = [m for m in knowledge.find(name, myanmar_context=True) if m.kind == "actor"]
    return normalize_actor(knowledge, hits[0].ref_ids[0], event_type) if hits else f"?{name}"


def _township_key(name):
    import re
    return re.sub(r"[^a-z0-9]", "", re.sub(r"\(.*?\)", "", (name or "").lower()))


def score_fields(knowledge, gold: dict, pred) -> dict[str, bool]:
    from tasks.extract.actor_clues import normalize_actor
    from tasks.extract.places import state_base

    if pred is None:
        return dict.fromkeys(FIELDS, False)
    etype = gold["event_type"]
    g1, g2 = _gold_actor(knowledge, gold.get("actor1"), etype), _gold_actor(knowledge, gold.get("actor2"), etype)
    p1, p2 = normalize_actor(knowledge, pred.actor1_id, pred.event_type), normalize_actor(knowledge, pred.actor2_id, pred.event_type)
    if etype == "Battles" and pred.event_type == "Battles":
        pair = {p1, p2}
        a1, a2 = g1 in pair, g2 in pair and (g2 != g1)
    else:
        a1, a2 = g1 == p1, g2 == p2
    gold_state = state_base(gold["admin1"]) if gold.get("admin1") else None
    pred_state = state_base(pred.admin1) if pred.admin1 else None
    return {
        "event_type": pred.event_type == etype,
        "state": gold_state == pred_state,
        "township": _township_key(gold.get("township")) == _township_key(pred.admin3),
        "date": pred.event_date.isoformat() == gold["event_date"],
        "actor1": a1, "actor2": a2,
        "fatalities": (gold.get("fatalities") or 0) == (pred.fatalities or 0),
    }


def run_split(knowledge, labels: list[dict], split: str, verbose: bool = False) -> tuple[list, int]:
    from tasks.burmese import to_unicode
    from tasks.lang import extract
    from tasks.tag import tag_article

    rows, missing = [], 0
    for label in (x for x in labels if x.get("split") == split):
        path = cache_dir() / f"{label['id']}.txt"
        if not path.exists():
            missing += 1
            continue
        text = to_unicode(path.read_text(encoding="utf-8"))   # Zawgyi pages, as fetch and `mmtrack extract` do
        published = date.fromisoformat(label["published"][:10])
        relevant = tag_article(knowledge, "", text).relevant
        events = extract(knowledge, "", text, published, label["id"]).events
        main = next((e for e in label.get("events", []) if e.get("main")), None)
        fields = score_fields(knowledge, main, events[0] if events else None) if label["relevant"] and main else None
        rows.append((label, relevant, fields))
        if verbose and (relevant != label["relevant"] or (fields and not all(fields.values()))):
            wrong = [k for k, ok in (fields or {}).items() if not ok]
            e = events[0] if events else None
            print(f"  {label['id']} gold_rel={label['relevant']} pred_rel={relevant} wrong={wrong}"
                  + (f" pred={e.event_type}/{e.sub_event_type} {e.event_date} {e.admin1}/{e.admin3} "
                     f"{e.actor1_id}/{e.actor2_id} f={e.fatalities}" if e else " pred=none"))
    return rows, missing


def figures(rows: list) -> dict[str, float]:
    tp = sum(1 for label, rel, _ in rows if rel and label["relevant"])
    fp = sum(1 for label, rel, _ in rows if rel and not label["relevant"])
    fn = sum(1 for label, rel, _ in rows if not rel and label["relevant"])
    out = {"relevance_precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
           "relevance_recall": round(tp / (tp + fn), 3) if tp + fn else 0.0}
    scored = [f for _, _, f in rows if f is not None]
    for name in FIELDS:
        out[name] = round(sum(f[name] for f in scored) / len(scored), 3) if scored else 0.0
    return out


def evaluate(splits: tuple[str, ...] = ("dev", "test")) -> list[tuple[str, float, object]]:
    from tasks.knowledge import load_knowledge

    labels = load_labels()
    if not labels:
        return []
    knowledge = load_knowledge()
    out = []
    for split in splits:
        rows, missing = run_split(knowledge, labels, split)
        out.append((f"burmese {split}: articles scored (texts missing: {missing}, cache {cache_dir()})", len(rows), ""))
        if not rows:
            continue  # no cached texts here: nothing measured, nothing to judge
        for name, value in figures(rows).items():
            out.append((f"burmese {split} {name}", value, TARGETS[name]))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the articles with a wrong figure")
    parser.add_argument("--label-dir", type=Path, default=LABEL_DIR,
                        help="score only the my*.jsonl files of this directory (e.g. a fresh set, apart)")
    args = parser.parse_args()
    from tasks.knowledge import load_knowledge

    knowledge = load_knowledge()
    rows, missing = run_split(knowledge, load_labels(args.label_dir), args.split, args.verbose)
    relevant = sum(1 for label, _, _ in rows if label["relevant"])
    print(f"{args.split}: {len(rows)} articles ({relevant} relevant), texts missing: {missing}")
    for name, value in figures(rows).items():
        print(f"{name:<22}{value:>7.3f}  target {TARGETS[name]:.2f}  {'ok' if value >= TARGETS[name] else 'BELOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
