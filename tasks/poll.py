"""Poll the due feeds: conditional GET, body hash, parse, backoff; load entries and feed state together.

Feed state (ETag, Last-Modified, body hash) is written in the same transaction as the entries it
produced, so a run killed after polling can never leave a feed marked unchanged whose entries were lost.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import duckdb

from tasks.adaptive import AdaptivePolicy, problem
from tasks.burmese import to_unicode
from tasks.db import transaction, update_rows, upsert
from tasks.feeds import Entry, FeedSpec, ParsedFeed, parse_feed
from tasks.http import HttpPolicy, utc_now
from tasks.sitemaps import as_feed
from tasks.progress import reporter
from tasks.quiet_times import QuietTimes
from tasks.urls import article_id, canonical_url

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


@dataclass
class FeedState:
    """What the database remembers about a feed between polls."""

    spec: FeedSpec
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    failure_count: int = 0
    interval_minutes: int | None = None   # the adaptive interval in force (None: the registry's)
    novelty: float | None = None          # share of recent polls that found new items (tasks/adaptive.py)
    problem_streak: int = 0               # 403s or empty answers in a row
    problem_reason: str | None = None
    quiet: QuietTimes = field(default_factory=QuietTimes)  # hours/days the feed says it is not updated


@dataclass
class PollOutcome:
    state: FeedState
    polled_at: datetime
    outcome: str                      # new | unchanged | not_modified | failed
    http_status: int | None = None
    error: str | None = None
    bytes: int = 0
    elapsed_ms: float = 0.0
    retry_after_s: float | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    parsed: ParsedFeed | None = None
    entries: list[Entry] = field(default_factory=list)


def due_feeds(con: duckdb.DuckDBPyConnection, now: datetime, only: list[str] | None, force: bool) -> list[FeedState]:
    """Enabled feeds whose next poll time has come (all enabled feeds with force), optionally filtered."""
    rows = con.execute(
        """
        SELECT feed_id, name, outlet, url, language, enabled, poll_interval_minutes, general, allow_private,
               etag, last_modified, body_hash, failure_count, coalesce(kind, 'rss'),
               adaptive_interval_minutes, novelty, coalesce(problem_streak, 0), problem_reason, skip_hours, skip_days
        FROM feeds
        WHERE enabled AND in_registry AND (? OR next_poll_at IS NULL OR next_poll_at <= ?)
        ORDER BY feed_id
        """,
        [force, now],
    ).fetchall()
    states = [
        FeedState(FeedSpec(*row[:9], kind=row[13]), etag=row[9], last_modified=row[10], body_hash=row[11],
                  failure_count=row[12], interval_minutes=row[14], novelty=row[15], problem_streak=row[16],
                  problem_reason=row[17], quiet=QuietTimes.from_columns(row[18], row[19]))
        for row in rows
    ]
    if only:
        wanted = set(only)
        states = [s for s in states if s.spec.feed_id in wanted]
    return states


def poll_feed(policy: HttpPolicy, state: FeedState) -> PollOutcome:
    """Poll one feed. Never raises for the feed's own problems: they are in the outcome."""
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    polled_at = utc_now()
    response = policy.fetch(
        state.spec.url, max_bytes=policy.settings.feed_max_bytes, allow_private=state.spec.allow_private,
        headers=headers, accept=FEED_ACCEPT,
    )
    outcome = PollOutcome(
        state=state, polled_at=polled_at, outcome="failed", http_status=response.status,
        error=response.error, bytes=len(response.body), elapsed_ms=response.elapsed_ms,
        retry_after_s=response.retry_after_s,
        etag=response.headers.get("etag") or state.etag,
        last_modified=response.headers.get("last-modified") or state.last_modified,
        body_hash=state.body_hash,
    )
    if response.not_modified:
        outcome.outcome = "not_modified"
        return outcome
    if not response.ok:
        outcome.error = outcome.error or f"HTTP {response.status}"
        return outcome
    body_hash = hashlib.sha256(response.body).hexdigest()
    outcome.body_hash = body_hash
    if body_hash == state.body_hash:
        outcome.outcome = "unchanged"
        return outcome
    parsed = _parse(policy, state, response)
    outcome.parsed = parsed
    if parsed.error:
        outcome.error = parsed.error
        outcome.body_hash = state.body_hash  # a broken body must not mask the next good one
        return outcome
    outcome.outcome = "new"
    outcome.entries = parsed.entries
    return outcome


def _parse(policy: HttpPolicy, state: FeedState, response) -> ParsedFeed:  # noqa: ANN001 - a FetchResult
    """The body as a feed; a `kind=sitemap` entry is read as a sitemap (an index: its newest child)."""
    base = response.final_url or state.spec.url
    if state.spec.kind != "sitemap":
        return parse_feed(response.body, response.headers, base_url=base)
    parsed, newest = as_feed(response.body, base)
    if newest is not None:
        child = policy.fetch(newest, max_bytes=policy.settings.feed_max_bytes, allow_private=state.spec.allow_private)
        if not child.ok:
            return ParsedFeed(version=None, bozo=True, bozo_error=None, error=f"newest sitemap {newest}: {child.error}")
        parsed, _ = as_feed(child.body, child.final_url or newest)
    return parsed or ParsedFeed(version=None, bozo=True, bozo_error=None, error="sitemap index nests another index")


