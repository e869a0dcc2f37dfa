"""Freshness (issue 16): updated stories re-extracted with history, adaptive intervals, sitemap-kind
registry entries, feeds flagged after 403s or empty answers, the politeness contact."""

from __future__ import annotations

from pathlib import Path

from tasks import pipeline
from tasks.adaptive import AdaptivePolicy
from tasks.feeds import read_registry
from tasks.settings import default_user_agent
from tests.conftest import query_rows, write_registry
from tests.loopback import LoopbackSite, Reply
from tests.news_site import page

TOWN_STORY = [
    "Military aircraft bombed a village in Kani Township, Sagaing Region, on Tuesday, killing {killed} civilians "
    "and wounding at least 9 others, residents said on Wednesday.",
    "The strike came two days after the People's Defence Force attacked a junta outpost near Kani, a resident "
    "who asked not to be named said. Several houses and a school were destroyed in the bombing.",
    "More than 2,000 people have fled the area since the fighting began, according to local aid groups, who "
    "said food and medicine were running short in the camps.",
    "The regime's information team did not respond to requests for comment. State media said troops had "
    "repelled an attack by 'terrorists' in the area but did not mention civilian casualties.",
]


def _atom(base: str, updated: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Outlet</title>'
            f'<id>{base}/</id><updated>{updated}</updated><entry><title>Airstrike on Kani village</title>'
            f'<link href="{base}/news/kani.html"/><id>{base}/?p=7</id><published>2024-01-10T08:00:00Z</published>'
            f"<updated>{updated}</updated><summary>Airstrike on a village in Kani Township.</summary></entry></feed>"
            ).encode()


def _ingest(db: Path, registry: Path, settings) -> dict:
    return pipeline.run_ingest(pipeline.new_run_id(), db, registry, settings, force=True)


def test_republished_article_with_a_higher_toll_replaces_its_events_and_keeps_history(tmp_path, settings) -> None:
    db = tmp_path / "t.duckdb"
    state = {"killed": 5, "updated": "2024-01-10T08:00:00Z"}
    with LoopbackSite() as site:
        site.route("/feed", lambda _r: Reply(200, _atom(site.base_url, state["updated"]),
                                             {"Content-Type": "application/atom+xml"}))
        site.route("/news/kani.html", lambda _r: Reply(200, page("Airstrike on Kani village", [
            p.format(killed=state["killed"]) for p in TOWN_STORY]), {"Content-Type": "text/html; charset=utf-8"}))
        site.static("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain")
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        _ingest(db, registry, settings)
        first = query_rows(db, "SELECT max(fatalities) FROM events WHERE figure_scope = 'event'")
        state |= {"killed": 40, "updated": "2024-01-10T15:30:00Z"}  # "death toll rises to 40"
        summary = _ingest(db, registry, settings)
        page_hits = site.hits("/news/kani.html")
    assert first == [(5,)]
    assert summary["articles_refetched"] == 1 and summary["articles_revised"] == 1 and page_hits == 2
    assert query_rows(db, "SELECT max(fatalities) FROM events WHERE figure_scope = 'event'") == [(40,)]
    revisions = query_rows(db, "SELECT revision, fatalities_before, fatalities_after FROM fatality_revisions")
    assert revisions == [(0, 5, 40)]
    assert query_rows(db, "SELECT revision FROM articles") == [(1,)]
    assert query_rows(db, "SELECT sum(fatalities) FROM unique_events") == [(40,)]


def test_unchanged_entry_is_not_fetched_again(tmp_path, settings) -> None:
    db = tmp_path / "u.duckdb"
    with LoopbackSite() as site:
        site.route("/feed", lambda _r: Reply(200, _atom(site.base_url, "2024-01-10T08:00:00Z")))
        site.static("/news/kani.html", page("Airstrike", [p.format(killed=5) for p in TOWN_STORY]))
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "outlet", "url": site.url("/feed")}])
        _ingest(db, registry, settings)
        summary = _ingest(db, registry, settings)
        assert site.hits("/news/kani.html") == 1 and summary["articles_refetched"] == 0


