"""The backfill's analysis processes (tasks/analysis_pool.py) give what the in-process stages give."""

from __future__ import annotations

from datetime import date

import pytest

from bench.corpus import corpus
from tasks.analysis_pool import AnalysisPool, analyse
from tasks.settings import get_settings
from tasks.tag import tag_rows


def _rows(count: int) -> list[tuple]:
    """Team-written generated articles (bench/corpus.py), relevant and not, as batch_rows gives them;
    every third has no publication date, so it is dated by when it was first seen."""
    rows = []
    for item in corpus(16, count):
        published = None if item.index % 3 == 0 else item.published_at.date()
        rows.append((f"a{item.index:04d}", item.title, "\n\n".join(item.paragraphs), item.index % 2 == 0,
                     published, date(2025, 1, 2)))
    return rows


def _comparable(tags: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k != "tagged_at"} for row in tags]


@pytest.fixture(scope="module")
def rows() -> list[tuple]:
    return _rows(60)


def test_analyse_tags_everything_and_extracts_only_the_relevant(rows, knowledge) -> None:
    done = analyse(knowledge, rows)
    assert _comparable(done.tags) == _comparable(tag_rows(knowledge, [row[:4] for row in rows]))
    relevant = [row["article_id"] for row in done.tags if row["relevant"]]
    assert 0 < len(relevant) < len(rows)  # the corpus mixes conflict news and other topics
    assert done.extracted == relevant
    assert {event.article_id for event in done.events} <= set(relevant) and done.events
    undated = {row[0] for row in rows if row[4] is None} & set(relevant)
    assert any(e.article_id in undated for e in done.events)


def test_worker_processes_give_the_in_process_result_in_row_order(rows, knowledge) -> None:
    here = analyse(knowledge, rows)
    with AnalysisPool(2, get_settings().seeds_dir) as pool:
        there = pool.analyse(rows)
        assert pool.analyse([]).tags == []
    with AnalysisPool(0, get_settings().seeds_dir, knowledge) as pool:
        assert _comparable(pool.analyse(rows).tags) == _comparable(here.tags)
    assert _comparable(there.tags) == _comparable(here.tags)
    assert there.extracted == here.extracted
    assert [e.to_dict() for e in there.events] == [e.to_dict() for e in here.events]
    assert [f.to_dict() for f in there.figures] == [f.to_dict() for f in here.figures]


def test_a_worker_that_dies_loses_nothing_the_batch_is_done_here(rows, knowledge, monkeypatch) -> None:
    here = analyse(knowledge, rows)
    monkeypatch.setenv("MMTRACK_KILL_AT", "analysis_chunk#1")  # each worker SIGKILLs itself on its first chunk
    with AnalysisPool(2, get_settings().seeds_dir, knowledge) as pool:
        first, second = pool.analyse(rows), pool.analyse(rows[:10])
        assert len(pool.failures) == 1 and "analysis worker died" in pool.failures[0]
    assert _comparable(first.tags) == _comparable(here.tags)
    assert [e.to_dict() for e in first.events] == [e.to_dict() for e in here.events]
    assert _comparable(second.tags) == _comparable(here.tags[:10])


def _stored(tmp_path, name: str, rows: list[tuple]):
    from tasks.db import connect

    con = connect(tmp_path / f"{name}.duckdb")
    for article_id, title, text, _, published, first_seen in rows:
        con.execute("INSERT INTO articles (article_id, canonical_url, url, feed_id, title, text, published_at, "
                    "fetch_status, first_seen_at) VALUES (?, ?, ?, 'test-feed', ?, ?, ?, 'ok', ?)",
                    [article_id, f"https://example.org/{article_id}", f"https://example.org/{article_id}", title,
                     text, published, first_seen])
    return con


def test_an_ingest_backlog_is_tagged_and_extracted_in_workers_as_in_process(rows, knowledge, tmp_path,
                                                                             monkeypatch) -> None:
    """The ingest and reprocess stages hand a backlog to the workers (tasks/analysis_pool.pool_for): the
    database ends the same as when the stage's own process does the work."""
    import tasks.analysis_pool as analysis_pool
    from tasks.extract.store import extract_stage
    from tasks.tag import tag_stage

    monkeypatch.setattr(analysis_pool, "POOL_AT_LEAST", 20)  # the 60 rows are a backlog here
    seeds = get_settings().seeds_dir
    with analysis_pool.pool_for(len(rows), 2, seeds, knowledge) as pool:
        assert pool._pool is not None  # the backlog does go to worker processes
    results = {}
    for name, workers in (("here", 0), ("workers", 2)):
        con = _stored(tmp_path, name, rows)
        tagged = tag_stage(con, knowledge, batch_size=25, workers=workers, seeds_dir=seeds)
        extracted = extract_stage(con, knowledge, batch_size=25, workers=workers, seeds_dir=seeds)
        results[name] = (tagged, extracted,
                         con.execute("SELECT * EXCLUDE (tagged_at) FROM article_tags ORDER BY article_id").fetchall(),
                         con.execute("SELECT * EXCLUDE (extracted_at) FROM events ORDER BY event_id").fetchall())
        con.close()
    assert results["workers"] == results["here"]
    assert results["here"][1]["events"] > 0 and 0 < results["here"][0]["relevant"] < len(rows)
