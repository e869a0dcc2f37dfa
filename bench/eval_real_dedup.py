"""One real event, many outlets (issue 18): event clustering measured end to end on real reporting.

The set is the team's labels of real articles (bench/real/labels/*.jsonl, coded by /work/shared's coding
guide): articles that report one real event share an `event_group`; every other relevant article is its own
event, and so a look-alike distractor for the groups. Texts are third-party pages, so they are read from the
git-ignored cache (MMTRACK_REAL_CACHE, default bench/real/cache/<id>.txt); a missing text is reported.

The scorer measures the product, not a stand-in:
1. the texts are served as a loopback news site, one RSS feed per outlet, each item dated by the label's
   publication date, and ingested by the real pipeline (poll, fetch, clean, tag, extract, dedup);
2. each article's OWN event is its extracted mention that matches the label's main event (same event type
   and state, date within 3 days; best sub-type and closest day first);
3. pairwise precision/recall of "these two articles' own events are one unique event" against "the labels
   say one real event", and B-cubed precision/recall over articles, per split (the split follows the event
   group, so no event is in both halves);
4. unique events that mix two gold events, and unique events whose num_sources counts an outlet that did not
   report that event (a background mention attached as a source).
`--ablate` ingests once, then re-clusters the same mentions with one clustering factor changed at a time
(no adjacent-day tolerance, exact place only, no actor test, same sub-type only) and prints each variant's
figures beside the shipped rules: the measured effect of each factor.
Run: .venv/bin/python -m bench.eval_real_dedup [--split dev|test|all] [-v] [--ablate]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from datetime import date
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval_real import state_key  # noqa: E402  (the path above makes `bench` importable as a script)
from bench.real_dedup_breakdown import print_breakdown  # noqa: E402

LABELS_DIR = ROOT / "bench" / "real" / "labels"
SAME_EVENTS = ROOT / "bench" / "real" / "same_events.jsonl"
TARGETS = {"pairwise_precision": 0.95, "pairwise_recall": 0.90, "mixed_events": "== 0", "inflated_sources": "== 0"}
OWN_EVENT_DAYS = 3


def cache_dir() -> Path:
    return Path(os.environ.get("MMTRACK_REAL_CACHE", ROOT / "bench" / "real" / "cache"))


def load_articles(labels_dir: Path = LABELS_DIR) -> tuple[list[dict], list[str]]:
    """(relevant English articles whose text is cached, ids whose text is missing)."""
    articles, missing = [], []
    for path in sorted(labels_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            label = json.loads(line) if line.strip() else None
            if not label or not label.get("relevant") or not label.get("events"):
                continue
            text_path = cache_dir() / f"{label['id']}.txt"
            if not text_path.exists():
                missing.append(label["id"])
                continue
            label["text"] = text_path.read_text(encoding="utf-8")
            label["main"] = next(e for e in label["events"] if e.get("main"))
            label["gold"] = label.get("event_group") or label["id"]
            label["order"] = len(articles)
            articles.append(label)
    return articles, missing


def join_same_events(articles: list[dict], path: Path = SAME_EVENTS) -> int:
    """Articles labelled in different batches were never compared, so two reports of one real event each stood
    as their own event and a correct merge scored as an error. bench/real/same_events.jsonl holds the pairs
    adjudicated by reading both texts (candidates chosen from the labels alone: same half, same state, main
    events of one kind within two days, never the tracker's output); each "same" pair joins its two gold
    events. Returns how many gold events were joined."""
    if not path.is_file():
        return 0
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    gold_of = {a["id"]: a["gold"] for a in articles}
    joined = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        verdict = json.loads(line) if line.strip() else None
        if not verdict or verdict["verdict"] != "same" or verdict["a"] not in gold_of or verdict["b"] not in gold_of:
            continue
        ra, rb = root(gold_of[verdict["a"]]), root(gold_of[verdict["b"]])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
            joined += 1
    for a in articles:
        a["gold"] = root(a["gold"])
    return joined


def _slug(text: str) -> str:
    ascii_text = text.lower().encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "outlet"


def _outlet_slugs(outlets) -> dict[str, str]:
    """One distinct slug per outlet, in first-seen order: two names can fold to one ("RT", "RTÉ")."""
    slugs: dict[str, str] = {}
    for outlet in outlets:
        if outlet not in slugs:
            base = slug = _slug(outlet)
            n = 2
            while slug in slugs.values():
                slug, n = f"{base}-{n}", n + 1
            slugs[outlet] = slug
    return slugs


def _headline(article: dict) -> tuple[str, list[str]]:
    """(headline, body lines), split as the extraction eval splits them (bench/real_set.py): a cached text
    that starts with its lead, not a headline, keeps the lead in the body (a real page never drops it) and
    the page is titled by its outlet, as a site's own title would be."""
    from bench.real_set import split_title

    title, body = split_title(article["text"])
    return title or article["outlet"], [line.strip() for line in body.splitlines() if line.strip()]


def _page(article: dict) -> bytes:
    title, body = _headline(article)
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
            f"<body><article><h1>{html.escape(title)}</h1>{paragraphs}</article></body></html>").encode()


