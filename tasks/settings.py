"""The one settings object: every knob comes from an environment variable, never from code edits.

With no variables set at all the project runs on the embedded default: a DuckDB file under ./data and
Prefect's local mode. `mmtrack settings` prints the effective values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
VERSION = "0.1.0"


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def _env_list(name: str) -> tuple[str, ...]:
    raw = os.environ.get(name, "")
    return tuple(item.strip().lower() for item in raw.split(",") if item.strip())


@dataclass(frozen=True)
class Settings:
    """Runtime settings. Each field names the environment variable that sets it."""

    data_dir: Path = field(metadata={"env": "MMTRACK_DATA_DIR", "doc": "where databases and exports live"})
    db_path: Path = field(metadata={"env": "MMTRACK_DB", "doc": "the pipeline's DuckDB file"})
    published_db_path: Path = field(
        metadata={"env": "MMTRACK_PUBLISHED_DB", "doc": "the analysts' read-only copy, swapped in atomically"}
    )
    seeds_dir: Path = field(metadata={"env": "MMTRACK_SEEDS_DIR", "doc": "feeds, gazetteer, actors, lexicon"})
    feeds_path: Path = field(metadata={"env": "MMTRACK_FEEDS", "doc": "the feed registry CSV"})
    user_agent: str = field(metadata={"env": "MMTRACK_USER_AGENT", "doc": "identifying User-Agent header"})
    concurrency: int = field(metadata={"env": "MMTRACK_CONCURRENCY", "doc": "HTTP requests in flight overall"})
    per_host_concurrency: int = field(
        metadata={"env": "MMTRACK_PER_HOST_CONCURRENCY", "doc": "HTTP requests in flight per host"}
    )
    per_host_interval_s: float = field(
        metadata={"env": "MMTRACK_PER_HOST_INTERVAL", "doc": "minimum seconds between requests to one host"}
    )
    connect_timeout_s: float = field(metadata={"env": "MMTRACK_CONNECT_TIMEOUT", "doc": "TCP/TLS connect timeout"})
    read_timeout_s: float = field(metadata={"env": "MMTRACK_READ_TIMEOUT", "doc": "timeout between two reads"})
    request_deadline_s: float = field(
        metadata={"env": "MMTRACK_REQUEST_DEADLINE", "doc": "hard cap on one request, redirects and body included"}
    )
    max_redirects: int = field(metadata={"env": "MMTRACK_MAX_REDIRECTS", "doc": "redirect hops followed"})
    feed_max_bytes: int = field(metadata={"env": "MMTRACK_FEED_MAX_BYTES", "doc": "byte cap for a feed body"})
    page_max_bytes: int = field(metadata={"env": "MMTRACK_PAGE_MAX_BYTES", "doc": "byte cap for a page body"})
    retries: int = field(metadata={"env": "MMTRACK_RETRIES", "doc": "per-request retries on 429/5xx/network"})
    clean_timeout_s: float = field(
        metadata={"env": "MMTRACK_CLEAN_TIMEOUT", "doc": "hard time limit for cleaning one page"}
    )
    clean_workers: int = field(metadata={"env": "MMTRACK_CLEAN_WORKERS", "doc": "processes that clean pages"})
    batch_size: int = field(metadata={"env": "MMTRACK_BATCH_SIZE", "doc": "articles fetched/loaded per batch"})
    allow_private_hosts: tuple[str, ...] = field(
        metadata={
            "env": "MMTRACK_ALLOW_PRIVATE_HOSTS",
            "doc": "comma list of hosts that may be private/loopback for every feed (the demo allows "
            "loopback per feed instead)",
        }
    )
    max_backoff_minutes: int = field(
        metadata={"env": "MMTRACK_MAX_BACKOFF_MINUTES", "doc": "cap on a failing feed's backoff"}
    )
    db_memory_limit: str = field(
        metadata={"env": "MMTRACK_DB_MEMORY_LIMIT", "doc": "DuckDB's memory limit per connection (it spills beyond)"}
    )
    catalog: str = field(
        metadata={"env": "MMTRACK_CATALOG", "doc": "empty: the embedded DuckDB file; postgres:<libpq dsn>: a DuckLake "
                  "several workers share, with its catalog in PostgreSQL (docs/scaling.md)"}
    )
    lake_data_path: str = field(
        metadata={"env": "MMTRACK_LAKE_DATA", "doc": "the DuckLake's data files (a shared directory or object store)"}
    )
    # History and freshness (issue 16); defaults so code that builds Settings by hand keeps working.
    contact: str = field(default="", metadata={
        "env": "MMTRACK_CONTACT", "doc": "contact URL or e-mail sent in the User-Agent (ops must set it; "
        "a warning is printed while it is unset)"})
    poll_floor_minutes: int = field(default=5, metadata={
        "env": "MMTRACK_POLL_FLOOR_MINUTES", "doc": "adaptive polling: shortest interval for a busy feed"})
    poll_ceiling_minutes: int = field(default=15, metadata={
        "env": "MMTRACK_POLL_CEILING_MINUTES", "doc": "adaptive polling: longest interval for a quiet live feed "
        "(15, the schedule: nothing is ever found later than by fixed polling; longer saves polls and finds "
        "a quiet feed's next item later, see bench/bench_freshness.py)"})
    dead_feed_polls: int = field(default=3, metadata={
        "env": "MMTRACK_DEAD_FEED_POLLS", "doc": "403s or empty answers in a row before feed_health flags a feed"})
    refresh_window_hours: float = field(default=24.0, metadata={
        "env": "MMTRACK_REFRESH_WINDOW_HOURS", "doc": "articles younger than this are re-fetched to catch updates"})
    refresh_every_minutes: float = field(default=120.0, metadata={
        "env": "MMTRACK_REFRESH_EVERY_MINUTES", "doc": "how often a young article is re-fetched"})
    analysis_workers: int = field(default=2, metadata={
        "env": "MMTRACK_ANALYSIS_WORKERS", "doc": "processes that tag and extract a backfill's batches and a "
        "backlog of 300 or more articles in the ingest and reprocess stages (tasks/analysis_pool.py); 0: the "
        "stage's own process"})
    # Not a setting of its own: whether ops named the published copy, which decides where a run on
    # another database publishes (published_copy_of).
    published_db_named: bool = field(default=False, metadata={"derived": True})

    @classmethod
    def from_env(cls) -> "Settings":
        data_dir = Path(_env("MMTRACK_DATA_DIR", str(PROJECT_ROOT / "data")))
        seeds_dir = Path(_env("MMTRACK_SEEDS_DIR", str(PROJECT_ROOT / "seeds")))
        return cls(
            data_dir=data_dir,
            db_path=Path(_env("MMTRACK_DB", str(data_dir / "mmtrack.duckdb"))),
            published_db_path=Path(_env("MMTRACK_PUBLISHED_DB", str(data_dir / "published" / "mmtrack.duckdb"))),
            seeds_dir=seeds_dir,
            feeds_path=Path(_env("MMTRACK_FEEDS", str(seeds_dir / "feeds.csv"))),
            user_agent=_env("MMTRACK_USER_AGENT", default_user_agent(_env("MMTRACK_CONTACT", "").strip())),
            concurrency=int(_env("MMTRACK_CONCURRENCY", "16")),
            per_host_concurrency=int(_env("MMTRACK_PER_HOST_CONCURRENCY", "2")),
            per_host_interval_s=float(_env("MMTRACK_PER_HOST_INTERVAL", "1.0")),
            connect_timeout_s=float(_env("MMTRACK_CONNECT_TIMEOUT", "5")),
            read_timeout_s=float(_env("MMTRACK_READ_TIMEOUT", "10")),
            request_deadline_s=float(_env("MMTRACK_REQUEST_DEADLINE", "30")),
            max_redirects=int(_env("MMTRACK_MAX_REDIRECTS", "5")),
            feed_max_bytes=int(_env("MMTRACK_FEED_MAX_BYTES", str(8 * 1024 * 1024))),
            page_max_bytes=int(_env("MMTRACK_PAGE_MAX_BYTES", str(5 * 1024 * 1024))),
            retries=int(_env("MMTRACK_RETRIES", "2")),
            clean_timeout_s=float(_env("MMTRACK_CLEAN_TIMEOUT", "10")),
            clean_workers=int(_env("MMTRACK_CLEAN_WORKERS", "2")),
            batch_size=int(_env("MMTRACK_BATCH_SIZE", "500")),
            allow_private_hosts=_env_list("MMTRACK_ALLOW_PRIVATE_HOSTS"),
            max_backoff_minutes=int(_env("MMTRACK_MAX_BACKOFF_MINUTES", str(24 * 60))),
            db_memory_limit=_env("MMTRACK_DB_MEMORY_LIMIT", "128MB"),
            catalog=_env("MMTRACK_CATALOG", ""),
            lake_data_path=_env("MMTRACK_LAKE_DATA", str(data_dir / "lake")),
            contact=_env("MMTRACK_CONTACT", "").strip(),
            poll_floor_minutes=int(_env("MMTRACK_POLL_FLOOR_MINUTES", "5")),
            poll_ceiling_minutes=int(_env("MMTRACK_POLL_CEILING_MINUTES", "15")),
            dead_feed_polls=int(_env("MMTRACK_DEAD_FEED_POLLS", "3")),
            refresh_window_hours=float(_env("MMTRACK_REFRESH_WINDOW_HOURS", "24")),
            refresh_every_minutes=float(_env("MMTRACK_REFRESH_EVERY_MINUTES", "120")),
            analysis_workers=int(_env("MMTRACK_ANALYSIS_WORKERS", "2")),
            published_db_named="MMTRACK_PUBLISHED_DB" in os.environ,
        )

    def published_copy_of(self, db: Path | str) -> Path:
        """Where a run on `db` publishes the analysts' copy. The configured copy belongs to the configured
        database; a run on another file (`--db scratch.duckdb`) publishes beside that file, in
        `published/<its name>`, so a scratch run never replaces what analysts read. When ops name the copy
        (MMTRACK_PUBLISHED_DB), every run publishes there."""
        db = Path(db)
        if self.published_db_named or db.resolve() == self.db_path.resolve():
            return self.published_db_path
        return db.parent / "published" / db.name

    def contact_warning(self) -> str | None:
        """Why the User-Agent carries no way to reach us, or None when it does. Outlets block anonymous
        crawlers; a placeholder address is worse than none, so none is sent and ops are told."""
        if self.contact or "MMTRACK_USER_AGENT" in os.environ:
            return None
        return ("MMTRACK_CONTACT is not set: requests identify the tracker but give outlets no contact "
                "(set it to a URL or e-mail address ops read)")

    def describe(self) -> list[tuple[str, str, str]]:
        """(environment variable, effective value, meaning) for every setting."""
        return [
            (f.metadata["env"], str(getattr(self, f.name)), f.metadata["doc"])
            for f in fields(self) if "env" in f.metadata
        ]


def default_user_agent(contact: str) -> str:
    """The identifying User-Agent; the contact part only when ops gave one (never a placeholder)."""
    reach = f"; +{contact}" if contact else ""
    return f"mmtrack/{VERSION} (Myanmar conflict tracker; news feed reader{reach})"


def get_settings() -> Settings:
    """Read the environment afresh, so tests and deployments can change it between runs."""
    return Settings.from_env()
