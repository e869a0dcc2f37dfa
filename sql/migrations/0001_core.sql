-- Core ingestion tables: the feed registry with its polling state, the poll history, one row per
-- article (canonical URL), which feeds carried it, and the history of pipeline runs.

-- One row per feed in seeds/feeds.csv (synced every run); in_registry is false once a feed leaves the CSV,
-- so its history stays joinable.
CREATE TABLE feeds (
    feed_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    outlet VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    language VARCHAR,
    enabled BOOLEAN NOT NULL,
    poll_interval_minutes INTEGER NOT NULL,
    general BOOLEAN NOT NULL,            -- a general feed: its items need the relevance filter
    allow_private BOOLEAN NOT NULL,      -- may point at loopback/private hosts (the offline demo)
    in_registry BOOLEAN NOT NULL,
    etag VARCHAR,
    last_modified VARCHAR,
    body_hash VARCHAR,
    next_poll_at TIMESTAMPTZ,
    failure_count INTEGER NOT NULL DEFAULT 0,
    last_status VARCHAR,                 -- new | unchanged | not_modified | failed
    last_http_status INTEGER,
    last_error VARCHAR,
    last_polled_at TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    bozo BOOLEAN,                        -- last parse was ill-formed but still usable
    feed_version VARCHAR                 -- feedparser's name for the format: rss20, atom10, rss10...
);

-- One row per poll of one feed: the feed-health history.
CREATE TABLE feed_polls (
    poll_id VARCHAR PRIMARY KEY,         -- run_id + feed_id
    run_id VARCHAR NOT NULL,
    feed_id VARCHAR NOT NULL,
    polled_at TIMESTAMPTZ NOT NULL,
    outcome VARCHAR NOT NULL,            -- new | unchanged | not_modified | failed | skipped_backoff
    http_status INTEGER,
    error VARCHAR,
    bytes BIGINT,
    elapsed_ms DOUBLE,
    entries INTEGER,
    new_entries INTEGER,
    bozo BOOLEAN,
    feed_version VARCHAR,
    retry_after_s DOUBLE
);

-- One row per canonical URL. Feed data arrives first (fetch_status 'pending'); the fetch/clean stage
-- fills in the page data later, so a killed run leaves a queue, never a loss.
CREATE TABLE articles (
    article_id VARCHAR PRIMARY KEY,      -- first 32 hex chars of sha256(canonical_url)
    canonical_url VARCHAR NOT NULL,
    url VARCHAR NOT NULL,                -- the link as first seen in a feed
    feed_id VARCHAR NOT NULL,            -- the first feed that carried it
    guid VARCHAR,
    title VARCHAR,
    summary VARCHAR,
    authors VARCHAR[],
    feed_tags VARCHAR[],
    feed_published_at TIMESTAMPTZ,
    first_seen_at TIMESTAMPTZ NOT NULL,
    fetch_status VARCHAR NOT NULL,       -- pending | ok | failed
    fetch_attempts INTEGER NOT NULL DEFAULT 0,
    fetch_error VARCHAR,
    fetched_at TIMESTAMPTZ,
    http_status INTEGER,
    final_url VARCHAR,
    content_type VARCHAR,
    page_bytes BIGINT,
    clean_error VARCHAR,
    text VARCHAR,
    text_source VARCHAR,                 -- article | summary | title
    page_title VARCHAR,
    page_author VARCHAR,
    page_date DATE,
    site_name VARCHAR,
    language VARCHAR,
    published_at TIMESTAMPTZ,            -- the feed's date, else the page's, never after the fetch
    published_source VARCHAR,            -- feed | page | first_seen
    content_hash VARCHAR                 -- sha256 of text, to notice a page that changed
);

-- Every feed that carried an article, and the exact link it used.
CREATE TABLE article_feeds (
    article_id VARCHAR NOT NULL,
    feed_id VARCHAR NOT NULL,
    entry_url VARCHAR NOT NULL,
    guid VARCHAR,
    first_seen_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, feed_id)
);

-- One row per flow run, written at start and completed by the run or by its failure hooks.
CREATE TABLE pipeline_runs (
    run_id VARCHAR PRIMARY KEY,
    flow VARCHAR NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status VARCHAR NOT NULL,             -- running | completed | failed | crashed
    error VARCHAR,
    summary JSON,
    code_version VARCHAR
);