def _feed(base: str, outlet: str, items: list[dict]) -> bytes:
    entries = []
    for a in items:
        day = date.fromisoformat(a["published"])
        # Clustering goes in report order, ties broken by article id, which hashes the URL and so the
        # loopback port: a distinct second per article (its place in the label files) makes the order,
        # and so the figures, the same on every run.
        noon = datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)
        when = format_datetime(noon + timedelta(seconds=a["order"]))
        title = _headline(a)[0][:200]
        entries.append(f"<item><title>{html.escape(title)}</title><link>{base}{a['path']}</link>"
                       f"<guid>{base}{a['path']}</guid><pubDate>{when}</pubDate></item>")
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{html.escape(outlet)}"
            f"</title><link>{base}/</link><description>real set</description>{''.join(entries)}"
            "</channel></rss>").encode()


SITE_PORT = 8791  # a fixed port keeps the articles' URLs, and so their ids and the report order, run to run


def _site():
    from tests.loopback import LoopbackSite

    try:
        return LoopbackSite(SITE_PORT)
    except OSError:
        print(f"port {SITE_PORT} is busy: serving on a free port, so ties in report order may differ from run to run")
        return LoopbackSite()


def serve_and_ingest(articles: list[dict], workdir: Path) -> Path:
    """Serve the articles on loopback, ingest them with the real pipeline; returns the database path."""
    from bench.harness import BENCH_ENV, bench_environment
    from tasks import pipeline
    from tasks.settings import get_settings
    from tests.loopback import Reply

    by_outlet: dict[str, list[dict]] = defaultdict(list)
    slugs = _outlet_slugs(a["outlet"] for a in articles)
    for a in articles:
        a["path"] = f"/{slugs[a['outlet']]}/{a['id']}.html"
        by_outlet[a["outlet"]].append(a)
    db, registry = workdir / "real.duckdb", workdir / "feeds.csv"
    env = {**BENCH_ENV, "MMTRACK_DATA_DIR": str(workdir), "MMTRACK_DB": str(db),
           "MMTRACK_PUBLISHED_DB": str(workdir / "published" / "real.duckdb"), "MMTRACK_FEEDS": str(registry)}
    with _site() as site, bench_environment(env):
        base = site.base_url
        for a in articles:
            a["base"] = base
            site.route(a["path"], lambda _req, body=_page(a): Reply(200, body, {"Content-Type": "text/html; charset=utf-8"}))
        lines = ["feed_id,name,outlet,url,language,enabled,poll_interval_minutes,general,allow_private"]
        for outlet, items in by_outlet.items():
            feed_path = f"/feeds/{slugs[outlet]}.xml"
            site.route(feed_path, lambda _req, body=_feed(base, outlet, items): Reply(200, body, {"Content-Type": "application/rss+xml"}))
            name = outlet.replace(",", " ")
            lines.append(f"real-{slugs[outlet]},{name},{name},{base}{feed_path},en,true,15,false,true")
        registry.write_text("\n".join(lines) + "\n", encoding="utf-8")
        pipeline.run_ingest(pipeline.new_run_id(), db, registry, get_settings(), force=True, base_url=base,
                            max_articles=None, stages=pipeline.IngestStages())
    return db


