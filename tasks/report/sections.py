"""The report's table sections: which view each one reads, which of its columns, filtered how.

One Section per table on the page. The SQL only selects, filters, orders and limits a view's rows: the
numbers themselves are the view's. `date_column`/`region_column` say how the report's --since and
--region apply to that view (None: the filter does not apply, and the page says so).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

    from tasks.report.data import Filters, Table


class MissingViews(RuntimeError):
    """The database lacks the views the report cannot do without (not an mmtrack database, or too old)."""

    def __init__(self, views: list[str]) -> None:
        super().__init__(f"the database has no view {', '.join(views)}: open it read-write once with a "
                         "current mmtrack (any ingest) so the views are created, or use the published copy")
        self.views = views


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    view: str
    columns: tuple[tuple[str, str], ...]    # (SQL expression over the view, column label)
    order_by: str
    date_column: str | None = "event_date"
    region_column: str | None = "admin1"
    pcode_column: str | None = "admin1_pcode"
    limit: int = 100
    note: str = ""

    def load(self, con: "duckdb.DuckDBPyConnection", filters: "Filters", views: set[str]) -> "Table":
        from tasks.report.data import Table, event_filter

        labels = [label for _, label in self.columns]
        table = Table(self.key, self.title, self.view, labels, note=self.note)
        if self.view not in views:
            table.missing = True
            table.note = f"The view {self.view} is not in this database."
            return table
        where, params = event_filter(filters, self.date_column or "", self.region_column or "",
                                     self.pcode_column)
        select = ", ".join(expression for expression, _ in self.columns)
        # One pass over the view (some views are costly): the rows and, beside each, the total matched.
        rows = con.execute(
            f"SELECT {select}, count(*) OVER () FROM {self.view} WHERE {where} "
            f"ORDER BY {self.order_by} LIMIT {self.limit}", params).fetchall()
        table.rows = [row[:-1] for row in rows]
        total = rows[0][-1] if rows else 0
        if total > self.limit:
            table.note = " ".join(filter(None, [table.note, f"Showing {self.limit} of {total:,} rows."]))
        return table


def _links(expression: str) -> str:
    """A column the renderer shows as links: a list of {'label', 'url'} structs."""
    return f"list_transform({expression}, lambda u: {{'label': NULL, 'url': u}})"


SECTIONS: tuple[Section, ...] = (
    Section(
        key="fronts", title="Active fronts", view="active_fronts",
        columns=(("admin3", "Township"), ("admin1", "State/region"), ("events_30d", "30 days"),
                 ("events_prev_30d", "30 before"), ("trend_30d", "Trend"), ("events_90d", "90 days"),
                 ("fatalities_30d", "Killed (30 d)"), ("last_event_date", "Last event"),
                 ("last_sub_event_type", "Last event type")),
        order_by="events_30d DESC, events_90d DESC, last_event_date DESC, admin3_pcode",
        date_column=None, pcode_column=None, limit=20,
        note="Townships with events in the 90 days up to the tracking date, by events in the last 30 days "
             "(trend: against the 30 days before). Not limited by the report's start date.",
    ),
    Section(
        key="territory", title="Territory changes", view="territory_changes",
        columns=(("event_date", "Date"), ("change", "Change"), ("location", "Place"), ("township", "Township"),
                 ("admin1", "State/region"), ("taken_by", "Taken by"), ("taken_from", "Taken from"),
                 ("fatalities", "Fatalities"), (_links("source_urls"), "Sources")),
        order_by="event_date DESC, location, event_id", limit=60,
    ),
    Section(
        key="agreements", title="Agreements and ceasefires", view="agreements",
        columns=(("event_date", "Date"), ("agreement_kind", "Kind"), ("array_to_string(parties, ', ')", "Parties"),
                 ("mediator", "Mediator"), ("concat_ws(', ', location, admin1)", "Place"), ("status", "Status"),
                 ("fighting_since_date", "Fighting since"), (_links("source_urls"), "Sources")),
        order_by="event_date DESC, event_id", pcode_column=None, limit=60,
    ),
    Section(
        key="displacement", title="Displacement: latest figure per area", view="displacement_latest",
        columns=(("area_name", "Area"), ("area_level", "Level"), ("admin1", "State/region"),
                 ("latest_date", "Reported"), ("latest_displaced", "Displaced"), ("latest_scope", "Scope"),
                 ("latest_cumulative", "Latest cumulative"), ("latest_new", "Latest new"),
                 ("reports", "Reports"), (_links("latest_source_urls"), "Sources")),
        order_by="latest_date DESC, latest_displaced DESC, area_place_id",
        date_column=None, pcode_column=None, limit=60,
        note="Cumulative totals (everyone displaced so far) and new displacement (one event or episode) "
             "are different measures and are never added together.",
    ),
    Section(
        key="displacement_reports", title="Displacement figures as reported", view="displacement_figures",
        columns=(("reported_date", "Reported"), ("coalesce(area_name, 'unspecified')", "Area"),
                 ("admin1", "State/region"), ("displaced", "Displaced"), ("scope", "Scope"),
                 ("source_kind", "From"), (_links("source_urls"), "Sources")),
        order_by="reported_date DESC, displaced DESC, source_id",
        date_column="reported_date", pcode_column=None, limit=40,
    ),
    Section(
        key="languages", title="Events by language of the reports", view="events_by_language",
        columns=(("month", "Month"), ("language", "Language"), ("events", "Events"), ("articles", "Articles"),
                 ("fatalities", "Fatalities")),
        order_by="month DESC, language", date_column="month", region_column=None, pcode_column=None, limit=60,
        note="en: reported only in English; my: only in Burmese; both: in both languages. "
             "Not limited by the report's region.",
    ),
    Section(
        key="feeds", title="Feed health", view="feed_health",
        columns=(("name", "Feed"), ("outlet", "Outlet"), ("last_status", "Last status"),
                 ("last_success_at", "Last success"), ("failure_streak", "Failures in a row"),
                 ("polls_7d", "Polls (7 d)"), ("new_items_per_day", "New items/day"),
                 ("round(100 * unchanged_share)::INTEGER", "Unchanged %"), ("articles", "Articles"),
                 ("last_error", "Last error")),
        order_by="failure_streak DESC, name", date_column=None, region_column=None, pcode_column=None,
        limit=200, note="Not limited by the report's period or region.",
    ),
)