def poll_feeds(policy: HttpPolicy, states: list[FeedState]) -> list[PollOutcome]:
    """Poll feeds concurrently; the per-host gate inside the policy keeps each outlet's rate polite."""
    if not states:
        return []
    workers = max(1, min(policy.settings.concurrency, len(states)))
    progress = reporter()
    progress.start("poll", len(states), "feeds")

    def poll_one(state: FeedState) -> PollOutcome:
        outcome = poll_feed(policy, state)
        progress.advance("poll")
        return outcome

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="poll") as pool:
        outcomes = list(pool.map(poll_one, states))
    progress.finish("poll")
    return outcomes


def next_poll_time(outcome: PollOutcome, max_backoff_minutes: int) -> tuple[datetime, int]:
    """(next poll time, failure count): the interval on success; doubling backoff, capped, on failure."""
    interval = outcome.state.spec.poll_interval_minutes
    if outcome.outcome == "failed":
        failures = outcome.state.failure_count + 1
        minutes = min(interval * 2 ** min(failures, 20), max_backoff_minutes)
    else:
        failures = 0
        minutes = interval
    wait = timedelta(minutes=minutes)
    if outcome.retry_after_s is not None:
        wait = max(wait, timedelta(seconds=min(outcome.retry_after_s, max_backoff_minutes * 60)))
    return outcome.polled_at + wait, failures


def _adaptive_columns(outcome: PollOutcome, new_entries: int, failures: int, adaptive: AdaptivePolicy) -> dict:
    """Streak of 403/empty answers, the flag, and the next interval with the reason it is what it is."""
    state = outcome.state
    reason = problem(outcome.http_status, outcome.outcome, len(outcome.entries) if outcome.parsed else None,
                     state.problem_reason)
    streak = state.problem_streak + 1 if reason else 0
    flag = f"{reason} on {streak} polls in a row" if reason and streak >= adaptive.dead_feed_polls else None
    columns = {"problem_streak": streak, "problem_reason": reason, "flag_reason": flag}
    base = state.spec.poll_interval_minutes
    if outcome.outcome == "failed" and not flag:
        why = f"failing: backoff after {failures} failed polls"
        return columns | {"interval_reason": why}
    minutes, novelty, why = adaptive.next(base, state.interval_minutes, state.novelty, new_entries > 0, bool(flag))
    wait = timedelta(minutes=minutes)
    if outcome.retry_after_s is not None and outcome.retry_after_s > wait.total_seconds():
        wait = timedelta(seconds=min(outcome.retry_after_s, adaptive.ceiling_minutes * 60 * 24))
        why = f"Retry-After {outcome.retry_after_s:.0f} s from the server (adaptive interval {minutes} min)"
    next_at, why = _outside_quiet_times(outcome, outcome.polled_at + wait, why)
    return columns | {"adaptive_interval_minutes": minutes, "novelty": novelty, "interval_reason": why,
                      "next_poll_at": next_at}


def _outside_quiet_times(outcome: PollOutcome, next_at: datetime, why: str) -> tuple[datetime, str]:
    """Move the next poll out of the hours and days the feed declares it is not updated (skipHours/skipDays)."""
    quiet = outcome.parsed.quiet if outcome.parsed is not None else outcome.state.quiet
    opened = quiet.next_open(next_at)
    if opened == next_at:
        return next_at, why
    return opened, f"{why}; the feed declares no updates in {quiet.describe()}: next poll {opened:%a %H:%M} UTC"


def _feed_state_row(outcome: PollOutcome, max_backoff_minutes: int, new_entries: int = 0,
                    adaptive: AdaptivePolicy | None = None) -> dict:
    next_poll_at, failures = next_poll_time(outcome, max_backoff_minutes)
    parsed = outcome.parsed
    succeeded = outcome.outcome != "failed"
    row = {
        "feed_id": outcome.state.spec.feed_id,
        "etag": outcome.etag if succeeded else outcome.state.etag,
        "last_modified": outcome.last_modified if succeeded else outcome.state.last_modified,
        "body_hash": outcome.body_hash if succeeded else outcome.state.body_hash,
        "next_poll_at": next_poll_at,
        "failure_count": failures,
        "last_status": outcome.outcome,
        "last_http_status": outcome.http_status,
        "last_error": outcome.error,
        "last_polled_at": outcome.polled_at,
    }
    if succeeded:
        row["last_success_at"] = outcome.polled_at
    if parsed is not None:
        row["bozo"] = parsed.bozo
        row["feed_version"] = parsed.version
        row |= parsed.quiet.to_columns()
    if adaptive is not None:
        row |= _adaptive_columns(outcome, new_entries, failures, adaptive)
    return row


