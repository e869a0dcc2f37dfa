-- Analysts' corrections (issue 17, tasks/review): what a person decided about the machine's events, as
-- data that survives reprocessing. Nothing here is derived: a reprocess never touches these tables.
-- The views (sql/views/012..018) apply the active corrections to unique_events on every read.

-- One row per decision. Never updated except to withdraw it (status), so the history stays complete.
CREATE TABLE corrections (
    correction_id VARCHAR PRIMARY KEY,    -- 'c' + 12 hex, random
    kind VARCHAR NOT NULL,                -- confirm | reject | correct | merge | split | add | relevance
    target_event_id VARCHAR,              -- the event id the analyst named then (display only: rules change
                                          -- ids; correction_anchors say what the correction is about)
    article_id VARCHAR,                   -- relevance: the article; add: the article that reports it (or NULL)
    field VARCHAR,                        -- correct: the field corrected (tasks/review/fields.py)
    value VARCHAR,                        -- correct: the reviewed value (NULL = empty); relevance:
                                          -- 'relevant' | 'not relevant'; add: JSON object of the fields;
                                          -- merge: the other event id named then
    machine_value VARCHAR,                -- the machine's value when the decision was made (audit only)
    who VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    why VARCHAR,
    status VARCHAR NOT NULL DEFAULT 'active',   -- active | withdrawn
    withdrawn_at TIMESTAMPTZ,
    origin VARCHAR                        -- 'command' or 'csv:<file name>:<line>'
);
CREATE INDEX corrections_kind ON corrections (kind);

-- What a correction is about, in terms a reprocess does not change: the event mentions (article +
-- evidence sentence) of the event as the analyst saw it. A mention is recognised again by its article and
-- the hash of its normalised evidence sentence (lower case, white space collapsed), else by an
-- overlapping character span in the same article with the same event type; a unique event is the one
-- holding most of the anchored mentions. role: 'target' (the event corrected, or merge's kept event),
-- 'other' (merge: the event merged into the target), 'split' (the mention split off).
CREATE TABLE correction_anchors (
    correction_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    member_event_id VARCHAR NOT NULL,     -- the mention's event_id then (informational)
    article_id VARCHAR NOT NULL,
    sentence_hash VARCHAR NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    event_type VARCHAR,
    PRIMARY KEY (correction_id, role, member_event_id)
);
CREATE INDEX correction_anchors_article ON correction_anchors (article_id);

-- The corrections resolved against today's events: rewritten (tasks/review/resolve.py) in the same
-- transaction as every review write and every dedup run (which is where events change identity), so the
-- analyst views join small tables instead of re-matching every anchor on every read.
-- One row per active correction: the reviewed event it applies to now, or why it applies to nothing.
CREATE TABLE review_targets (
    correction_id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    target_event_id VARCHAR,
    reviewed_event_id VARCHAR,            -- reviewed_events.event_id (NULL: relevance marks, orphans)
    anchors INTEGER NOT NULL,
    anchors_matched INTEGER NOT NULL,
    matched_by VARCHAR,                   -- sentence | span: how the anchored mentions were found again
    applied BOOLEAN NOT NULL,
    orphan_reason VARCHAR,
    resolved_at TIMESTAMPTZ NOT NULL
);
-- One row per event mention that a merge, a split or a "not relevant" mark moves out of its machine
-- cluster (mentions that stay where the machine put them have no row).
CREATE TABLE review_member_moves (
    member_event_id VARCHAR PRIMARY KEY,
    cluster_id VARCHAR NOT NULL,          -- the machine's cluster (event_cluster_links)
    reviewed_event_id VARCHAR,            -- where it belongs now; NULL when dropped
    split_correction_id VARCHAR,
    merged BOOLEAN NOT NULL,
    dropped BOOLEAN NOT NULL              -- its article was marked not relevant
);