def test_adaptive_intervals_over_a_simulated_month_of_polls() -> None:
    """A busy feed (new items on 9 polls in 10) settles at the floor, a dormant one (one item a week)
    at the ceiling, and a dormant feed that wakes goes straight back to its registry interval."""
    policy = AdaptivePolicy(floor_minutes=5, ceiling_minutes=240)

    def month(found_new) -> list[tuple[int, str]]:  # noqa: ANN001 - (poll number, last poll, now) -> bool
        clock, last, interval, novelty, seen = 0.0, -1.0, None, None, []
        while clock < 30 * 24 * 60:
            interval, novelty, why = policy.next(15, interval, novelty, found_new(len(seen), last, clock))
            seen.append((interval, why))
            last, clock = clock, clock + interval
        return seen

    week = 7 * 24 * 60
    busy = month(lambda n, _last, _now: n % 10 != 0)
    dormant = month(lambda _n, last, now: last >= 0 and int(now // week) > int(last // week))
    assert busy[-1][0] == 5 and "floor" in busy[-1][1]
    assert len(busy) > 30 * 24 * 60 / 15  # more polls than a fixed 15 minutes
    assert max(i for i, _ in dormant) == 240 and len(dormant) < 30 * 24 * 60 / 15 / 5
    waking = [(i, why) for i, why in dormant if "quiet spell" in why]
    assert waking and all(i == 15 for i, _ in waking)


def test_sitemap_entry_is_polled_like_a_feed_and_403s_get_flagged(tmp_path, settings, monkeypatch) -> None:
    monkeypatch.setenv("MMTRACK_DEAD_FEED_POLLS", "3")
    db = tmp_path / "s.duckdb"
    with LoopbackSite() as site:
        news = (f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/'
                f'schemas/sitemap-news/0.9"><url><loc>{site.base_url}/news/kani.html</loc><news:news>'
                "<news:publication_date>2024-01-10T08:00:00Z</news:publication_date><news:title>Airstrike on Kani"
                "</news:title></news:news></url></urlset>").encode()
        index = (f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{site.base_url}/'
                 "old.xml</loc><lastmod>2023-01-01</lastmod></sitemap><sitemap><loc>" + site.base_url +
                 "/news.xml</loc><lastmod>2024-01-10</lastmod></sitemap></sitemapindex>").encode()
        site.static("/sitemap_index.xml", index, "application/xml", ETag='"i1"')
        site.static("/news.xml", news, "application/xml")
        site.static("/news/kani.html", page("Airstrike on Kani", [p.format(killed=5) for p in TOWN_STORY]))
        site.route("/blocked", lambda _r: Reply(403, b"forbidden"))
        registry = tmp_path / "feeds.csv"
        write_registry(registry, [{"feed_id": "nofeed", "url": site.url("/sitemap_index.xml")},
                                  {"feed_id": "blocked", "url": site.url("/blocked")}])
        text = registry.read_text().splitlines()  # add the optional kind column to one row only
        registry.write_text("\n".join([text[0] + ",kind", text[1] + ",sitemap", text[2]]) + "\n")
        assert [s.kind for s in read_registry(registry)] == ["sitemap", "rss"]
        for _ in range(3):
            _ingest(db, registry, settings)
        assert site.hits("/old.xml") == 0 and site.hits("/news.xml") == 1  # then the index answers 304
    assert query_rows(db, "SELECT title, fetch_status FROM articles") == [("Airstrike on Kani", "ok")]
    health = dict(query_rows(db, "SELECT feed_id, flag_reason FROM feed_health"))
    assert health["nofeed"] is None
    assert health["blocked"].startswith("HTTP 403") and "3 polls in a row" in health["blocked"]
    interval = query_rows(db, "SELECT interval_minutes, interval_reason FROM feed_health WHERE feed_id = 'blocked'")
    assert interval[0][0] == 240 and "flagged" in interval[0][1]


def test_user_agent_carries_the_contact_only_when_set(monkeypatch) -> None:
    from tasks.settings import get_settings

    monkeypatch.delenv("MMTRACK_USER_AGENT", raising=False)
    monkeypatch.delenv("MMTRACK_CONTACT", raising=False)
    unset = get_settings()
    assert "example.org" not in unset.user_agent and unset.contact_warning()
    monkeypatch.setenv("MMTRACK_CONTACT", "mailto:ops@tracker.test")
    assert get_settings().user_agent == default_user_agent("mailto:ops@tracker.test")
    assert "+mailto:ops@tracker.test" in get_settings().user_agent and get_settings().contact_warning() is None
