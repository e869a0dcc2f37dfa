"""The seeds as DuckDB reference tables (places, aliases, actors, the event lexicon), for analysts' joins:
replaced whole from the loaded knowledge the tags and events were made with."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from tasks.db import insert, transaction
from tasks.knowledge import Knowledge


def _reference_tables(knowledge: Knowledge) -> dict[str, pa.Table]:
    places = [vars(p).copy() for p in knowledge.places.values()]
    actors = [
        {k: (list(v) if k == "alliances" else v) for k, v in vars(a).items()}
        for a in knowledge.actors.values()
    ]
    return {
        "places": pa.Table.from_pylist(places),
        "place_aliases": pa.Table.from_pylist(
            [{"place_id": p, "alias": a} for p, a in knowledge.place_aliases],
            schema=pa.schema([("place_id", pa.string()), ("alias", pa.string())]),
        ),
        "actors": pa.Table.from_pylist(actors),
        "actor_aliases": pa.Table.from_pylist(
            [vars(a) for a in knowledge.actor_aliases],
            schema=pa.schema([("actor_id", pa.string()), ("alias", pa.string()),
                              ("needs_myanmar_context", pa.bool_()), ("case_sensitive", pa.bool_())]),
        ),
        "event_lexicon": pa.Table.from_pylist(
            [vars(t) for t in knowledge.triggers.values()],
            schema=pa.schema([("trigger", pa.string()), ("event_type", pa.string()),
                              ("sub_event_type", pa.string()), ("signal", pa.string()),
                              ("weight", pa.float64())]),
        ),
    }


def sync_reference_tables(con: duckdb.DuckDBPyConnection, knowledge: Knowledge) -> None:
    """Replace the rows of the reference tables with the loaded seeds, in one transaction."""
    tables = _reference_tables(knowledge)
    with transaction(con):
        for name, table in tables.items():
            con.execute(f"DELETE FROM {name}")
            insert(con, name, table)
