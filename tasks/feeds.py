"""The feed registry (seeds/feeds.csv) and turning a feed body into normalised entries.

Feeds are fetched by tasks.http and parsed here from bytes: feedparser's own fetching has no timeout and
no size cap. A bozo feed that still yields entries is used and its health noted; one with neither a
version nor entries is a failure with a reason.
"""

from __future__ import annotations

import calendar
import csv
import html
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import feedparser
import pyarrow as pa

from tasks.db import registered, transaction, upsert
from tasks.quiet_times import QuietTimes, declared_quiet_times

REGISTRY_COLUMNS = (
    "feed_id", "name", "outlet", "url", "language", "enabled", "poll_interval_minutes", "general", "allow_private",
)
MAX_TITLE_CHARS = 1_000
MAX_SUMMARY_CHARS = 20_000
MAX_URL_CHARS = 2_000
MAX_ENTRIES = 5_000  # a feed with more is truncated (newest first as published) and says so
_FEED_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_TAG = re.compile(r"<[^>]{0,10000}>")
_SPACE = re.compile(r"\s+")

# feedparser would otherwise also sniff a few legacy encodings and fetch nothing; make sure it never
# resolves relative URIs against anything but the base we give it.
feedparser.RESOLVE_RELATIVE_URIS = True
feedparser.SANITIZE_HTML = True


class RegistryError(ValueError):
    """The feed registry is invalid: a systemic failure that stops the run with one message."""


@dataclass(frozen=True)
class FeedSpec:
    feed_id: str
    name: str
    outlet: str
    url: str
    language: str
    enabled: bool
    poll_interval_minutes: int
    general: bool
    allow_private: bool
    kind: str = "rss"  # rss (any feed format) | sitemap (an outlet without a feed: its news sitemap)


FEED_KINDS = ("rss", "sitemap")


@dataclass
class Entry:
    guid: str | None
    link: str
    title: str | None
    summary: str | None
    authors: list[str]
    published_at: datetime | None
    tags: list[str]
    updated_at: datetime | None = None  # the entry's own <updated>/<atom:updated>: a story revised


@dataclass
class ParsedFeed:
    version: str | None
    bozo: bool
    bozo_error: str | None
    entries: list[Entry] = field(default_factory=list)
    rejected_entries: int = 0
    error: str | None = None  # set when the body is not a usable feed
    notes: list[str] = field(default_factory=list)  # what was dropped or repaired, for the poll record
    quiet: QuietTimes = field(default_factory=QuietTimes)  # RSS skipHours / skipDays

    @property
    def problem(self) -> str | None:
        """Why this feed was only partly usable (ill-formed, entries dropped), or None when it was clean."""
        parts = ([self.bozo_error] if self.bozo and self.bozo_error else []) + self.notes
        return "; ".join(parts)[:1000] or None


def _parse_bool(value: str, column: str, line: int) -> bool:
    lowered = (value or "").strip().lower()
    if lowered in ("true", "1", "yes", "y"):
        return True
    if lowered in ("false", "0", "no", "n", ""):
        return False
    raise RegistryError(f"feeds registry line {line}: {column} must be true/false, not {value!r}")


def _spec_from_row(row: dict[str, str], line: int, base_url: str | None) -> FeedSpec:
    feed_id = (row.get("feed_id") or "").strip()
    if not _FEED_ID.match(feed_id):
        raise RegistryError(f"feeds registry line {line}: bad feed_id {feed_id!r}")
    url = (row.get("url") or "").strip()
    if base_url is not None:
        url = url.replace("{{BASE}}", base_url.rstrip("/"))
    if not url.startswith(("http://", "https://")):
        raise RegistryError(f"feeds registry line {line}: url must be http(s), got {url!r}")
    try:
        interval = int(row.get("poll_interval_minutes") or 15)
    except ValueError as exc:
        raise RegistryError(f"feeds registry line {line}: poll_interval_minutes is not a number") from exc
    if interval < 1:
        raise RegistryError(f"feeds registry line {line}: poll_interval_minutes must be >= 1")
    return FeedSpec(
        feed_id=feed_id,
        name=(row.get("name") or feed_id).strip(),
        outlet=(row.get("outlet") or "").strip() or feed_id,
        url=url,
        language=(row.get("language") or "en").strip(),
        enabled=_parse_bool(row.get("enabled", "true"), "enabled", line),
        poll_interval_minutes=interval,
        general=_parse_bool(row.get("general", "false"), "general", line),
        allow_private=_parse_bool(row.get("allow_private", "false"), "allow_private", line),
        kind=_kind(row.get("kind"), line),
    )


def _kind(value: str | None, line: int) -> str:
    """The optional `kind` column: absent or empty means rss, so registries without it stay valid."""
    kind = (value or "").strip().lower() or "rss"
    if kind not in FEED_KINDS:
        raise RegistryError(f"feeds registry line {line}: kind must be one of {', '.join(FEED_KINDS)}, not {value!r}")
    return kind


