-- Knowledge reference tables (replaced from seeds/ on every run by tasks.knowledge.sync_reference_tables)
-- and the relevance tags of articles (tasks.tag).

-- One row per gazetteer place: MIMU P-code hierarchy, or a made-up id for places abroad.
CREATE TABLE places (
    place_id VARCHAR PRIMARY KEY,
    level VARCHAR NOT NULL,            -- country | state | district | township | town | village_tract | foreign
    name_en VARCHAR,
    name_my VARCHAR,
    state_pcode VARCHAR,
    state_name VARCHAR,
    district_pcode VARCHAR,
    district_name VARCHAR,
    township_pcode VARCHAR,
    township_name VARCHAR,
    country_iso VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    coord_approx BOOLEAN
);

-- Extra spellings news uses for a place (Rangoon, Laukkai, Burmese script...).
CREATE TABLE place_aliases (
    place_id VARCHAR NOT NULL,
    alias VARCHAR NOT NULL
);

-- One row per conflict actor, ACLED-style name and inter code.
CREATE TABLE actors (
    actor_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    inter_code INTEGER,                -- 1 state forces .. 8 external/other forces
    actor_type VARCHAR,
    country_iso VARCHAR,
    alliances VARCHAR[],
    political_wing VARCHAR,            -- actor_id
    armed_wing VARCHAR,                -- actor_id
    description VARCHAR
);

CREATE TABLE actor_aliases (
    actor_id VARCHAR NOT NULL,
    alias VARCHAR NOT NULL,
    needs_myanmar_context BOOLEAN,     -- ambiguous short form (AA, PDF, SAC): only in Myanmar-anchored text
    case_sensitive BOOLEAN
);

-- Trigger words and phrases (folded: lower case, hyphens as spaces) with their ACLED types and signal.
CREATE TABLE event_lexicon (
    trigger VARCHAR PRIMARY KEY,
    event_type VARCHAR,
    sub_event_type VARCHAR,
    signal VARCHAR,                    -- conflict | displacement | conscription | arrest | ceasefire | ...
    weight DOUBLE
);

-- One row per tagged article: is it about Myanmar's armed conflict, and why.
CREATE TABLE article_tags (
    article_id VARCHAR PRIMARY KEY,
    relevant BOOLEAN NOT NULL,
    score DOUBLE NOT NULL,
    rule VARCHAR NOT NULL,             -- the rule that decided (see tasks/tag.py)
    topics VARCHAR[],                  -- airstrike, armed_clash, territory_change, ceasefire_talks, ...
    regions VARCHAR[],                 -- state/region names
    region_pcodes VARCHAR[],
    actors VARCHAR[],                  -- actor_ids
    evidence JSON,                     -- matched terms with field, offsets and kind; scores
    tagger_version VARCHAR NOT NULL,
    tagged_at TIMESTAMPTZ NOT NULL
);
