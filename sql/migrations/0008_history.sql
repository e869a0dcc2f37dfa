-- History and freshness (issue 16): backfill from sitemaps and paged feeds, sitemap-kind registry entries,
-- adaptive polling intervals, and re-fetched ("updated") stories whose earlier figures are kept.

-- What a registry entry is: an RSS/Atom/RDF feed, or a sitemap polled like one (an outlet without a feed).
ALTER TABLE feeds ADD COLUMN kind VARCHAR DEFAULT 'rss';
-- Adaptive polling: the interval now in force, why, and the share of recent polls that found new items
-- (an exponentially weighted average; 1 = every poll found something).
ALTER TABLE feeds ADD COLUMN adaptive_interval_minutes INTEGER;
ALTER TABLE feeds ADD COLUMN interval_reason VARCHAR;
ALTER TABLE feeds ADD COLUMN novelty DOUBLE;

-- Where an article came from: 'feed' (a poll) or 'backfill' (a sitemap or paged feed). The live ingest's
-- fetch queue leaves backfill rows to the backfill, so a backlog never delays the scheduled run.
ALTER TABLE articles ADD COLUMN source VARCHAR DEFAULT 'feed';
-- The feed entry's own updated date, and when a re-fetch was asked for (entry updated, young article).
ALTER TABLE articles ADD COLUMN entry_updated_at TIMESTAMPTZ;
ALTER TABLE articles ADD COLUMN refetch_requested_at TIMESTAMPTZ;
ALTER TABLE articles ADD COLUMN revision INTEGER DEFAULT 0;   -- times its text changed since first fetch

-- One row per sitemap, robots.txt or feed page a backfill read for one feed and window: a resumed
-- backfill skips the sources already done; refused (another host) and broken ones keep their reason.
CREATE TABLE backfill_sources (
    feed_id VARCHAR NOT NULL,
    source_url VARCHAR NOT NULL,
    window_since DATE NOT NULL,
    window_until DATE NOT NULL,
    kind VARCHAR NOT NULL,               -- robots | sitemap_index | sitemap | news_sitemap | feed_page
    status VARCHAR NOT NULL,             -- done | failed | refused
    urls_found INTEGER NOT NULL DEFAULT 0,
    urls_in_window INTEGER NOT NULL DEFAULT 0,
    error VARCHAR,
    checked_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (feed_id, source_url, window_since, window_until)
);

-- The events of an article as they were before its text changed (one row per event per revision), so an
-- analyst sees that "5 killed" became "40 killed" and when.
CREATE TABLE event_history (
    article_id VARCHAR NOT NULL,
    revision INTEGER NOT NULL,           -- the article revision these events belonged to (0 = first fetch)
    superseded_at TIMESTAMPTZ NOT NULL,  -- when a re-fetch found new text and replaced them
    event_id VARCHAR NOT NULL,
    event_type VARCHAR,
    sub_event_type VARCHAR,
    event_date DATE,
    location VARCHAR,
    admin1 VARCHAR,
    actor1 VARCHAR,
    actor2 VARCHAR,
    fatalities INTEGER,
    injured INTEGER,
    displaced INTEGER,
    sentence VARCHAR,
    content_hash VARCHAR,                -- hash of the text these events were read from
    PRIMARY KEY (article_id, revision, event_id)
);

-- A feed that answers 403 or has no entries poll after poll: how many polls in a row, why, and the flag
-- feed_health shows once the streak reaches MMTRACK_DEAD_FEED_POLLS (it is then polled at the ceiling).
ALTER TABLE feeds ADD COLUMN problem_streak INTEGER DEFAULT 0;
ALTER TABLE feeds ADD COLUMN problem_reason VARCHAR;
ALTER TABLE feeds ADD COLUMN flag_reason VARCHAR;