def read_mentions(db: Path, articles: list[dict]) -> dict[str, list[dict]]:
    """Each article's clustered event mentions with their unique event id, keyed by label id."""
    import duckdb

    from tasks.urls import article_id, canonical_url

    ids = {article_id(canonical_url(a["base"] + a["path"])): a["id"] for a in articles}
    con = duckdb.connect(str(db), read_only=True)
    try:
        cursor = con.execute(
            "SELECT e.article_id, e.event_id, l.cluster_id, e.event_type, e.sub_event_type, e.event_date, "
            "e.admin1, e.admin3, e.location, e.actor1, e.actor2, e.fatalities, e.figure_scope, r.mention_role, l.join_rule "
            "FROM events e LEFT JOIN event_cluster_links l USING (event_id) "
            "LEFT JOIN event_mention_roles r USING (event_id)")
        names = [d[0] for d in cursor.description]
        mentions: dict[str, list[dict]] = defaultdict(list)
        for row in cursor.fetchall():
            m = dict(zip(names, row))
            if m["article_id"] in ids:
                mentions[ids[m["article_id"]]].append(m)
        sources = dict(con.execute("SELECT event_id, num_sources FROM unique_events").fetchall())
    finally:
        con.close()
    for items in mentions.values():
        for m in items:
            m["num_sources"] = sources.get(m["cluster_id"])
    return mentions


def own_event(label: dict, mentions: list[dict]) -> dict | None:
    """The mention that codes the article's main event, or None when the extractor missed it."""
    gold = label["main"]
    day = date.fromisoformat(gold["event_date"])
    fits = [m for m in mentions
            if m["figure_scope"] == "event" and m["cluster_id"] and m["event_type"] == gold["event_type"]
            and state_key(m["admin1"]) == state_key(gold.get("admin1")) and abs((m["event_date"] - day).days) <= OWN_EVENT_DAYS]
    # Ties go to the mention that agrees with the label on more fields, then to a fixed order: which copy
    # the database happens to return first must not decide whether the article's event was found.
    township = (gold.get("township") or "").casefold()
    fits.sort(key=lambda m: (m["sub_event_type"] != gold["sub_event_type"], abs((m["event_date"] - day).days),
                             (m["admin3"] or "").casefold() != township, m["event_id"]))
    return fits[0] if fits else None


def score(articles: list[dict], own: dict[str, dict | None], mentions: dict[str, list[dict]]) -> dict[str, Any]:
    """Pairwise and B-cubed scores over articles, plus the wrong pairs for -v."""
    tp = fp = fn = 0
    wrong: list[tuple[dict, dict, bool]] = []
    for a, b in combinations(articles, 2):
        gold = a["gold"] == b["gold"]
        ma, mb = own[a["id"]], own[b["id"]]
        predicted = bool(ma and mb and ma["cluster_id"] == mb["cluster_id"])
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
        if gold != predicted:
            wrong.append((a, b, predicted))
    cluster_of = {a["id"]: (own[a["id"]]["cluster_id"] if own[a["id"]] else f"none:{a['id']}") for a in articles}
    b_p = b_r = 0.0
    for a in articles:
        same_cluster = [x for x in articles if cluster_of[x["id"]] == cluster_of[a["id"]]]
        same_gold = [x for x in articles if x["gold"] == a["gold"]]
        both = sum(x["gold"] == a["gold"] for x in same_cluster)
        b_p += both / len(same_cluster)
        b_r += both / len(same_gold)
    n = max(len(articles), 1)
    return {"pairwise_precision": tp / (tp + fp) if tp + fp else 1.0,
            "pairwise_recall": tp / (tp + fn) if tp + fn else 1.0,
            "bcubed_precision": b_p / n, "bcubed_recall": b_r / n, "wrong": wrong,
            "gold_pairs": tp + fn, "own_found": sum(m is not None for m in own.values()),
            "linked_any": _linked_any(articles, mentions),
            **_cluster_faults(articles, own, mentions)}


