"""How much of the MIMU gazetteer the Burmese matcher recognises in the forms news writes, checked against
the MIMU P-code files themselves (/work/shared/data/mimu-pcodes, env MMTRACK_MIMU_DIR), not against articles.

For every state, district, township, town and village tract with a Burmese name, each news form (with and
without its suffix, with and without a space before it: ပြည်နယ်/တိုင်းဒေသကြီး/တိုင်း, ခရိုင်, မြို့နယ်, မြို့,
ကျေးရွာအုပ်စု/ကျေးရွာ/ရွာ; one form with ၀ typed for ဝ) is put in a sentence ("<form>တွင် တိုက်ပွဲဖြစ်သည်။") and counts as recognised
when one place mention covers the whole form (a longer name wins over a shorter one inside it) and one of
its places is that MIMU unit, with the MIMU state above it (the state comes from the hierarchy).
Target: every level >= its floor below (a drop below fails the run).
Run: .venv/bin/python -m bench.coverage_burmese_places [--sample N] [--show-misses K]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tasks.knowledge import load_knowledge  # noqa: E402
from tasks.lang.my_words import syllable_count  # noqa: E402

MIMU_DIR = Path(os.environ.get("MMTRACK_MIMU_DIR", "/work/shared/data/mimu-pcodes"))
# Floors per level (share of forms recognised); measured figures are printed beside them.
TARGETS = {"state": 0.99, "district": 0.99, "township": 0.99, "town": 0.99, "village_tract": 0.99}
SUFFIXES = {"state": ("ပြည်နယ်", "တိုင်းဒေသကြီး", "တိုင်း"), "district": ("ခရိုင်",), "township": ("မြို့နယ်",),
            "town": ("မြို့",), "village_tract": ("ကျေးရွာအုပ်စု", "ကျေးရွာ", "ရွာ")}
STATE_SUFFIX = {"ပြည်နယ်": ("ပြည်နယ်",), "တိုင်းဒေသကြီး": ("တိုင်းဒေသကြီး", "တိုင်း")}


def _clean(name: str) -> str:
    return name.replace("\u200b", "").strip()   # MIMU writes a zero-width space before some names


QUALIFIERS = ("တောင်ပိုင်း", "မြောက်ပိုင်း", "အရှေ့ပိုင်း", "အနောက်ပိုင်း", "ဆိပ်ကမ်း", "တောင်", "မြောက်", "အရှေ့",
              "အနောက်", "အလယ်")


def _names(name: str) -> list[str]:
    """A MIMU name and the other name in its brackets ("ဝေါလေမြိုင် (ဝေါလေ)", "(old name) name"); a
    direction or a number in brackets is part of the name ("ဒဂုံမြို့သစ်(တောင်ပိုင်း)": joined, spaced)."""
    inner = [i.strip() for i in re.findall(r"\(([^)]*)\)", name)]
    if inner and all(i in QUALIFIERS or i.isdigit() for i in inner):
        return [re.sub(r"\s*\(([^)]*)\)\s*", r"\1", name), re.sub(r"\s*\(([^)]*)\)\s*", r" \1", name).strip()]
    return [n for n in (re.sub(r"\s*\([^)]*\)\s*", " ", name).strip(), *inner) if n]


def _strip(name: str, suffixes) -> str:
    for s in sorted(suffixes, key=len, reverse=True):
        if name.endswith(s):
            return name[: -len(s)].strip()
    return name.strip()


def mimu_units() -> list[tuple[str, str, str, str]]:
    """(level, pcode, bare Burmese name, state pcode) for every unit: towns and village tracts from the MIMU
    files; states, districts and townships from the gazetteer rows whose P-codes the MIMU files use."""
    units = []
    tsp_state: dict[str, str] = {}
    with open(MIMU_DIR / "pcode9.6_town_data.csv", encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            tsp_state[r["Tsp_Pcode"]] = r["SR_Pcode"]
            if r["Town_Name_MMR"].strip() and r["MIMU_Town_Mapping_Status"].strip() == "Active":
                units.append(("town", r["Town_Pcode"], _clean(r["Town_Name_MMR"]), r["SR_Pcode"]))
    with open(MIMU_DIR / "pcode9.6_village_tract_data.csv", encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            tsp_state[r["Tsp_Pcode"]] = r["SR_Pcode"]
            name = _clean(r["Village_Tract_Name_MMR"])
            if name and r["MIMU_VillageTract_Mapping_Status"].strip() == "Active":
                units.append(("village_tract", r["VT_Pcode"], name, r["SR_Pcode"]))
    with open(ROOT / "seeds" / "places.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["level"] in ("state", "district", "township") and r["name_my"] and r["country_iso"] == "MMR":
                if r["level"] == "township" and r["place_id"] not in tsp_state:
                    continue
                units.append((r["level"], r["place_id"], r["name_my"], r["state_pcode"][:6]))
    return units


def news_forms(level: str, name: str) -> list[str]:
    """The forms news writes a unit's name in: bare (not for a village tract, nor a one-syllable name:
    "ပေါက်", "ရေး" are inside countless words) and with each suffix (a one-syllable village tract only
    with ကျေးရွာအုပ်စု: "တပ် ကျေးရွာ" is also "the army['s] village")."""
    if level == "state":
        if " (" in name:
            return []   # Shan's three parts: their news names are place_alias rows
        suffixes = next((v for k, v in STATE_SUFFIX.items() if name.endswith(k)), ())
        bare = _strip(name, SUFFIXES["state"])
        return [*([bare] if syllable_count(bare) > 1 else []), *(f"{bare}{gap}{s}" for s in suffixes for gap in ("", " "))]
    if level == "district" and not name.endswith("ခရိုင်"):
        return [name]   # a self-administered zone or division is written as MIMU names it
    forms = []
    for n in _names(name):
        # a village tract's MIMU name carries no suffix: a final ရွာ is part of it ("နတ်ရွာ")
        bare = n.strip() if level == "village_tract" else _strip(n, SUFFIXES[level])
        stem = _strip(bare, ("ကျေးရွာ", "ရွာ")) if level == "village_tract" else ""
        if stem != bare and syllable_count(stem) > 1:
            forms.append(bare)
        one = syllable_count(bare) < 2
        if level != "village_tract" and not one:
            forms.append(bare)
        suffixes = SUFFIXES[level][:1] if level == "village_tract" and one else SUFFIXES[level]
        forms += [f"{bare}{gap}{s}" for s in suffixes for gap in (("",) if one and level == "village_tract" else ("", " "))]
    # typists' ၀ (zero) for ဝ (wa): "ထား၀ယ်" is Dawei
    forms += [f.replace("ဝ", "၀") for f in forms if "ဝ" in f][:1]
    return list(dict.fromkeys(forms))


def recognised(knowledge, level: str, pcode: str, state: str, form: str) -> bool:
    found = [m for m in knowledge.find(f"{form}တွင် တိုက်ပွဲဖြစ်သည်။", myanmar_context=True) if m.kind == "place"]
    for m in found:
        if m.text.strip() != form.strip():
            continue
        for ref in m.ref_ids:
            p = knowledge.places.get(ref)
            if p is None or (p.state_pcode or "")[:6] != state:
                continue
            # the bare township name is also its town's name: either place is the township
            if p.place_id == pcode or (level in ("township", "town") and p.township_pcode == pcode[:9]):
                return True
    return False


def measure(knowledge, units, sample: int | None, seed: int = 15):
    by_level: dict[str, list] = defaultdict(list)
    for u in units:
        by_level[u[0]].append(u)
    rng = random.Random(seed)
    hits, totals, misses = defaultdict(int), defaultdict(int), defaultdict(list)
    for level, group in by_level.items():
        if sample and len(group) > sample:
            group = rng.sample(group, sample)
        for _, pcode, name, state in group:
            for form in news_forms(level, name):
                ok = recognised(knowledge, level, pcode, state, form)
                hits[level] += ok
                totals[level] += 1
                if not ok:
                    misses[level].append((pcode, form))
    return hits, totals, misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=None, help="at most N units per level (default all)")
    ap.add_argument("--show-misses", type=int, default=0)
    args = ap.parse_args(argv)
    if not (MIMU_DIR / "pcode9.6_town_data.csv").exists():
        print(f"MIMU P-code files not found in {MIMU_DIR}: skipped")
        return 0
    knowledge = load_knowledge()
    hits, totals, misses = measure(knowledge, mimu_units(), args.sample)
    failed = False
    for level, target in TARGETS.items():
        share = hits[level] / totals[level] if totals[level] else 0.0
        failed |= share < target
        print(f"{level:<14} {share:.3f}  ({hits[level]}/{totals[level]} forms)  target {target:.2f}  "
              f"{'ok' if share >= target else 'BELOW'}")
        for pcode, form in misses[level][: args.show_misses]:
            print(f"    miss {pcode} {form}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
