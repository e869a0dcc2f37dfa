"""The bulk writers of tasks/db.py let go of their Arrow rows when the statement ends, not at commit.

A registered Arrow table is a catalog entry, and an open transaction keeps a dropped entry, and the rows
it holds, until it commits: dedup writes a backlog in one transaction, so every chunk would stay in memory.
Each writer is called inside an open transaction and the caller's rows must be freed before COMMIT.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

import duckdb
import pyarrow as pa
import pytest

from tasks import db


@pytest.fixture()
def con():
    connection = duckdb.connect()
    connection.execute("CREATE TABLE places (place_id INTEGER PRIMARY KEY, name VARCHAR, kind VARCHAR)")
    connection.execute("INSERT INTO places SELECT i, 'town ' || i, 'town' FROM range(50) r(i)")
    yield connection
    connection.close()


def _rows(first: int, count: int, name: str) -> pa.Table:
    ids = list(range(first, first + count))
    return pa.table({"place_id": pa.array(ids, pa.int32()), "name": [f"{name} {i}" for i in ids],
                     "kind": ["village"] * count})


WRITERS: dict[str, Callable[[duckdb.DuckDBPyConnection, pa.Table], object]] = {
    "insert": lambda c, data: db.insert(c, "places", data),
    "upsert": lambda c, data: db.upsert(c, "places", data, ["place_id"]),
    "merge (the shared store's upsert)": lambda c, data: db._merge(c, "places", data, ["place_id"], ["name", "kind"]),
    "update_rows": lambda c, data: db.update_rows(c, "places", data, ["place_id"]),
}


def _held_until_commit(con: duckdb.DuckDBPyConnection, write: Callable[[duckdb.DuckDBPyConnection, pa.Table], object],
                       first: int, count: int) -> bool:
    """Whether the written Arrow table is still alive, inside the open transaction, once the caller let go.
    (Made here: an argument would stay referenced by the caller's frame for the whole call.)"""
    data = _rows(first, count, "renamed")
    alive = weakref.ref(data)
    con.execute("BEGIN TRANSACTION")
    write(con, data)
    del data
    gc.collect()
    held = alive() is not None
    con.execute("COMMIT")
    return held


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_writer_frees_its_rows_before_the_transaction_commits(con, name) -> None:
    first = 50 if name == "insert" else 40  # insert: new keys only; the others overlap the stored rows
    assert not _held_until_commit(con, WRITERS[name], first, 20)
    expected = {"insert": 70, "upsert": 60, "merge (the shared store's upsert)": 60, "update_rows": 50}[name]
    assert con.execute("SELECT count(*) FROM places").fetchone()[0] == expected
    renamed = con.execute("SELECT count(*) FROM places WHERE name LIKE 'renamed%' AND kind = 'village'").fetchone()[0]
    assert renamed == {"insert": 20, "update_rows": 10}.get(name, 20)


def test_a_registered_table_is_what_the_check_catches(con) -> None:
    """The check can fail: a registration, even dropped, is held by the open transaction."""
    def registered_update(c: duckdb.DuckDBPyConnection, data: pa.Table) -> None:
        with db.registered(c, "_renamed", data) as view:
            c.execute(f"UPDATE places SET name = v.name FROM {view} v WHERE places.place_id = v.place_id")

    assert _held_until_commit(con, registered_update, 0, 10)


def test_update_rows_leaves_rows_without_a_match_and_columns_not_given(con) -> None:
    db.update_rows(con, "places", [{"place_id": 3, "name": "river town"}, {"place_id": 999, "name": "nowhere"}],
                   ["place_id"])
    assert con.execute("SELECT name, kind FROM places WHERE place_id = 3").fetchone() == ("river town", "town")
    assert con.execute("SELECT count(*) FROM places").fetchone()[0] == 50
