"""Freshness (issue 16): a simulated day of the 15-minute schedule against feeds that publish through it.

Eight loopback feeds publish through a day as outlets do (two busy ones every ~25 minutes from 06:00 to
22:00, three every ~2 hours from 05:00 to 23:00, three dormant ones twice a day at any hour), and two are
dead as real registry entries are (one answers 403, one an empty feed). The busy and the two-hourly feeds
declare the night hours they never publish in (RSS skipHours), truthfully, as some outlets' feeds do.
The schedule runs every 15 simulated minutes. The clock is simulated (the pipeline's `utc_now` is pointed
at it; everything else, HTTP, DuckDB, the published copy, is real), so a day takes minutes.

- adaptive polling with the default settings (ceiling at the schedule, dead feeds slowed, skipHours
  honoured), whole ingests: median minutes from an item appearing in its feed to its events being in the
  analysts' copy (target <= 20), polls saved against fixed polling (target >= 0.1) and items found later
  than by fixed polling (target 0);
- fixed 15-minute polling, polls only, declarations ignored: the baseline (polls made, first seen);
- the trade-off of a longer ceiling (60 min), polls only: more polls saved, and a quiet live feed's next
  item found later. No target: that is the choice ops make with MMTRACK_POLL_CEILING_MINUTES.

    .venv/bin/python -m bench.bench_freshness
"""

from __future__ import annotations

import email.utils
import html
import random
import statistics
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb

from bench.corpus import article
from bench.harness import Row, bench_environment
from bench.site import render_page

DAY = datetime(2025, 3, 3, 0, 0, tzinfo=timezone.utc)
SCHEDULE_MIN = 15
TARGET_MEDIAN_MIN = 20.0
# (feed count, mean minutes between items, first hour, last hour, RSS skipHours the feed declares)
PROFILES = [(2, 25, 6, 22, (23, 0, 1, 2, 3, 4, 5)), (3, 120, 5, 23, (0, 1, 2, 3, 4)), (3, 720, 0, 24, ())]
DEAD_FEEDS = 2  # after the live ones: the first answers 403, the second an empty feed


@dataclass(frozen=True)
class Item:
    feed: int
    index: int
    appears: datetime


def schedule_items(seed: int = 16) -> list[Item]:
    """Items of the day and of the day before (a real feed is never empty at midnight: it still lists
    yesterday's items), relevant conflict stories only (those have events to wait for)."""
    rng, items, feed, index = random.Random(seed), [], 0, 0
    for count, gap, first, last, _skip in PROFILES:
        for _ in range(count):
            for day in (DAY - timedelta(days=1), DAY):
                when = day + timedelta(hours=first, minutes=rng.uniform(0, gap))
                while when < day + timedelta(hours=last):
                    while not article(seed, index).relevant:
                        index += 1
                    items.append(Item(feed, index, when))
                    index += 1
                    when += timedelta(minutes=rng.expovariate(1 / gap))
            feed += 1
    return items


class Clock:
    def __init__(self) -> None:
        self.now = DAY

    def __call__(self) -> datetime:
        return self.now


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        pass  # a client closing a kept-alive connection is not news


