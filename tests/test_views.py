"""The analyst views (sql/views/100_* .. 200_*) on a small known data set, with the exact expected rows.

The views count from `unique_events` (contract: /work/prompts/views_contract.md). To test them against the
contract rather than against the deduplication internals, `tracker_db` replaces that view with one over a
table of hand-written unique events; the other base tables (figures, articles, feeds, feed_polls,
pipeline_runs, places, actors) are the real ones from the migrations.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from tasks.db import VIEWS_DIR, connect

UTC = dt.timezone.utc
T = dt.datetime(2025, 3, 31, 12, 0, tzinfo=UTC)  # the latest feed poll of the fixture

UNIQUE_EVENT_COLUMNS = """
    event_id VARCHAR, event_type VARCHAR, sub_event_type VARCHAR, disorder_type VARCHAR, event_date DATE,
    time_precision SMALLINT, actor1 VARCHAR, actor1_id VARCHAR, inter1 SMALLINT, assoc_actor_1 VARCHAR,
    actor2 VARCHAR, actor2_id VARCHAR, inter2 SMALLINT, assoc_actor_2 VARCHAR, interaction SMALLINT,
    civilian_targeting VARCHAR, place_id VARCHAR, location VARCHAR, country_iso VARCHAR, admin1 VARCHAR,
    admin1_pcode VARCHAR, admin2 VARCHAR, admin2_pcode VARCHAR, admin3 VARCHAR, admin3_pcode VARCHAR,
    latitude DOUBLE, longitude DOUBLE, geo_precision SMALLINT, fatalities INTEGER, injured INTEGER,
    displaced INTEGER, arrested INTEGER, notes VARCHAR, num_articles INTEGER, num_sources INTEGER,
    sources VARCHAR[], source_urls VARCHAR[], first_reported_at TIMESTAMPTZ, last_reported_at TIMESTAMPTZ,
    member_event_ids VARCHAR[], languages VARCHAR[], recalled_in VARCHAR[]
