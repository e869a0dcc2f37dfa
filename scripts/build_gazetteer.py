"""Build seeds/places.csv, the gazetteer, from MIMU P-code release 9.6 plus seeds/places_extra.csv.

MIMU ships towns (with coordinates and Burmese names) and village tracts (with Burmese names, no
coordinates); states, districts and townships only appear as columns on those rows. This script
derives one row per administrative unit, gives each unit the coordinates of its main or capital
town, and appends the hand-written rows (country, plain Shan/Bago, places abroad).

Run: /work/main/.venv/bin/python scripts/build_gazetteer.py   (writes seeds/places.csv)
"""
from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from pathlib import Path
from statistics import fmean

REPO = Path(__file__).resolve().parents[1]
DEFAULT_MIMU_DIR = REPO.parent / "shared" / "data" / "mimu-pcodes"
TOWN_FILE = "pcode9.6_town_data.csv"
VILLAGE_TRACT_FILE = "pcode9.6_village_tract_data.csv"

COLUMNS = [
    "place_id", "level", "name_en", "name_my",
    "state_pcode", "state_name", "district_pcode", "district_name", "township_pcode", "township_name",
    "country_iso", "latitude", "longitude", "coord_approx",
]

# MIMU names states by their bare name ("Kachin", "Shan (North)"); news and ACLED readers expect the
# unit type, and the CSV has no Burmese column for states, so both are given here with the capital
# town whose coordinates stand for the state.
STATES: dict[str, tuple[str, str, str]] = {
    "MMR001": ("Kachin State", "ကချင်ပြည်နယ်", "Myitkyina"),
    "MMR002": ("Kayah State", "ကယားပြည်နယ်", "Loikaw"),
    "MMR003": ("Kayin State", "ကရင်ပြည်နယ်", "Hpa-An"),
    "MMR004": ("Chin State", "ချင်းပြည်နယ်", "Hakha"),
    "MMR005": ("Sagaing Region", "စစ်ကိုင်းတိုင်းဒေသကြီး", "Monywa"),
    "MMR006": ("Tanintharyi Region", "တနင်္သာရီတိုင်းဒေသကြီး", "Dawei"),
    "MMR007": ("Bago Region (East)", "ပဲခူးတိုင်းဒေသကြီး (အရှေ့)", "Bago"),
    "MMR008": ("Bago Region (West)", "ပဲခူးတိုင်းဒေသကြီး (အနောက်)", "Pyay"),
    "MMR009": ("Magway Region", "မကွေးတိုင်းဒေသကြီး", "Magway"),
    "MMR010": ("Mandalay Region", "မန္တလေးတိုင်းဒေသကြီး", "Mandalay"),
    "MMR011": ("Mon State", "မွန်ပြည်နယ်", "Mawlamyine"),
    "MMR012": ("Rakhine State", "ရခိုင်ပြည်နယ်", "Sittwe"),
    "MMR013": ("Yangon Region", "ရန်ကုန်တိုင်းဒေသကြီး", "Yangon"),
    "MMR014": ("Shan State (South)", "ရှမ်းပြည်နယ် (တောင်ပိုင်း)", "Taunggyi"),
    "MMR015": ("Shan State (North)", "ရှမ်းပြည်နယ် (မြောက်ပိုင်း)", "Lashio"),
    "MMR016": ("Shan State (East)", "ရှမ်းပြည်နယ် (အရှေ့ပိုင်း)", "Kengtung"),
    "MMR017": ("Ayeyarwady Region", "ဧရာဝတီတိုင်းဒေသကြီး", "Pathein"),
    "MMR018": ("Nay Pyi Taw", "နေပြည်တော်", "Nay Pyi Taw"),
}

# Districts not named after a town: the seat of the self-administered zone or district, and the
# zone's own Burmese name (its seat's name would be wrong for it).
DISTRICT_CAPITALS: dict[str, tuple[str, str]] = {
    "MMR005S001": ("Lahe", "နာဂကိုယ်ပိုင်အုပ်ချုပ်ခွင့်ရဒေသ"),
    "MMR014S001": ("Pindaya", "ဓနုကိုယ်ပိုင်အုပ်ချုပ်ခွင့်ရဒေသ"),
    "MMR014S002": ("Hopong", "ပအိုဝ်းကိုယ်ပိုင်အုပ်ချုပ်ခွင့်ရဒေသ"),
    "MMR015S001": ("Namhsan", "ပလောင်ကိုယ်ပိုင်အုပ်ချုပ်ခွင့်ရဒေသ"),
    "MMR015S002": ("Laukkaing", "ကိုးကန့်ကိုယ်ပိုင်အုပ်ချုပ်ခွင့်ရဒေသ"),
    "MMR018D001": ("Oke Ta Ra Thi Ri", ""),
    "MMR018D002": ("Det Khi Na Thi Ri", ""),
}

