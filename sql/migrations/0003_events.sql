-- ACLED-style conflict events extracted from relevant articles (tasks/extract), one row per event.
-- event_id = hash of article_id + event signature (type, date, place, actors): re-extraction replaces an
-- article's rows (tasks/extract/store.py deletes and inserts in one transaction), never duplicates them.
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,          -- ACLED: Battles, Explosions/Remote violence, ...
    sub_event_type VARCHAR NOT NULL,
    disorder_type VARCHAR,
    event_date DATE NOT NULL,
    time_precision SMALLINT NOT NULL,     -- 1 day, 2 week or range of days, 3 month
    date_text VARCHAR,                    -- the words the date was read from
    actor1 VARCHAR,
    actor1_id VARCHAR,
    inter1 SMALLINT,
    assoc_actor_1 VARCHAR,
    actor2 VARCHAR,
    actor2_id VARCHAR,
    inter2 SMALLINT,
    assoc_actor_2 VARCHAR,
    interaction SMALLINT,                 -- ACLED: lower inter code first (12, 17, 27); lone actor inter1*10
    civilian_targeting VARCHAR,
    place_id VARCHAR,                     -- gazetteer row (places.place_id)
    location VARCHAR,
    country_iso VARCHAR,
    admin1 VARCHAR,                       -- state/region name
    admin1_pcode VARCHAR,
    admin2 VARCHAR,
    admin2_pcode VARCHAR,
    admin3 VARCHAR,
    admin3_pcode VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    geo_precision SMALLINT,               -- 1 town/village, 2 township/near, 3 state/region or country
    fatalities INTEGER NOT NULL DEFAULT 0,
    injured INTEGER,
    displaced INTEGER,
    arrested INTEGER,
    figure_scope VARCHAR NOT NULL DEFAULT 'event',   -- 'event' | 'cumulative' | 'background'
    notes VARCHAR,
    sentence VARCHAR,                     -- evidence: the sentence(s) the event was read from
    start_char INTEGER,
    end_char INTEGER,
    rule VARCHAR,                         -- the rule that fired
    confidence DOUBLE,
    extractor_version VARCHAR NOT NULL,
    knowledge_version VARCHAR,
    extracted_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date ON events (event_date);

-- Background and aggregate figures ("more than 2 million displaced since the coup"): facts an article
-- states that are not a new event of its own.
CREATE TABLE figures (
    figure_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,                -- killed | injured | casualties (killed or injured, not separable) | displaced | arrested | abducted | surrendered
    value BIGINT NOT NULL,
    scope VARCHAR NOT NULL,               -- 'event' | 'cumulative' | 'background'
    area_place_id VARCHAR,
    as_of_date DATE,
    sentence VARCHAR,
    start_char INTEGER,
    end_char INTEGER,
    extractor_version VARCHAR NOT NULL,
    extracted_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX figures_article ON figures (article_id);

-- Which articles were extracted by which extractor and knowledge version (also those that gave no
-- events), so the stage knows what is left to do and `reprocess` what is stale.
CREATE TABLE article_extractions (
    article_id VARCHAR PRIMARY KEY,
    extractor_version VARCHAR NOT NULL,
    knowledge_version VARCHAR NOT NULL,
    events INTEGER NOT NULL,
    figures INTEGER NOT NULL,
    extracted_at TIMESTAMPTZ NOT NULL
);
