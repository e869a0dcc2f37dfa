"""The knowledge seeds (gazetteer, actors, event lexicon) are consistent, complete and resolvable."""
from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
MIMU_DIR = SHARED_DATA / "mimu-pcodes"
NO_MIMU = f"MIMU P-code data not found at {MIMU_DIR} (../shared absent)"

PLACE_COLUMNS = [
    "place_id", "level", "name_en", "name_my", "state_pcode", "state_name", "district_pcode", "district_name",
    "township_pcode", "township_name", "country_iso", "latitude", "longitude", "coord_approx",
]
LEVELS = {"country", "state", "district", "township", "town", "village_tract", "foreign"}
SIGNALS = {"conflict", "displacement", "conscription", "arrest", "ceasefire", "humanitarian", "refugees",
           "protest", "non_conflict", "off_topic", "history", "accident", "diplomacy", "court", "crime", "statement"}
INTER_TYPES = {1: "State Forces", 2: "Rebel Groups", 3: "Political Militias", 4: "Identity Militias",
               5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other Forces"}
ACLED_SUB_EVENTS = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


def read_seed(name: str) -> list[dict[str, str]]:
    with (SEEDS / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def header_of(name: str) -> list[str]:
    with (SEEDS / name).open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


@cache
def places() -> dict[str, dict[str, str]]:
    return {row["place_id"]: row for row in read_seed("places.csv")}


@cache
def actors() -> dict[str, dict[str, str]]:
    return {row["actor_id"]: row for row in read_seed("actors.csv")}


def name_key(text: str) -> str:
    """Spelling-insensitive key, as the matcher treats names: case, hyphens and spaces do not matter."""
    return re.sub(r"[\s\-]+", "", text.replace("\u2019", "'")).lower()


@cache
def place_index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for place in places().values():
        index[name_key(place["name_en"])].add(place["place_id"])
    for row in read_seed("place_aliases.csv"):
        index[name_key(row["alias"])].add(row["place_id"])
    return index


def resolve_place(name: str) -> list[dict[str, str]]:
    return [places()[pid] for pid in sorted(place_index().get(name_key(name), ()))]


@cache
def actor_alias_rows() -> list[dict[str, str]]:
    return read_seed("actor_aliases.csv")


def resolve_actor(alias: str) -> set[str]:
    return {row["actor_id"] for row in actor_alias_rows() if name_key(row["alias"]) == name_key(alias)}


def load_build_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- shape ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, columns", [
    ("places.csv", PLACE_COLUMNS),
    ("places_extra.csv", PLACE_COLUMNS),
    ("place_aliases.csv", ["place_id", "alias"]),
    ("actors.csv", ["actor_id", "name", "inter_code", "actor_type", "country_iso", "alliances",
                    "political_wing", "armed_wing", "description"]),
    ("actor_aliases.csv", ["actor_id", "alias", "needs_myanmar_context", "case_sensitive"]),
    ("event_lexicon.csv", ["trigger", "event_type", "sub_event_type", "signal", "weight"]),
])
def test_seed_file_has_contract_columns_and_no_blank_keys(name, columns):
    assert header_of(name) == columns
    rows = read_seed(name)
    assert rows
    assert all(row[columns[0]].strip() for row in rows)
    assert all(None not in row for row in rows), "a row has more fields than the header"


@pytest.mark.parametrize("name, key", [
    ("places.csv", ("place_id",)), ("actors.csv", ("actor_id",)), ("event_lexicon.csv", ("trigger",)),
    ("place_aliases.csv", ("place_id", "alias")), ("actor_aliases.csv", ("actor_id", "alias")),
])
def test_seed_file_has_no_duplicate_keys(name, key):
    counts = Counter(tuple(row[k] for k in key) for row in read_seed(name))
    assert [k for k, n in counts.items() if n > 1] == []


# --- gazetteer -----------------------------------------------------------------------------------

def test_places_have_known_levels_booleans_and_coordinates():
    for place in places().values():
        assert place["level"] in LEVELS, place
        assert place["coord_approx"] in {"true", "false"}, place
        assert place["latitude"] and place["longitude"], f"{place['place_id']} has no coordinates"
        lat, lon = float(place["latitude"]), float(place["longitude"])
        if place["country_iso"] == "MMR" and place["level"] != "country":
            assert 9.5 < lat < 28.6 and 92.1 < lon < 101.2, f"{place['place_id']} lies outside Myanmar"
        else:
            assert -90 <= lat <= 90 and -180 <= lon <= 180