def _linked_any(articles: list[dict], mentions: dict[str, list[dict]]) -> int:
    """Gold pairs whose articles share a unique event told as news (not recalled) within OWN_EVENT_DAYS of
    the label's date, whatever its type: what clustering joined even where one report's own event was
    extracted with a type other than the label's (so pairwise recall, which needs the type, misses it)."""
    def clusters(a: dict) -> set[str]:
        day = date.fromisoformat(a["main"]["event_date"])
        return {m["cluster_id"] for m in mentions.get(a["id"], []) if m["cluster_id"] and m["mention_role"] != "recalled"
                and abs((m["event_date"] - day).days) <= OWN_EVENT_DAYS}
    sets = {a["id"]: clusters(a) for a in articles}
    return sum(bool(sets[a["id"]] & sets[b["id"]]) for a, b in combinations(articles, 2) if a["gold"] == b["gold"])


def _same_coded_event(coded: dict, main: dict) -> bool:
    """Two labelled events that code one act: same event type and state, dates within OWN_EVENT_DAYS."""
    return (coded["event_type"] == main["event_type"] and state_key(coded.get("admin1")) == state_key(main.get("admin1"))
            and abs((date.fromisoformat(coded["event_date"]) - date.fromisoformat(main["event_date"])).days)
            <= OWN_EVENT_DAYS)


def _cluster_faults(articles: list[dict], own: dict[str, dict | None],
                    mentions: dict[str, list[dict]]) -> dict[str, Any]:
    """Unique events mixing two gold events' own mentions; unique events that count, among their sources, an
    article about another event (a stray mention of it joined them; a mention the pipeline flags as only
    recalled, which num_sources does not count, is not inflation). An article whose labels code that event too,
    as one of its other events ("the strike came a day after shelling killed three in the town"), is a real
    source of it, not a stray."""
    golds: dict[str, set[str]] = defaultdict(set)
    owners: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        if own[a["id"]]:
            golds[own[a["id"]]["cluster_id"]].add(a["gold"])
            owners[own[a["id"]]["cluster_id"]].append(a["main"])
    inflated: list[tuple[str, list[str]]] = []  # (unique event, the articles about other events it counts)
    for cluster_id, gold in golds.items():
        strays = [a["id"] for a in articles if a["gold"] not in gold
                  and any(m["cluster_id"] == cluster_id and m["mention_role"] != "recalled"
                          for m in mentions.get(a["id"], []))
                  and not any(_same_coded_event(e, main) for e in a["events"] for main in owners[cluster_id])]
        if strays:
            inflated.append((cluster_id, strays))
    return {"mixed_events": sum(len(g) > 1 for g in golds.values()), "inflated_sources": len(inflated),
            "inflated": inflated}


def _score_splits(articles: list[dict], mentions: dict[str, list[dict]], splits: tuple[str, ...]) -> dict[str, Any]:
    results = {}
    for name in splits:
        part = [a for a in articles if a["split"] == name]
        own = {a["id"]: own_event(a, mentions.get(a["id"], [])) for a in part}
        results[name] = {**score(part, own, mentions), "articles": len(part), "own_articles": part,
                         "groups": len({a["gold"] for a in part if a.get("event_group")}), "own": own,
                         "mentions": {a["id"]: mentions.get(a["id"], []) for a in part}}
    return results


def _variants() -> dict[str, dict[str, Any]]:
    """Clustering factors switched off one at a time (module attributes of tasks.dedup.events)."""
    from tasks.dedup import events

    return {
        "no adjacent-day tolerance": {"ADJACENT_DAY_SCORE": 0.0},
        "exact place only (no hierarchy)": {"place_score": lambda a, b: 1.0 if a.path == b.path else 0.0},
        "no actor test": {"actor_score": lambda a, b: 1.0},
        "same sub-type only": {"type_score": lambda a, b: 1.0 if a["sub_event_type"] == b["sub_event_type"] else 0.0},
        # knobs moved the other way, to show what they would join (session 7: none joins a dev pair)
        "state-only place 0.5 (not 0.4)": {"_CONTAINER_SCORES": {**events._CONTAINER_SCORES, 2: 0.5}},
        "MIN_SCORE 0.2 (not 0.3)": {"MIN_SCORE": 0.2},
        "air strike and battle 0.5 (not never)": {"_TYPE_SCORES": {**events._TYPE_SCORES,
                                                                   frozenset({"Battles", "Explosions/Remote violence"}): 0.5}},
        "targets told apart (civilians / armed group)": {"actor_score": _targets_told_apart(events.actor_score)},
        "crackdown and attack on civilians never": {"_PAIR_SCORES": {
            k: v for k, v in events._PAIR_SCORES.items()
            if k != frozenset({"Excessive force against protesters", "Attack"})}},
        # session 8 (issue 18): the two clustering-level rules switched off
        "no sole-candidate join for vague places": {"VAGUE_DEPTH": -1},
        "no second coding (leftovers found events)": {"second_coding_score": lambda a, b: 0.0},
        # session 9 (issue 18): equal fits go to the event nearest the mention's date, not the earliest founded
        "ties to the earliest event, not the nearest day": {"NEAREST_DAY_FIRST": False},
        "a day apart with another sub-type (0.75 x type)": {"ADJACENT_DAY_NEEDS_SAME_TYPE": False},
        "undated mentions not second codings of their week's lead": {"UNDATED_SECOND_CODING": False},
        # session 16: a state-only retelling a day beside its article's placed mention of the same kind
        "no state-only retelling a day beside (second coding)": {"SECOND_CODING_VAGUE_DAY": False},
        "as shipped": {name: getattr(events, name) for name in ("ADJACENT_DAY_SCORE", "_PAIR_SCORES")},
    }


