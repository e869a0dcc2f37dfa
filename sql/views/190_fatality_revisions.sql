-- fatality_revisions: one row per revision of an article whose text changed after it was first fetched
-- (tasks/refresh.py): what its events said before and what they say after, and when, so that "5 killed"
-- becoming "40 killed" is visible. `after` is the next revision's history or, for the latest, the events
-- now. Articles that had no event before a revision are not listed (nothing was revised).
CREATE OR REPLACE VIEW fatality_revisions AS
WITH revisions AS (
    SELECT article_id, revision, min(superseded_at) AS revised_at, count(*) AS events_before,
           sum(fatalities)::BIGINT AS fatalities_before, string_agg(DISTINCT location, '; ') AS locations_before
    FROM event_history GROUP BY article_id, revision
),
now_events AS (
    SELECT article_id, count(*) AS events_now, sum(fatalities)::BIGINT AS fatalities_now
    FROM events WHERE figure_scope = 'event' GROUP BY article_id
)
SELECT
    r.article_id,
    a.title,
    a.url,
    a.published_at,
    r.revision,
    r.revised_at,
    r.events_before,
    r.fatalities_before,
    coalesce(nxt.events_before, n.events_now, 0) AS events_after,
    coalesce(nxt.fatalities_before, n.fatalities_now, 0) AS fatalities_after,
    r.locations_before
FROM revisions r
JOIN articles a ON a.article_id = r.article_id
LEFT JOIN revisions nxt ON nxt.article_id = r.article_id AND nxt.revision = r.revision + 1
LEFT JOIN now_events n ON n.article_id = r.article_id
ORDER BY r.revised_at DESC, r.article_id;
