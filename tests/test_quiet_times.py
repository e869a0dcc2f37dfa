"""Feeds that declare when they are not updated (RSS skipHours / skipDays): polls moved out of those hours."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tasks import pipeline
from tasks.quiet_times import HEAD_BYTES, QuietTimes, declared_quiet_times
from tests.conftest import query_rows, write_registry
from tests.loopback import LoopbackSite, Reply

UTC = timezone.utc


def _rss(skip: str = "", items: str = "") -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title><link>http://x/</link>'
            f"<description>d</description>{skip}{items}</channel></rss>").encode()


def test_skip_hours_and_days_are_read_from_the_channel() -> None:
    body = _rss("<skipHours><hour>23</hour><hour> 0 </hour><hour>24</hour><hour>99</hour></skipHours>"
                "<skipDays><day>Sunday</day><day>saturday</day><day>Someday</day></skipDays>")
    quiet = declared_quiet_times(body)
    assert quiet.hours == {23, 0} and quiet.days == {5, 6}
    assert quiet.describe() == "hours 0,23 UTC; days Sat,Sun"
    assert QuietTimes.from_columns(**{k.split("_")[1]: v for k, v in quiet.to_columns().items()}) == quiet


def test_a_feed_without_declarations_or_with_broken_ones_has_no_quiet_times() -> None:
    assert declared_quiet_times(_rss()) == QuietTimes()
    assert declared_quiet_times(b"<skipHours><hour>3") == QuietTimes()        # never closed
    assert declared_quiet_times(b"\xff\xfe garbage") == QuietTimes()
    # Markup deep in a huge body (an item's content) is not the channel's declaration.
    late = b"<rss><channel>" + b" " * HEAD_BYTES + b"<skipHours><hour>3</hour></skipHours></channel></rss>"
    assert declared_quiet_times(late) == QuietTimes()


def test_next_open_moment_skips_declared_hours_and_days() -> None:
    quiet = QuietTimes(frozenset({22, 23, 0, 1, 2, 3, 4, 5}), frozenset({6}))   # nights, and Sundays
    saturday_night = datetime(2025, 3, 8, 22, 15, tzinfo=UTC)
    assert quiet.next_open(saturday_night) == datetime(2025, 3, 10, 6, 0, tzinfo=UTC)  # Monday 06:00
    open_hour = datetime(2025, 3, 10, 9, 40, tzinfo=UTC)
    assert quiet.next_open(open_hour) == open_hour


def test_a_declaration_that_means_never_is_ignored() -> None:
    never = QuietTimes(frozenset(range(24)))
    moment = datetime(2025, 3, 8, 22, 15, tzinfo=UTC)
    assert not never.usable and never.next_open(moment) == moment
    assert QuietTimes(days=frozenset(range(7))).next_open(moment) == moment


def test_poll_moves_the_next_poll_out_of_the_declared_hours(tmp_path, settings) -> None:
    """The feed says it is not updated in any hour but one three hours ahead: the next poll waits for it,
    feed_health says why, and a 304 (no body to read it from) keeps the declaration."""
    now = datetime.now(UTC)
    open_hour = (now + timedelta(hours=3)).hour
    skip = "".join(f"<hour>{h}</hour>" for h in range(24) if h != open_hour)
    body = _rss(f"<skipHours>{skip}</skipHours>", "<item><title>Story</title><link>http://127.0.0.1/a/1</link></item>")

    def feed(request) -> Reply:  # noqa: ANN001 - the loopback handler
        if request.headers.get("If-None-Match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return Reply(200, body, {"Content-Type": "application/rss+xml", "ETag": '"v1"'})

    db = tmp_path / "q.duckdb"
    with LoopbackSite() as site:
        site.route("/feed", feed)
        site.static("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain")
        registry = write_registry(tmp_path / "feeds.csv", [{"feed_id": "quiet", "url": site.url("/feed")}])
        pipeline.sync_feeds_stage(db, registry)
        for _ in range(2):  # the second poll (forced) answers 304
            pipeline.poll_stage(db, pipeline.new_run_id(), settings, force=True)
    expected = (now + timedelta(hours=3)).replace(minute=0, second=0, microsecond=0)
    [(status, next_poll_at, hours, reason)] = query_rows(
        db, "SELECT last_status, next_poll_at, skip_hours, interval_reason FROM feeds")
    assert status == "not_modified" and next_poll_at == expected
    assert hours == ",".join(str(h) for h in sorted(set(range(24)) - {open_hour}))
    assert "declares no updates" in reason
    assert query_rows(db, "SELECT skip_hours IS NOT NULL FROM feed_health") == [(True,)]