# Burmese names of units that neither MIMU nor a namesake town gives one (news names them this way).
NAMES_MY: dict[str, str] = {
    "MMR013D001": "ရန်ကုန်မြောက်ပိုင်းခရိုင်", "MMR013D002": "ရန်ကုန်အရှေ့ပိုင်းခရိုင်",
    "MMR013D003": "ရန်ကုန်တောင်ပိုင်းခရိုင်", "MMR013D004": "ရန်ကုန်အနောက်ပိုင်းခရိုင်",
    "MMR018D001": "ဥတ္တရခရိုင်", "MMR018D002": "ဒက္ခိဏခရိုင်",
    "MMR005037": "နန်းယွန်းမြို့နယ်", "MMR015201": "ကုန်းကြမ်းမြို့နယ်", "MMR015202": "လောက်ကိုင်မြို့နယ်",
}
MY_DISTRICT_SUFFIX = "ခရိုင်"
MY_TOWNSHIP_SUFFIX = "မြို့နယ်"
PCODE = re.compile(r"^MMR\d{3}[0-9A-Z]\d{2,8}$")


def name_key(name: str) -> str:
    """Compare names loosely: 'Hpa-An Town' and 'Hpa-An' or 'Mong Maw (Wa SAD)' and 'Mong Maw' agree."""
    name = re.sub(r"\s*\([^)]*(SAD|SAZ)\)|\s+Sub-township", "", clean_town_name(name))
    return re.sub(r"[\s\-']", "", name).lower()


def clean_text(text: str) -> str:
    """Drop the zero-width characters MIMU names carry here and there, and stray whitespace."""
    return " ".join(re.sub("[\u200b\u200c\u200d\ufeff]", "", text).split())


def clean_town_name(name: str) -> str:
    """MIMU writes 'Bogale Town', 'Yangon City' (and once 'Poke Ba Thi RiTown'); news writes 'Bogale'."""
    return re.sub(r"\s*(Town|City)$", "", name.strip())


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{key: clean_text(value or "") for key, value in row.items()}
                for row in csv.DictReader(handle)]


def repair_village_tract(row: dict[str, str]) -> dict[str, str]:
    """A few MIMU rows carry an extra slug column after the English name, shifting the rest right.

    Shape seen: VT_Pcode=<English name>, Name_Eng=<slug>, Name_MMR=<P-code>, Source=<Burmese>.
    """
    if PCODE.match(row["VT_Pcode"]) or not PCODE.match(row["Village_Tract_Name_MMR"]):
        return row
    keys = list(row)
    values = list(row.values())
    start = keys.index("VT_Pcode")
    fixed = values[:start] + [values[start + 2], values[start], values[start + 3]] + values[start + 4:] + [""]
    return dict(zip(keys, fixed))


def is_active(row: dict[str, str], status_column: str) -> bool:
    return row.get(status_column, "").strip() == "Active"


def fmt_coord(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}"


def town_coords(row: dict[str, str]) -> tuple[float, float] | None:
    try:
        return float(row["Latitude"]), float(row["Longitude"])
    except ValueError:
        return None


