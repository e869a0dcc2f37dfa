"""The offline demo: its loopback server (tasks/demo_site.py) and the truth of seeds/demo/manifest.json."""

from __future__ import annotations

import csv
import difflib
import email.utils
import json
import sys
import time
import urllib.robotparser
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser
import httpx
import pytest

from tasks.demo_site import DemoSite, feeds_csv_for

DEMO_ROOT = Path(__file__).resolve().parents[1] / "seeds" / "demo"
sys.path.insert(0, str(DEMO_ROOT / "tools"))

import build_site  # noqa: E402
from demo_model import load_articles  # noqa: E402

MANIFEST = json.loads((DEMO_ROOT / "manifest.json").read_text(encoding="utf-8"))
TRACKING_PREFIXES = ("utm_",)
TRACKING_NAMES = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid"}


def canonical(url: str) -> str:
    """The manifest's definition: host lower-cased, fragment dropped, tracking parameters removed."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(TRACKING_PREFIXES) and k.lower() not in TRACKING_NAMES]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, urlencode(query), ""))


@pytest.fixture(scope="module")
def site():
    with DemoSite(root=DEMO_ROOT, hold_seconds=30) as running:
        yield running


@pytest.fixture(scope="module")
def client():
    with httpx.Client(timeout=5) as c:
        yield c


@pytest.fixture(scope="module")
def parsed_feeds(site, client):
    """feed_id -> (registry row, feedparser result) for every feed in the substituted registry."""
    rows = list(csv.DictReader(feeds_csv_for(site).open(encoding="utf-8")))
    out = {}
    for row in rows:
        response = client.get(row["url"])
        parsed = feedparser.parse(response.content, response_headers=dict(response.headers))
        out[row["feed_id"]] = (row, parsed)
    return out


# --- the server ------------------------------------------------------------------------------------

def test_feed_is_served_with_placeholder_replaced_by_base_url(site, client):
    response = client.get(site.url("/mekong-wire/index.rdf"))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/rdf+xml; charset=utf-8"
    assert "{{BASE}}" not in response.text
    assert f"{site.base_url}/mekong-wire/stories/" in response.text


def test_pages_have_html_content_type_and_no_placeholder(site, client):
    response = client.get(site.url(MANIFEST["multi_outlet_stories"][0][0]))
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "{{BASE}}" not in response.text and site.base_url in response.text


def test_matching_etag_gets_304_and_stale_etag_gets_200(site, client):
    url = site.url("/irrawaddy-chronicle/rss.xml")
    first = client.get(url)
    etag = first.headers["etag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    stale = client.get(url, headers={"If-None-Match": '"not-the-current-etag"'})
    assert stale.status_code == 200 and stale.content == first.content


def test_if_modified_since_gets_304_unless_older_than_the_file(site, client):
    url = site.url("/northern-shan-monitor/atom.xml")
    last_modified = client.get(url).headers["last-modified"]
    assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304
    older = email.utils.formatdate(email.utils.parsedate_to_datetime(last_modified).timestamp() - 3600,
                                   usegmt=True)
    assert client.get(url, headers={"If-Modified-Since": older}).status_code == 200


def test_if_none_match_takes_precedence_over_if_modified_since(site, client):
    url = site.url("/northern-shan-monitor/atom.xml")
    last_modified = client.get(url).headers["last-modified"]
    response = client.get(url, headers={"If-None-Match": '"other"', "If-Modified-Since": last_modified})
    assert response.status_code == 200


def test_missing_page_and_path_outside_the_site_are_404(site, client):
    for path in MANIFEST["missing_paths"] + ["/../manifest.json", "/nope/index.html"]:
        assert client.get(site.url(path)).status_code == 404, path


def test_held_open_path_times_out_a_client_with_a_one_second_timeout(site):
    slow = MANIFEST["slow_paths"][0]
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(site.url(slow), timeout=1.0)
    assert time.monotonic() - started < 3
    assert ("GET", slow, None) in site.requests


def test_stopping_the_site_releases_held_requests_at_once():
    with DemoSite(root=DEMO_ROOT, hold_seconds=60) as short_lived:
        with pytest.raises(httpx.ReadTimeout):
            httpx.get(short_lived.url(MANIFEST["slow_paths"][0]), timeout=0.3)
        started = time.monotonic()
    assert time.monotonic() - started < 2


def test_robots_txt_allows_every_path(site, client):
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(client.get(site.url("/robots.txt")).text.splitlines())
    assert parser.can_fetch("mmtrack", site.url(MANIFEST["articles"][0]["path"]))


def test_request_log_records_method_path_and_status(site, client):
    client.head(site.url("/asia-desk-daily/world/rss.xml?utm_source=test"))
    assert ("HEAD", "/asia-desk-daily/world/rss.xml?utm_source=test", 200) in site.requests


def test_registry_has_the_agreed_columns_and_substituted_urls(site):
    path = feeds_csv_for(site)
    with path.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == ["feed_id", "name", "outlet", "url", "language", "enabled",
                                 "poll_interval_minutes", "general", "allow_private"]
    assert all(r["url"].startswith(site.base_url + "/") and r["allow_private"] == "true" for r in rows)
    assert [r["outlet"] for r in rows if r["general"] == "true"] == ["Asia Desk Daily"]


# --- the manifest is true ---------------------------------------------------------------------------

def test_generated_files_match_the_article_sources():
    assert build_site.stale_files(build_site.render_all()) == []


def test_broken_feed_yields_neither_version_nor_entries(parsed_feeds):
    failed = [fid for fid, (_, parsed) in parsed_feeds.items() if not parsed.version and not parsed.entries]
    assert failed == MANIFEST["failed_feed_ids"]
    assert len(parsed_feeds) == MANIFEST["feeds"] and len(failed) == MANIFEST["feeds_failed"]


def test_feeds_cover_rss2_atom_and_rdf(parsed_feeds):
    versions = {parsed.version for _, parsed in parsed_feeds.values()}
    assert {"rss20", "atom10", "rss10"} <= versions


def test_entry_counts_and_duplicates_add_up(parsed_feeds):
    links = [e.link for _, parsed in parsed_feeds.values() for e in parsed.entries]
    per_feed = {fid: len(parsed.entries) for fid, (_, parsed) in parsed_feeds.items() if parsed.entries}
    unique = {canonical(link) for link in links}
    assert per_feed == MANIFEST["entries_per_feed"]
    assert len(links) == MANIFEST["entries"]
    assert len(unique) == MANIFEST["unique_articles"]
    assert len(links) - len(unique) == MANIFEST["duplicate_entries"]
    assert {urlsplit(u).path for u in unique} == {a["path"] for a in MANIFEST["articles"]}


def test_one_story_is_reached_through_links_differing_only_by_tracking_parameters(parsed_feeds):
    links = {e.link for _, parsed in parsed_feeds.values() for e in parsed.entries}
    by_canonical = Counter(canonical(link) for link in links)
    tracked = [link for link in links if "utm_source=" in link and "fbclid=" in link]
    assert tracked and all(by_canonical[canonical(link)] >= 2 for link in tracked)


def test_every_feed_item_carries_title_link_guid_date_summary_author_and_categories(parsed_feeds):
    for fid, (_, parsed) in parsed_feeds.items():
        for e in parsed.entries:
            assert e.title and e.link and e.id and e.summary and e.author and e.tags, (fid, e.get("link"))
            assert e.get("published_parsed") or e.get("updated_parsed"), (fid, e.link)


def test_every_linked_page_exists_except_the_declared_404_and_slow_ones(site, parsed_feeds):
    paths = {urlsplit(e.link).path for _, parsed in parsed_feeds.values() for e in parsed.entries}
    without_file = {p for p in paths if site.resolve(p) is None}
    assert without_file == set(MANIFEST["missing_paths"]) | set(MANIFEST["slow_paths"])
    assert MANIFEST["pages_failed"] == len(without_file)
    assert MANIFEST["pages_ok"] == len(paths) - len(without_file)


def test_relevance_counts_match_the_article_list_and_are_about_two_thirds():
    articles = MANIFEST["articles"]
    assert MANIFEST["relevant"] == sum(a["relevant"] for a in articles)
    assert MANIFEST["relevant"] + MANIFEST["irrelevant"] == MANIFEST["unique_articles"]
    assert 0.55 <= MANIFEST["relevant"] / len(articles) <= 0.75


BURMESE_OUTLETS = ("myethin-news", "taungtan-voice")


def test_pages_are_full_articles_with_dates_and_boilerplate(site, client):
    ok = [a for a in MANIFEST["articles"] if a["page"] == "ok"]
    assert len(ok) >= 36
    for a in ok:
        html = client.get(site.url(a["path"])).text
        assert html.startswith("<!DOCTYPE html>")
        assert f'<meta property="article:published_time" content="{a["published"]}">' in html
        for marker in ('property="og:title"', 'name="description"', "cookie", "newsletter", "comment"):
            assert marker.lower() in html.lower(), (a["path"], marker)
        if a["outlet"] not in BURMESE_OUTLETS:  # Burmese puts spaces between phrases, not words
            assert 300 <= a["words"] <= 900


def _similarity(left: str, right: str) -> float:
    return difflib.SequenceMatcher(None, left.split(), right.split()).ratio()


def _bodies() -> dict[str, str]:
    return {a.path: " ".join(a.body) for a in load_articles(DEMO_ROOT / "src")}


def test_same_event_stories_come_from_different_outlets_in_different_words():
    bodies = _bodies()
    assert len(MANIFEST["multi_outlet_stories"]) >= 3
    for group in MANIFEST["multi_outlet_stories"]:
        assert len({p.split("/")[1] for p in group}) == len(group)
        for i, left in enumerate(group):
            for right in group[i + 1:]:
                similarity = _similarity(bodies[left], bodies[right])
                assert similarity < 0.5, (left, right, similarity)


def test_wire_copies_are_light_edits_of_the_wire_story():
    bodies = _bodies()
    (group,) = MANIFEST["wire_copies"]
    original = next(p for p in group if p.startswith("/mekong-wire/"))
    copies = [p for p in group if p != original]
    assert len({p.split("/")[1] for p in copies}) == 2
    for copy in copies:
        similarity = _similarity(bodies[original], bodies[copy])
        assert 0.85 < similarity < 1.0, (copy, similarity)
