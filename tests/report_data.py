"""Invented events for report tests: any number of unique events at real town coordinates, loaded the way
the pipeline loads them (articles, events, then the real deduplication stage), so every view sees them.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from tasks.db import connect
from tasks.dedup import dedup_stage
from tasks.settings import PROJECT_ROOT

PLACES_CSV = PROJECT_ROOT / "seeds" / "places.csv"

# The event columns the invented rows fill, in events and in event_clusters alike.
_COLUMNS = """event_type, sub_event_type, event_date, time_precision, actor1, actor2, place_id, location,
              country_iso, admin1, admin1_pcode, admin2, admin2_pcode, admin3, admin3_pcode, latitude,
              longitude, geo_precision, fatalities, notes"""

# (event_type, sub_event_type, actor1, actor2, fatality multiplier): a rough mix of what the war looks like.
KINDS = [
    ("Battles", "Armed clash", "Arakan Army", "Military Forces of Myanmar (2021-)", 3),
    ("Explosions/Remote violence", "Air/drone strike", "Military Forces of Myanmar (2021-)", "Civilians", 5),
    ("Battles", "Non-state actor overtakes territory", "Kachin Independence Army",
     "Military Forces of Myanmar (2021-)", 2),
    ("Violence against civilians", "Attack", "Pyu Saw Htee", "Civilians", 1),
    ("Strategic developments", "Agreement", "Myanmar National Democratic Alliance Army",
     "Military Forces of Myanmar (2021-)", 0),
    ("Protests", "Peaceful protest", "Protesters", None, 0),
]


def load_events(db_path: Path, count: int, first_day: str = "2024-01-01", days: int = 540,
                *, run_dedup: bool = True) -> Path:
    """Create the database with `count` invented events; returns db_path.

    run_dedup: cluster them with the real deduplication stage (as the pipeline does); False writes one
    cluster per event directly, for 50,000 events in seconds rather than a minute.
    """
    con = connect(db_path)
    try:
        con.execute("""INSERT INTO feeds (feed_id, name, outlet, url, enabled, poll_interval_minutes, general,
                       allow_private, in_registry) VALUES ('invented', 'Invented Wire', 'Invented Wire',
                       'https://wire.example.org/rss.xml', true, 15, false, false, true) ON CONFLICT DO NOTHING""")
        con.execute(f"""CREATE TEMP TABLE towns AS
            SELECT row_number() OVER (ORDER BY place_id) - 1 AS k, *
            FROM read_csv('{PLACES_CSV}', all_varchar = true) WHERE level = 'town'""")
        con.execute("CREATE TEMP TABLE kinds (k INTEGER, event_type VARCHAR, sub_event_type VARCHAR,"
                    " actor1 VARCHAR, actor2 VARCHAR, toll INTEGER)")
        con.executemany("INSERT INTO kinds VALUES (?, ?, ?, ?, ?, ?)",
                        [(i, *kind) for i, kind in enumerate(KINDS)])
        con.execute(f"""CREATE TEMP TABLE invented AS
            SELECT i, 'ev' || lpad(i::VARCHAR, 8, '0') AS event_id, 'art' || lpad(i::VARCHAR, 8, '0') AS article_id,
                   DATE '{first_day}' + ((i * 7919) % {days})::INTEGER AS event_date,
                   t.*, kd.event_type, kd.sub_event_type, kd.actor1, kd.actor2,
                   (((i * 37) % 11) * kd.toll)::INTEGER AS fatalities
            FROM range({count}) r(i)
            JOIN towns t ON t.k = (i * 104729) % (SELECT count(*) FROM towns)
            JOIN kinds kd ON kd.k = (i * 13) % {len(KINDS)}""")
        _insert_rows(con)
        if run_dedup:
            dedup_stage(con)
        else:
            _one_cluster_per_event(con, columns=_COLUMNS)
    finally:
        con.close()
    return db_path


def _insert_rows(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""INSERT INTO articles (article_id, canonical_url, url, feed_id, title, first_seen_at,
                   fetch_status, published_at)
        SELECT article_id, 'https://wire.example.org/story/' || i, 'https://wire.example.org/story/' || i,
               'invented', 'Invented report ' || i, event_date + INTERVAL 1 DAY, 'ok', event_date + INTERVAL 1 DAY
        FROM invented""")
    values = """event_type, sub_event_type, event_date, 1, actor1, actor2, place_id, name_en, 'MMR', state_name,
                state_pcode, district_name, district_pcode, township_name, township_pcode,
                latitude::DOUBLE, longitude::DOUBLE, 1, fatalities,
                'Invented report: ' || sub_event_type || ' in ' || name_en || '.'"""
    con.execute(f"""INSERT INTO events (event_id, article_id, {_COLUMNS}, figure_scope, extractor_version,
                    extracted_at)
        SELECT event_id, article_id, {values}, 'event', 'test', now() FROM invented""")


def _one_cluster_per_event(con: duckdb.DuckDBPyConnection, columns: str) -> None:
    """event_clusters/event_cluster_links rows as tasks/dedup writes them for events that merge with nothing."""
    con.execute(f"""INSERT INTO event_clusters BY NAME
        SELECT 'cl' || event_id AS cluster_id, event_id AS representative_event_id, {columns},
               1 AS num_events, 1 AS num_articles, 1 AS num_stories, 1 AS num_sources, event_id AS row_hash,
               'test' AS method_version, now() AS updated_at
        FROM events WHERE extractor_version = 'test'""")
    con.execute("""INSERT INTO event_cluster_links BY NAME
        SELECT e.event_id, 'cl' || e.event_id AS cluster_id, 1.0 AS join_score, e.article_id,
               a.published_at AS reported_at, e.event_id AS fingerprint, 'test' AS method_version
        FROM events e JOIN articles a USING (article_id) WHERE e.extractor_version = 'test'""")
