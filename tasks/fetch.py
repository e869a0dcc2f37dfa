"""Fetch and clean the pending articles, a batch at a time.

Pages are fetched concurrently under the shared HTTP policy (robots.txt honoured, cached per host),
cleaned in worker processes with a hard time limit, and written back in one transaction per batch. A
page that fails keeps its feed data, gets a recorded reason and falls back to the feed summary or title.
Transient failures (timeouts, 5xx, 429) are retried by later runs, at most MAX_FETCH_ATTEMPTS times.
"""

from __future__ import annotations

import hashlib
import re
import threading
import urllib.robotparser
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

import duckdb

from tasks.burmese import to_unicode
from tasks.lang import detect_language
from tasks.clean import CleanedPage, choose_text, clean_pages
from tasks.db import transaction, update_rows
from tasks.http import FetchResult, HttpPolicy, utc_now

MAX_FETCH_ATTEMPTS = 3
RETRY_AFTER_MINUTES = 60
ROBOTS_MAX_BYTES = 512 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_TRANSIENT = ("read timeout", "connect", "network", "deadline", "HTTP 429", "HTTP 5")


@dataclass
class PendingArticle:
    article_id: str
    url: str
    title: str | None
    summary: str | None
    feed_published_at: datetime | None
    first_seen_at: datetime
    fetch_attempts: int
    allow_private: bool
    feed_language: str | None = None   # the feed's declared language: a prior, the text decides


# Never fetched, or a transient failure whose retry time has come. Rows a backfill queued are its own
# (tasks/backfill_run.py): a history backlog must never land in the scheduled ingest's run.
_QUEUE_WHERE = f"""
    coalesce(a.source, 'feed') <> 'backfill' AND (a.fetch_status = 'pending'
    OR (a.fetch_status = 'failed' AND a.fetch_attempts < {MAX_FETCH_ATTEMPTS}
        AND a.fetched_at < ?::TIMESTAMPTZ - INTERVAL {RETRY_AFTER_MINUTES} MINUTE
        AND ({' OR '.join("starts_with(a.fetch_error, ?)" for _ in _TRANSIENT)})))
"""


def _shard(feeds: list[str] | None) -> tuple[str, list]:
    """Restrict the queue to some feeds' articles: a worker of a scaled setup fetches its own shard."""
    return ("", []) if feeds is None else (" AND list_contains(?, a.feed_id)", [list(feeds)])


def pending_articles(con: duckdb.DuckDBPyConnection, limit: int, now: datetime,
                     feeds: list[str] | None = None) -> list[PendingArticle]:
    """The next `limit` articles of the fetch queue (of `feeds` only, when given), oldest first."""
    shard, shard_params = _shard(feeds)
    rows = con.execute(
        f"""
        SELECT a.article_id, a.url, a.title, a.summary, a.feed_published_at, a.first_seen_at,
               a.fetch_attempts, coalesce(f.allow_private, false), f.language
        FROM articles a LEFT JOIN feeds f USING (feed_id)
        WHERE ({_QUEUE_WHERE}){shard}
        ORDER BY a.first_seen_at, a.article_id
        LIMIT ?
        """,
        [now, *_TRANSIENT, *shard_params, limit],
    ).fetchall()
    return [PendingArticle(*row) for row in rows]


def count_pending(con: duckdb.DuckDBPyConnection, now: datetime, feeds: list[str] | None = None) -> int:
    shard, shard_params = _shard(feeds)
    return con.execute(f"SELECT count(*) FROM articles a WHERE ({_QUEUE_WHERE}){shard}",
                       [now, *_TRANSIENT, *shard_params]).fetchone()[0]


