-- Deduplication (tasks/dedup): near-duplicate articles grouped into story clusters, and event mentions
-- from different articles grouped into one real-world event (event cluster) with merged fields.
-- All three tables are derived: tasks/dedup/store.py rewrites them in one transaction per run, and a
-- rebuild from the same articles and events gives the same rows (cluster ids are content hashes).

-- One row per article that has text: the story cluster (wire copy / republication group) it belongs to.
-- Nothing is deleted from articles; duplicates are only labelled.
CREATE TABLE article_clusters (
    article_id VARCHAR PRIMARY KEY,
    story_cluster_id VARCHAR NOT NULL,    -- the representative's article_id (the earliest published copy)
    is_representative BOOLEAN NOT NULL,
    similarity DOUBLE NOT NULL,           -- best word-shingle similarity to another member (1.0 when alone)
    body_hash VARCHAR NOT NULL,           -- md5 of the text clustered, to notice a changed article
    published_at TIMESTAMPTZ,
    signature BIGINT[] NOT NULL,          -- MinHash signature (one-permutation, 126 bins), for LSH on later runs
    method_version VARCHAR NOT NULL
);
CREATE INDEX article_clusters_story ON article_clusters (story_cluster_id);

-- One row per real-world event: the merged ACLED fields (rules in docs/dedup.md) and counts.
CREATE TABLE event_clusters (
    cluster_id VARCHAR PRIMARY KEY,       -- first 32 hex of sha256('event-cluster|' + earliest member event_id)
    representative_event_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    sub_event_type VARCHAR NOT NULL,
    disorder_type VARCHAR,
    event_date DATE NOT NULL,
    time_precision SMALLINT NOT NULL,
    actor1 VARCHAR,
    actor1_id VARCHAR,
    inter1 SMALLINT,
    assoc_actor_1 VARCHAR,
    actor2 VARCHAR,
    actor2_id VARCHAR,
    inter2 SMALLINT,
    assoc_actor_2 VARCHAR,
    interaction SMALLINT,
    civilian_targeting VARCHAR,
    place_id VARCHAR,
    location VARCHAR,
    country_iso VARCHAR,
    admin1 VARCHAR,
    admin1_pcode VARCHAR,
    admin2 VARCHAR,
    admin2_pcode VARCHAR,
    admin3 VARCHAR,
    admin3_pcode VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    geo_precision SMALLINT,
    fatalities INTEGER NOT NULL DEFAULT 0,
    fatalities_rule VARCHAR,              -- which member and rule set the merged toll (see docs/dedup.md)
    injured INTEGER,
    displaced INTEGER,
    arrested INTEGER,
    notes VARCHAR,
    num_events INTEGER NOT NULL,          -- member event mentions
    num_articles INTEGER NOT NULL,        -- distinct member articles
    num_stories INTEGER NOT NULL,         -- distinct story clusters among them (wire copies count once)
    num_sources INTEGER NOT NULL,         -- distinct outlets (feeds.outlet)
    first_reported_at TIMESTAMPTZ,
    last_reported_at TIMESTAMPTZ,
    row_hash VARCHAR NOT NULL,            -- hash of the merged row, so a run rewrites only clusters that changed
    method_version VARCHAR NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX event_clusters_date ON event_clusters (event_date);

-- One row per clustered event mention (events with figure_scope = 'event'): its cluster and why it joined.
CREATE TABLE event_cluster_links (
    event_id VARCHAR PRIMARY KEY,
    cluster_id VARCHAR NOT NULL,
    join_score DOUBLE NOT NULL,           -- worst pair score with the members before it (1.0 for the founder)
    article_id VARCHAR NOT NULL,
    reported_at TIMESTAMPTZ NOT NULL,     -- the article's published_at: clustering runs in report order
    fingerprint VARCHAR NOT NULL,         -- hash of the event row as clustered, to notice a changed event
    method_version VARCHAR NOT NULL
);
CREATE INDEX event_cluster_links_cluster ON event_cluster_links (cluster_id);