@pytest.mark.parametrize("name, columns", [
    ("places.csv", ("name_en", "name_my")), ("place_aliases.csv", ("alias",)),
    ("actor_aliases.csv", ("alias",)),
])
def test_names_carry_no_zero_width_characters_or_stray_spaces(name, columns):
    for row in read_seed(name):
        for column in columns:
            value = row[column]
            assert not re.search("[\u200b\u200c\u200d\ufeff]", value), row
            assert value == " ".join(value.split()), row


def test_every_admin_unit_points_at_existing_parents_with_matching_names():
    rows = places()
    for place in rows.values():
        for level in ("state", "district", "township"):
            pcode, name = place[f"{level}_pcode"], place[f"{level}_name"]
            if not pcode:
                continue
            parent = rows.get(pcode)
            assert parent is not None, f"{place['place_id']} -> missing {level} {pcode}"
            assert parent["level"] == level and parent["name_en"] == name, (place["place_id"], parent)
            if pcode.startswith("MMR0") and place["place_id"].startswith("MMR0"):
                assert place["place_id"][:6] == pcode[:6], "P-codes of one state share their prefix"
            if level != "state":
                assert parent["state_pcode"] == place["state_pcode"], (place["place_id"], pcode)


def test_townships_towns_and_village_tracts_carry_the_full_hierarchy():
    for place in places().values():
        if place["level"] in {"township", "town", "village_tract"} and place["country_iso"] == "MMR":
            assert place["state_pcode"] and place["district_pcode"] and place["township_pcode"], place
        if place["level"] == "village_tract":
            assert place["coord_approx"] == "true", "village tracts borrow their township's coordinates"


def test_gazetteer_counts_cover_the_whole_country():
    levels = Counter(place["level"] for place in places().values())
    assert levels["township"] > 300
    assert levels["village_tract"] > 13_000
    assert levels["town"] > 500
    assert levels["district"] >= 80


@pytest.mark.parametrize("state", [
    "Kachin State", "Kayah State", "Kayin State", "Chin State", "Sagaing Region", "Tanintharyi Region",
    "Bago Region", "Magway Region", "Mandalay Region", "Mon State", "Rakhine State", "Yangon Region",
    "Shan State", "Ayeyarwady Region", "Nay Pyi Taw",
])
def test_each_of_the_fifteen_state_level_units_resolves_to_a_state_row(state):
    assert any(p["level"] == "state" and p["country_iso"] == "MMR" for p in resolve_place(state)), state


def test_mimu_halves_of_shan_and_bago_exist_beside_the_plain_states():
    rows = places()
    assert {rows[p]["level"] for p in ("MMR014", "MMR015", "MMR016", "MMR007", "MMR008")} == {"state"}
    assert rows["MMR-SHAN"]["name_en"] == "Shan State" and rows["MMR-BAGO"]["name_en"] == "Bago Region"
    assert {p["place_id"] for p in resolve_place("northern Shan State")} == {"MMR015"}


def test_laukkai_resolves_to_laukkaing_town_and_township():
    found = {(p["level"], p["name_en"]) for p in resolve_place("Laukkai")}
    assert {("town", "Laukkaing"), ("township", "Laukkaing")} <= found


def test_rangoon_resolves_to_yangon_city_and_kunming_lies_in_china():
    assert [p["place_id"] for p in resolve_place("Rangoon")] == ["MMR013000777"]
    assert [p["country_iso"] for p in resolve_place("Kunming")] == ["CHN"]
    assert {p["country_iso"] for p in resolve_place("Moreh")} == {"IND"}
    assert {p["country_iso"] for p in resolve_place("Tamu")} == {"MMR"}