def _poll_row(run_id: str, outcome: PollOutcome, new_entries: int) -> dict:
    parsed = outcome.parsed
    return {
        "poll_id": f"{run_id}:{outcome.state.spec.feed_id}",
        "run_id": run_id,
        "feed_id": outcome.state.spec.feed_id,
        "polled_at": outcome.polled_at,
        "outcome": outcome.outcome,
        "http_status": outcome.http_status,
        "error": outcome.error if outcome.error else (parsed.problem if parsed else None),
        "bytes": outcome.bytes,
        "elapsed_ms": outcome.elapsed_ms,
        "entries": len(outcome.entries) if parsed else None,
        "new_entries": new_entries,
        "bozo": parsed.bozo if parsed else None,
        "feed_version": parsed.version if parsed else None,
        "retry_after_s": outcome.retry_after_s,
    }


@dataclass
class EntryRows:
    articles: list[dict] = field(default_factory=list)
    article_feeds: list[dict] = field(default_factory=list)
    new_per_feed: dict[str, int] = field(default_factory=dict)
    revised: list[dict] = field(default_factory=list)  # stored articles whose entry's updated date moved on
    entries: int = 0
    duplicates: int = 0


def _entry_rows(con: duckdb.DuckDBPyConnection, outcomes: list[PollOutcome]) -> EntryRows:
    """Articles new to the database, plus every (article, feed) link; duplicates counted, not stored twice."""
    rows = EntryRows()
    keyed: list[tuple[str, str, Entry, PollOutcome]] = []
    for outcome in outcomes:
        for entry in outcome.entries:
            canonical = canonical_url(entry.link)
            keyed.append((article_id(canonical), canonical, entry, outcome))
    ids = sorted({k[0] for k in keyed})
    existing: dict[str, datetime | None] = {}
    if ids:
        existing = dict(con.execute("SELECT article_id, entry_updated_at FROM articles WHERE article_id IN "
                                    "(SELECT unnest(?))", [ids]).fetchall())
    seen = set(existing)
    for key, canonical, entry, outcome in keyed:
        feed_id = outcome.state.spec.feed_id
        rows.entries += 1
        if existing.get(key) is not None and entry.updated_at and entry.updated_at > existing[key]:
            # The outlet revised the story: tasks/refresh.py re-fetches it ("death toll rises"). Articles
            # stored without an updated date (older rows, RSS) are left alone rather than all re-fetched.
            existing[key] = entry.updated_at
            rows.revised.append({"article_id": key, "entry_updated_at": entry.updated_at,
                                 "refetch_requested_at": outcome.polled_at})
        rows.article_feeds.append({
            "article_id": key, "feed_id": feed_id, "entry_url": entry.link, "guid": entry.guid,
            "first_seen_at": outcome.polled_at,
        })
        if key in seen:
            rows.duplicates += 1
            continue
        seen.add(key)
        rows.new_per_feed[feed_id] = rows.new_per_feed.get(feed_id, 0) + 1
        rows.articles.append({
            "article_id": key, "canonical_url": canonical, "url": entry.link, "feed_id": feed_id,
            "guid": entry.guid, "title": to_unicode(entry.title), "summary": to_unicode(entry.summary), "authors": entry.authors,
            "feed_tags": entry.tags, "feed_published_at": entry.published_at,
            "first_seen_at": outcome.polled_at, "fetch_status": "pending", "fetch_attempts": 0,
            "entry_updated_at": entry.updated_at,
        })
    return rows


def load_poll_results(
    con: duckdb.DuckDBPyConnection, run_id: str, outcomes: list[PollOutcome], max_backoff_minutes: int,
    adaptive: AdaptivePolicy | None = None,
) -> EntryRows:
    """Write feed state, poll history and the new entries in one transaction."""
    with transaction(con):
        rows = _entry_rows(con, outcomes)
        state_rows = [_feed_state_row(o, max_backoff_minutes, rows.new_per_feed.get(o.state.spec.feed_id, 0),
                                      adaptive) for o in outcomes]
        # Successful polls also set last_success_at; failed ones must leave it alone: column sets differ.
        for columns in sorted({tuple(r) for r in state_rows}):
            group = [r for r in state_rows if tuple(r) == columns]
            upsert(con, "feeds", group, ["feed_id"])
        upsert(con, "feed_polls", [_poll_row(run_id, o, rows.new_per_feed.get(o.state.spec.feed_id, 0))
                                   for o in outcomes], ["poll_id"])
        upsert(con, "articles", rows.articles, ["article_id"], update=())
        update_rows(con, "articles", rows.revised, ["article_id"])
        upsert(con, "article_feeds", rows.article_feeds, ["article_id", "feed_id"], update=())
    return rows
