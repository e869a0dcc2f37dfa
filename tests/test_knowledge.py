"""The knowledge loader and its one-pass matcher: aliases, boundaries, case, variants, Burmese script."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tasks.db import connect
from tasks.knowledge import Knowledge, load_knowledge
from tasks.reference_tables import sync_reference_tables

MINI_SEEDS = Path(__file__).parent / "data" / "mini_seeds"
REPO_SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(MINI_SEEDS)


def surfaces(knowledge: Knowledge, text: str, kind: str | None = None) -> list[str]:
    return [m.text for m in knowledge.find(text) if kind is None or m.kind == kind]


def refs(knowledge: Knowledge, text: str, kind: str) -> list[tuple[str, ...]]:
    return [m.ref_ids for m in knowledge.find(text) if m.kind == kind]


def test_offsets_point_into_the_original_text(knowledge: Knowledge) -> None:
    text = "Clashes near Laukkai\u2019s market \u2014 the  Arakan   Army and the KIA\u2019s troops in Burma."
    for mention in knowledge.find(text):
        assert text[mention.start:mention.end] == mention.text
    assert surfaces(knowledge, text, "actor") == ["Arakan   Army", "KIA"]


def test_acronym_respects_word_boundaries(knowledge: Knowledge) -> None:
    anchored = "Fighting in Rakhine State. "
    assert surfaces(knowledge, anchored + "The AA said so.", "actor") == ["AA"]
    assert surfaces(knowledge, anchored + "AAA batteries and Baa sheep, AAs", "actor") == []


def test_case_sensitive_acronym_ignores_ordinary_words(knowledge: Knowledge) -> None:
    anchored = "Fighting in Kachin State. "
    assert surfaces(knowledge, anchored + "The KIA attacked.", "actor") == ["KIA"]
    assert surfaces(knowledge, anchored + "Kia Motors opened a showroom; kia ora.", "actor") == []


def test_case_insensitive_aliases_match_any_case(knowledge: Knowledge) -> None:
    found = surfaces(knowledge, "THE JUNTA and the Junta and the junta", "actor")
    assert found == ["JUNTA", "Junta", "junta"]


def test_possessive_forms_match_the_name(knowledge: Knowledge) -> None:
    text = "In Shan State, the KIA's and the MNDAA\u2019s fighters; the junta's jets."
    assert surfaces(knowledge, text, "actor") == ["KIA", "MNDAA", "junta"]


def test_hyphen_space_and_joined_variants_of_a_place(knowledge: Knowledge) -> None:
    for variant in ("Pyin Oo Lwin", "Pyin-Oo-Lwin", "PyinOoLwin", "Pyin\u2013Oo Lwin", "pyin  oo\nlwin"):
        text = f"Troops left {variant} today"
        found = [m for m in knowledge.find(text) if m.kind == "place"]
        if variant.islower():  # place names are proper nouns: all-lower text is not a name
            assert found == []
            continue
        assert [m.ref_ids for m in found] == [("MMR010013",)], variant
        assert found[0].text == variant


def test_place_names_need_a_capital_letter(knowledge: Knowledge) -> None:
    assert refs(knowledge, "A man in Man village", "place") == [("MMR014001099",)]


def test_burmese_script_matches_inside_running_text(knowledge: Knowledge) -> None:
    text = "ပြင်ဦးလွင်မြို့နယ်တွင် တိုက်ပွဲ"  # no space between the township name and the particle
    assert refs(knowledge, text, "place") == [("MMR010013",)]


def test_longest_match_wins_over_contained_names(knowledge: Knowledge) -> None:
    text = "The Arakan Army said fighting spread in Arakan."
    mentions = knowledge.find(text)
    assert [(m.kind, m.text) for m in mentions if m.kind != "trigger"] == [
        ("actor", "Arakan Army"), ("place", "Arakan")
    ]


def test_ambiguous_short_forms_need_myanmar_context(knowledge: Knowledge) -> None:
    assert surfaces(knowledge, "The AA and the PDF said the SAC met.", "actor") == []
    assert surfaces(knowledge, "In Myanmar, the AA and the PDF said the SAC met.", "actor") == [
        "AA", "PDF", "SAC"
    ]
    assert surfaces(knowledge, "The AA attacked.", "actor") == []
    in_anchored_article = knowledge.find("The AA attacked.", myanmar_context=True)
    assert [m.text for m in in_anchored_article] == ["AA"]


def test_triggers_match_inflected_forms(knowledge: Knowledge) -> None:
    text = "Troops clashed; clashes and clashing; the airstrikes; it was clashy."
    assert surfaces(knowledge, text, "trigger") == ["clashed", "clashes", "clashing", "airstrikes"]


def test_alliance_name_refers_to_its_members(knowledge: Knowledge) -> None:
    found = refs(knowledge, "The Three Brotherhood Alliance attacked.", "actor")
    assert found == [("mndaa", "tnla", "ula_aa")]


def test_myanmar_anchoring_ignores_foreign_places_and_village_tracts(knowledge: Knowledge) -> None:
    assert not knowledge.myanmar_anchored(knowledge.find("Talks in Kunming and Thailand; Man village."))
    assert knowledge.myanmar_anchored(knowledge.find("Talks on Burma"))
    assert knowledge.myanmar_anchored(knowledge.find("The Tatmadaw said"))


def test_version_changes_with_seed_content(tmp_path: Path, knowledge: Knowledge) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(MINI_SEEDS, seeds)
    assert load_knowledge(seeds).version == knowledge.version
    with (seeds / "place_aliases.csv").open("a", encoding="utf-8") as handle:
        handle.write("MMR013,Yangon city\n")
    changed = load_knowledge(seeds)
    assert changed.version != knowledge.version
    assert refs(changed, "In Yangon city", "place") == [("MMR013",)]


def test_sync_reference_tables_replaces_rows(tmp_path: Path, knowledge: Knowledge) -> None:
    con = connect(tmp_path / "t.duckdb")
    sync_reference_tables(con, knowledge)
    sync_reference_tables(con, knowledge)  # idempotent: replaces, never duplicates
    count = lambda table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
    assert count("places") == len(knowledge.places)
    assert count("actor_aliases") == len(knowledge.actor_aliases)
    assert count("event_lexicon") == len(knowledge.triggers)
    alliances = con.execute("SELECT alliances FROM actors WHERE actor_id = 'mndaa'").fetchone()[0]
    assert alliances == ["Three Brotherhood Alliance"]
    lat = con.execute("SELECT latitude, coord_approx FROM places WHERE place_id = 'MMR014001099'").fetchone()
    assert lat == (20.77, True)
    con.close()


@pytest.mark.skipif(not (REPO_SEEDS / "event_lexicon.csv").exists(), reason="seeds/ not generated yet")
def test_repo_seeds_load_and_match_common_spellings() -> None:
    real = load_knowledge(REPO_SEEDS)
    assert len(real.actors) >= 60 and len(real.actor_aliases) >= 300
    text = "Fighting in Rangoon, Naypyitaw, Nay Pyi Taw and Laukkai; the Tatmadaw and the KIA\u2019s troops."
    kinds = {(m.kind, m.text) for m in real.find(text)}
    places = {("place", name) for name in ("Rangoon", "Naypyitaw", "Nay Pyi Taw", "Laukkai")}
    assert places <= kinds
    assert {("actor", "Tatmadaw"), ("actor", "KIA")} <= kinds


def test_generic_civilian_words_do_not_anchor_a_story(knowledge: Knowledge) -> None:
    mentions = knowledge.find("Villagers fled the fighting.")
    assert [m.ref_ids for m in mentions if m.kind == "actor"] == [("civilians_myanmar",)]
    assert not knowledge.myanmar_anchored(mentions)


def test_burmese_village_tract_names_are_not_matched_inside_words(knowledge: Knowledge) -> None:
    # "မန်း" (the village tract Man) is also a syllable of other words; only English names locate tracts.
    assert refs(knowledge, "မန္တလေး မန်း", "place") == []


def test_scanning_more_text_does_not_grow_the_memo_of_pattern_groups() -> None:
    # A memo keyed by each hit's (freshly built) pattern tuple grew with every article tagged: 70 MB over
    # 10,000 articles in bench/bench_memory.py. It must be bounded by the distinct pattern combinations.
    from tasks import knowledge as module

    repo = load_knowledge(REPO_SEEDS)
    text = ("The Arakan Army said it captured Paletwa in Chin State after clashes with junta troops; the AA "
            "and the KIA reported airstrikes near Laukkai, Lashio and Myitkyina. ") * 5
    repo.find(text, myanmar_context=True)
    size, by_tuple = len(module._GROUPS), len(module._GROUPS_BY_TUPLE)
    for _ in range(50):
        repo.find(text, myanmar_context=True)
    assert len(module._GROUPS) == size
    assert len(module._GROUPS_BY_TUPLE) == by_tuple <= size  # only the tuple each combination was first seen as


def test_repo_seeds_know_news_spellings_of_places_the_gazetteer_spells_otherwise() -> None:
    # 'Myingan' is how some English reports spell Myingyan; the Indawgyi lake area lies in Mohnyin Township
    real = load_knowledge(REPO_SEEDS)
    text = "Soldiers raided a village near Myingan, and jets struck boats on Indawgyi."
    places = {m.text: m.ref_ids for m in real.find(text) if m.kind == "place"}
    assert places == {"Myingan": ("MMR010017",), "Indawgyi": ("MMR001007",)}