@pytest.mark.parametrize("alias, expected_name", [
    ("Burma", "Myanmar"), ("Arakan", "Rakhine State"), ("Karen State", "Kayin State"),
    ("Karenni", "Kayah State"), ("Pegu", "Bago Region"), ("Moulmein", "Mawlamyine"), ("Maymyo", "Pyinoolwin"),
    ("Mergui", "Myeik"), ("Tavoy", "Dawei"), ("Naypyitaw", "Nay Pyi Taw"), ("Naypyidaw", "Nay Pyi Taw"),
    ("Hpakan", "Hpakant"), ("Kokang", "Kokang Self-Administered Zone"),
    ("Wa region", "Wa Self-Administered Division"), ("Akyab", "Sittwe"), ("Mrauk U", "Mrauk-U"),
    ("Sandoway", "Thandwe"), ("Haka", "Hakha"), ("Tiddim", "Tedim"), ("Kalay", "Kale"), ("Kalemyo", "Kale"),
    ("Hpaan", "Hpa-An"), ("Papun", "Hpapun"), ("Depayin", "Tabayin"), ("Yinmabin", "Yinmarbin"),
    ("Mogok", "Mogoke"), ("Magwe", "Magway Region"), ("Toungoo", "Taungoo"), ("Mae Sot", "Mae Sot"),
    ("Cox's Bazar", "Cox's Bazar"), ("Cox\u2019s Bazar", "Cox's Bazar"),
])
def test_news_spellings_resolve_to_the_place(alias, expected_name):
    assert expected_name in {p["name_en"] for p in resolve_place(alias)}, alias


@pytest.mark.parametrize("name", [
    "Myitkyina", "Lashio", "Muse", "Kyaukme", "Hsipaw", "Namhsan", "Kutkai", "Chinshwehaw", "Paletwa",
    "Kyauktaw", "Maungdaw", "Buthidaung", "Loikaw", "Demoso", "Hpruso", "Falam", "Tamu", "Mawlamyine",
    "Myawaddy", "Kawkareik", "Kyaikdon", "Monywa", "Sagaing", "Shwebo", "Pale", "Khin-U", "Kani", "Mandalay",
    "Madaya", "Singu", "Magway", "Gangaw", "Pauk", "Myaing", "Pakokku", "Bago", "Mae Hong Son", "Chiang Mai",
    "Bangkok", "Mizoram", "Manipur", "Aizawl", "Teknaf", "Dhaka", "New Delhi", "Ban Rak Thai", "Ruili",
    "Beijing",
])
def test_places_named_in_conflict_news_are_in_the_gazetteer(name):
    assert resolve_place(name), name


def test_place_aliases_add_spellings_and_reference_existing_places():
    rows = read_seed("place_aliases.csv")
    assert len(rows) > 150
    for row in rows:
        place = places().get(row["place_id"])
        assert place is not None, row
        # A typographic apostrophe is a spelling the matcher may not fold, so it counts as new.
        assert row["alias"].lower() != place["name_en"].lower(), f"alias repeats name_en: {row}"


def test_burmese_names_of_townships_and_districts_carry_their_unit_word():
    rows = places()
    assert rows["MMR015022"]["name_my"] == "လောက်ကိုင်မြို့နယ်"
    assert rows["MMR015022701"]["name_my"] == "လောက်ကိုင်"
    assert rows["MMR001D001"]["name_my"] == "မြစ်ကြီးနားခရိုင်"
    named = [p for p in rows.values() if p["level"] == "township" and p["name_my"]]
    assert len(named) > 340 and all(p["name_my"].endswith("မြို့နယ်") for p in named)


def test_shifted_mimu_village_tract_row_is_repaired():
    build = load_build_script()
    shifted = {"Tsp_Pcode": "MMR013027", "VT_Pcode": "Yae Twin Kone", "Village_Tract_Name_Eng": "slug",
               "Village_Tract_Name_MMR": "MMR013027008", "Source": "ရေတွင်းကုန်း", "Start_Date": "GAD",
               "MIMU_VillageTract_Mapping_Status": "", "Remark": "Active"}
    fixed = build.repair_village_tract(shifted)
    assert (fixed["VT_Pcode"], fixed["Village_Tract_Name_Eng"], fixed["Village_Tract_Name_MMR"]) == (
        "MMR013027008", "Yae Twin Kone", "ရေတွင်းကုန်း")
    assert fixed["Source"] == "GAD" and fixed["MIMU_VillageTract_Mapping_Status"] == "Active"
    assert places()["MMR013027008"]["name_en"] == "Yae Twin Kone"


@pytest.mark.skipif(not MIMU_DIR.is_dir(), reason=NO_MIMU)
def test_committed_places_csv_equals_what_the_build_script_generates(tmp_path):
    build = load_build_script()
    out = tmp_path / "places.csv"
    build.main(["--mimu-dir", str(MIMU_DIR), "--extra", str(SEEDS / "places_extra.csv"), "--out", str(out)])
    assert out.read_bytes() == (SEEDS / "places.csv").read_bytes(), "run scripts/build_gazetteer.py"


