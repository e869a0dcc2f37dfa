"""Batch ids handed to DuckDB as one string parameter select exactly the rows a list parameter would."""

import duckdb
import pytest

from tasks.sql_ids import IDS, id_list


@pytest.fixture()
def con():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (article_id VARCHAR)")
    con.execute("INSERT INTO t VALUES ('a1'), ('b2'), ('c3'), ('')")
    yield con
    con.close()


@pytest.mark.parametrize("ids", [[], ["a1"], ["a1", "c3"], ["c3", "zz", "a1"], ["b2", "b2"]])
def test_same_rows_as_a_list_parameter(con, ids):
    by_string = con.execute(f"SELECT article_id FROM t WHERE article_id IN {IDS} ORDER BY 1", [id_list(ids)]).fetchall()
    by_list = con.execute("SELECT article_id FROM t WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY 1",
                          [ids]).fetchall()
    assert by_string == by_list


def test_an_empty_batch_selects_nothing_not_the_empty_id(con):
    assert con.execute(f"SELECT count(*) FROM t WHERE article_id IN {IDS}", [id_list([])]).fetchone()[0] == 0


@pytest.mark.parametrize("ids", [["a\x1fb"], [""]])
def test_an_id_that_cannot_be_carried_is_refused(ids):
    with pytest.raises(ValueError):
        id_list(ids)
