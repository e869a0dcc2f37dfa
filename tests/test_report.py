"""The HTML report: numbers from the views, filters, empty and 50,000-event databases, the CLI, and the
page opened in a real headless Chromium with no network (console errors, requests, rendered charts)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tasks.db import connect
from tasks.report import write_report
from tasks.settings import PROJECT_ROOT
from tests.cdp_browser import Browser, chromium_path
from tests.report_data import load_events

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
ALL_CHARTS_DRAWN = """(() => {
  const charts = Array.from(document.querySelectorAll('.chart'));
  const svgs = charts.map(c => c.querySelector('svg')).filter(Boolean);
  return svgs.length === charts.length && charts.length > 0
    && svgs.map(s => { const r = s.getBoundingClientRect(); return [s.parentElement.parentElement.id, r.width, r.height]; });
})()"""


@pytest.fixture(autouse=True)
def _cache_in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    # one cache for the whole session: the Vega bundle takes seconds to build the first time
    monkeypatch.setenv("MMTRACK_REPORT_CACHE", str(tmp_path_factory.getbasetemp() / "report-cache"))


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load_events(tmp_path_factory.mktemp("small") / "small.duckdb", 240)


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    connect(path).close()
    return path


def _view_value(db: Path, sql: str) -> object:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def _figure(html: str, label: str) -> str:
    match = re.search(r"<b>([\d,]+)</b><span>" + re.escape(label), html)
    assert match, f"no figure labelled {label}"
    return match.group(1)


def test_headline_figures_are_the_views_numbers(small_db: Path, tmp_path: Path) -> None:
    html = write_report(small_db, tmp_path / "r.html").read_text(encoding="utf-8")
    events = _view_value(small_db, "SELECT sum(events) FROM events_by_day")
    fatalities = _view_value(small_db, "SELECT sum(fatalities) FROM events_by_day")
    assert events == _view_value(small_db, "SELECT count(*) FROM unique_events") > 0
    assert _figure(html, "unique events") == f"{events:,}"
    assert _figure(html, "reported fatalities") == f"{fatalities:,}"
    assert "No events yet" not in html


def test_latest_events_list_fifty_with_source_links(small_db: Path, tmp_path: Path) -> None:
    html = write_report(small_db, tmp_path / "r.html").read_text(encoding="utf-8")
    latest = html.split('id="latest"')[1].split("</section>")[0]
    assert latest.count("<li>") == 50
    newest_url = _view_value(small_db, """SELECT source_urls[1] FROM unique_events
                                           ORDER BY event_date DESC, last_reported_at DESC, event_id LIMIT 1""")
    assert f'href="{newest_url}"' in latest


def test_region_and_since_filters_narrow_every_count(small_db: Path, tmp_path: Path) -> None:
    html = write_report(small_db, tmp_path / "r.html", since="2025-01-01", region="shan").read_text(
        encoding="utf-8")
    expected = _view_value(small_db, """SELECT sum(events) FROM events_by_day
        WHERE event_date >= DATE '2025-01-01' AND admin1 ILIKE 'Shan%'""")
    assert 0 < expected < _view_value(small_db, "SELECT count(*) FROM unique_events")
    assert _figure(html, "unique events") == f"{expected:,}"
    fronts = html.split('id="fronts"')[1].split("</section>")[0]
    assert "Shan State" in fronts and "Sagaing Region" not in fronts


def test_empty_database_gives_a_clear_no_events_page(empty_db: Path, tmp_path: Path) -> None:
    html = write_report(empty_db, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "No events yet" in html
    assert 'id="figures"' not in html and 'id="timeline"' not in html
    assert 'id="feeds"' in html  # feed health still says what the feeds delivered


def test_page_loads_nothing_from_outside_the_file(small_db: Path, tmp_path: Path) -> None:
    html = write_report(small_db, tmp_path / "r.html").read_text(encoding="utf-8")
    markup = re.sub(r"<script[^>]*>.*?</script>", "<script></script>", html, flags=re.DOTALL)
    assert markup.count("<script></script>") == html.count("</script>") >= 2  # inline scripts only
    assert not re.search(r"<(script|img|iframe|link|source|video|audio)[^>]+(src|href)=", markup, re.IGNORECASE)
    assert "@import" not in html and "url(http" not in html
    assert "default-src 'none'" in html  # and the browser would refuse any fetch anyway


def test_fifty_thousand_events_aggregate_the_map_and_stay_small(tmp_path: Path) -> None:
    db = load_events(tmp_path / "big.duckdb", 50_000, run_dedup=False)
    html_path = write_report(db, tmp_path / "big.html")
    size_mb = html_path.stat().st_size / 1e6
    html = html_path.read_text(encoding="utf-8")
    assert size_mb < 3.0, f"report is {size_mb:.1f} MB"
    note = re.search(r"([\d,]+) located events shown as ([\d,]+) markers", html)
    assert note and note.group(1) == "50,000" and int(note.group(2).replace(",", "")) < 5000
    assert "Showing 20 of" in html  # long tables say what they leave out


def test_cli_writes_the_report_without_importing_prefect(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.html"
    code = ("import sys; from mmtrack.cli import main; rc = main(sys.argv[1:]); "
            "assert 'prefect' not in sys.modules, 'prefect imported'; sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code, "report", "--out", str(out), "--db", str(small_db),
                             "--region", "Sagaing"], capture_output=True, text=True, cwd=PROJECT_ROOT,
                            env={**os.environ}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "report written to" in result.stdout and out.exists()


def test_cli_reports_a_missing_database_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from mmtrack.cli import main

    assert main(["report", "--out", str(tmp_path / "r.html"), "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no database at" in capsys.readouterr().err


# ---- in a real browser ---------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(chromium_path() is None,
                                    reason="chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline demo ingested without Prefect, as `make run` does with it."""
    from tasks import pipeline
    from tasks.demo_site import DemoSite
    from tasks.settings import get_settings

    home = tmp_path_factory.mktemp("demo")
    env = {"MMTRACK_DATA_DIR": str(home), "MMTRACK_PER_HOST_INTERVAL": "0", "MMTRACK_READ_TIMEOUT": "2",
           "MMTRACK_REQUEST_DEADLINE": "5", "MMTRACK_RETRIES": "0", "MMTRACK_PER_HOST_CONCURRENCY": "8"}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        db = home / "mmtrack.duckdb"
        with DemoSite(root=PROJECT_ROOT / "seeds" / "demo", port=0) as site:
            pipeline.run_ingest(pipeline.new_run_id(), db, PROJECT_ROOT / "seeds" / "demo" / "feeds.csv",
                                get_settings(), force=True, base_url=site.base_url)
    return db


