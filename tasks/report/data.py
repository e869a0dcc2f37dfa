"""Everything the report shows, read from the analyst views of a DuckDB file opened read-only.

Every number on the page comes from a view in sql/views (unique_events and the 1xx tracking views);
this module only filters (period, state/region), orders and limits their rows, and for the weekly
timeline sums the view's daily counts into weeks. A view missing from the file (an old published copy)
leaves its section empty with a note instead of failing the whole report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from tasks.db import dict_rows
from tasks.report import sections

# Above this many events the map shows one marker per place and event type instead of one per event,
# which keeps the file small (and the map readable) at 50,000 events.
MAX_MAP_EVENTS = 2500
LATEST_EVENTS = 50


@dataclass(frozen=True)
class Filters:
    since: dt.date | None = None
    region: str | None = None      # state/region name prefix ("Shan" = all three Shan states) or P-code

    def describe(self) -> str:
        parts = [f"since {self.since.isoformat()}" if self.since else "all dates"]
        parts.append(f"region matching “{self.region}”" if self.region else "all states and regions")
        return ", ".join(parts)


@dataclass
class Table:
    """One table section: its view, column labels and rows, plus a note when something is left out."""

    key: str
    title: str
    view: str
    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    note: str = ""
    missing: bool = False


@dataclass
class MapPoints:
    rows: list[dict[str, Any]]
    events: int                    # events these markers stand for
    aggregated: bool               # True: one marker per place and event type


@dataclass
class ReportData:
    db_path: Path
    filters: Filters
    as_of: dt.date | None
    totals: dict[str, Any]
    weekly: list[dict[str, Any]]
    map_points: MapPoints
    latest: list[dict[str, Any]]
    tables: list[Table]
    missing_views: list[str]

    @property
    def has_events(self) -> bool:
        return bool(self.totals.get("events"))


def _views(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {name for (name,) in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}




def event_filter(filters: Filters, date_column: str = "event_date", region_column: str = "admin1",
                 pcode_column: str | None = "admin1_pcode") -> tuple[str, list[Any]]:
    """A WHERE clause (always valid, 'TRUE' when unfiltered) and its parameters."""
    clauses, params = ["TRUE"], []
    if filters.since and date_column:
        clauses.append(f"{date_column} >= ?")
        params.append(filters.since)
    if filters.region and region_column:
        match = f"starts_with(lower({region_column}), lower(?))"
        params.append(filters.region)
        if pcode_column:
            match = f"({match} OR {pcode_column} = ?)"
            params.append(filters.region.upper())
        clauses.append(match)
    return " AND ".join(clauses), params


def _totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    where, params = event_filter(filters)
    return dict_rows(con, f"""
        SELECT coalesce(sum(events), 0)::BIGINT AS events,
               coalesce(sum(fatalities), 0)::BIGINT AS fatalities,
               coalesce(sum(civilian_targeting_events), 0)::BIGINT AS civilian_targeting_events,
               count(DISTINCT admin1) AS regions,
               min(event_date) AS first_date, max(event_date) AS last_date
        FROM events_by_day WHERE {where}""", params)[0]


def _weekly(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict[str, Any]]:
    where, params = event_filter(filters)
    return dict_rows(con, f"""
        SELECT date_trunc('week', event_date)::DATE AS week, event_type,
               sum(events)::BIGINT AS events, sum(fatalities)::BIGINT AS fatalities
        FROM events_by_day WHERE {where}
        GROUP BY ALL ORDER BY week, event_type""", params)


def _events_view(views: set[str]) -> str:
    """reviewed_events (analysts' corrections applied) when the file has it; an older copy has only unique_events."""
    return "reviewed_events" if "reviewed_events" in views else "unique_events"


def _reviewed(con: duckdb.DuckDBPyConnection, filters: Filters, views: set[str]) -> int | None:
    """How many of the shown events an analyst reviewed (confirmed, corrected or added); None: no review views."""
    if "reviewed_events" not in views:
        return None
    where, params = event_filter(filters)
    return con.execute(f"SELECT count(*) FROM reviewed_events WHERE review_status <> 'machine' AND {where}",
                       params).fetchone()[0]


def _map_points(con: duckdb.DuckDBPyConnection, filters: Filters, view: str = "unique_events") -> MapPoints:
    where, params = event_filter(filters)
    where += " AND latitude IS NOT NULL AND longitude IS NOT NULL"
    located = con.execute(f"SELECT count(*) FROM {view} WHERE {where}", params).fetchone()[0]
    if located <= MAX_MAP_EVENTS:
        rows = dict_rows(con, f"""
            SELECT event_date::VARCHAR AS date, event_type, sub_event_type, location, admin1,
                   round(latitude, 4) AS lat, round(longitude, 4) AS lon, fatalities, 1 AS events,
                   concat_ws(' v ', actor1, actor2) AS actors
            FROM {view} WHERE {where} ORDER BY fatalities DESC, event_date""", params)
        return MapPoints(rows, located, aggregated=False)
    rows = dict_rows(con, f"""
        SELECT min(event_date)::VARCHAR || ' – ' || max(event_date)::VARCHAR AS date, event_type,
               NULL AS sub_event_type, any_value(location) AS location, any_value(admin1) AS admin1,
               round(latitude, 1) AS lat, round(longitude, 1) AS lon,
               sum(fatalities)::BIGINT AS fatalities, count(*) AS events, NULL AS actors
        FROM {view} WHERE {where}
        GROUP BY round(latitude, 1), round(longitude, 1), event_type ORDER BY fatalities DESC""", params)
    return MapPoints(rows, located, aggregated=True)


def _latest(con: duckdb.DuckDBPyConnection, filters: Filters, views: set[str] = frozenset()) -> list[dict[str, Any]]:
    """The newest events with each member article's outlet and URL, for the source links (and, with the
    review views, whether an analyst reviewed the event)."""
    reviewed = "reviewed_events" in views
    members = ("LEFT JOIN reviewed_members rm ON rm.reviewed_event_id = l.event_id "
               "LEFT JOIN event_cluster_members m ON m.member_event_id = rm.member_event_id") if reviewed else (
        "LEFT JOIN event_cluster_members m ON m.event_id = l.event_id")
    where, params = event_filter(filters, date_column="u.event_date", region_column="u.admin1",
                                 pcode_column="u.admin1_pcode")
    rows = dict_rows(con, f"""
        WITH latest AS (
            SELECT * FROM {_events_view(views)} u WHERE {where}
            ORDER BY event_date DESC, last_reported_at DESC NULLS LAST, event_id LIMIT {LATEST_EVENTS})
        SELECT l.event_id, l.event_date, l.event_type, l.sub_event_type, l.location, l.admin1,
               l.actor1, l.actor2, l.fatalities, l.num_sources, l.notes,
               {'l.review_status' if reviewed else "'machine'"} AS review_status,
               list_sort(list_distinct(list({{'outlet': m.outlet, 'url': m.url}})
                   FILTER (WHERE m.url IS NOT NULL))) AS links
        FROM latest l {members}
        GROUP BY ALL ORDER BY l.event_date DESC, l.event_id""", params)
    return rows


def load_report_data(db_path: Path, filters: Filters) -> ReportData:
    """Read the report's content; the file is opened read-only, so a running pipeline is never blocked."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        con.execute("SET enable_progress_bar = false")  # a report writes to a file, not a terminal
        views = _views(con)
        needed = {"unique_events", "event_cluster_members", "events_by_day", "tracking_as_of"}
        absent = sorted(needed - views)
        if absent:
            raise sections.MissingViews(absent)
        as_of = con.execute("SELECT as_of_date FROM tracking_as_of").fetchone()[0]
        tables = [section.load(con, filters, views) for section in sections.SECTIONS]
        return ReportData(
            db_path=db_path, filters=filters, as_of=as_of,
            totals=_totals(con, filters) | {"reviewed_events": _reviewed(con, filters, views)},
            weekly=_weekly(con, filters), map_points=_map_points(con, filters, _events_view(views)),
            latest=_latest(con, filters, views),
            tables=tables, missing_views=sorted({t.view for t in tables if t.missing}),
        )
    finally:
        con.close()