def mean_coords(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return fmean(p[0] for p in points), fmean(p[1] for p in points)


def pick_main_town(towns: list[dict[str, str]], unit_name: str) -> dict[str, str] | None:
    """The town named like the unit, else the first by P-code that has coordinates."""
    located = sorted((t for t in towns if town_coords(t)), key=lambda t: t["Town_Pcode"])
    for town in located:
        if name_key(town["Town_Name_Eng"]) == name_key(unit_name):
            return town
    return located[0] if located else None


def place_row(place_id: str, level: str, name_en: str, name_my: str, hierarchy: dict[str, str],
              coords: tuple[float, float] | None, approx: bool) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    row.update(hierarchy)
    row.update(place_id=place_id, level=level, name_en=name_en, name_my=name_my, country_iso="MMR",
               latitude=fmt_coord(coords[0] if coords else None),
               longitude=fmt_coord(coords[1] if coords else None),
               coord_approx="true" if approx and coords else "false")
    return row


def hierarchy_of(row: dict[str, str], depth: int) -> dict[str, str]:
    """State/district/township columns of a MIMU row, down to `depth` (1 state .. 3 township)."""
    state = STATES[row["SR_Pcode"]][0]
    out = {"state_pcode": row["SR_Pcode"], "state_name": state}
    if depth >= 2:
        out.update(district_pcode=row["District/SAZ_Pcode"],
                   district_name=district_name(row["District/SAZ_Name_Eng"]))
    if depth >= 3:
        out.update(township_pcode=row["Tsp_Pcode"], township_name=row["Township_Name_Eng"])
    return out


def district_name(mimu_name: str) -> str:
    name = mimu_name
    if re.search(r"Self-Administered|SAD\)|SAZ\)", name):
        return name
    return f"{name} District"


def build_towns(towns: list[dict[str, str]],
                township_coords: dict[str, tuple[float, float] | None]) -> list[dict]:
    rows = []
    for town in towns:
        coords = town_coords(town)
        approx = coords is None
        # Two new Yangon towns have no coordinates yet: they take their township's.
        coords = coords or township_coords.get(town["Tsp_Pcode"])
        rows.append(place_row(town["Town_Pcode"], "town", clean_town_name(town["Town_Name_Eng"]),
                              town["Town_Name_MMR"], hierarchy_of(town, 3), coords, approx))
    return rows


def build_districts(units: dict[str, dict[str, str]], towns_by: dict[str, list[dict]],
                    state_towns: dict[str, list[dict]]) -> tuple[list[dict], dict]:
    rows, coords_by = [], {}
    for pcode, sample in units.items():
        towns = towns_by.get(pcode, [])
        mimu_name = sample["District/SAZ_Name_Eng"]
        capital_name, name_my = DISTRICT_CAPITALS.get(pcode, (mimu_name, ""))
        capital = pick_capital(towns, capital_name)
        coords = town_coords(capital) if capital else mean_coords([c for t in towns if (c := town_coords(t))])
        if capital and pcode not in DISTRICT_CAPITALS:
            name_my = capital["Town_Name_MMR"] + MY_DISTRICT_SUFFIX
        name_my = name_my or NAMES_MY.get(pcode, "")
        if coords is None:
            coords = namesake_coords(state_towns.get(sample["SR_Pcode"], []), mimu_name)
        coords_by[pcode] = coords
        rows.append(place_row(pcode, "district", district_name(mimu_name), name_my, hierarchy_of(sample, 2),
                              coords, approx=capital is None))
    return rows, coords_by


def namesake_coords(towns: list[dict[str, str]], unit_name: str) -> tuple[float, float] | None:
    """MIMU's field-sourced Kokang units ('Laukkaing (Kokang SAZ)') have no towns of their own but
    cover the same ground as the GAD town of that name in the same state."""
    capital = pick_capital(towns, unit_name)
    return town_coords(capital) if capital else None


def pick_capital(towns: list[dict[str, str]], capital_name: str) -> dict[str, str] | None:
    for town in sorted(towns, key=lambda t: t["Town_Pcode"]):
        if town_coords(town) and name_key(town["Town_Name_Eng"]) == name_key(capital_name):
            return town
    return None


def build_townships(units: dict[str, dict[str, str]], towns_by: dict[str, list[dict]],
                    state_towns: dict[str, list[dict]], district_coords: dict) -> tuple[list[dict], dict]:
    rows, coords_by = [], {}
    for pcode, sample in units.items():
        name = sample["Township_Name_Eng"]
        main = pick_main_town(towns_by.get(pcode, []), name)
        coords = town_coords(main) if main else namesake_coords(state_towns.get(sample["SR_Pcode"], []), name)
        coords = coords or district_coords.get(sample["District/SAZ_Pcode"])
        # Only a town of the same name lends the township its Burmese name (coordinates or not).
        namesake = next((t for t in towns_by.get(pcode, [])
                         if name_key(t["Town_Name_Eng"]) == name_key(name)), None)
        # MIMU's field-sourced Kokang units have no towns: the GAD town of that name in the state lends it
        namesake = namesake or pick_capital(state_towns.get(sample["SR_Pcode"], []), name)
        name_my = namesake["Town_Name_MMR"] + MY_TOWNSHIP_SUFFIX if namesake else NAMES_MY.get(pcode, "")
        coords_by[pcode] = coords
        rows.append(place_row(pcode, "township", name, name_my, hierarchy_of(sample, 3), coords,
                              approx=main is None))
    return rows, coords_by


def build_states(units: dict[str, dict[str, str]], towns_by: dict[str, list[dict]]) -> list[dict]:
    rows = []
    for pcode in units:
        name_en, name_my, capital_name = STATES[pcode]
        towns = towns_by.get(pcode, [])
        capital = pick_capital(towns, capital_name)
        coords = town_coords(capital) if capital else mean_coords([c for t in towns if (c := town_coords(t))])
        rows.append(place_row(pcode, "state", name_en, name_my, {"state_pcode": pcode, "state_name": name_en},
                              coords, approx=capital is None))
    return rows


def build_village_tracts(tracts: list[dict[str, str]], township_coords: dict) -> list[dict]:
    return [
        place_row(vt["VT_Pcode"], "village_tract", vt["Village_Tract_Name_Eng"],
                  vt["Village_Tract_Name_MMR"], hierarchy_of(vt, 3),
                  township_coords.get(vt["Tsp_Pcode"]), approx=True)
        for vt in tracts
    ]


def units_by(rows: list[dict[str, str]], column: str) -> dict[str, dict[str, str]]:
    """One sample row per unit P-code, first by sorted P-code so the output is deterministic."""
    units: dict[str, dict[str, str]] = {}
    for row in sorted(rows, key=lambda r: (r[column], r.get("Town_Pcode", r.get("VT_Pcode", "")))):
        units.setdefault(row[column], row)
    return units


def group_by(rows: list[dict[str, str]], column: str) -> dict[str, list[dict[str, str]]]:
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        groups[row[column]].append(row)
    return groups


def build_mimu_places(mimu_dir: Path) -> list[dict[str, str]]:
    towns = [t for t in read_csv(mimu_dir / TOWN_FILE) if is_active(t, "MIMU_Town_Mapping_Status")]
    tracts = [repair_village_tract(v) for v in read_csv(mimu_dir / VILLAGE_TRACT_FILE)]
    tracts = [v for v in tracts if is_active(v, "MIMU_VillageTract_Mapping_Status")]
    admin_rows = towns + tracts
    state_towns = group_by(towns, "SR_Pcode")
    states = build_states(units_by(admin_rows, "SR_Pcode"), state_towns)
    districts, district_coords = build_districts(units_by(admin_rows, "District/SAZ_Pcode"),
                                                 group_by(towns, "District/SAZ_Pcode"), state_towns)
    townships, township_coords = build_townships(units_by(admin_rows, "Tsp_Pcode"),
                                                 group_by(towns, "Tsp_Pcode"), state_towns, district_coords)
    places = states + districts + townships + build_towns(towns, township_coords)
    places += build_village_tracts(tracts, township_coords)
    return sorted(places, key=lambda p: p["place_id"])


def read_extra_places(path: Path) -> list[dict[str, str]]:
    rows = read_csv(path)
    for row in rows:
        missing = set(COLUMNS) - set(row)
        if missing:
            raise ValueError(f"{path}: row {row.get('place_id')} lacks columns {sorted(missing)}")
    return sorted(({c: row[c].strip() for c in COLUMNS} for row in rows), key=lambda p: p["place_id"])


def build_places(mimu_dir: Path, extra_path: Path) -> list[dict[str, str]]:
    places = build_mimu_places(mimu_dir) + read_extra_places(extra_path)
    seen: set[str] = set()
    for place in places:
        if place["place_id"] in seen:
            raise ValueError(f"duplicate place_id {place['place_id']}")
        seen.add(place["place_id"])
    return places


def write_places(places: list[dict[str, str]], out_path: Path) -> None:
    with out_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(places)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mimu-dir", type=Path, default=DEFAULT_MIMU_DIR)
    parser.add_argument("--extra", type=Path, default=REPO / "seeds" / "places_extra.csv")
    parser.add_argument("--out", type=Path, default=REPO / "seeds" / "places.csv")
    args = parser.parse_args(argv)
    places = build_places(args.mimu_dir, args.extra)
    write_places(places, args.out)
    counts: dict[str, int] = defaultdict(int)
    for place in places:
        counts[place["level"]] += 1
    summary = ", ".join(f"{level}={n}" for level, n in sorted(counts.items()))
    print(f"wrote {len(places)} places to {args.out}: {summary}")


if __name__ == "__main__":
    main()