"""

MIL = {"name": "Military Forces of Myanmar (2021-)", "id": "military_myanmar", "inter": 1}
MNDAA = {"name": "MNDAA: Myanmar National Democratic Alliance Army", "id": "mndaa", "inter": 2}
PDF = {"name": "PDF: People's Defense Force", "id": "pdf", "inter": 2}
KIA = {"name": "KIO/KIA: Kachin Independence Organization/Army", "id": "kia", "inter": 2}
KNU = {"name": "KNU/KNLA: Karen National Union/Karen National Liberation Army", "id": "knu", "inter": 2}
CIV = {"name": "Civilians (Myanmar)", "id": "civilians_myanmar", "inter": 7}
PROTESTERS = {"name": "Protesters (Myanmar)", "id": "protesters_myanmar", "inter": 6}

SAGAING = {"admin1": "Sagaing Region", "admin1_pcode": "MMR005", "country_iso": "MMR"}
KANI = {**SAGAING, "place_id": "MMR005027", "location": "Kani", "admin2": "Yinmarbin District",
        "admin2_pcode": "MMR005D008", "admin3": "Kani", "admin3_pcode": "MMR005027", "latitude": 22.4406,
        "longitude": 94.8353, "geo_precision": 1}
YINMARBIN = {**SAGAING, "place_id": "MMR005026", "location": "Yinmarbin", "admin2": "Yinmarbin District",
             "admin2_pcode": "MMR005D008", "admin3": "Yinmarbin", "admin3_pcode": "MMR005026",
             "latitude": 22.0814, "longitude": 94.8996, "geo_precision": 1}
SAGAING_ONLY = {**SAGAING, "place_id": "MMR005", "location": "Sagaing Region", "latitude": 22.9,
                "longitude": 95.4, "geo_precision": 3}
LASHIO = {"place_id": "MMR015001", "location": "Lashio", "country_iso": "MMR", "admin1": "Shan State (North)",
          "admin1_pcode": "MMR015", "admin2": "Lashio District", "admin2_pcode": "MMR015D001",
          "admin3": "Lashio", "admin3_pcode": "MMR015001", "latitude": 22.9528, "longitude": 97.7475,
          "geo_precision": 1}
MYITKYINA = {"place_id": "MMR001001", "location": "Myitkyina", "country_iso": "MMR", "admin1": "Kachin State",
             "admin1_pcode": "MMR001", "admin2": "Myitkyina District", "admin2_pcode": "MMR001D001",
             "admin3": "Myitkyina", "admin3_pcode": "MMR001001", "latitude": 25.3875, "longitude": 97.3904,
             "geo_precision": 1}
MYAWADDY = {"place_id": "MMR003012", "location": "Myawaddy", "country_iso": "MMR", "admin1": "Kayin State",
            "admin1_pcode": "MMR003", "admin2": "Myawaddy District", "admin2_pcode": "MMR003D004",
            "admin3": "Myawaddy", "admin3_pcode": "MMR003012", "latitude": 16.6889, "longitude": 98.5086,
            "geo_precision": 1}
KUNMING = {"place_id": "CHN-KUNMING", "location": "Kunming", "country_iso": "CHN", "latitude": 25.0389,
           "longitude": 102.7183, "geo_precision": 1}
MYANMAR = {"place_id": "MMR", "location": "Myanmar", "country_iso": "MMR", "geo_precision": 3}

TYPES = {
    "clash": ("Battles", "Armed clash", "Political violence"),
    "taken": ("Battles", "Non-state actor overtakes territory", "Political violence"),
    "regained": ("Battles", "Government regains territory", "Political violence"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
    "agreement": ("Strategic developments", "Agreement", "Strategic developments"),
    "protest": ("Protests", "Peaceful protest", "Demonstrations"),
}


def unique_event(event_id: str, kind: str, day: str, place: dict, actor1: dict, actor2: dict | None = None,
                 **fields: object) -> dict:
    """One row of unique_events as the contract describes it; reported the day after, 06:00 UTC."""
    event_type, sub_event_type, disorder_type = TYPES[kind]
    event_date = dt.date.fromisoformat(day)
    reported = dt.datetime.combine(event_date + dt.timedelta(days=1), dt.time(6), tzinfo=UTC)
    inters = sorted(i for i in (actor1["inter"], actor2["inter"] if actor2 else None) if i)
    row = {
        "event_id": event_id, "event_type": event_type, "sub_event_type": sub_event_type,
        "disorder_type": disorder_type, "event_date": event_date, "time_precision": 1,
        "actor1": actor1["name"], "actor1_id": actor1["id"], "inter1": actor1["inter"],
        "actor2": actor2["name"] if actor2 else None, "actor2_id": actor2["id"] if actor2 else None,
        "inter2": actor2["inter"] if actor2 else None,
        "interaction": inters[0] * 10 + inters[1] if len(inters) == 2 else inters[0] * 10,
        "civilian_targeting": "Civilian targeting" if actor2 is CIV else None,
        "fatalities": 0, "notes": f"Evidence sentence of {event_id}.", "num_articles": 1, "num_sources": 1,
        "sources": ["Irrawaddy Chronicle"], "source_urls": [f"https://irrawaddy-chronicle.example/{event_id}"],
        "first_reported_at": reported, "last_reported_at": reported, "member_event_ids": [f"{event_id}-m1"],
        "languages": ["en"], **place, **fields,
    }
    return row


EVENTS = [
    unique_event("e01", "clash", "2025-03-30", KANI, PDF, MIL, fatalities=2, num_articles=2, num_sources=2,
                 sources=["Irrawaddy Chronicle", "Mekong Wire"]),
    unique_event("e02", "airstrike", "2025-03-20", KANI, MIL, CIV, fatalities=9, injured=14, displaced=500),
    unique_event("e03", "shelling", "2025-02-10", KANI, MIL, CIV, fatalities=1),
    unique_event("e04", "regained", "2025-03-28", LASHIO, MIL, MNDAA),
    unique_event("e05", "taken", "2024-08-03", LASHIO, MNDAA, MIL, fatalities=3),
    unique_event("e06", "taken", "2025-03-29", LASHIO, MNDAA, MIL, fatalities=4),
    unique_event("e07", "agreement", "2025-01-18", KUNMING, MIL, MNDAA,
                 notes="The military and the MNDAA signed a ceasefire in Kunming under Chinese mediation."),
    unique_event("e08", "agreement", "2025-03-01", MYITKYINA, KIA, MIL,
                 notes="Representatives of the KIA and the military held talks in Myitkyina on Saturday."),
    unique_event("e09", "agreement", "2025-03-15", MYAWADDY, KNU, MIL,
                 notes="A local truce brokered by Thailand broke down within days, residents said."),
    unique_event("e10", "protest", "2025-03-25", MYANMAR, PROTESTERS),
    unique_event("e11", "airstrike", "2024-12-20", SAGAING_ONLY, MIL, CIV, fatalities=5, time_precision=2),
    unique_event("e12", "clash", "2025-03-30", YINMARBIN, MIL, PDF),
]


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    columns = list(dict.fromkeys(key for row in rows for key in row))  # from_pylist reads only the first row's keys
    data = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows])
    con.register("_rows", data)
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
    con.unregister("_rows")


def use_fixture_unique_events(con: duckdb.DuckDBPyConnection, events: list[dict]) -> None:
    con.execute(f"CREATE OR REPLACE TABLE fixture_unique_events ({UNIQUE_EVENT_COLUMNS})")
    con.execute("CREATE OR REPLACE VIEW unique_events AS SELECT * FROM fixture_unique_events")
    if events:
        insert(con, "fixture_unique_events", events)


def _feeds_and_articles(con: duckdb.DuckDBPyConnection) -> None:
    feed = {"language": "en", "enabled": True, "poll_interval_minutes": 15, "general": False,
            "allow_private": False, "in_registry": True}
    insert(con, "feeds", [
        {**feed, "feed_id": "f1", "name": "Chronicle news", "outlet": "Irrawaddy Chronicle", "url": "https://c.example/rss",
         "failure_count": 0, "last_status": "not_modified", "last_polled_at": T, "last_success_at": T},
        {**feed, "feed_id": "f2", "name": "Wire", "outlet": "Mekong Wire", "url": "https://w.example/rss",
         "failure_count": 2, "last_status": "failed", "last_error": "HTTP 503",
         "last_polled_at": T - dt.timedelta(days=1), "last_success_at": T - dt.timedelta(days=3)},
        {**feed, "feed_id": "f3", "name": "New outlet", "outlet": "Salween Daily", "url": "https://s.example/rss",
         "failure_count": 0},
    ])
    article = {"fetch_status": "ok", "first_seen_at": T - dt.timedelta(days=20)}
    insert(con, "articles", [
        {**article, "article_id": "a1", "canonical_url": "https://c.example/a1", "url": "https://c.example/a1",
         "feed_id": "f1", "published_at": dt.datetime(2025, 3, 12, 3, tzinfo=UTC)},
        {**article, "article_id": "a2", "canonical_url": "https://w.example/a2", "url": "https://w.example/a2",
         "feed_id": "f2", "published_at": dt.datetime(2025, 3, 21, 9, tzinfo=UTC)},
    ])
    insert(con, "article_feeds", [
        {"article_id": "a1", "feed_id": "f1", "entry_url": "https://c.example/a1", "first_seen_at": T},
        {"article_id": "a2", "feed_id": "f2", "entry_url": "https://w.example/a2", "first_seen_at": T},
        {"article_id": "a2", "feed_id": "f1", "entry_url": "https://c.example/w-a2", "first_seen_at": T},
    ])


def _figures_places_actors(con: duckdb.DuckDBPyConnection) -> None:
    figure = {"extractor_version": "test", "extracted_at": T}
    insert(con, "figures", [
        {**figure, "figure_id": "f-1", "article_id": "a1", "kind": "displaced", "value": 3000, "scope": "cumulative",
         "area_place_id": "MMR005", "as_of_date": dt.date(2025, 3, 10), "sentence": "3,000 have fled since June."},
        {**figure, "figure_id": "f-2", "article_id": "a2", "kind": "displaced", "value": 1200, "scope": "event",
         "area_place_id": "MMR005027", "as_of_date": dt.date(2025, 3, 21), "sentence": "1,200 fled Kani."},
        {**figure, "figure_id": "f-3", "article_id": "a2", "kind": "killed", "value": 5, "scope": "event",
         "area_place_id": "MMR005027", "as_of_date": dt.date(2025, 3, 21), "sentence": "Five were killed."},
        {**figure, "figure_id": "f-4", "article_id": "a1", "kind": "displaced", "value": 5000, "scope": "background",
         "area_place_id": None, "as_of_date": None, "sentence": "5,000 displaced since the coup."},
    ])
    insert(con, "places", [
        {"place_id": "MMR005", "level": "state", "name_en": "Sagaing Region", "state_pcode": "MMR005",
         "state_name": "Sagaing Region", "country_iso": "MMR"},
        {"place_id": "MMR005027", "level": "township", "name_en": "Kani", "state_pcode": "MMR005",
         "state_name": "Sagaing Region", "township_pcode": "MMR005027", "township_name": "Kani",
         "country_iso": "MMR"},
    ])
    insert(con, "actors", [
        {"actor_id": "military_myanmar", "name": MIL["name"], "inter_code": 1, "actor_type": "State Forces"},
        {"actor_id": "mndaa", "name": MNDAA["name"], "inter_code": 2, "actor_type": "Rebel Groups"},
    ])


def _polls_and_runs(con: duckdb.DuckDBPyConnection) -> None:
    def poll(feed_id: str, days_before: int, outcome: str, new: int = 0) -> dict:
        run_id = f"run-{days_before}"
        return {"poll_id": f"{run_id}:{feed_id}", "run_id": run_id, "feed_id": feed_id,
                "polled_at": T - dt.timedelta(days=days_before), "outcome": outcome, "new_entries": new}

    insert(con, "feed_polls", [
        poll("f1", 8, "new", 5), poll("f1", 2, "new", 3), poll("f1", 1, "unchanged"), poll("f1", 0, "not_modified"),
        poll("f2", 3, "new", 2), poll("f2", 2, "failed"), poll("f2", 1, "failed"), poll("f2", 0, "skipped_backoff"),
    ])
    summary = {"feeds_polled": 2, "feeds_failed": 1, "articles_new": 3, "articles_fetched": 3,
               "articles_failed": 0, "relevant": 2, "events": 4}
    insert(con, "pipeline_runs", [
        {"run_id": "run-1", "flow": "ingest", "started_at": T - dt.timedelta(days=1),
         "finished_at": T - dt.timedelta(days=1) + dt.timedelta(seconds=90), "status": "completed",
         "summary": json.dumps(summary), "code_version": "0.1.0"},
        {"run_id": "run-0", "flow": "ingest", "started_at": T, "status": "crashed", "error": "killed",
         "code_version": "0.1.0"},
    ])


def build_tracker_db(path: Path, events: list[dict] = EVENTS) -> duckdb.DuckDBPyConnection:
    """A database with the real migrations and views, the fixture unique events and the other base rows."""
    con = connect(path)
    use_fixture_unique_events(con, events)
    _feeds_and_articles(con)
    _figures_places_actors(con)
    _polls_and_runs(con)
    return con


@pytest.fixture
def tracker(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = build_tracker_db(tmp_path / "tracker.duckdb")
    yield con
    con.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


D = dt.date.fromisoformat
ANALYST_VIEWS = ["tracking_as_of", "events_by_day", "active_fronts", "territory_changes", "agreements",
                 "displacement_figures", "displacement_latest", "actor_activity_by_month",
                 "fatalities_by_region_month", "strikes_on_civilians", "feed_health", "pipeline_run_history",
                 "acled_export", "events_by_language", "fatality_revisions", "topic_vetoes"]


def test_each_view_file_creates_one_view_named_in_its_header(tmp_path: Path) -> None:
    files = sorted(p for p in VIEWS_DIR.glob("*.sql") if re.match(r"^(1\d\d|200)_", p.name))
    names = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        created = re.findall(r"CREATE OR REPLACE VIEW (\w+)", text)
        assert len(created) == 1, path.name
        assert text.startswith(f"-- {created[0]}: one row") or text.startswith(f"-- {created[0]}: exactly one row"), path.name
        names.append(created[0])
    assert sorted(names) == sorted(ANALYST_VIEWS)


def test_every_view_answers_on_an_empty_database_with_the_real_unique_events(tmp_path: Path) -> None:
    con = connect(tmp_path / "empty.duckdb")
    for view in ANALYST_VIEWS:
        expected = 1 if view == "tracking_as_of" else 0
        assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] == expected, view
    [(as_of, basis)] = rows(con, "FROM tracking_as_of")
    assert basis == "today" and as_of in {dt.date.today(), dt.datetime.now(UTC).date()}


def test_tracking_date_is_the_latest_report_unless_a_session_sets_it(tracker) -> None:
    assert rows(tracker, "FROM tracking_as_of") == [(D("2025-03-31"), "latest report")]
    tracker.execute("SET VARIABLE mmtrack_as_of = DATE '2025-03-01'")
    assert rows(tracker, "FROM tracking_as_of") == [(D("2025-03-01"), "variable mmtrack_as_of")]


def test_events_by_day_counts_unique_events_and_fatalities_per_day_region_and_type(tracker) -> None:
    assert rows(tracker, "FROM events_by_day") == [
        (D("2024-08-03"), "MMR015", "Shan State (North)", "Battles", 1, 3, 0, 1),
        (D("2024-12-20"), "MMR005", "Sagaing Region", "Explosions/Remote violence", 1, 5, 1, 1),
        (D("2025-01-18"), None, None, "Strategic developments", 1, 0, 0, 0),
        (D("2025-02-10"), "MMR005", "Sagaing Region", "Explosions/Remote violence", 1, 1, 1, 1),
        (D("2025-03-01"), "MMR001", "Kachin State", "Strategic developments", 1, 0, 0, 0),
        (D("2025-03-15"), "MMR003", "Kayin State", "Strategic developments", 1, 0, 0, 0),
        (D("2025-03-20"), "MMR005", "Sagaing Region", "Explosions/Remote violence", 1, 9, 1, 1),
        (D("2025-03-25"), None, None, "Protests", 1, 0, 0, 0),
        (D("2025-03-28"), "MMR015", "Shan State (North)", "Battles", 1, 0, 0, 0),
        (D("2025-03-29"), "MMR015", "Shan State (North)", "Battles", 1, 4, 0, 1),
        (D("2025-03-30"), "MMR005", "Sagaing Region", "Battles", 2, 2, 0, 1),
    ]


ACTIVE_FRONT_COLUMNS = ("admin3, events_7d, events_prev_7d, events_30d, events_prev_30d, events_90d, events_prev_90d,"
                        " trend_30d, change_30d, fatalities_30d, fatalities_90d, last_event_date,"
                        " days_since_last_event, last_event_id, last_sub_event_type, last_actor1, as_of_date")


def test_active_fronts_are_townships_with_events_in_the_last_90_days_with_trend_and_last_event(tracker) -> None:
    as_of = D("2025-03-31")
    assert rows(tracker, f"SELECT {ACTIVE_FRONT_COLUMNS} FROM active_fronts") == [
        ("Kani", 1, 1, 2, 1, 3, 0, "rising", 1, 11, 12, D("2025-03-30"), 1, "e01", "Armed clash", PDF["name"], as_of),
        ("Lashio", 2, 0, 2, 0, 2, 0, "rising", 2, 4, 4, D("2025-03-29"), 2, "e06",
         "Non-state actor overtakes territory", MNDAA["name"], as_of),
        ("Yinmarbin", 1, 0, 1, 0, 1, 0, "rising", 1, 0, 0, D("2025-03-30"), 1, "e12", "Armed clash", MIL["name"], as_of),
        ("Myawaddy", 0, 0, 1, 0, 1, 0, "rising", 1, 0, 0, D("2025-03-15"), 16, "e09", "Agreement", KNU["name"], as_of),
        ("Myitkyina", 0, 0, 0, 1, 1, 0, "falling", -1, 0, 0, D("2025-03-01"), 30, "e08", "Agreement", KIA["name"], as_of),
    ]


def test_active_fronts_follow_a_tracking_date_set_in_the_past(tracker) -> None:
    tracker.execute("SET VARIABLE mmtrack_as_of = DATE '2025-03-01'")
    as_of = D("2025-03-01")
    assert rows(tracker, f"SELECT {ACTIVE_FRONT_COLUMNS} FROM active_fronts") == [
        ("Myitkyina", 1, 0, 1, 0, 1, 0, "rising", 1, 0, 0, D("2025-03-01"), 0, "e08", "Agreement", KIA["name"], as_of),
        ("Kani", 0, 0, 1, 0, 1, 0, "rising", 1, 1, 1, D("2025-02-10"), 19, "e03",
         "Shelling/artillery/missile attack", MIL["name"], as_of),
    ]


def test_territory_changes_tell_taken_from_retaken_with_the_previous_holder(tracker) -> None:
    sql = ("SELECT event_date, event_id, change, location, taken_by_id, taken_from_id, previous_change_date,"
           " previous_taken_by, sources FROM territory_changes")
    assert rows(tracker, sql) == [
        (D("2024-08-03"), "e05", "taken", "Lashio", "mndaa", "military_myanmar", None, None, ["Irrawaddy Chronicle"]),
        (D("2025-03-28"), "e04", "retaken", "Lashio", "military_myanmar", "mndaa", D("2024-08-03"), MNDAA["name"],
         ["Irrawaddy Chronicle"]),
        (D("2025-03-29"), "e06", "retaken", "Lashio", "mndaa", "military_myanmar", D("2025-03-28"), MIL["name"],
         ["Irrawaddy Chronicle"]),
    ]


def test_agreements_show_kind_parties_mediator_and_whether_they_held(tracker) -> None:
    sql = ("SELECT event_date, event_id, agreement_kind, parties, mediator, location, breakdown_reported,"
           " fighting_since_date, days_until_fighting, status FROM agreements")
    assert rows(tracker, sql) == [
        (D("2025-01-18"), "e07", "ceasefire", [MIL["name"], MNDAA["name"]], "China", "Kunming", False,
         D("2025-03-28"), 69, "fighting since"),
        (D("2025-03-01"), "e08", "talks", [KIA["name"], MIL["name"]], None, "Myitkyina", False, None, None,
         "no fighting reported since"),
        (D("2025-03-15"), "e09", "ceasefire", [KNU["name"], MIL["name"]], "Thailand", "Myawaddy", True, None, None,
         "reported broken"),
    ]


def test_displacement_figures_merge_article_figures_and_event_counts_with_their_scope(tracker) -> None:
    sql = ("SELECT reported_date, area_place_id, area_name, area_level, admin1, area_country_iso, displaced, scope,"
           " source_kind, source_id, sources FROM displacement_figures")
    assert rows(tracker, sql) == [
        (D("2025-03-10"), "MMR005", "Sagaing Region", "state", "Sagaing Region", "MMR", 3000, "cumulative", "figure",
         "f-1", ["Irrawaddy Chronicle"]),
        (D("2025-03-12"), None, None, None, None, None, 5000, "cumulative", "figure", "f-4", ["Irrawaddy Chronicle"]),
        (D("2025-03-20"), "MMR005027", "Kani", "township", "Sagaing Region", "MMR", 500, "new", "event", "e02",
         ["Irrawaddy Chronicle"]),
        (D("2025-03-21"), "MMR005027", "Kani", "township", "Sagaing Region", "MMR", 1200, "new", "figure", "f-2",
         ["Mekong Wire"]),
    ]


def test_displacement_latest_keeps_the_newest_figure_per_area_and_per_scope(tracker) -> None:
    sql = ("SELECT area_place_id, area_name, latest_date, latest_displaced, latest_scope, latest_cumulative,"
           " latest_cumulative_date, latest_new, latest_new_date, reports FROM displacement_latest")
    assert rows(tracker, sql) == [
        ("MMR005027", "Kani", D("2025-03-21"), 1200, "new", None, None, 1200, D("2025-03-21"), 2),
        ("MMR005", "Sagaing Region", D("2025-03-10"), 3000, "cumulative", 3000, D("2025-03-10"), None, None, 1),
    ]


def test_actor_activity_counts_each_actor_as_actor1_and_as_actor2_per_month(tracker) -> None:
    sql = ("SELECT month, actor_id, actor, inter_code, events, events_as_actor1, events_as_actor2,"
           " fatalities_as_actor1, fatalities_as_actor2, civilian_targeting_events_as_actor1"
           " FROM actor_activity_by_month")
    m = D
    assert rows(tracker, sql) == [
        (m("2024-08-01"), "mndaa", MNDAA["name"], 2, 1, 1, 0, 3, 0, 0),
        (m("2024-08-01"), "military_myanmar", MIL["name"], 1, 1, 0, 1, 0, 3, 0),
        (m("2024-12-01"), "civilians_myanmar", CIV["name"], None, 1, 0, 1, 0, 5, 0),
        (m("2024-12-01"), "military_myanmar", MIL["name"], 1, 1, 1, 0, 5, 0, 1),
        (m("2025-01-01"), "mndaa", MNDAA["name"], 2, 1, 0, 1, 0, 0, 0),
        (m("2025-01-01"), "military_myanmar", MIL["name"], 1, 1, 1, 0, 0, 0, 0),
        (m("2025-02-01"), "civilians_myanmar", CIV["name"], None, 1, 0, 1, 0, 1, 0),
        (m("2025-02-01"), "military_myanmar", MIL["name"], 1, 1, 1, 0, 1, 0, 1),
        (m("2025-03-01"), "military_myanmar", MIL["name"], 1, 7, 3, 4, 9, 6, 1),
        (m("2025-03-01"), "mndaa", MNDAA["name"], 2, 2, 1, 1, 4, 0, 0),
        (m("2025-03-01"), "pdf", PDF["name"], None, 2, 1, 1, 2, 0, 0),
        (m("2025-03-01"), "civilians_myanmar", CIV["name"], None, 1, 0, 1, 0, 9, 0),
        (m("2025-03-01"), "kia", KIA["name"], None, 1, 1, 0, 0, 0, 0),
        (m("2025-03-01"), "knu", KNU["name"], None, 1, 1, 0, 0, 0, 0),
        (m("2025-03-01"), "protesters_myanmar", PROTESTERS["name"], None, 1, 1, 0, 0, 0, 0),
    ]


def test_fatalities_by_region_and_month_split_by_event_type_and_civilian_targeting(tracker) -> None:
    assert rows(tracker, "FROM fatalities_by_region_month") == [
        (D("2024-08-01"), "MMR015", "Shan State (North)", 1, 1, 3, 3, 0, 0, 0),
        (D("2024-12-01"), "MMR005", "Sagaing Region", 1, 1, 5, 0, 5, 0, 5),
        (D("2025-01-01"), None, None, 1, 0, 0, 0, 0, 0, 0),
        (D("2025-02-01"), "MMR005", "Sagaing Region", 1, 1, 1, 0, 1, 0, 1),
        (D("2025-03-01"), None, None, 1, 0, 0, 0, 0, 0, 0),
        (D("2025-03-01"), "MMR001", "Kachin State", 1, 0, 0, 0, 0, 0, 0),
        (D("2025-03-01"), "MMR003", "Kayin State", 1, 0, 0, 0, 0, 0, 0),
        (D("2025-03-01"), "MMR005", "Sagaing Region", 3, 2, 11, 2, 9, 0, 9),
        (D("2025-03-01"), "MMR015", "Shan State (North)", 2, 1, 4, 4, 0, 0, 0),
    ]


def test_strikes_on_civilians_by_township_and_month(tracker) -> None:
    assert rows(tracker, "FROM strikes_on_civilians") == [
        (D("2024-12-01"), "Sagaing Region", "MMR005", None, None, None, 1, 1, 0, 5, 0, D("2024-12-20"),
         ["Sagaing Region"]),
        (D("2025-02-01"), "Sagaing Region", "MMR005", "Yinmarbin District", "Kani", "MMR005027", 1, 0, 1, 1, 0,
         D("2025-02-10"), ["Kani"]),
        (D("2025-03-01"), "Sagaing Region", "MMR005", "Yinmarbin District", "Kani", "MMR005027", 1, 1, 0, 9, 14,
         D("2025-03-20"), ["Kani"]),
    ]


def test_feed_health_reports_failure_streak_new_items_per_day_and_unchanged_share(tracker) -> None:
    sql = ("SELECT feed_id, last_status, last_success_at, failure_streak, polls_7d, failed_polls_7d, new_items_7d,"
           " new_items_per_day, unchanged_share, articles FROM feed_health")
    assert rows(tracker, sql) == [
        ("f2", "failed", T - dt.timedelta(days=3), 2, 3, 2, 2, 0.29, 0.0, 1),
        ("f1", "not_modified", T, 0, 3, 0, 3, 0.43, 0.667, 2),
        ("f3", None, None, 0, 0, 0, 0, 0.0, None, 0),
    ]


def test_pipeline_run_history_reads_the_summary_and_counts_polls_of_crashed_runs(tracker) -> None:
    sql = ("SELECT run_id, status, duration_s, feeds_polled, feeds_failed, articles_new, articles_fetched,"
           " articles_relevant, events_extracted, polls_recorded, polls_failed, new_entries, error"
           " FROM pipeline_run_history")
    assert rows(tracker, sql) == [
        ("run-0", "crashed", None, None, None, None, None, None, None, 2, 0, 0, "killed"),
        ("run-1", "completed", 90.0, 2, 1, 3, 3, 2, 4, 2, 1, 0, None),
    ]


ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp", "source_languages",
                 "review_status"]  # not ACLED's: machine | reviewed | corrected | added (issue 17)


def test_acled_export_has_acled_columns_in_order_and_its_conventions(tracker) -> None:
    result = tracker.execute("FROM acled_export")
    assert [d[0] for d in result.description] == ACLED_COLUMNS
    by_id = {row[0]: dict(zip(ACLED_COLUMNS, row)) for row in result.fetchall()}
    assert len(by_id) == len(EVENTS)
    kani = by_id["MMRE01"]
    assert kani == {
        "event_id_cnty": "MMRE01", "event_date": D("2025-03-30"), "year": 2025, "time_precision": 1,
        "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
        "actor1": PDF["name"], "assoc_actor_1": None, "inter1": 2, "actor2": MIL["name"], "assoc_actor_2": None,
        "inter2": 1, "interaction": 12, "civilian_targeting": "", "iso": 104, "region": "Southeast Asia",
        "country": "Myanmar", "admin1": "Sagaing", "admin2": "Yinmarbin", "admin3": "Kani", "location": "Kani",
        "latitude": 22.4406, "longitude": 94.8353, "geo_precision": 1, "source": "Irrawaddy Chronicle; Mekong Wire",
        "source_scale": None, "notes": "Evidence sentence of e01.", "fatalities": 2, "tags": "",
        "timestamp": int(dt.datetime(2025, 3, 31, 6, tzinfo=UTC).timestamp()), "source_languages": "en",
        "review_status": "machine",
    }
    assert (by_id["MMRE02"]["civilian_targeting"], by_id["MMRE02"]["interaction"]) == ("Civilian targeting", 17)
    assert by_id["MMRE04"]["admin1"] == "Shan-North"
    assert (by_id["CHNE07"]["iso"], by_id["CHNE07"]["country"], by_id["CHNE07"]["region"]) == (156, "China", "East Asia")
    assert (by_id["MMRE10"]["admin1"], by_id["MMRE10"]["geo_precision"], by_id["MMRE10"]["iso"]) == (None, 3, 104)


ANALYSTS_GUIDE = Path(__file__).resolve().parents[1] / "docs" / "analysts.md"


def test_every_question_in_the_analysts_guide_runs(tracker) -> None:
    blocks = re.findall(r"```sql\n(.*?)```", ANALYSTS_GUIDE.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 10
    for sql in blocks:
        tracker.execute(sql).fetchall()  # raises on a query that no longer binds to the views


def test_analysts_guide_describes_every_table_view_and_column(tmp_path: Path) -> None:
    guide = ANALYSTS_GUIDE.read_text(encoding="utf-8")
    headings = " ".join(re.findall(r"^###+ (.*)$", guide, re.M))
    con = connect(tmp_path / "schema.duckdb")
    missing = []
    for (relation,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall():
        if not re.search(rf"\b{relation}\b", headings) and not re.search(rf"\b{relation}:", guide):
            missing.append(relation)
        columns = con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                              [relation]).fetchall()
        missing += [f"{relation}.{c}" for (c,) in columns if not re.search(rf"\b{c}\b", guide)]
    assert missing == []
