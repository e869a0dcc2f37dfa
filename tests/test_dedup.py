"""Deduplication: story clusters of near-duplicate articles, event clusters, incremental runs, views."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from tasks import db as database
from tasks.dedup import dedup_stage
from tasks.dedup.articles import shingles, similarity
from tasks.extract.model import Event
from tasks.extract.store import load_events

T0 = datetime(2024, 2, 14, 3, 0, tzinfo=timezone.utc)
WIRE = ("A Myanmar military airstrike killed seven civilians at a Buddhist ceremony in a village in the central "
        "Sagaing region on Tuesday, residents and a resistance group said. The strike hit Su Lay Kone village in "
        "Kani township at about 3 p.m., a resident who helped to recover the bodies said by telephone, asking not "
        "to be named for fear of reprisals. Two children were among the dead and about a dozen people were wounded.")
OTHER = ("Seven people were killed when regime aircraft struck a village in Kani Township on Tuesday, local "
         "sources said. The victims were attending a religious ceremony when the bombs fell. Several houses were "
         "destroyed and more than ten people were hurt, according to volunteers who reached the village.")


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    con = database.connect(path)
    database.upsert(con, "feeds", [{"feed_id": o.lower(), "name": o, "outlet": o, "url": f"https://{o}.example/rss",
                                    "enabled": True, "poll_interval_minutes": 30, "general": False,
                                    "allow_private": False, "in_registry": True} for o in ("Alpha", "Beta", "Gamma")],
                    ["feed_id"])
    return con


def _article(con, article_id: str, outlet: str, published: datetime, text: str = "") -> None:
    text = text or f"{article_id} unrelated text number {article_id} " * 3
    database.upsert(con, "articles", [{
        "article_id": article_id, "canonical_url": f"https://{outlet}.example/{article_id}", "url": "u",
        "feed_id": outlet.lower(), "title": article_id, "first_seen_at": published, "fetch_status": "ok",
        "text": text, "published_at": published,
        "content_hash": hashlib.sha256(text.encode()).hexdigest()}],  # as the fetch stage stores it
        ["article_id"])


def _event(article_id: str, sub: str = "Air/drone strike", day: date = date(2024, 2, 13), place: str = "village",
           fatalities: int = 0, actor1: str | None = "Military Forces of Myanmar (2021-)", sentence: str = "",
           event_type: str | None = None) -> Event:
    types = {"Air/drone strike": "Explosions/Remote violence", "Armed clash": "Battles",
             "Non-state actor overtakes territory": "Battles", "Peaceful protest": "Protests"}
    places = {  # Kani township and one of its village tracts; another village tract; Myaung township
        "village": ("MMR005017002", "Su Lay Kone"), "township": ("MMR005017", "Kani"),
        "other_village": ("MMR005017004", "Nat Gyi"), "myaung": ("MMR005020", "Myaung")}
    place_id, location = places[place]
    township = ("MMR005020", "Myaung") if place == "myaung" else ("MMR005017", "Kani")
    event = Event(article_id=article_id, event_type=event_type or types[sub], sub_event_type=sub,
                  disorder_type="Political violence", event_date=day, time_precision=1, date_text="on Tuesday",
                  actor1=actor1, inter1=1 if actor1 else None, actor2="Civilians (Myanmar)", inter2=7,
                  place_id=place_id, location=location, country_iso="MMR", admin1="Sagaing Region",
                  admin1_pcode="MMR005", admin2="Monywa District", admin2_pcode="MMR005D004",
                  admin3=township[1], admin3_pcode=township[0], fatalities=fatalities, sentence=sentence,
                  notes=sentence or article_id)
    event.assign_id()
    return event


def _report(con, article_id: str, outlet: str, published: datetime, *events: Event, text: str = "") -> None:
    _article(con, article_id, outlet, published, text)
    load_events(con, [article_id], list(events), [], "k")


def _clusters(con) -> dict[str, str]:
    return dict(con.execute("SELECT event_id, cluster_id FROM event_cluster_links").fetchall())


def test_wire_copies_share_one_story_cluster_led_by_the_earliest(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _article(con, "wire", "Alpha", T0, WIRE)
    _article(con, "copy", "Beta", T0 + timedelta(hours=5), WIRE.replace("said by telephone", "said by phone") + " The junta did not comment.")
    _article(con, "other", "Gamma", T0 + timedelta(hours=1), OTHER)
    dedup_stage(con)
    rows = dict(con.execute("SELECT article_id, (story_cluster_id, is_representative) FROM article_clusters").fetchall())
    assert rows["wire"] == ("wire", True) and rows["copy"] == ("wire", False)
    assert rows["other"] == ("other", True)
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 3  # nothing deleted


def test_a_page_whose_text_changed_leaves_its_story_cluster(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _article(con, "wire", "Alpha", T0, WIRE)
    _article(con, "copy", "Beta", T0 + timedelta(hours=5), WIRE + " The junta did not comment.")
    dedup_stage(con)
    _article(con, "copy", "Beta", T0 + timedelta(hours=5), OTHER)  # refetched: the outlet rewrote the page
    dedup_stage(con)
    rows = dict(con.execute("SELECT article_id, story_cluster_id FROM article_clusters").fetchall())
    assert rows == {"wire": "wire", "copy": "copy"}


def test_two_reports_of_one_event_in_different_words_are_not_near_duplicates() -> None:
    assert similarity(shingles(WIRE), shingles(OTHER)) < 0.2
    assert similarity(shingles(WIRE), shingles(WIRE[: len(WIRE) * 3 // 4])) >= 0.5  # a trimmed republication


def test_a_new_report_joins_the_existing_cluster_without_replaying_older_ones(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _report(con, "a1", "Alpha", T0, _event("a1", place="village", fatalities=7))
    _report(con, "a2", "Beta", T0 + timedelta(hours=2), _event("a2", place="township", fatalities=7))
    first = dedup_stage(con)
    assert (first["event_mentions"], first["unique_events"]) == (2, 1)
    cluster = set(_clusters(con).values())
    _report(con, "a3", "Gamma", T0 + timedelta(days=1), _event("a3", place="village", actor1=None))
    second = dedup_stage(con)
    assert second["events_replayed"] == 1 and second["unique_events"] == 1
    assert set(_clusters(con).values()) == cluster
    row = con.execute("SELECT num_articles, num_sources, sources, location FROM unique_events").fetchall()[0]
    assert row == (3, 3, ["Alpha", "Beta", "Gamma"], "Su Lay Kone")  # the most specific place


def test_merged_toll_is_the_lowest_until_a_later_report_updates_it(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _report(con, "a1", "Alpha", T0, _event("a1", fatalities=10))
    _report(con, "a2", "Beta", T0 + timedelta(hours=3), _event("a2", fatalities=9, sentence="At least nine were killed."))
    dedup_stage(con)
    assert con.execute("SELECT fatalities FROM unique_events").fetchall()[0][0] == 9
    _report(con, "a3", "Alpha", T0 + timedelta(days=2), _event(
        "a3", fatalities=14, sentence="The death toll from Monday's airstrike has risen to 14, residents said."))
    dedup_stage(con)
    fatalities, rule = con.execute("SELECT fatalities, fatalities_rule FROM unique_events").fetchall()[0]
    assert fatalities == 14 and rule.startswith("update:")


def test_confusable_events_stay_apart(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _report(con, "a1", "Alpha", T0, _event("a1", day=date(2024, 2, 13)))
    _report(con, "a2", "Beta", T0 + timedelta(days=7), _event("a2", day=date(2024, 2, 20)))         # a week later
    _report(con, "a3", "Gamma", T0, _event("a3", sub="Armed clash", actor1="PDF: People's Defense Force"))
    _report(con, "a4", "Beta", T0, _event("a4", sub="Peaceful protest", actor1="Protesters (Myanmar)"))
    _report(con, "a5", "Gamma", T0 + timedelta(hours=1), _event("a5", place="other_village"))     # another village
    _report(con, "a6", "Alpha", T0 + timedelta(hours=2), _event("a6", place="myaung"))            # another township
    assert dedup_stage(con)["unique_events"] == 6


def test_a_clash_and_the_capture_it_led_to_are_one_event(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    kia = "KIO/KIA: Kachin Independence Organization/Army"
    _report(con, "a1", "Alpha", T0, _event("a1", sub="Armed clash", actor1=kia))
    _report(con, "a2", "Beta", T0 + timedelta(hours=1), _event("a2", sub="Non-state actor overtakes territory", actor1=kia))
    dedup_stage(con)
    assert con.execute("SELECT count(*), any_value(sub_event_type) FROM unique_events").fetchall()[0] == (
        1, "Non-state actor overtakes territory")


def _snapshot(con) -> tuple:
    links = con.execute("SELECT event_id, cluster_id, join_score FROM event_cluster_links ORDER BY 1").fetchall()
    clusters = con.execute("SELECT * EXCLUDE (updated_at) FROM event_clusters ORDER BY cluster_id").fetchall()
    stories = con.execute("SELECT article_id, story_cluster_id, similarity FROM article_clusters ORDER BY 1").fetchall()
    return links, clusters, stories


def test_incremental_runs_equal_a_rebuild_even_when_reports_arrive_out_of_order(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _report(con, "a2", "Beta", T0 + timedelta(hours=4), _event("a2", fatalities=5), text=WIRE)
    dedup_stage(con)
    _report(con, "a3", "Gamma", T0 + timedelta(hours=8), _event("a3", place="township", fatalities=6), text=OTHER)
    dedup_stage(con)
    # a report published before both, arriving last (a feed added later), and a wire copy of a2
    _report(con, "a1", "Alpha", T0, _event("a1", place="village", fatalities=7), text=WIRE + " More follows.")
    summary = dedup_stage(con)
    assert summary["events_replayed"] == 3
    incremental = _snapshot(con)
    con.close()
    shutil.copy(tmp_path / "t.duckdb", tmp_path / "r.duckdb")
    rebuilt = database.connect(tmp_path / "r.duckdb")
    dedup_stage(rebuilt, rebuild=True)
    assert _snapshot(rebuilt) == incremental
    assert [c[1] for c in incremental[1]] == [_event("a1", place="village", fatalities=7).event_id]  # first reported
    assert {s[1] for s in incremental[2] if s[0] in ("a1", "a2")} == {"a1"}  # a1 is the earliest wire copy


def test_events_removed_by_re_extraction_leave_their_cluster(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _report(con, "a1", "Alpha", T0, _event("a1"))
    _report(con, "a2", "Beta", T0 + timedelta(hours=1), _event("a2"))
    dedup_stage(con)
    load_events(con, ["a2"], [], [], "k")  # re-extraction found nothing in a2
    dedup_stage(con)
    assert con.execute("SELECT num_articles, member_event_ids FROM unique_events").fetchall() == [
        (1, [_event("a1").event_id])]
    assert con.execute("SELECT count(*) FROM event_cluster_links").fetchall()[0][0] == 1


def test_views_show_one_row_per_event_and_one_per_member(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _report(con, "a1", "Alpha", T0, _event("a1", fatalities=7))
    _report(con, "a2", "Beta", T0 + timedelta(hours=1), _event("a2", place="township", fatalities=8))
    _report(con, "a3", "Beta", T0 + timedelta(days=7), _event("a3", day=date(2024, 2, 20), fatalities=3))
    dedup_stage(con)
    rows = con.execute("SELECT event_date, location, fatalities, num_articles, num_sources, source_urls, "
                       "first_reported_at FROM unique_events ORDER BY event_date").fetchall()
    assert rows == [
        (date(2024, 2, 13), "Su Lay Kone", 7, 2, 2, ["https://Alpha.example/a1", "https://Beta.example/a2"], T0),
        (date(2024, 2, 20), "Su Lay Kone", 3, 1, 1, ["https://Beta.example/a3"], T0 + timedelta(days=7)),
    ]
    members = con.execute("SELECT outlet, location, fatalities, is_cluster_representative FROM event_cluster_members "
                          "WHERE event_date = DATE '2024-02-13' ORDER BY outlet").fetchall()
    assert members == [("Alpha", "Su Lay Kone", 7, True), ("Beta", "Kani", 8, False)]


def test_events_outside_the_event_scope_are_not_counted(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    background = _event("a1")
    background.figure_scope = "background"
    _report(con, "a1", "Alpha", T0, background)
    assert dedup_stage(con)["unique_events"] == 0
    assert con.execute("SELECT count(*) FROM unique_events").fetchall()[0][0] == 0


@pytest.mark.parametrize("kind", ["articles"])
def test_story_clustering_meets_its_target_on_the_team_set(kind: str) -> None:
    from bench.eval_dedup import load_set, pairwise
    from tasks.dedup.articles import assign_stories, candidate_pairs, signature, verified_edges, Sketch

    _, articles = load_set()
    sets = {a["id"]: shingles(a["text"]) for a in articles}  # the text, as the stage clusters it
    sketches = [Sketch(a["id"], a["published"], signature(sets[a["id"]]), sets[a["id"]]) for a in articles]
    edges = verified_edges(candidate_pairs(sketches, []), sets)
    stories = assign_stories({a["id"]: a["published"] for a in articles}, [], edges, {})
    precision, recall, _ = pairwise({s.article_id: s.story_cluster_id for s in stories},
                                    {a["id"]: a["story"] for a in articles})
    assert precision >= 0.95 and recall >= 0.95


def test_one_night_attack_dated_a_day_apart_by_two_outlets_is_one_event(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _report(con, "a1", "Alpha", T0, _event("a1", day=date(2024, 2, 12), place="township"))   # "late on Monday"
    _report(con, "a2", "Beta", T0 + timedelta(hours=4), _event("a2", day=date(2024, 2, 13)))  # a wire copy: Tuesday
    dedup_stage(con)
    assert len(set(_clusters(con).values())) == 1
    rule = con.execute("SELECT join_rule FROM event_cluster_links WHERE event_id != "
                       "(SELECT representative_event_id FROM event_clusters)").fetchall()[0][0]
    assert "date=0.75" in rule and "place=0.8" in rule


def test_strikes_on_three_consecutive_days_do_not_chain_into_one_event(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _report(con, "a1", "Alpha", T0, _event("a1", day=date(2024, 2, 11)))
    _report(con, "a2", "Beta", T0 + timedelta(hours=1), _event("a2", day=date(2024, 2, 12)))
    _report(con, "a3", "Gamma", T0 + timedelta(hours=2), _event("a3", day=date(2024, 2, 13)))
    dedup_stage(con)
    clusters = _clusters(con)
    assert len(set(clusters.values())) == 2  # complete linkage: the 11th and the 13th are two days apart


def test_merged_toll_is_the_figure_most_outlets_report_with_every_figure_listed(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _report(con, "a1", "Alpha", T0, _event("a1", fatalities=10))
    _report(con, "a2", "Beta", T0 + timedelta(hours=1), _event("a2", fatalities=10))
    _report(con, "a3", "Gamma", T0 + timedelta(hours=2), _event("a3", fatalities=9))
    dedup_stage(con)
    fatalities, rule, sources = con.execute(
        "SELECT fatalities, fatalities_rule, fatalities_sources FROM unique_events").fetchall()[0]
    assert (fatalities, rule.split(":")[0], sources) == (10, "supported", "10: Alpha, Beta; 9: Gamma")


def test_the_pipeline_dedup_in_two_child_processes_writes_what_one_connection_writes(tmp_path: Path) -> None:
    """tasks.pipeline.dedup_stage runs the story half and the event half each in its own process and
    inserts rows not stored yet (upserting the rest): a first run, then a second that updates a stored
    cluster and adds new ones, must leave exactly what tasks.dedup.dedup_stage leaves on one connection."""
    from tasks.pipeline import dedup_stage as pipeline_dedup

    con = _open(tmp_path / "one.duckdb")
    _report(con, "a1", "Alpha", T0, _event("a1", fatalities=5), text=WIRE)
    _report(con, "b1", "Beta", T0 + timedelta(hours=2), _event("b1", sub="Armed clash", day=date(2024, 3, 1)))
    con.close()
    shutil.copy(tmp_path / "one.duckdb", tmp_path / "two.duckdb")

    def second_batch(con: duckdb.DuckDBPyConnection) -> None:
        _report(con, "a2", "Beta", T0 + timedelta(hours=4), _event("a2", place="township", fatalities=7),
                text=WIRE + " More follows.")
        _report(con, "c1", "Gamma", T0 + timedelta(hours=5), _event("c1", sub="Peaceful protest", place="myaung"))

    snapshots = []
    for name, run in (("one.duckdb", None), ("two.duckdb", pipeline_dedup)):
        path = tmp_path / name
        for step in range(2):
            if run is None:
                con = database.connect(path)
                if step:
                    second_batch(con)
                dedup_stage(con)
                con.close()
            else:
                if step:
                    con = database.connect(path)
                    second_batch(con)
                    con.close()
                run(path)
        con = database.connect(path)
        snapshots.append(_snapshot(con))
        con.close()
    assert snapshots[0] == snapshots[1]
    links, clusters, _ = snapshots[1]
    assert len(links) == 4 and len(clusters) == 3  # a2 joined a1's cluster: the stored row was updated


def test_an_article_that_only_recalls_an_event_is_not_counted_among_its_sources(tmp_path: Path) -> None:
    con = _open(tmp_path / "t.duckdb")
    _report(con, "a1", "Alpha", T0, _event("a1", day=date(2024, 2, 13)))
    lead = _event("a2", sub="Armed clash", day=date(2024, 2, 16), place="myaung", actor1="PDF: People's Defense Force")
    recalled = _event("a2", day=date(2024, 2, 13))  # "... three days after the air strike on Su Lay Kone"
    recalled.start_char, recalled.end_char = 400, 480
    recalled.assign_id()
    _report(con, "a2", "Beta", T0 + timedelta(days=3), lead, recalled)
    only_recalled = _event("a3", sub="Peaceful protest", day=date(2024, 2, 1), place="other_village", actor1=None)
    only_recalled.start_char = 300
    only_recalled.assign_id()
    _report(con, "a3", "Gamma", T0 + timedelta(days=4), _event("a3", day=date(2024, 2, 17), place="other_village"),
            only_recalled)
    # a retrospective a month and more later names only the strike: background all the same
    _report(con, "a4", "Gamma", T0 + timedelta(days=40), _event("a4", day=date(2024, 2, 13)))
    dedup_stage(con)
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT sub_event_type || ' ' || event_date, num_articles, num_sources, sources, recalled_in "
        "FROM unique_events").fetchall()}
    assert rows["Air/drone strike 2024-02-13"] == (1, 1, ["Alpha"], ["https://Beta.example/a2",
                                                                     "https://Gamma.example/a4"])
    assert rows["Peaceful protest 2024-02-01"] == (1, 1, ["Gamma"], [])  # known only from a recall: still counted
    roles = dict(con.execute("SELECT article_id, mention_role FROM event_cluster_members "
                             "WHERE sub_event_type = 'Air/drone strike' AND event_date = DATE '2024-02-13'").fetchall())
    assert roles == {"a1": "reported", "a2": "recalled", "a4": "recalled"}
    reviewed = con.execute("SELECT num_sources, recalled_in FROM reviewed_events "
                           "WHERE event_date = DATE '2024-02-13'").fetchall()
    assert reviewed == [(1, ["https://Beta.example/a2", "https://Gamma.example/a4"])]


def test_last_week_in_a_midweek_report_is_background_to_its_lead(tmp_path: Path) -> None:
    # Published Wednesday 14 Feb: the lead is the day's strike; "the resistance took the town last week"
    # (dated to the middle of 5-11 Feb, precision 2) ended before the lead, so it is recalled, while
    # "fighting this week" (12-14 Feb) may still be news.
    con = _open(tmp_path / "t.duckdb")
    lead = _event("a1", day=date(2024, 2, 14))
    last_week = _event("a1", sub="Non-state actor overtakes territory", day=date(2024, 2, 8), place="myaung",
                       actor1="PDF: People's Defense Force")
    this_week = _event("a1", sub="Armed clash", day=date(2024, 2, 13), place="other_village",
                       actor1="PDF: People's Defense Force")
    for offset, (event, phrase) in enumerate(((last_week, "last week"), (this_week, "this week")), start=1):
        event.time_precision, event.date_text, event.start_char = 2, phrase, 100 * offset
        event.assign_id()
    lead.start_char = 0
    lead.assign_id()
    _report(con, "a1", "Alpha", T0 + timedelta(hours=3), lead, last_week, this_week)
    dedup_stage(con)
    roles = dict(con.execute("SELECT sub_event_type, mention_role FROM event_cluster_members").fetchall())
    assert roles == {"Air/drone strike": "reported", "Non-state actor overtakes territory": "recalled",
                     "Armed clash": "reported"}
