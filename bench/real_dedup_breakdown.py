"""Why the real set's gold pairs were left apart (or merged): one row per wrong pair with the field that
decided it, for bench/eval_real_dedup.py -v (dev half only; never print test misses).

Each pair's two own events (bench/eval_real_dedup.own_event) are re-scored with the clustering tests
(tasks/dedup/events.py) on their full stored rows, and the pair is put in the first kind that applies:
  own event not extracted   one side has no mention matching its label (then: no mention of that event type,
                            that type in another state, or that type and state dated more than 3 days off);
  type / date / place / actors   the first test that scored 0 for the two own events;
  below the minimum         every test passed but the product is under MIN_SCORE;
  clustering order          the pair passes, but the cluster held another member it failed, or took another
                            mention of the article (complete linkage, one mention per article).
Beside the kind each row shows, whatever decided it, the place level (same place, township in state, state
only, no place, two townships), the date gap and both precisions, the actors' relation (shared, swapped,
alliance member, two named groups, none named) and the two sub-event types, so an analyst sees which
general mechanism would have joined the pair and what else it would have to get right.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timezone
from pathlib import Path
from typing import Any

OWN_EVENT_DAYS = 3


def _full_mentions(db: Path, event_ids: set[str]) -> dict[str, Any]:
    """Clustering's Mention for each stored event id, built from its full row as the dedup stage builds it."""
    import duckdb

    from tasks.dedup.events import make_mention

    if not event_ids:
        return {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        cursor = con.execute(
            "SELECT e.*, coalesce(a.published_at, a.first_seen_at) AS reported_at FROM events e "
            "JOIN articles a ON a.article_id = e.article_id WHERE e.event_id IN (SELECT unnest(?))", [sorted(event_ids)])
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, values)) for values in cursor.fetchall()]
    finally:
        con.close()
    out = {}
    for row in rows:
        when = row.pop("reported_at")
        out[row["event_id"]] = make_mention(row, when if when.tzinfo else when.replace(tzinfo=timezone.utc))
    return out


def _missing_kind(label: dict, mentions: list[dict]) -> str:
    """Why an article's own event was not found among its mentions."""
    from bench.eval_real import state_key

    gold = label["main"]
    typed = [m for m in mentions if m["figure_scope"] == "event" and m["event_type"] == gold["event_type"]]
    if not [m for m in mentions if m["figure_scope"] == "event"]:
        return "no event at all"
    if not typed:
        return "no mention of its type"
    in_state = [m for m in typed if state_key(m["admin1"]) == state_key(gold.get("admin1"))]
    if not in_state:
        return "its type in another state"
    day = date.fromisoformat(gold["event_date"])
    if all(abs((m["event_date"] - day).days) > OWN_EVENT_DAYS for m in in_state):
        return "its type and state, date > 3 days off"
    return "other"


def place_level(a, b) -> str:
    if a.path == b.path:
        return "same place" if a.depth > 2 else "same state only" if a.depth == 2 else "both no place"
    outer, inner = (a, b) if a.depth <= b.depth else (b, a)
    if any(v is not None and v != inner.path[i] for i, v in enumerate(outer.path)):
        return "other state" if outer.path[1] != inner.path[1] else "two townships/villages"
    return {0: "one no place", 1: "one country only", 2: "one state only", 3: "one district only"}.get(
        outer.depth, "village in township")


def date_relation(a, b) -> str:
    gap = abs(a.lo + a.hi - b.lo - b.hi) / 2
    return f"gap {gap:g}d p{a.row.get('time_precision', '?')}/p{b.row.get('time_precision', '?')}"


def actor_relation(a, b) -> str:
    from tasks.dedup import events

    if not a.named or not b.named:
        return "one names no one"
    one, two = (a.row.get("actor1"), a.row.get("actor2")), (b.row.get("actor1"), b.row.get("actor2"))
    if one == two:
        return "same"
    if one == (two[1], two[0]):
        return "swapped"
    if a.primary & b.primary:
        return "one shared"
    if events.actor_score(a, b) == 0.0:
        return "two named groups"
    return "none shared"


def _decided_by(a, b, same_article_cluster: bool) -> str:
    from tasks.dedup import events

    factors = events.pair_factors(a, b)
    for name, value in factors.items():
        if value <= 0.0:
            return name
    if events.pair_score(a, b) < events.MIN_SCORE:
        return "below the minimum"
    return "clustering order" if not same_article_cluster else "?"


def diagnose(db: Path, result: dict[str, Any]) -> list[dict[str, str]]:
    """One row per wrong pair of a scored split (eval_real_dedup._score_splits' result)."""
    own = result["own"]
    full = _full_mentions(db, {m["event_id"] for m in own.values() if m})
    rows = []
    for a, b, together in result["wrong"]:
        ma, mb = own[a["id"]], own[b["id"]]
        row = {"pair": f"{a['id']} / {b['id']}", "outcome": "MERGED" if together else "APART"}
        if not ma or not mb:
            missing = [x for x, m in ((a, ma), (b, mb)) if not m]
            row["kind"] = "not extracted: " + "; ".join(
                _missing_kind(x, result["mentions"][x["id"]]) for x in missing)
            rows.append(row)
            continue
        fa, fb = full.get(ma["event_id"]), full.get(mb["event_id"])
        if fa is None or fb is None:
            row["kind"] = "?"
            rows.append(row)
            continue
        row["kind"] = "merged" if together else _decided_by(fa, fb, False)
        row["place"] = place_level(fa, fb)
        row["date"] = date_relation(fa, fb)
        row["actors"] = actor_relation(fa, fb)
        row["types"] = (fa.row["sub_event_type"] if fa.row["sub_event_type"] == fb.row["sub_event_type"]
                        else f"{fa.row['sub_event_type']} + {fb.row['sub_event_type']}")
        rows.append(row)
    return rows


def print_breakdown(split: str, rows: list[dict[str, str]]) -> None:
    if not rows:
        return
    print(f"{split}: wrong pairs by the field that decided them")
    print(f"  {'outcome':<7} {'pair':<22} {'place':<22} {'date':<14} {'actors':<17} {'types':<44} decided by")
    for r in sorted(rows, key=lambda r: (r["outcome"], r["kind"], r["pair"])):
        print(f"  {r['outcome']:<7} {r['pair']:<22} {r.get('place', '-'):<22} {r.get('date', '-'):<14} "
              f"{r.get('actors', '-'):<17} {r.get('types', '-')[:44]:<44} {r['kind']}")
    counts = Counter((r["outcome"], r["kind"].split(":")[0]) for r in rows)
    print("  " + "; ".join(f"{outcome} {kind}: {n}" for (outcome, kind), n in sorted(counts.items())))
