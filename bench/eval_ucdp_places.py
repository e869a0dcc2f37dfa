"""Place resolution on real place descriptions: UCDP GED's `where_description` against its state and coordinates.

Data: ../shared/data/ucdp-ged-myanmar/ (README there). UCDP's coders describe where each event happened in the
words and spellings of their sources ("Kun-Hing Township (Wan Long village)", "Hpa-an District (Hlaing Bwe
Township)", "Saw Loh town (area of)"). Each description goes through the extractor's own place path, as a
sentence of an article would: the matcher's mentions plus the romanised-spelling finds
(tasks/extract/romanised_places.py), the article's place context, then `locations_in`; the description's place
is its most specific Myanmar location. Rows: every event (1989-2021) with a state/region (`adm_1`) and a place
finer than the country (`where_prec` 1-5).
Split (fixed by rule before any rule was tuned on it): the key is the UCDP event id, dev when the first 32 bits
of its SHA-256 are even (as bench/eval_ucdp.py). Tune on dev (`--misses` prints dev misses only), report test.
Figures (each per split, ucdp_places_<split>.*):
  state_recall     share of rows whose resolved place lies in UCDP's state/region (target 0.90): a place named
                   is a place found, in the right state;
  state_precision  of the rows resolved to a place, the share in UCDP's state/region (target 0.97, issue 14's
                   state goal): a wrong place is worse than none;
  within_25km      of the rows UCDP places exactly or within 25 km (`where_prec` 1-2) that resolve to a village
                   tract, town or township, the share whose gazetteer point lies within 25 km of UCDP's
                   coordinates (target 0.90).
Skips with a reason when the data is absent. Run: .venv/bin/python -m bench.eval_ucdp_places [--split dev] [--misses]
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval_ucdp import data_path  # noqa: E402
from bench.real_set import SPLITS, rule_split  # noqa: E402

TARGETS = {"state_recall": 0.90, "state_precision": 0.97, "within_25km": 0.90}
NEAR_KM = 25.0
FINE_LEVELS = ("village_tract", "town", "township")
# UCDP's state names of the years before 2008, and its "division"/"district" for a region
_OLD_STATE_NAMES = {"karen": "kayin", "karenni": "kayah", "arakan": "rakhine", "irrawaddy": "ayeyarwady",
                    "tenasserim": "tanintharyi", "pegu": "bago", "magwe": "magway", "naypyidaw": "naypyitaw"}
_STATE_WORD = re.compile(r"\s+(?:state|region|division|district|union territory)$", re.IGNORECASE)


def state_key(name: str | None) -> str:
    from tasks.extract.places import state_base

    key = state_base(_STATE_WORD.sub("", (name or "").strip())).lower().replace(" ", "")
    return _OLD_STATE_NAMES.get(key, key)


def described_events(split: str, path: Path | None = None) -> list[dict]:
    with (path or data_path()).open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle)
                if row["adm_1"].strip() and row["where_description"].strip() and row["where_prec"] in "12345"
                and rule_split(row["id"]) == split]


def described_place(knowledge, description: str):
    """The most specific Myanmar place the extractor's place path finds in `description`, or None."""
    from tasks.extract import places as place_rules
    from tasks.extract.romanised_places import with_variant_places

    text = " ".join(description.split())
    mentions = with_variant_places(knowledge, text, knowledge.find(text, myanmar_context=True))
    context = place_rules.build_context(knowledge, mentions)
    found = [loc for loc in place_rules.locations_in(knowledge, mentions, text, context)
             if loc.place.country_iso == "MMR" and loc.place.level != "country"]
    return max(found, key=lambda loc: loc.strength).place if found else None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def score(knowledge, events: list[dict]) -> tuple[dict[str, float], dict[str, list]]:
    resolved = right = near_rows = near = 0
    misses: dict[str, list] = {"unresolved": [], "wrong_state": [], "far": []}
    for event in events:
        place = described_place(knowledge, event["where_description"])
        if place is None:
            misses["unresolved"].append(event["where_description"])
            continue
        resolved += 1
        if state_key(place.state_name) == state_key(event["adm_1"]):
            right += 1
        else:
            misses["wrong_state"].append((event["where_description"], event["adm_1"], place.name_en, place.level,
                                          place.state_name))
        if event["where_prec"] in "12" and place.level in FINE_LEVELS and place.latitude is not None:
            near_rows += 1
            km = _km(float(event["latitude"]), float(event["longitude"]), place.latitude, place.longitude)
            if km <= NEAR_KM:
                near += 1
            else:
                misses["far"].append((event["where_description"], place.name_en, place.level, round(km)))
    figures = {"state_recall": right / len(events) if events else 0.0,
               "state_precision": right / resolved if resolved else 0.0,
               "within_25km": near / near_rows if near_rows else 0.0,
               "rows": len(events), "resolved": resolved, "near_rows": near_rows}
    return figures, misses


def evaluate() -> list[tuple[str, float, object]]:
    if not data_path().is_file():
        print(f"eval_ucdp_places: skipped: {data_path()} is absent (../shared/data not here)", file=sys.stderr)
        return [("ucdp_places: skipped, data absent", "skipped", "")]
    from tasks.knowledge import load_knowledge

    knowledge = load_knowledge()
    rows: list[tuple[str, float, object]] = []
    for split in SPLITS:
        figures, _ = score(knowledge, described_events(split))
        rows += [(f"ucdp_places_{split}.{name}", round(figures[name], 3), target) for name, target in TARGETS.items()]
        rows.append((f"ucdp_places_{split}.rows (resolved; within-25km rows)",
                     f"{figures['rows']} ({figures['resolved']}; {figures['near_rows']})", ""))
    return rows


def _print_misses(misses: dict[str, list]) -> None:
    unresolved = Counter(description[:70] for description in misses["unresolved"])
    print(f"\n-- unresolved ({len(misses['unresolved'])})")
    for description, count in unresolved.most_common(60):
        print(f"  {count} {description!r}")
    for kind in ("wrong_state", "far"):
        print(f"\n-- {kind} ({len(misses[kind])})")
        for miss in misses[kind][:60]:
            print("  " + " | ".join(str(part)[:70] for part in miss))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, action="append", help="which half (repeatable; default both)")
    parser.add_argument("--misses", action="store_true", help="print the dev half's misses by kind")
    args = parser.parse_args()
    if not data_path().is_file():
        print(f"skipped: {data_path()} is absent")
        return 0
    from tasks.knowledge import load_knowledge

    knowledge = load_knowledge()
    print(f"{'figure':42} {'value':>8}  target")
    for split in args.split or SPLITS:
        figures, misses = score(knowledge, described_events(split))
        for name, target in TARGETS.items():
            print(f"{'ucdp_places_' + split + '.' + name:42} {figures[name]:8.3f}  {target}")
        print(f"{'ucdp_places_' + split + '.rows':42} {figures['rows']:8}  (resolved {figures['resolved']}, "
              f"within-25km rows {figures['near_rows']})")
        if args.misses and split == "dev":
            _print_misses(misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