def read_registry(path: Path, base_url: str | None = None) -> list[FeedSpec]:
    """Read and validate the feed registry. `base_url` fills the demo's {{BASE}} placeholder."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"cannot read feeds registry {path}: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REGISTRY_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise RegistryError(f"feeds registry {path} lacks columns: {', '.join(missing)}")
    specs: list[FeedSpec] = []
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        if not any((v or "").strip() for v in row.values()):
            continue
        spec = _spec_from_row(row, line, base_url)
        if spec.feed_id in seen:
            raise RegistryError(f"feeds registry line {line}: duplicate feed_id {spec.feed_id!r}")
        seen.add(spec.feed_id)
        specs.append(spec)
    return specs


def strip_html(fragment: str | None) -> str | None:
    """Plain text of a feed's HTML summary: tags dropped, entities decoded, spaces folded."""
    if not fragment:
        return None
    text = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()
    return text[:MAX_SUMMARY_CHARS] or None


def _entry_time(entry: feedparser.FeedParserDict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc)
            except (OverflowError, ValueError, OSError, TypeError):
                continue
    return None


def _clip(value: object, limit: int) -> str | None:
    if value is None:
        return None
    text = _SPACE.sub(" ", str(value)).strip()
    return text[:limit] or None


def _authors(entry: feedparser.FeedParserDict) -> list[str]:
    names = [a.get("name") for a in entry.get("authors", []) if isinstance(a, dict) and a.get("name")]
    if not names and entry.get("author"):
        names = [entry.get("author")]
    return [n for n in (_clip(name, 200) for name in names) if n][:20]


def _entry(raw: feedparser.FeedParserDict) -> Entry | None:
    """Normalise one entry; None when it has no usable http(s) link."""
    link = _clip(raw.get("link"), MAX_URL_CHARS)
    if not link or not link.lower().startswith(("http://", "https://")):
        return None
    tags = [_clip(t.get("term"), 200) for t in raw.get("tags", []) if isinstance(t, dict)]
    return Entry(
        guid=_clip(raw.get("id"), MAX_URL_CHARS),
        link=link,
        title=_clip(strip_html(raw.get("title")), MAX_TITLE_CHARS),
        summary=strip_html(raw.get("summary") or raw.get("description")),
        authors=_authors(raw),
        published_at=_entry_time(raw),
        tags=[t for t in tags if t][:50],
        updated_at=_updated_time(raw),
    )


def _updated_time(entry: feedparser.FeedParserDict) -> datetime | None:
    """The entry's updated date (Atom <updated>, dc:date); None when it has none (plain RSS)."""
    if not entry.get("updated_parsed"):
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(entry["updated_parsed"]), tz=timezone.utc)
    except (OverflowError, ValueError, OSError, TypeError):
        return None


def parse_feed(body: bytes, headers: dict[str, str] | None = None, base_url: str | None = None) -> ParsedFeed:
    """Parse feed bytes with the response headers (for the charset). Never raises on bad input."""
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    if base_url:
        response_headers.setdefault("content-location", base_url)
    try:
        parsed = feedparser.parse(io.BytesIO(body), response_headers=response_headers)
    except Exception as exc:  # noqa: BLE001 - feedparser's internals can raise almost anything on hostile input
        return ParsedFeed(version=None, bozo=True, bozo_error=repr(exc), error=f"parser crashed: {exc!r}")
    bozo_error = repr(parsed.get("bozo_exception"))[:500] if parsed.get("bozo") else None
    result = ParsedFeed(version=parsed.get("version") or None, bozo=bool(parsed.get("bozo")), bozo_error=bozo_error,
                        quiet=declared_quiet_times(body))
    raw_entries = parsed.get("entries", [])
    for raw in raw_entries[:MAX_ENTRIES]:
        entry = _entry(raw)
        if entry is None:
            result.rejected_entries += 1
        else:
            result.entries.append(entry)
    if len(raw_entries) > MAX_ENTRIES:
        result.rejected_entries += len(raw_entries) - MAX_ENTRIES
        result.notes.append(f"truncated: {len(raw_entries)} entries, kept the first {MAX_ENTRIES}")
    unusable = min(len(raw_entries), MAX_ENTRIES) - len(result.entries)
    if unusable:
        result.notes.append(f"{unusable} entries without an http(s) link dropped")
    if not raw_entries and (not result.version or result.bozo):
        # A well-formed empty feed is fine; an ill-formed one with nothing in it is a broken feed.
        result.error = f"not a feed: {bozo_error or 'no version and no entries'}"
    return result


def sync_registry(con: duckdb.DuckDBPyConnection, specs: list[FeedSpec]) -> int:
    """Make the feeds table match the registry: new feeds added, edits applied, removed ones retired.

    A feed whose URL changed forgets its ETag, Last-Modified and body hash, since they belonged to the
    old address. Polling state of unchanged feeds is kept.
    """
    rows = [
        {**spec.__dict__, "in_registry": True, "failure_count": 0} for spec in specs
    ]
    registry_columns = [c for c in REGISTRY_COLUMNS if c != "feed_id"] + ["kind", "in_registry"]
    with transaction(con):
        if rows:
            with registered(con, "_registry", pa.Table.from_pylist(rows)) as registry:
                con.execute(
                    "UPDATE feeds SET etag = NULL, last_modified = NULL, body_hash = NULL, next_poll_at = NULL "
                    f"FROM {registry} r WHERE feeds.feed_id = r.feed_id AND feeds.url <> r.url"
                )
        upsert(con, "feeds", rows, ["feed_id"], update=registry_columns)
        ids = [spec.feed_id for spec in specs]
        con.execute("UPDATE feeds SET in_registry = false WHERE NOT list_contains(?, feed_id)", [ids])
    return len(rows)