def _open_and_check(report: Path, shot: Path, width: int) -> dict:
    with Browser(chromium_path()) as browser:
        browser.open(report, width=width)
        drawn = browser.wait_for(ALL_CHARTS_DRAWN)
        browser.screenshot(shot)
        overflow = browser.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        log = browser.log
    assert log.console_errors == []
    assert log.requests == [report.resolve().as_uri()], "the page asked for something beyond itself"
    assert all(w > 100 and h > 100 for _, w, h in drawn), drawn
    assert overflow <= 0, f"page is {overflow}px wider than a {width}px screen"
    return {element: (w, h) for element, w, h in drawn}


@needs_chromium
@pytest.mark.integration
def test_demo_report_renders_map_and_timeline_in_chromium(demo_db: Path, tmp_path: Path) -> None:
    report = write_report(demo_db, tmp_path / "demo.html")
    drawn = _open_and_check(report, ARTIFACTS / "report-demo.png", width=1280)
    assert "map" in drawn
    if _view_value(demo_db, "SELECT count(*) FROM unique_events"):
        assert "timeline" in drawn
    _open_and_check(report, ARTIFACTS / "report-demo-phone.png", width=390)


@needs_chromium
@pytest.mark.integration
def test_empty_report_renders_cleanly_in_chromium(empty_db: Path, tmp_path: Path) -> None:
    report = write_report(empty_db, tmp_path / "empty.html")
    drawn = _open_and_check(report, ARTIFACTS / "report-empty.png", width=1280)
    assert set(drawn) == {"map"}
