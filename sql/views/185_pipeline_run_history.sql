-- pipeline_run_history: one row per pipeline run (ingest, reprocess, maintenance), newest first: status,
-- timing, what the run polled and loaded (from its summary), and the polls it recorded in feed_polls
-- (which exist even when a run crashed before writing its summary).
CREATE OR REPLACE VIEW pipeline_run_history AS
WITH polls AS (
    SELECT run_id, count(*) AS polls_recorded, count(*) FILTER (WHERE outcome = 'failed') AS polls_failed,
           coalesce(sum(new_entries), 0)::BIGINT AS new_entries
    FROM feed_polls GROUP BY run_id
)
SELECT
    r.run_id,
    r.flow,
    r.status,
    r.started_at,
    r.finished_at,
    round(epoch(r.finished_at) - epoch(r.started_at), 3) AS duration_s,
    TRY_CAST(r.summary ->> 'feeds_polled' AS INTEGER) AS feeds_polled,
    TRY_CAST(r.summary ->> 'feeds_failed' AS INTEGER) AS feeds_failed,
    TRY_CAST(r.summary ->> 'articles_new' AS INTEGER) AS articles_new,
    TRY_CAST(r.summary ->> 'articles_fetched' AS INTEGER) AS articles_fetched,
    TRY_CAST(r.summary ->> 'articles_failed' AS INTEGER) AS articles_failed,
    TRY_CAST(r.summary ->> 'relevant' AS INTEGER) AS articles_relevant,
    TRY_CAST(r.summary ->> 'events' AS INTEGER) AS events_extracted,
    coalesce(p.polls_recorded, 0) AS polls_recorded,
    coalesce(p.polls_failed, 0) AS polls_failed,
    coalesce(p.new_entries, 0) AS new_entries,
    r.error,
    r.code_version
FROM pipeline_runs r
LEFT JOIN polls p ON p.run_id = r.run_id
ORDER BY r.started_at DESC, r.run_id;