def test_abolished_units_are_left_out():
    assert "MMR013045" not in places(), "Seikkan township was deleted in 2020"
    assert "MMR013008" not in places(), "Hlaingtharya was split into East and West"
    assert {"MMR013046", "MMR013047"} <= set(places())


# --- actors --------------------------------------------------------------------------------------

def test_actors_have_acled_inter_codes_and_resolvable_wings():
    rows = actors()
    assert len(rows) >= 60
    for actor in rows.values():
        assert re.fullmatch(r"[a-z0-9_]+", actor["actor_id"]), actor
        assert INTER_TYPES[int(actor["inter_code"])] == actor["actor_type"], actor
        for wing in ("political_wing", "armed_wing"):
            assert not actor[wing] or actor[wing] in rows, (actor["actor_id"], wing)
    assert rows["kio"]["armed_wing"] == "kia" and rows["kia"]["political_wing"] == "kio"
    assert rows["ula"]["armed_wing"] == "ula_aa" and rows["ula_aa"]["political_wing"] == "ula"


def test_alliance_members_name_the_alliances_that_exist_as_actors():
    # An alliance is named by an actor's full name or by its acronym ("FPNCC" for "FPNCC: Federal ...").
    names = {actor["name"] for actor in actors().values()}
    names |= {name.split(":")[0] for name in names}
    members = defaultdict(set)
    for actor in actors().values():
        for alliance in filter(None, actor["alliances"].split(";")):
            members[alliance].add(actor["actor_id"])
            assert alliance in names, alliance
    assert {"mndaa", "tnla", "ula_aa"} <= members["Three Brotherhood Alliance"]


def test_actor_aliases_reference_actors_and_use_boolean_flags():
    rows = actor_alias_rows()
    assert len(rows) >= 300
    for row in rows:
        assert row["actor_id"] in actors(), row
        assert {row["needs_myanmar_context"], row["case_sensitive"]} <= {"true", "false"}, row


def test_every_actor_has_at_least_one_alias():
    with_alias = {row["actor_id"] for row in actor_alias_rows()}
    assert set(actors()) - with_alias == set()


@pytest.mark.parametrize("alias, actor_id", [
    ("Tatmadaw", "military_myanmar"), ("the junta", "military_myanmar"), ("junta troops", "military_myanmar"),
    ("regime forces", "military_myanmar"), ("Sit-Tat", "military_myanmar"), ("air force", "military_myanmar"),
    ("Myanmar Navy", "military_myanmar"), ("soldiers", "military_myanmar"), ("SAC", "sac"),
    ("State Administration Council", "sac"), ("SSPC", "sspc"), ("Pyu Saw Htee", "pyu_saw_htee"),
    ("Arakan Army", "ula_aa"), ("AA", "ula_aa"), ("Kachin Independence Army", "kia"), ("KIA", "kia"),
    ("TNLA", "tnla"), ("Ta'ang National Liberation Army", "tnla"),
    ("Ta\u2019ang National Liberation Army", "tnla"), ("Kokang army", "mndaa"), ("MNDAA", "mndaa"),
    ("Brotherhood Alliance", "three_brotherhood"), ("Operation 1027 alliance", "three_brotherhood"),
    ("northern alliance", "northern_alliance"), ("KNLA", "knla"), ("Karen National Union", "knu"),
    ("KA", "ka"), ("Karenni Army", "ka"), ("Chin National Army", "cna"), ("PDF", "pdf"),
    ("People's Defense Force", "pdf"), ("People's Defence Force", "pdf"), ("resistance forces", "pdf"),
    ("the NUG", "nug"), ("shadow government", "nug"), ("villagers", "civilians_myanmar"),
    ("civilians", "civilians_myanmar"), ("residents", "civilians_myanmar"),
    ("displaced people", "refugees_idps_myanmar"), ("protesters", "protesters_myanmar"),
    ("demonstrators", "protesters_myanmar"), ("students", "students_myanmar"), ("monks", "monks_myanmar"),
    ("Chinese foreign ministry", "china_gov"), ("UNHCR", "unhcr"), ("OCHA", "ocha"),
    ("Border Guard Force", "kna_bgf"), ("ARSA", "arsa"), ("Mandalay PDF", "mandalay_pdf"),
])
def test_news_names_of_actors_resolve(alias, actor_id):
    assert resolve_actor(alias) == {actor_id}