def _targets_told_apart(actor_score):
    """Two explosions one report says hit civilians and another an armed group are never one event."""
    def score(a, b) -> float:
        civilians = [any(n.startswith("Civilians") for n in m.primary) for m in (a, b)]
        if civilians[0] != civilians[1] and (a.non_state or b.non_state) and a.row["event_type"] == "Explosions/Remote violence":
            return 0.0
        return actor_score(a, b)
    return score


def _recluster(db: Path, patch: dict[str, Any]) -> None:
    """Re-cluster every mention of `db` from scratch with `patch` applied to the clustering module."""
    from tasks import db as database
    from tasks.dedup import dedup_stage, events

    saved = {name: getattr(events, name) for name in patch}
    for name, value in patch.items():
        setattr(events, name, value)
    try:
        con = database.connect(db)
        try:
            dedup_stage(con, rebuild=True)
        finally:
            con.close()
    finally:
        for name, value in saved.items():
            setattr(events, name, value)


def run(split: str = "all", ablate: bool = False, breakdown: bool = False,
        labels_dir: Path = LABELS_DIR) -> dict[str, Any]:
    articles, missing = load_articles(labels_dir)
    splits = ("dev", "test") if split == "all" else (split,)
    ablations: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="mmtrack-real-dedup-") as tmp:
        db = serve_and_ingest(articles, Path(tmp)) if articles else None
        mentions = read_mentions(db, articles) if db else {}
        as_labelled = _score_splits(articles, mentions, splits)
        joined = join_same_events(articles)
        results = _score_splits(articles, mentions, splits)
        if breakdown and db and "dev" in results:  # misses are printed for the dev half only
            from bench.real_dedup_breakdown import diagnose
            results["dev"]["breakdown"] = diagnose(db, results["dev"])
        if ablate and db:
            for name, patch in _variants().items():
                _recluster(db, patch)
                ablations[name] = _score_splits(articles, read_mentions(db, articles), splits)
    return {"splits": results, "missing": missing, "ablations": ablations, "as_labelled": as_labelled,
            "joined": joined}


def evaluate() -> list[tuple[str, Any, Any]]:
    result = run()
    if result["missing"] and not any(r["articles"] for r in result["splits"].values()):
        return [("real dedup: texts missing from the cache", f"{len(result['missing'])} missing", ">= 1")]
    rows = []
    for name, r in result["splits"].items():
        for figure, target in TARGETS.items():
            rows.append((f"real dedup {name}: {figure.replace('_', ' ')}", round(r[figure], 3), target))
        rows.append((f"real dedup {name}: B-cubed P / R", f"{r['bcubed_precision']:.3f} / {r['bcubed_recall']:.3f}", ""))
        rows.append((f"real dedup {name}: articles / groups / own events found",
                     f"{r['articles']} / {r['groups']} / {r['own_found']}", ""))
        plain = result["as_labelled"][name]
        rows.append((f"real dedup {name}: P / R with the labels as written (no adjudicated joins)",
                     f"{plain['pairwise_precision']:.3f} / {plain['pairwise_recall']:.3f}", ""))
    if result["missing"]:
        rows.append(("real dedup: texts missing from the cache", len(result["missing"]), ""))
    return rows