class FeedServer:
    """The feeds as of the simulated clock, with ETags (304 when nothing new) and the article pages."""

    def __init__(self, items: list[Item], clock: Clock, seed: int = 16, declare: bool = True) -> None:
        self.items, self.clock, self.seed = items, clock, seed
        self.skip = [skip if declare else () for count, *_, skip in PROFILES for _ in range(count)]
        self.feed_polls = 0
        self.first_seen: dict[int, datetime] = {}
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def feeds(self) -> int:
        return max(i.feed for i in self.items) + 1 + DEAD_FEEDS

    def _feed(self, feed: int, etag_asked: str | None) -> tuple[int, bytes, str]:
        if feed == self.feeds() - DEAD_FEEDS:
            with self._lock:
                self.feed_polls += 1
            return 403, b"forbidden", ""
        visible = [i for i in self.items if i.feed == feed and i.appears <= self.clock.now][-20:]
        etag = f'"{feed}-{len(visible)}-{visible[-1].index if visible else 0}"'
        with self._lock:
            self.feed_polls += 1
            if etag_asked == etag:
                return 304, b"", etag
            for item in visible:
                self.first_seen.setdefault(item.index, self.clock.now)
        entries = "".join(
            f"<item><title>{html.escape(article(self.seed, i.index).title)}</title><link>{self.base_url}/a/{i.index}"
            f"</link><guid>{self.base_url}/a/{i.index}</guid><pubDate>{email.utils.format_datetime(i.appears)}</pubDate>"
            "</item>" for i in reversed(visible))
        hours = "".join(f"<hour>{h}</hour>" for h in self.skip[feed]) if feed < len(self.skip) else ""
        skip = f"<skipHours>{hours}</skipHours>" if hours else ""
        return 200, f'<rss version="2.0"><channel><title>Feed {feed}</title>{skip}{entries}</channel></rss>'.encode(), etag

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                etag, status = None, 200
                if self.path.startswith("/feed/"):
                    status, body, etag = server._feed(int(self.path.split("/")[2]), self.headers.get("If-None-Match"))
                    kind = "application/rss+xml"
                elif self.path.startswith("/a/"):
                    item = article(server.seed, int(self.path.split("/")[2]))
                    body, kind = render_page(item, "Fresh Outlet", item.index % 3), "text/html; charset=utf-8"
                else:
                    body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
                self.send_response(status)
                for name, value in {"Content-Type": kind, "Content-Length": str(len(body)), "ETag": etag or ""}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _use_clock(clock: Clock) -> None:
    import tasks.fetch
    import tasks.http
    import tasks.pipeline
    import tasks.poll
    import tasks.refresh

    for module in (tasks.http, tasks.pipeline, tasks.poll, tasks.fetch, tasks.refresh):
        module.utc_now = clock