@pytest.mark.parametrize("alias", ["AA", "KA", "PDF", "SAC", "SSPC", "CDF"])
def test_ambiguous_acronyms_are_case_sensitive_and_need_myanmar_context(alias):
    rows = [row for row in actor_alias_rows() if row["alias"] == alias]
    assert rows and all(r["case_sensitive"] == "true" and r["needs_myanmar_context"] == "true" for r in rows)


@pytest.mark.parametrize("alias", ["soldiers", "troops", "the military", "regime", "villagers", "civilians",
                                   "police", "resistance forces"])
def test_generic_words_count_only_in_a_myanmar_context(alias):
    rows = [row for row in actor_alias_rows() if row["alias"] == alias]
    assert rows and all(r["needs_myanmar_context"] == "true" for r in rows)


def test_an_alias_means_one_actor():
    owners: dict[str, set[str]] = defaultdict(set)
    for row in actor_alias_rows():
        key = row["alias"] if row["case_sensitive"] == "true" else row["alias"].lower()
        owners[key].add(row["actor_id"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


# --- event lexicon -------------------------------------------------------------------------------

def test_lexicon_rows_use_acled_vocabulary_and_valid_weights():
    rows = read_seed("event_lexicon.csv")
    assert len(rows) >= 150
    for row in rows:
        assert row["trigger"] == row["trigger"].lower().strip(), row
        assert row["signal"] in SIGNALS, row
        assert 0.0 <= float(row["weight"]) <= 1.0, row
        if row["event_type"]:
            assert row["sub_event_type"] in ACLED_SUB_EVENTS[row["event_type"]], row
        else:
            assert row["sub_event_type"] == "", "signal-only rows carry no sub_event_type"
    covered = {row["sub_event_type"] for row in rows}
    missing = set().union(*ACLED_SUB_EVENTS.values()) - covered
    assert missing == set(), "each ACLED sub-event type has triggers"


@pytest.mark.parametrize("trigger, sub_event_type", [
    ("clashed", "Armed clash"), ("ambush", "Armed clash"), ("recaptured", "Government regains territory"),
    ("fell to", "Non-state actor overtakes territory"), ("overran", "Non-state actor overtakes territory"),
    ("airstrike", "Air/drone strike"), ("drone strike", "Air/drone strike"),
    ("shelling", "Shelling/artillery/missile attack"), ("landmine", "Remote explosive/landmine/IED"),
    ("massacre", "Attack"), ("abducted", "Abduction/forced disappearance"), ("raped", "Sexual violence"),
    ("protest", "Peaceful protest"), ("ceasefire", "Agreement"), ("arrested", "Arrests"),
    ("conscription", "Change to group/activity"), ("torched", "Looting/property destruction"),
    ("withdrew", "Non-violent transfer of territory"),
])
def test_core_triggers_map_to_their_sub_event_type(trigger, sub_event_type):
    rows = {row["trigger"]: row for row in read_seed("event_lexicon.csv")}
    assert rows[trigger]["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("trigger, signal", [
    ("displaced", "displacement"), ("refugees", "refugees"), ("crossed the border", "refugees"),
    ("blockade", "humanitarian"), ("earthquake", "non_conflict"), ("football", "non_conflict"),
])
def test_signal_only_triggers_carry_their_signal(trigger, signal):
    rows = {row["trigger"]: row for row in read_seed("event_lexicon.csv")}
    assert rows[trigger]["signal"] == signal and rows[trigger]["event_type"] == ""


def test_non_conflict_signals_weigh_less_than_conflict_triggers():
    rows = read_seed("event_lexicon.csv")
    assert max(float(r["weight"]) for r in rows if r["signal"] == "non_conflict") < 0.5


def test_no_surface_form_is_both_a_trigger_and_an_actor_alias():
    triggers = {row["trigger"] for row in read_seed("event_lexicon.csv")}
    aliases = {row["alias"].lower() for row in actor_alias_rows()}
    assert triggers & aliases == set()


def test_no_trigger_or_actor_alias_is_also_a_place_name():
    place_names = {place["name_en"].lower() for place in places().values()}
    place_names |= {row["alias"].lower() for row in read_seed("place_aliases.csv")}
    triggers = {row["trigger"] for row in read_seed("event_lexicon.csv")}
    aliases = {row["alias"].lower() for row in actor_alias_rows()}
    assert (triggers | aliases) & place_names == set()
