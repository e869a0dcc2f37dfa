"""The fields an analyst may correct, and how a typed value becomes the stored one (or a clear refusal).

Values are checked against the reference tables the machine codes with (ACLED's types in the
acled_event_types view, actors, gazetteer), so a corrected event joins like any other: an actor is stored
by its canonical name (reviewed_events looks up its id and inter code), a place by its gazetteer id
(reviewed_events fills location, admin1-3, P-codes and coordinates). '' stores "empty".
"""

from __future__ import annotations

import datetime as dt

import duckdb

# field -> how its value is read; the order is the one `review next` and the CSV show
FIELDS: dict[str, str] = {
    "event_type": "event_type", "sub_event_type": "sub_event_type", "event_date": "date",
    "time_precision": "precision", "actor1": "actor", "assoc_actor_1": "text", "actor2": "actor",
    "assoc_actor_2": "text", "civilian_targeting": "civilian", "place": "place", "geo_precision": "precision",
    "fatalities": "count", "injured": "count", "displaced": "count", "arrested": "count", "notes": "text",
}
REQUIRED = {"event_type", "sub_event_type", "event_date"}
CIVILIAN_TARGETING = "Civilian targeting"


class ReviewError(ValueError):
    """A correction that can't be recorded as given: the message says why, for the analyst to fix."""


def normalize(con: duckdb.DuckDBPyConnection, field: str, raw: str | None,
              current: dict | None = None) -> str:
    """The value to store for `field` typed as `raw`; `current` is the event as now reviewed (for checks
    across fields: a corrected event_type must hold the event's sub_event_type)."""
    if field not in FIELDS:
        raise ReviewError(f"unknown field {field!r} (one of: {', '.join(FIELDS)})")
    value = (raw or "").strip()
    if value == "":
        if field in REQUIRED:
            raise ReviewError(f"{field} can't be empty")
        return ""
    kind = FIELDS[field]
    if kind == "count":
        if not value.isdigit():
            raise ReviewError(f"{field} must be a whole number >= 0, not {value!r}")
        return str(int(value))
    if kind == "precision":
        if value not in ("1", "2", "3"):
            raise ReviewError(f"{field} must be 1, 2 or 3, not {value!r}")
        return value
    if kind == "date":
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise ReviewError(f"{field} must be a date YYYY-MM-DD, not {value!r}") from None
    if kind == "civilian":
        if value.lower() not in ("civilian targeting", "yes", "true"):
            raise ReviewError(f"civilian_targeting is 'Civilian targeting' or empty, not {value!r}")
        return CIVILIAN_TARGETING
    if kind == "sub_event_type":
        return _sub_event_type(con, value)
    if kind == "event_type":
        return _event_type(con, value, current)
    if kind == "actor":
        return actor_name(con, value)
    if kind == "place":
        return place_id(con, value)
    return value


def _sub_event_type(con: duckdb.DuckDBPyConnection, value: str) -> str:
    row = con.execute("SELECT sub_event_type FROM acled_event_types WHERE lower(sub_event_type) = lower(?)",
                      [value]).fetchone()
    if row is None:
        raise ReviewError(f"{value!r} is not an ACLED sub-event type (see: mmtrack query \"FROM acled_event_types\")")
    return row[0]


def _event_type(con: duckdb.DuckDBPyConnection, value: str, current: dict | None) -> str:
    rows = con.execute("SELECT event_type, list(sub_event_type) FROM acled_event_types "
                       "WHERE lower(event_type) = lower(?) GROUP BY event_type", [value]).fetchall()
    if not rows:
        raise ReviewError(f"{value!r} is not an ACLED event type")
    event_type, subs = rows[0]
    if current is not None and current.get("sub_event_type") not in subs:
        raise ReviewError(f"sub-event type {current.get('sub_event_type')!r} is not a kind of {event_type}: correct "
                          f"sub_event_type instead (it sets event_type), one of: {', '.join(subs)}")
    return event_type


def actor_name(con: duckdb.DuckDBPyConnection, value: str) -> str:
    """The canonical name of a known actor given by id, name or alias (case-insensitive)."""
    rows = con.execute(
        "SELECT DISTINCT a.name FROM actors a LEFT JOIN actor_aliases x ON x.actor_id = a.actor_id "
        "WHERE lower(a.actor_id) = lower($1) OR lower(a.name) = lower($1) OR lower(x.alias) = lower($1) "
        "ORDER BY 1", [value]).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    if not rows:
        raise ReviewError(f"{value!r} is not a known actor (seeds/actors.csv, actor_aliases.csv): add it to the "
                          "seeds first, or give its id or name")
    raise ReviewError(f"{value!r} names several actors: {'; '.join(r[0] for r in rows)}: give the id")


def place_id(con: duckdb.DuckDBPyConnection, value: str) -> str:
    """A gazetteer place_id given as the id itself, or a name or alias that names one place only."""
    rows = con.execute(
        "SELECT DISTINCT p.place_id, p.level, p.name_en, p.township_name, p.state_name FROM places p "
        "LEFT JOIN place_aliases x ON x.place_id = p.place_id "
        "WHERE upper(p.place_id) = upper($1) OR lower(p.name_en) = lower($1) OR lower(x.alias) = lower($1) "
        "ORDER BY p.place_id", [value]).fetchall()
    exact = [r for r in rows if r[0].upper() == value.upper()]
    if exact or len(rows) == 1:
        return (exact or rows)[0][0]
    if not rows:
        raise ReviewError(f"{value!r} is not in the gazetteer (give a place_id or a name from seeds/places.csv)")
    choices = "; ".join(f"{r[0]} ({r[1]} {r[2]}, {r[3] or '-'}, {r[4] or '-'})" for r in rows[:8])
    raise ReviewError(f"{value!r} names {len(rows)} places, give the place_id: {choices}")


def machine_value(event: dict, field: str) -> str | None:
    """The event's current value of `field` as text, the way corrections store it."""
    value = event.get("place_id") if field == "place" else event.get(field)
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)