def simulate(full: bool, env: dict[str, str], declare: bool = True) -> dict:
    """One simulated day; full: whole ingests (events and publish), else the poll stage only. declare:
    the feeds state their quiet hours (skipHours); without, as if the poller ignored them."""
    from tasks import pipeline
    from tasks.settings import get_settings

    items, clock = schedule_items(), Clock()
    server = FeedServer(items, clock, declare=declare)
    _use_clock(clock)
    in_copy: dict[int, datetime] = {}       # item -> when its events were first in the analysts' copy
    stored: dict[int, datetime] = {}        # item -> when its article was (events or not)
    try:
        with tempfile.TemporaryDirectory(prefix="mmtrack-fresh-") as tmp, bench_environment(
                {**env, "MMTRACK_DATA_DIR": tmp, "MMTRACK_CONTACT": "bench@localhost"}):
            registry = Path(tmp) / "feeds.csv"
            registry.write_text("feed_id,name,outlet,url,language,enabled,poll_interval_minutes,general,allow_private\n"
                                + "".join(f"f{k},Feed {k},Outlet {k},{server.base_url}/feed/{k},en,true,15,false,true\n"
                                          for k in range(server.feeds())))
            settings, db = get_settings(), Path(tmp) / "fresh.duckdb"
            for run in range(24 * 60 // SCHEDULE_MIN):
                clock.now = DAY + timedelta(minutes=SCHEDULE_MIN * run)
                if full:
                    pipeline.run_ingest(pipeline.new_run_id(), db, registry, settings)
                    _note_copy(settings.published_copy_of(db), clock.now, in_copy, stored)
                else:
                    pipeline.sync_feeds_stage(db, registry)
                    pipeline.poll_stage(db, pipeline.new_run_id(), settings)
    finally:
        server.close()
    appeared = {i.index: i.appears for i in items}
    return {"polls": server.feed_polls, "first_seen": server.first_seen, "in_copy": in_copy, "stored": stored,
            "appeared": appeared}


def _note_copy(published: Path, now: datetime, in_copy: dict[int, datetime], stored: dict[int, datetime]) -> None:
    con = duckdb.connect(str(published), read_only=True)
    try:
        with_events = con.execute("SELECT DISTINCT a.url FROM events e JOIN articles a USING (article_id)").fetchall()
        articles = con.execute("SELECT url FROM articles").fetchall()
    finally:
        con.close()
    for seen, rows in ((in_copy, with_events), (stored, articles)):
        for (url,) in rows:
            seen.setdefault(int(url.rsplit("/", 1)[1]), now)


def _later(adaptive: dict, fixed: dict) -> tuple[list[int], float]:
    """Items first seen later than under fixed polling (or never), and their mean extra minutes."""
    later = [i for i, seen in adaptive["first_seen"].items() if i in fixed["first_seen"] and seen > fixed["first_seen"][i]]
    later += [i for i in fixed["first_seen"] if i not in adaptive["first_seen"]]
    extra = [(adaptive["first_seen"][i] - fixed["first_seen"][i]).total_seconds() / 60
             for i in later if i in adaptive["first_seen"]]
    return later, round(statistics.mean(extra), 1) if extra else 0.0


def evaluate() -> list[Row]:
    # The default settings: ceiling at the schedule (15), dead feeds slowed, declared quiet hours honoured.
    adaptive = simulate(True, {})
    # The baseline is the old behaviour: every feed every run, dead ones too, quiet hours or not.
    fixed = simulate(False, {"MMTRACK_POLL_FLOOR_MINUTES": "15", "MMTRACK_POLL_CEILING_MINUTES": "15",
                             "MMTRACK_DEAD_FEED_POLLS": "1000000"}, declare=False)
    # What a longer ceiling trades: fewer polls, a quiet feed's next item found later (no target: ops choose).
    lengthened = simulate(False, {"MMTRACK_POLL_CEILING_MINUTES": "60"})
    last_run = DAY + timedelta(minutes=24 * 60 - SCHEDULE_MIN)
    appeared = {i: when for i, when in adaptive["appeared"].items() if DAY <= when <= last_run}
    delays = [(adaptive["in_copy"][i] - appeared[i]).total_seconds() / 60 for i in adaptive["in_copy"] if i in appeared]
    later, extra = _later(adaptive, fixed)
    lengthened_later, lengthened_extra = _later(lengthened, fixed)
    return [
        ("freshness: items published in the simulated day (before its last run)", len(appeared), ""),
        ("freshness: items whose article is in the analysts' copy", sum(i in adaptive["stored"] for i in appeared),
         f"== {len(appeared)}"),
        # A story with no conflict event in it (a displacement feature) has no events to wait for.
        ("freshness: items with events in the analysts' copy", len(delays), ""),
        ("freshness: median minutes item -> events in analysts' copy", round(statistics.median(delays), 1),
         f"<= {TARGET_MEDIAN_MIN:g}"),
        ("freshness: 90th percentile minutes", round(statistics.quantiles(delays, n=10)[-1], 1), ""),
        ("freshness: feed requests, fixed 15-min polling", fixed["polls"], ""),
        ("freshness: feed requests, adaptive polling", adaptive["polls"], ""),
        ("freshness: polls saved by adaptive polling (defaults)", round(1 - adaptive["polls"] / fixed["polls"], 3),
         ">= 0.1"),
        ("freshness: items found later than under fixed polling (defaults)", len(later), "== 0"),
        ("freshness: mean extra minutes of those items (defaults)", extra, ""),
        ("freshness: trade-off, ceiling 60: polls saved", round(1 - lengthened["polls"] / fixed["polls"], 3), ""),
        ("freshness: trade-off, ceiling 60: items found later", len(lengthened_later), ""),
        ("freshness: trade-off, ceiling 60: mean extra minutes", lengthened_extra, ""),
    ]


def main() -> None:
    for figure, value, target in evaluate():
        print(f"{figure:<60} {value:>10g}  {target}")


if __name__ == "__main__":
    main()