class RobotsCache:
    """robots.txt per host for one run: fetched once, 4xx means allow all, 5xx or no answer disallow."""

    def __init__(self, policy: HttpPolicy) -> None:
        self._policy = policy
        self._lock = threading.Lock()
        self._by_host: dict[str, tuple[threading.Event, urllib.robotparser.RobotFileParser | None, str | None]] = {}

    def allowed(self, url: str, allow_private: bool) -> str | None:
        """None when the URL may be fetched, else the reason it may not."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            entry = self._by_host.get(origin)
            owner = entry is None
            if owner:
                entry = (threading.Event(), None, None)
                self._by_host[origin] = entry
        if owner:
            parser, problem = self._load(origin, allow_private)
            with self._lock:
                self._by_host[origin] = (entry[0], parser, problem)
            entry[0].set()
        entry[0].wait()
        _, parser, problem = self._by_host[origin]
        if problem:
            return problem
        if parser is not None and not parser.can_fetch(self._policy.settings.user_agent, url):
            return "disallowed by robots.txt"
        return None

    def _load(self, origin: str, allow_private: bool) -> tuple[urllib.robotparser.RobotFileParser | None, str | None]:
        result = self._policy.fetch(f"{origin}/robots.txt", max_bytes=ROBOTS_MAX_BYTES, allow_private=allow_private)
        if result.status is not None and 400 <= result.status < 500:
            return None, None
        if not result.ok:
            return None, f"robots.txt unavailable ({result.error})"
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(result.body.decode("utf-8", errors="replace").splitlines())
        return parser, None


def _fetch_page(policy: HttpPolicy, robots: RobotsCache, article: PendingArticle) -> FetchResult:
    refusal = robots.allowed(article.url, article.allow_private)
    if refusal:
        return FetchResult(url=article.url, error=refusal)
    result = policy.fetch(
        article.url, max_bytes=policy.settings.page_max_bytes, allow_private=article.allow_private,
        accept=PAGE_ACCEPT,
    )
    content_type = result.headers.get("content-type", "").split(";")[0].strip().lower()
    if result.ok and content_type not in HTML_TYPES:
        result.error = f"unsupported content type {content_type!r}"
    return result


def decode_page(body: bytes, content_type: str | None) -> str | bytes:
    """Text by the charset the server declared; undeclared bytes go to the cleaner to sniff."""
    match = _CHARSET.search(content_type or "")
    if match:
        try:
            return body.decode(match.group(1))
        except LookupError:
            pass  # an unknown charset name: let the cleaner sniff the bytes
        except UnicodeDecodeError:
            pass  # a wrong label (Windows-1252 sent as utf-8): sniffing beats a text full of U+FFFD
    return body


def _published_at(article: PendingArticle, page: CleanedPage | None, fetched_at: datetime) -> tuple[datetime, str]:
    """The feed's date first, else the page's, else first seen; never after the fetch."""
    if article.feed_published_at and article.feed_published_at <= fetched_at:
        return article.feed_published_at, "feed"
    page_day = _page_date(page)
    if page_day and page_day <= fetched_at.date():
        return datetime(page_day.year, page_day.month, page_day.day, tzinfo=timezone.utc), "page"
    return article.first_seen_at, "first_seen"


def _page_date(page: CleanedPage | None) -> date | None:
    if page is None or not page.date:
        return None
    try:
        return date.fromisoformat(page.date[:10])
    except ValueError:
        return None


def _article_row(article: PendingArticle, result: FetchResult, page: CleanedPage | None, fetched_at: datetime) -> dict:
    text, text_source = choose_text(page, article.summary, article.title)
    text = to_unicode(text)
    published_at, published_source = _published_at(article, page, fetched_at)
    failed = result.error is not None
    return {
        "article_id": article.article_id,
        "fetch_status": "failed" if failed else "ok",
        "fetch_attempts": article.fetch_attempts + 1,
        "fetch_error": result.error,
        "fetched_at": fetched_at,
        "http_status": result.status,
        "final_url": result.final_url,
        "content_type": result.headers.get("content-type"),
        "page_bytes": len(result.body),
        "clean_error": page.error if page else None,
        "text": text,
        "text_source": text_source,
        "page_title": to_unicode(page.title) if page else None,
        "page_author": page.author if page else None,
        "page_date": _page_date(page),
        "site_name": page.site_name if page else None,
        "language": page.language if page else None,
        "text_language": detect_language(text, to_unicode(page.title) if page else article.title,
                                         article.feed_language or (page.language if page else None)),
        "published_at": published_at,
        "published_source": published_source,
        "content_hash": hashlib.sha256(text.encode("utf-8")).hexdigest() if text else None,
    }


@dataclass
class BatchOutcome:
    fetched: int = 0
    failed: int = 0
    clean_failed: int = 0
    from_summary: int = 0


def fetch_batch(policy: HttpPolicy, articles: list[PendingArticle], clean_timeout_s: float, clean_workers: int) -> tuple[list[dict], BatchOutcome]:
    """Fetch, clean and build the article rows for one batch (no database access here)."""
    robots = RobotsCache(policy)
    workers = max(1, min(policy.settings.concurrency, len(articles)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
        results = list(pool.map(lambda a: _fetch_page(policy, robots, a), articles))
    fetched_at = utc_now()
    to_clean = [(i, a.url, decode_page(r.body, r.headers.get("content-type")))
                for i, (a, r) in enumerate(zip(articles, results)) if r.ok]
    cleaned = clean_pages([(url, html) for _, url, html in to_clean], timeout_s=clean_timeout_s, workers=clean_workers)
    pages: dict[int, CleanedPage] = {i: page for (i, _, _), page in zip(to_clean, cleaned)}
    outcome = BatchOutcome()
    rows = []
    for index, (article, result) in enumerate(zip(articles, results)):
        row = _article_row(article, result, pages.get(index), fetched_at)
        outcome.fetched += result.error is None
        outcome.failed += result.error is not None
        outcome.clean_failed += bool(row["clean_error"])
        outcome.from_summary += row["text_source"] != "article"
        rows.append(row)
    return rows, outcome


def load_articles(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    with transaction(con):
        update_rows(con, "articles", rows, ["article_id"])
