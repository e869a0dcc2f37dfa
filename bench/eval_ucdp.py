"""Headlines of real coded events (UCDP GED, Myanmar 2021) against the tagger, and real negatives' headlines.

Data: ../shared/data/ucdp-ged-myanmar/ (README there): one row per event with the headlines of the reports
it was coded from (`;`-separated). Clear events (event_clarity 1) of 2021 are used; each distinct headline
is tagged alone, as a headline or a feed summary reaches the pipeline when the page fails.
Split (fixed by rule before any rule was tuned on it, as bench/real_set.py splits the articles): the key is
the UCDP event id, dev when the first 32 bits of its SHA-256 are even; a headline that reports several
events goes with its lowest event id. Tune on dev (`--misses` prints dev misses only), report test.
Figures (each per split, ucdp_<split>.*):
  ucdp.headline_recall        share of those headlines judged relevant (target 0.95);
  ucdp.headline_state         of the headlines that name a Myanmar place and whose events lie in one
                              state/region, the share whose tagged regions include it;
  ucdp.headline_actors        of the headlines that name an armed actor, the share whose named armed actors
                              are all among their events' sides (UCDP sides mapped to seed actors below);
  ucdp.headline_recall_myanmar_outlets  the headlines reported by outlets the feed registry follows as
                              Myanmar outlets (seeds/feeds.csv, general = false), tagged as the pipeline
                              tags their feed items: the outlet counts as a Myanmar anchor (target 0.95);
  real_<split>.negative_headline_fp   the real set's negatives (bench/real_set.py): title + first sentence
                              judged relevant, as a share (target <= 0.02); a negative from a registry
                              Myanmar outlet is tagged with that anchor too.
Skips with a reason when the data is absent. Run: .venv/bin/python -m bench.eval_ucdp [--split dev] [--misses]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.real_set import SPLITS, load_real_set, rule_split  # noqa: E402

# ../shared/data beside the repository (a git worktree sits one level deeper, under wt/).
_SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared")
DATA = Path(os.environ.get("MMTRACK_SHARED_DATA") or _SHARED / "data") / "ucdp-ged-myanmar"
CSV_NAME = "ged-myanmar-1989-2021.csv"
TARGETS = {"headline_recall": 0.95, "headline_state": 0.97, "headline_actors": 0.90,
           "headline_recall_myanmar_outlets": 0.95}
NEGATIVE_FP_TARGET = "<= 0.02"
# UCDP's sides -> the seed actors that stand for them (the NUG side covers its PDFs and local forces).
UCDP_SIDES = {
    "Government of Myanmar (Burma)": {"military_myanmar", "police_myanmar", "sac", "sspc", "government_myanmar",
                                      "pyu_saw_htee", "militia_progov"},
    "NUG": {"nug", "nug_mod", "pdf", "ldf", "mandalay_pdf", "yaw_df", "bpla", "cdf", "cdf_hakha", "cdf_matupi",
            "cdf_mindat", "cdf_thantlang", "kndf", "chinland_council", "cndf", "absdf"},
    "KIO": {"kia", "kio"}, "KNPP": {"ka", "knpp", "kndf"}, "KNU": {"knu", "knla"}, "MNDAA": {"mndaa"},
    "CNF": {"cnf", "cna", "cdf", "cdf_hakha", "cdf_matupi", "cdf_mindat", "cdf_thantlang"},
    "PSLF": {"tnla", "pslf"}, "ARSA": {"arsa"}, "RCSS": {"rcss_ssa_s"},
    "Civilians": set(),
}
ARMED_CODES = (1, 2, 3, 4)


def data_path() -> Path:
    return DATA / CSV_NAME


def clear_2021_events(path: Path | None = None) -> list[dict]:
    with (path or data_path()).open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle) if r["year"] == "2021" and r["event_clarity"] == "1"]


def headlines(events: list[dict]) -> dict[str, list[dict]]:
    """Each distinct headline with the events it was a source for."""
    out: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        for headline in event["source_headline"].split(";"):
            headline = " ".join(headline.split())
            if len(headline) >= 12:
                out[headline].append(event)
    return out


def _outlet_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower().removeprefix("the "))


def myanmar_outlets() -> set[str]:
    """Keys of the outlets the registry follows as Myanmar outlets (general = false)."""
    with (ROOT / "seeds" / "feeds.csv").open(encoding="utf-8", newline="") as handle:
        return {_outlet_key(r["outlet"]) for r in csv.DictReader(handle) if r["general"].strip().lower() == "false"}


def is_myanmar_outlet(name: str | None, outlets: set[str]) -> bool:
    key = _outlet_key(name or "")
    return bool(key) and any(key.startswith(o) or o.startswith(key) for o in outlets)


def myanmar_outlet_headlines(events: list[dict], outlets: set[str]) -> set[str]:
    """Headlines a registry Myanmar outlet reported (headlines and offices are parallel `;` lists)."""
    out = set()
    for event in events:
        heads, offices = event["source_headline"].split(";"), event["source_office"].split(";")
        if len(heads) == len(offices):
            out |= {" ".join(h.split()) for h, o in zip(heads, offices) if is_myanmar_outlet(o.strip(), outlets)}
    return out


def _state_key(name: str | None) -> str:
    from tasks.extract.places import state_base

    base = re.sub(r"\s+(?:state|region|union territory)$", "", (name or "").strip(), flags=re.IGNORECASE)
    key = state_base(base).lower().replace(" ", "")
    return {"naypyidaw": "naypyitaw", "naypyitaw": "naypyitaw", "magwe": "magway"}.get(key, key)


def _armed_actors(knowledge, actor_ids: list[str]) -> set[str]:
    out = set()
    for a in actor_ids:
        actor = knowledge.actors.get(a)
        if actor and actor.country_iso == "MMR" and actor.inter_code in ARMED_CODES and not knowledge.alliance_members(a):
            out.add(a)
    return out


def headline_split(events: list[dict]) -> str:
    """The half a headline falls in: that of its lowest UCDP event id (every headline in exactly one half)."""
    return rule_split(str(min(int(e["id"]) for e in events)))


def _headline_sets(split: str | None = None) -> tuple[dict[str, list[dict]], set[str]]:
    """The clear 2021 events' headlines (of `split`, None: all) with their events, and those a registry
    Myanmar outlet reported."""
    events = clear_2021_events()
    items = {h: evs for h, evs in headlines(events).items() if split is None or headline_split(evs) == split}
    return items, myanmar_outlet_headlines(events, myanmar_outlets()) & set(items)


def score_headlines(knowledge, items: dict[str, list[dict]], from_outlets: set[str] = frozenset(),
                    misses: dict[str, list[str]] | None = None) -> dict[str, float]:
    from tasks.tag import tag_article

    found = state_total = state_ok = actor_total = actor_ok = outlet_found = 0
    for headline, events in items.items():
        tags = tag_article(knowledge, headline, "")
        found += tags.relevant
        if headline in from_outlets:
            outlet_found += tag_article(knowledge, headline, "", outlet_anchor=True).relevant
        if not tags.relevant and misses is not None:
            misses["relevance"].append(f"{headline}  [{tags.rule} {tags.score}]")
        states = {_state_key(e["adm_1"]) for e in events if e["adm_1"].strip()}
        tagged = {_state_key(r) for r in tags.regions}
        if tagged and len(states) == 1:
            state_total += 1
            state_ok += states <= tagged
            if not states <= tagged and misses is not None:
                misses["state"].append(f"{headline}  [event: {states.pop()}; tagged: {sorted(tagged)}]")
        named = _armed_actors(knowledge, tags.actors)
        if named:
            sides = set().union(*(UCDP_SIDES.get(e[s], set()) for e in events for s in ("side_a", "side_b")))
            actor_total += 1
            actor_ok += named <= sides
            if not named <= sides and misses is not None:
                sides_text = sorted({e[s] for e in events for s in ("side_a", "side_b")})
                misses["actors"].append(f"{headline}  [named: {sorted(named - sides)}; sides: {sides_text}]")
    return {"headline_recall": found / len(items) if items else 0.0,
            "headline_state": state_ok / state_total if state_total else 0.0,
            "headline_actors": actor_ok / actor_total if actor_total else 0.0,
            "headline_recall_myanmar_outlets": outlet_found / len(from_outlets) if from_outlets else 0.0,
            "headlines": len(items), "state_scored": state_total, "actors_scored": actor_total,
            "headlines_from_myanmar_outlets": len(from_outlets)}


def first_sentence(body: str) -> str:
    m = re.search(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z“\"'])|\n", body)
    return body[:m.start()].strip() if m else body.strip()


def negative_fp(knowledge, split: str, misses: list[str] | None = None) -> tuple[float, int]:
    from tasks.tag import tag_article

    negatives = [a for a in load_real_set().split(split) if not a.relevant]
    outlets, wrong = myanmar_outlets(), 0
    for article in negatives:
        anchor = is_myanmar_outlet(article.label.get("outlet"), outlets)
        tags = tag_article(knowledge, article.title, first_sentence(article.body), outlet_anchor=anchor)
        wrong += tags.relevant
        if tags.relevant and misses is not None:
            misses.append(f"{article.id} ({article.label.get('negative_kind')}): {article.title[:100]!r} [{tags.score}]")
    return (wrong / len(negatives) if negatives else 0.0), len(negatives)


def evaluate() -> list[tuple[str, float, object]]:
    if not data_path().is_file():
        print(f"eval_ucdp: skipped: {data_path()} is absent (../shared/data not here)", file=sys.stderr)
        return [("ucdp: skipped, data absent", "skipped", "")]
    from tasks.knowledge import load_knowledge

    knowledge = load_knowledge()
    rows: list[tuple[str, float, object]] = []
    for split in SPLITS:
        figures = score_headlines(knowledge, *_headline_sets(split))
        rows += [(f"ucdp_{split}.{k}", round(v, 3), TARGETS[k]) for k, v in figures.items() if k in TARGETS]
        rows.append((f"ucdp_{split}.headlines (clear 2021 events)", figures["headlines"], ""))
        rows.append((f"ucdp_{split}.headlines from registry Myanmar outlets", figures["headlines_from_myanmar_outlets"], ""))
    for split in SPLITS:
        rate, n = negative_fp(knowledge, split)
        if n:
            rows.append((f"real_{split}.negative_headline_fp ({n} negatives)", round(rate, 3), NEGATIVE_FP_TARGET))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, action="append", help="which half (repeatable; default both)")
    parser.add_argument("--misses", action="store_true", help="print the dev half's misses by kind (UCDP, and dev negatives)")
    args = parser.parse_args()
    if not data_path().is_file():
        print(f"skipped: {data_path()} is absent")
        return 0
    from tasks.knowledge import load_knowledge

    knowledge = load_knowledge()
    print(f"\n{'figure':<40}{'value':>8}  target")
    for split in args.split or SPLITS:
        misses: dict[str, list[str]] = defaultdict(list)
        show = args.misses and split == "dev"  # never the test half's misses
        items, from_outlets = _headline_sets(split)
        figures = score_headlines(knowledge, items, from_outlets, misses if show else None)
        fp, n = negative_fp(knowledge, split, misses[f"negative ({split})"] if show else None)
        for kind, lines in misses.items():
            print(f"\n-- misses: {kind} ({len(lines)})")
            print("\n".join(f"  {line}" for line in lines))
        for k, v in figures.items():
            name = f"ucdp_{split}.{k}"
            print(f"{name:<40}{v:>8.3f}  {TARGETS.get(k, '')}" if isinstance(v, float) else f"{name:<40}{v:>8}")
        print(f"{f'real_{split}.negative_headline_fp':<40}{fp:>8.3f}  {NEGATIVE_FP_TARGET} ({n} negatives)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
