"""Analysts' corrections (issue 17): recorded through the single writer, anchored so they survive a
reprocess with changed seeds, orphans listed, the CSV round trip, and review beside a running ingest.

The articles are team-written; the real tagger, extractor and dedup stage code them (tasks.pipeline).
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from mmtrack.cli import main
from tasks import db as database
from tasks import pipeline
from tasks.review import store
from tasks.review.fields import ReviewError
from tasks.settings import PROJECT_ROOT

ARTICLES = {  # key: (outlet, published, title, text)
    "alpha-strike": ("Alpha", datetime(2024, 3, 6, 4, tzinfo=timezone.utc), "Jets strike village in Kani",
                     "A Myanmar military airstrike killed seven civilians in Su Lay Kone village in Kani Township, "
                     "Sagaing Region, on Tuesday, residents said. The jets hit the village at noon as families "
                     "gathered for a ceremony. Two children were among the dead, a volunteer said."),
    "beta-strike": ("Beta", datetime(2024, 3, 6, 9, tzinfo=timezone.utc), "Seven dead after air raid in Sagaing",
                    "Seven villagers were killed when military aircraft bombed Su Lay Kone village in Kani Township "
                    "on Tuesday, a local resistance group said. Houses were destroyed and more than ten people were "
                    "wounded, according to rescuers."),
    "gamma-capture": ("Gamma", datetime(2024, 3, 8, 5, tzinfo=timezone.utc), "KIA takes outpost near Bhamo",
                      "The Kachin Independence Army captured a military outpost near Bhamo in Kachin State on "
                      "Thursday after two days of fighting, a spokesman for the group said. Three soldiers were "
                      "captured alive."),
    "beta-capture": ("Beta", datetime(2024, 3, 8, 9, tzinfo=timezone.utc), "KIA seizes junta outpost near Bhamo",
                     "The Kachin Independence Army seized an army outpost outside Bhamo in Kachin State on "
                     "Monday night, residents said. The resistance group has besieged the town since December in "
                     "its offensive against the military regime."),
    "alpha-clash": ("Alpha", datetime(2024, 3, 10, 5, tzinfo=timezone.utc), "Fighting in Loikaw",
                    "Fighting broke out between the Karenni Nationalities Defense Force and regime troops in Loikaw, "
                    "Kayah State, on Saturday, the resistance group said, adding that four soldiers were killed."),
    "beta-protest": ("Beta", datetime(2024, 3, 11, 5, tzinfo=timezone.utc), "Protest in Mandalay",
                     "Hundreds of people marched against military rule in Mandalay on Sunday, chanting slogans and "
                     "carrying banners, witnesses said. The march ended peacefully."),
}
PICTURE = ("SELECT event_date, sub_event_type, location, fatalities, actor1, actor2, num_articles, review_status "
           "FROM reviewed_events ORDER BY ALL")


def article_id(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def edited_seeds(target: Path, edit) -> Path:
    """A copy of seeds/ whose event lexicon is changed by `edit(rows) -> rows`."""
    shutil.copytree(PROJECT_ROOT / "seeds", target, ignore=shutil.ignore_patterns("demo"))
    lexicon = target / "event_lexicon.csv"
    with lexicon.open(newline="", encoding="utf-8") as handle:
        rows = edit(list(csv.reader(handle)))
    with lexicon.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return target


def _shelling(rows: list[list[str]]) -> list[list[str]]:
    """Old, wrong rules: aircraft and airstrikes coded as shelling."""
    wrong = ("airstrike", "military aircraft", "bombed")
    return [r[:1] + ["Explosions/Remote violence", "Shelling/artillery/missile attack"] + r[3:] if r[0] in wrong else r
            for r in rows]


def build(db: Path) -> None:
    con = database.connect(db)
    database.upsert(con, "feeds", [{"feed_id": o.lower(), "name": o, "outlet": o,
                                    "url": f"https://{o.lower()}.example/rss",
                                    "enabled": True, "poll_interval_minutes": 30, "general": False,
                                    "allow_private": False, "in_registry": True} for o in ("Alpha", "Beta", "Gamma")],
                    ["feed_id"])
    database.upsert(con, "articles", [{
        "article_id": article_id(key), "canonical_url": f"https://{outlet.lower()}.example/{key}",
        "url": f"https://{outlet.lower()}.example/{key}", "feed_id": outlet.lower(), "title": title,
        "first_seen_at": published, "fetch_status": "ok", "text": text, "published_at": published, "language": "en",
        "content_hash": hashlib.sha256(text.encode()).hexdigest()} for key, (outlet, published, title, text)
        in ARTICLES.items()], ["article_id"])
    con.close()
    pipeline.tag_stage(db)
    pipeline.extract_stage(db)
    pipeline.dedup_stage(db)


def reprocess(db: Path) -> None:
    """What the reprocess flow runs, without Prefect: every article again, clusters rebuilt."""
    pipeline.tag_stage(db, True)
    pipeline.extract_stage(db, True)
    pipeline.dedup_stage(db, True)


@pytest.fixture(scope="module")
def old_rules_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("review")
    seeds = edited_seeds(root / "seeds_old", _shelling)
    old = os.environ.get("MMTRACK_SEEDS_DIR")
    os.environ["MMTRACK_SEEDS_DIR"] = str(seeds)
    try:
        build(root / "base.duckdb")
    finally:
        if old is None:
            os.environ.pop("MMTRACK_SEEDS_DIR")
        else:
            os.environ["MMTRACK_SEEDS_DIR"] = old
    return root / "base.duckdb"


@pytest.fixture
def db(old_rules_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MMTRACK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MMTRACK_REVIEWER", "tester")
    path = tmp_path / "review.duckdb"
    shutil.copy(old_rules_db, path)
    return path


def events(db: Path) -> dict[str, dict]:
    """location:sub_event_type -> the reviewed event row."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        cursor = con.execute("SELECT * FROM reviewed_events")
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, r)) for r in cursor.fetchall()]
    finally:
        con.close()
    return {f"{r['location']}:{r['sub_event_type']}:{r['event_date']:%d}": r for r in rows}


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def review(db: Path, *args: str) -> int:
    return main(["review", *args, "--db", str(db)])


