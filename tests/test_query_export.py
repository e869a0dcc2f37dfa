"""`mmtrack query` and `mmtrack export` on a small known database (the fixture of test_views)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from mmtrack.cli import main
from tasks.settings import PROJECT_ROOT
from tests.test_views import ACLED_COLUMNS, EVENTS, build_tracker_db


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "published" / "mmtrack.duckdb"
    build_tracker_db(path).close()
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_query_prints_a_table_with_a_row_count(db: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "query", "SELECT admin3, events_30d FROM active_fronts LIMIT 2", "--db", str(db))
    assert code == 0
    assert out.splitlines() == [
        "+--------+------------+",
        "| admin3 | events_30d |",
        "+--------+------------+",
        "| Kani   | 2          |",
        "| Lashio | 2          |",
        "+--------+------------+",
        "(2 rows)",
    ]


def test_query_csv_has_a_header_and_lists_as_json(db: Path, capsys) -> None:
    sql = "SELECT event_id, change, sources FROM territory_changes"
    code, out, _ = run_cli(capsys, "query", sql, "--db", str(db), "--format", "csv")
    assert code == 0
    assert list(csv.reader(io.StringIO(out))) == [
        ["event_id", "change", "sources"],
        ["e05", "taken", '["Irrawaddy Chronicle"]'],
        ["e04", "retaken", '["Irrawaddy Chronicle"]'],
        ["e06", "retaken", '["Irrawaddy Chronicle"]'],
    ]


def test_query_json_gives_objects_with_iso_dates(db: Path, capsys) -> None:
    sql = "SELECT event_date, agreement_kind, mediator, parties FROM agreements WHERE mediator IS NOT NULL"
    code, out, _ = run_cli(capsys, "query", sql, "--db", str(db), "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {"event_date": "2025-01-18", "agreement_kind": "ceasefire", "mediator": "China",
         "parties": ["Military Forces of Myanmar (2021-)", "MNDAA: Myanmar National Democratic Alliance Army"]},
        {"event_date": "2025-03-15", "agreement_kind": "ceasefire", "mediator": "Thailand",
         "parties": ["KNU/KNLA: Karen National Union/Karen National Liberation Army",
                     "Military Forces of Myanmar (2021-)"]},
    ]


def test_query_as_of_sets_the_tracking_date(db: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "query", "FROM tracking_as_of", "--db", str(db), "--format", "json",
                           "--as-of", "2025-03-01")
    assert code == 0
    assert json.loads(out) == [{"as_of_date": "2025-03-01", "as_of_basis": "variable mmtrack_as_of"}]


def test_query_is_read_only(db: Path, capsys) -> None:
    code, _, err = run_cli(capsys, "query", "DELETE FROM feeds", "--db", str(db))
    assert code == 2
    assert "read-only" in err
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM feeds").fetchone()[0] == 3


def test_query_reads_the_published_copy_by_default(db: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("MMTRACK_PUBLISHED_DB", str(db))
    code, out, _ = run_cli(capsys, "query", "SELECT count(*) AS n FROM unique_events", "--format", "csv")
    assert (code, out) == (0, f"n\n{len(EVENTS)}\n")


def test_query_without_a_database_says_how_to_get_one(tmp_path: Path, capsys) -> None:
    code, _, err = run_cli(capsys, "query", "SELECT 1", "--db", str(tmp_path / "missing.duckdb"))
    assert code == 2
    assert "no database at" in err and "mmtrack demo" in err


def test_export_csv_and_parquet_open_in_duckdb_with_acled_columns(db: Path, tmp_path: Path, capsys) -> None:
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"acled.{fmt}"
        code, _, err = run_cli(capsys, "export", "--view", "acled_export", "--format", fmt, "--out", str(out),
                               "--db", str(db))
        assert code == 0, err
        reader = "read_csv" if fmt == "csv" else "read_parquet"
        with duckdb.connect() as con:
            result = con.execute(f"SELECT * FROM {reader}(?) ORDER BY event_id_cnty", [str(out)])
            assert [d[0] for d in result.description] == ACLED_COLUMNS
            exported = result.fetchall()
        assert len(exported) == len(EVENTS)
        assert exported[0][:3] == ("CHNE07", dt.date(2025, 1, 18), 2025)
        assert not list(tmp_path.glob(".*.tmp"))  # the staging file was swapped in, not left behind


def assert_rfc7946_feature_collection(document: dict) -> None:
    """The parts of RFC 7946 an exporter can get wrong: structure, Point coordinates, ranges, no 'crs'."""
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document
    assert isinstance(document["features"], list)
    for feature in document["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_export_geojson_is_a_valid_feature_collection_of_located_events(db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "acled.geojson"
    code, _, err = run_cli(capsys, "export", "--view", "acled_export", "--format", "geojson", "--out", str(out),
                           "--db", str(db))
    assert code == 0
    assert "skipped 1 rows without valid coordinates" in err  # the country-level protest has none
    document = json.loads(out.read_text(encoding="utf-8"))
    assert_rfc7946_feature_collection(document)
    assert len(document["features"]) == len(EVENTS) - 1
    kani = next(f for f in document["features"] if f["properties"]["event_id_cnty"] == "MMRE01")
    assert kani["geometry"]["coordinates"] == [94.8353, 22.4406]  # longitude first
    assert kani["properties"]["event_date"] == "2025-03-30"
    assert "latitude" not in kani["properties"]


def test_export_refuses_unknown_views_and_views_without_coordinates(db: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run_cli(capsys, "export", "--view", "nope; DROP TABLE feeds", "--format", "csv",
                           "--out", str(tmp_path / "x.csv"), "--db", str(db))
    assert code == 2 and "no view or table named" in err
    code, _, err = run_cli(capsys, "export", "--view", "feed_health", "--format", "geojson",
                           "--out", str(tmp_path / "x.geojson"), "--db", str(db))
    assert code == 2 and "latitude and longitude" in err
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "x.geojson").exists()


def test_query_command_is_fast_and_never_imports_prefect(db: Path) -> None:
    script = ("import sys; from mmtrack.cli import main; code = main(['query', 'FROM tracking_as_of', '--db', "
              f"{str(db)!r}]); assert 'prefect' not in sys.modules, 'prefect imported'; sys.exit(code)")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          timeout=60)
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert "latest report" in done.stdout
    assert elapsed < 3.0, f"mmtrack query took {elapsed:.2f} s"
