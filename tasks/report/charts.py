"""Vega-Lite chart specifications (built with Altair) for the map and the weekly timeline.

The specs carry their data inline, so the page needs nothing but the Vega runtime that render.py inlines.
Colours are fixed per ACLED event type, so the map and the timeline use the same colour for a type.
"""

from __future__ import annotations

from typing import Any

import altair as alt

EVENT_TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Strategic developments": "#2c7fb8",
    "Protests": "#27ae60",
    "Riots": "#7f8c8d",
}
LAND = "#ebe6da"
BORDER = "#ffffff"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def _colour_scale(types: list[str]) -> alt.Scale:
    known = [t for t in EVENT_TYPE_COLOURS if t in types]
    others = sorted(set(types) - set(known))
    domain = known + others
    palette = [EVENT_TYPE_COLOURS.get(t, "#555555") for t in domain]
    return alt.Scale(domain=domain, range=palette)


def _config(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (chart.configure(font=FONT)
            .configure_view(stroke=None)
            .configure_axis(labelFontSize=11, titleFontSize=12, gridColor="#eeeeee")
            .configure_legend(labelFontSize=12, titleFontSize=12, orient="bottom", columns=1, labelLimit=260,
                              symbolType="circle"))


# Myanmar's extent with a margin. Events abroad (talks in Kunming or Beijing) stay in the tables; drawn,
# they would make the projection zoom out until the country is a thumbnail.
MAP_BOUNDS = {"lon": (91.5, 102.0), "lat": (9.0, 29.0)}


def _inside_map(point: dict[str, Any]) -> bool:
    lon, lat = point.get("lon"), point.get("lat")
    return (lon is not None and lat is not None and MAP_BOUNDS["lon"][0] <= lon <= MAP_BOUNDS["lon"][1]
            and MAP_BOUNDS["lat"][0] <= lat <= MAP_BOUNDS["lat"][1])


def map_spec(shapes: dict[str, Any], points: list[dict[str, Any]], aggregated: bool,
             highlight_region: str | None = None) -> dict[str, Any]:
    """States/regions as shapes with labels, events as circles sized by fatalities, coloured by type."""
    abroad = [p for p in points if not _inside_map(p)]
    points = [p for p in points if _inside_map(p)]
    regions = alt.Data(values=shapes["features"])
    region_fill = alt.value(LAND)
    if highlight_region:
        picked = alt.expr.indexof(alt.expr.lower(alt.datum.properties.name), highlight_region.lower()) == 0
        region_fill = alt.condition(picked, alt.value("#ddd2b8"), alt.value("#f3f0e9"))
    land = alt.Chart(regions).mark_geoshape(stroke=BORDER, strokeWidth=1.2).encode(
        fill=region_fill,
        tooltip=[alt.Tooltip("properties.name:N", title="State/region")],
    )
    # Labels are drawn twice, a white halo under the text, so they stay legible over the markers; they
    # go on top of the markers but small and grey, so they do not hide them.
    label = {"longitude": "properties.label_lon:Q", "latitude": "properties.label_lat:Q",
             "text": alt.Text("properties.label:N")}
    halo = alt.Chart(regions).mark_text(fontSize=10, fontWeight=600, stroke="#ffffff", strokeWidth=3,
                                        strokeOpacity=0.8).encode(**label)
    labels = alt.Chart(regions).mark_text(fontSize=10, fontWeight=600, color="#6b6455").encode(**label)
    layers = [land]
    if points:
        types = sorted({p["event_type"] for p in points})
        tooltip = [alt.Tooltip("date:N", title="Date" if not aggregated else "Dates"),
                   alt.Tooltip("event_type:N", title="Type"), alt.Tooltip("location:N", title="Place"),
                   alt.Tooltip("admin1:N", title="State/region"),
                   alt.Tooltip("fatalities:Q", title="Fatalities")]
        tooltip += ([alt.Tooltip("events:Q", title="Events")] if aggregated else
                    [alt.Tooltip("sub_event_type:N", title="Sub-type"), alt.Tooltip("actors:N", title="Actors")])
        events = alt.Chart(alt.Data(values=points)).mark_circle(opacity=0.7, stroke="#ffffff",
                                                                strokeWidth=0.6).encode(
            longitude="lon:Q", latitude="lat:Q",
            size=alt.Size("fatalities:Q", title="Fatalities",
                          scale=alt.Scale(type="sqrt", domainMin=0, range=[30, 900]),
                          legend=alt.Legend(orient="bottom", symbolFillColor="#999999")),
            color=alt.Color("event_type:N", title="Event type", scale=_colour_scale(types)),
            tooltip=tooltip,
        )
        layers.append(events)
    layers += [halo, labels]
    chart = alt.layer(*layers).project(type="mercator").properties(width="container", height=680)
    if abroad:
        chart = chart.properties(title=alt.TitleParams(
            text="", subtitle=f"{len(abroad)} marker(s) for events outside Myanmar are not drawn; see the tables.",
            anchor="start", subtitleColor="#6b6455"))
    return _config(chart).to_dict()


def timeline_spec(weekly: list[dict[str, Any]]) -> dict[str, Any]:
    """Events per week, stacked by event type; each bar spans its week (Monday to Sunday)."""
    import datetime as dt

    values = [{**row, "week": row["week"].isoformat(),
               "week_end": (row["week"] + dt.timedelta(days=7)).isoformat()} for row in weekly]
    types = sorted({row["event_type"] for row in weekly})
    # A bar spanning week..week_end is a ranged mark, which Vega-Lite does not stack: stack explicitly.
    chart = alt.Chart(alt.Data(values=values)).transform_stack(
        stack="events", groupby=["week"], sort=[alt.SortField("event_type")], as_=["events_from", "events_to"],
    ).mark_bar(stroke="#ffffff", strokeWidth=0.4).encode(
        x=alt.X("week:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0, labelOverlap=True,
                                                     tickCount="month")),
        x2="week_end:T",
        y=alt.Y("events_from:Q", title="Events per week"),
        y2="events_to:Q",
        color=alt.Color("event_type:N", title="Event type", scale=_colour_scale(types)),
        tooltip=[alt.Tooltip("week:T", title="Week of", format="%d %b %Y"),
                 alt.Tooltip("event_type:N", title="Type"), alt.Tooltip("events:Q", title="Events"),
                 alt.Tooltip("fatalities:Q", title="Fatalities")],
    ).properties(width="container", height=240)
    return _config(chart).to_dict()