def test_corrections_survive_a_reprocess_with_changed_seeds(db: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    before = events(db)
    strike = before["Su Lay Kone:Shelling/artillery/missile attack:05"]
    assert len(strike["member_event_ids"]) == 2  # both outlets' reports, one event
    captures = [k for k in before if k.startswith("Bhamo:Non-state actor overtakes territory")]
    assert len(captures) == 2  # told as Thursday and as Monday night: three days apart, the machine keeps them apart
    assert review(db, "correct", strike["event_id"][:10], "sub_event_type", "air/drone strike", "--why", "jets") == 0
    assert review(db, "correct", strike["event_id"][:10], "fatalities", "6") == 0
    assert review(db, "merge", before[captures[0]]["event_id"], before[captures[1]]["event_id"]) == 0
    beta_report = [m for m in strike["member_event_ids"]
                   if rows(db, f"SELECT article_id FROM events WHERE event_id = '{m}'")[0][0]
                   == article_id("beta-strike")]
    assert review(db, "split", strike["event_id"], beta_report[0], "--why", "a second raid") == 0
    split_off = rows(db, f"SELECT event_id FROM reviewed_events WHERE member_event_ids = ['{beta_report[0]}']")[0][0]
    assert review(db, "correct", split_off, "sub_event_type", "Air/drone strike") == 0
    assert review(db, "reject", before["Mandalay:Peaceful protest:10"]["event_id"], "--why", "not armed conflict") == 0
    assert review(db, "add", "--set", "event_date=2024-03-06", "--set", "sub_event_type=Armed clash",
                  "--set", "actor1=KIA", "--set", "actor2=Military Forces of Myanmar (2021-)",
                  "--set", "place=MMR001010701", "--article", article_id("gamma-capture")) == 0
    reviewed = rows(db, PICTURE)
    statuses = sorted(r[-1] for r in reviewed)
    assert statuses == ["added", "corrected", "corrected", "corrected", "machine"]
    assert ("Air/drone strike", "Su Lay Kone", 6) in [r[1:4] for r in reviewed]
    assert not [r for r in reviewed if r[1] == "Peaceful protest"]

    # new rules: aircraft are air strikes again (every strike mention gets a new event id), and "marched"
    # is no longer a trigger (the rejected protest is no longer extracted at all)
    new_seeds = edited_seeds(tmp_path / "seeds_new", lambda rows: [r for r in rows if r[0] != "marched"])
    monkeypatch.setenv("MMTRACK_SEEDS_DIR", str(new_seeds))
    reprocess(db)
    now = {r[0] for r in rows(db, "SELECT event_id FROM events")}
    assert not set(strike["member_event_ids"]) & now, "the new seeds give the strike reports new ids"
    assert not rows(db, f"SELECT 1 FROM unique_events WHERE event_id = '{strike['event_id']}'")  # and the event
    assert rows(db, PICTURE) == reviewed  # the corrected picture is unchanged

    con = database.connect(db)
    try:  # the id the analyst used before the reprocess still finds the strike
        assert store.find_event(con, strike["event_id"])["fatalities"] == 6
    finally:
        con.close()
    orphans = rows(db, "SELECT kind, target_event_id FROM orphaned_corrections")
    assert orphans == [("reject", before["Mandalay:Peaceful protest:10"]["event_id"])]
    assert review(db, "list") == 0
    assert "ORPHANED: 1 correction" in capsys.readouterr().out
    # the machine now codes the strike right: accuracy counts it right, the toll still wrong
    checks = dict(rows(db, "SELECT field, correct FROM review_field_checks WHERE field IN ('sub_event_type', "
                           "'fatalities')"))
    assert checks == {"sub_event_type": True, "fatalities": False}
    export = rows(db, "SELECT sub_event_type, fatalities, review_status FROM acled_export "
                      "WHERE review_status <> 'machine'")
    assert ("Air/drone strike", 6, "corrected") in export


def test_refused_corrections_say_why_and_write_nothing(db: Path) -> None:
    strike = events(db)["Su Lay Kone:Shelling/artillery/missile attack:05"]["event_id"]
    con = database.connect(db)
    try:
        for args, message in [((strike, "fatalities", "seven"), "whole number"),
                              ((strike, "event_date", "2024-02-30"), "YYYY-MM-DD"),
                              ((strike, "actor1", "Nobody In Particular"), "not a known actor"),
                              ((strike, "sub_event_type", "Skirmish"), "not an ACLED sub-event type"),
                              ((strike, "event_type", "Battles"), "correct sub_event_type instead"),
                              (("0000000000", "fatalities", "1"), "no event"),
                              ((strike, "fatalities", "7"), "already")]:
            with pytest.raises(ReviewError, match=message):
                store.build_correct(con, *args)
        assert con.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0
    finally:
        con.close()


def _export(db: Path, tmp_path: Path) -> tuple[list[str], list[dict]]:
    sheet = tmp_path / "queue.csv"
    assert review(db, "export", "--out", str(sheet)) == 0
    with sheet.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def _write(path: Path, header: list[str], sheet_rows: list[dict], raw_lines: tuple[str, ...] = ()) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sheet_rows)
        handle.writelines(line + "\n" for line in raw_lines)
    return path