def _describe(label: dict, mention: dict | None, mentions: list[dict] | None = None) -> str:
    gold = label["main"]
    head = (f"{label['id']:<10} {label['outlet'][:16]:<16} gold {gold['sub_event_type'][:18]:<18} {gold['event_date']} "
            f"{(gold.get('township') or gold.get('admin1') or '-')[:12]:<12}")
    if not mention:
        return head + " | own event NOT extracted" + "".join(
            f"\n{'':>16}has {m['sub_event_type'][:18]:<18} {m['event_date']} {(m['admin3'] or m['admin1'] or '-')[:12]:<12} "
            f"{(m['actor1'] or '-')[:18]} v {(m['actor2'] or '-')[:18]} {m['figure_scope']}" for m in mentions or [])
    return (head + f" | got {mention['sub_event_type'][:18]:<18} {mention['event_date']} "
            f"{(mention['admin3'] or mention['admin1'] or '-')[:12]:<12} {(mention['actor1'] or '-')[:18]} v "
            f"{(mention['actor2'] or '-')[:18]} cluster {mention['cluster_id'][:8]}\n{'':>16}rule {mention['join_rule']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--ablate", action="store_true", help="re-cluster with each factor switched off")
    parser.add_argument("--label-dir", type=Path, default=LABELS_DIR,
                        help="labels to score (a fresh batch alone: its first, untuned figures)")
    args = parser.parse_args()
    result = run(args.split, args.ablate, breakdown=args.verbose, labels_dir=args.label_dir)
    if result["missing"]:
        print(f"texts missing from {cache_dir()}: {', '.join(result['missing'])}")
    for name, r in result["splits"].items():
        if args.verbose:
            for a, b, together in r["wrong"]:
                print("MERGED (different events)" if together else "APART (one event)")
                for x in (a, b):
                    print("   ", _describe(x, r["own"][x["id"]], r["mentions"][x["id"]]))
            for cluster_id, strays in r["inflated"]:
                owners = [a["id"] for a in r["own_articles"] if r["own"][a["id"]]
                          and r["own"][a["id"]]["cluster_id"] == cluster_id]
                print(f"INFLATED unique event {cluster_id[:8]} (own event of {', '.join(owners)}) also counts "
                      f"{', '.join(strays)}, about other events")
                for stray in strays:
                    for m in r["mentions"][stray]:
                        if m["cluster_id"] == cluster_id:
                            print(f"    {stray}: {m['sub_event_type']} {m['event_date']} {m['admin3'] or m['admin1']} "
                                  f"{m['actor1']} v {m['actor2']} role {m['mention_role']}; rule {m['join_rule']}")
            print_breakdown(name, r.get("breakdown", []))
        print(f"{name}: {r['articles']} articles, {r['groups']} multi-outlet events, own events found {r['own_found']}")
        for figure, target in TARGETS.items():
            print(f"  {figure:<22}{r[figure]:>8.3f}   target {target}")
        print(f"  B-cubed P / R          {r['bcubed_precision']:.3f} / {r['bcubed_recall']:.3f}")
        print(f"  gold pairs linked by any mention of the day (any type): {r['linked_any']} of {r['gold_pairs']}")
        plain = result["as_labelled"][name]
        print(f"  (labels as written, before {result['joined']} adjudicated joins of reports of one event labelled "
              f"apart: pairwise P {plain['pairwise_precision']:.3f} R {plain['pairwise_recall']:.3f}, "
              f"mixed {plain['mixed_events']}, inflated {plain['inflated_sources']})")
    for variant, splits in result["ablations"].items():
        for name, r in splits.items():
            print(f"ablation {variant:<34} {name}: pairwise P {r['pairwise_precision']:.3f} R {r['pairwise_recall']:.3f}"
                  f"  mixed {r['mixed_events']}  inflated {r['inflated_sources']}  B-cubed P {r['bcubed_precision']:.3f} R {r['bcubed_recall']:.3f}"
                  f"  gold pairs linked by any mention {r['linked_any']}/{r['gold_pairs']}")


if __name__ == "__main__":
    main()