def test_csv_round_trip_turns_edited_cells_into_corrections(db: Path, tmp_path: Path) -> None:
    header, sheet = _export(db, tmp_path)
    assert len(sheet) == 5 and {"event_id", "decision", "fatalities", "evidence"} <= set(header)
    by_place = {r["location"] + r["event_date"]: r for r in sheet}
    by_place["Su Lay Kone2024-03-05"] |= {"decision": "correct", "fatalities": "6",
                                          "sub_event_type": "Air/drone strike",
                                          "why": "two reports, the lower toll"}
    by_place["Loikaw2024-03-09"]["decision"] = "confirm"
    by_place["Mandalay2024-03-10"]["decision"] = "reject"
    assert review(db, "import", str(_write(tmp_path / "edited.csv", header, sheet))) == 0
    made = rows(db, "SELECT kind, field, value FROM corrections ORDER BY kind, field")
    assert made == [("confirm", None, None), ("correct", "fatalities", "6"),
                    ("correct", "sub_event_type", "Air/drone strike"), ("reject", None, None)]
    assert sorted(r[0] for r in rows(db, "SELECT review_status FROM reviewed_events")) == [
        "corrected", "machine", "machine", "reviewed"]


def test_malformed_csv_rows_are_refused_one_by_one_and_nothing_is_half_applied(db: Path, tmp_path: Path,
                                                                               capsys) -> None:
    header, sheet = _export(db, tmp_path)
    good, bad_date, bad_actor, merge_alone, unknown = sheet[:5]
    good["decision"] = "confirm"                                             # line 2: fine
    bad_date |= {"decision": "correct", "event_date": "5/3/2024"}             # line 3
    bad_actor |= {"decision": "correct", "actor1": "Nobody In Particular", "fatalities": "-1"}  # line 4: two reasons
    merge_alone["decision"] = "merge"                                        # line 5: no merge_into
    unknown |= {"decision": "approve"}                                       # line 6
    extra = ",".join(["0123456789abcdef", "confirm"] + [""] * len(header))  # line 7: more cells than the header
    path = _write(tmp_path / "bad.csv", header, [good, bad_date, bad_actor, merge_alone, unknown], (extra,))

    assert review(db, "import", str(path)) == 2
    err = capsys.readouterr().err
    for line, reason in [(3, "YYYY-MM-DD"), (4, "not a known actor"), (4, "whole number"), (5, "merge_into"),
                         (6, "'approve' is not one of"), (7, "more cells than the header")]:
        assert any(f"bad.csv:{line}: refused" in row and reason in row for row in err.splitlines()), (line, err)
    assert "bad.csv:2:" not in err
    assert rows(db, "SELECT count(*) FROM corrections") == [(0,)]  # all or nothing by default

    latin = tmp_path / "latin.csv"
    latin.write_bytes(path.read_bytes() + "\n,add,caf\xe9\n".encode("latin-1"))
    assert review(db, "import", str(latin)) == 2
    assert "latin.csv:9: refused: not UTF-8 text" in capsys.readouterr().err

    assert review(db, "import", str(path), "--skip-bad") == 2  # the good row goes in, the bad ones are still listed
    assert rows(db, "SELECT kind FROM corrections") == [("confirm",)]
    assert (tmp_path / "bad.csv").exists()


def test_withdrawn_corrections_stop_applying(db: Path) -> None:
    strike = events(db)["Su Lay Kone:Shelling/artillery/missile attack:05"]["event_id"]
    con = database.connect(db)
    try:
        correction = store.build_decision(con, "reject", strike)
        store.record(con, [correction], "tester")
        assert con.execute("SELECT count(*) FROM reviewed_events").fetchone()[0] == 4
        store.withdraw(con, correction.correction_id)
        assert con.execute("SELECT count(*) FROM reviewed_events").fetchone()[0] == 5
        assert con.execute("SELECT status FROM corrections").fetchall() == [("withdrawn",)]
    finally:
        con.close()


def test_marking_an_article_not_relevant_drops_its_reports(db: Path) -> None:
    assert review(db, "relevance", article_id("beta-strike"), "not-relevant") == 0
    strike = events(db)["Su Lay Kone:Shelling/artillery/missile attack:05"]
    assert strike["num_articles"] == 1 and strike["sources"] == ["Alpha"]


def test_the_report_marks_reviewed_events_and_counts_them(db: Path, tmp_path: Path) -> None:
    from tasks.report import write_report

    strike = events(db)["Su Lay Kone:Shelling/artillery/missile attack:05"]["event_id"]
    assert review(db, "correct", strike, "fatalities", "6") == 0
    html = write_report(db, tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'id="reviewed"><b>1</b><span>of the 5 events reviewed by an analyst' in html
    assert 'class="tag reviewed"' in html


INGEST = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tasks import pipeline
    from tasks.demo_site import DemoSite
    from tasks.settings import PROJECT_ROOT, get_settings
    root = PROJECT_ROOT / "seeds" / "demo"
    with DemoSite(root=root, hold_seconds=1) as site:
        summary = pipeline.run_ingest(pipeline.new_run_id(), Path(sys.argv[1]), root / "feeds.csv", get_settings(),
                                      force=True, base_url=site.base_url)
    print("ingested", summary["articles_fetched"], summary["unique_events"])
""")


def test_reviews_made_while_an_ingest_runs_are_all_kept(db: Path, tmp_path: Path) -> None:
    """Two real processes on one database file: the demo ingest, and an analyst adding events meanwhile."""
    env = {**os.environ, "MMTRACK_PER_HOST_INTERVAL": "0", "MMTRACK_READ_TIMEOUT": "1", "MMTRACK_RETRIES": "0",
           "MMTRACK_REQUEST_DEADLINE": "3", "MMTRACK_BATCH_SIZE": "5", "PYTHONPATH": str(PROJECT_ROOT)}
    ingest = subprocess.Popen([sys.executable, "-c", INGEST, str(db)], env=env, cwd=PROJECT_ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    mmtrack = [sys.executable, "-m", "mmtrack.cli", "review"]
    added = during = 0
    try:
        while ingest.poll() is None or added < 3:
            during += ingest.poll() is None
            done = subprocess.run([*mmtrack, "add", "--set", f"event_date=2024-04-{added + 1:02d}", "--set",
                                   "sub_event_type=Armed clash", "--set", "place=MMR001010701", "--db", str(db)],
                                  env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stderr
            added += 1
        out, err = ingest.communicate(timeout=300)
    finally:
        ingest.kill()
    assert ingest.returncode == 0, err
    assert out.startswith("ingested")
    assert during >= 2, "the reviews should overlap the ingest"
    assert rows(db, "SELECT count(*) FROM corrections WHERE kind = 'add'") == [(added,)]
    assert rows(db, "SELECT count(*) FROM reviewed_events WHERE review_status = 'added'") == [(added,)]
    demo_events = rows(db, "SELECT count(*) FROM reviewed_events WHERE review_status = 'machine'")[0][0]
    assert demo_events > 10  # the ingest's events are there too


def test_review_next_shows_the_coded_fields_beside_the_evidence(db: Path, capsys) -> None:
    assert review(db, "next") == 0
    out = capsys.readouterr().out
    assert out.startswith("event ") and "worth " in out
    columns = [line.split(" |", 1) for line in out.splitlines() if " |" in line]
    assert columns[0] == ["CODED FIELDS".ljust(58), " EVIDENCE"]
    assert any(left.startswith("fatalities") for left, _ in columns)
    assert any(right.startswith(" \u201c") for _, right in columns)  # a quoted evidence sentence beside them


def test_accuracy_from_reviews_says_when_there_is_nothing_to_measure(db: Path, monkeypatch) -> None:
    from bench import eval_reviews

    monkeypatch.setenv("MMTRACK_REVIEW_DB", str(db.with_name("absent.duckdb")))
    [(figure, value, target)] = eval_reviews.evaluate()
    assert "no database" in figure and (value, target) == (0, ">= 1")  # a FAIL row, not a pass
    monkeypatch.setenv("MMTRACK_REVIEW_DB", str(db))
    assert eval_reviews.evaluate()[0][1] == 0  # a database without reviews: 0 reviewed events, FAIL
    strike = events(db)["Su Lay Kone:Shelling/artillery/missile attack:05"]["event_id"]
    assert review(db, "correct", strike, "fatalities", "6") == 0
    figures = {figure: value for figure, value, _ in eval_reviews.evaluate()}
    assert figures["reviews.fatalities accuracy"] == 0.0 and figures["reviews.actor1 accuracy"] == 1.0
