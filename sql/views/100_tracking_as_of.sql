-- tracking_as_of: exactly one row, the date the tracking views count "the last 7/30/90 days" and "this
-- month" back from, and why that date.
--   1. `SET VARIABLE mmtrack_as_of = DATE '2025-02-15'` in a session fixes it (tests, back-dated questions);
--   2. otherwise it is the day of the newest report of any unique event (UTC): on a live tracker that is
--      today, and on a historical or demo database it is the last day the data speaks for, so the views
--      are never empty just because the clock moved on (feed_health shows when the data went stale);
--   3. on an empty database, today.
CREATE OR REPLACE VIEW tracking_as_of AS
WITH latest AS (
    SELECT max(timezone('UTC', last_reported_at))::DATE AS latest_report_date,
           max(event_date) AS latest_event_date
    FROM reviewed_events
)
SELECT
    coalesce(TRY_CAST(getvariable('mmtrack_as_of') AS DATE), latest_report_date, latest_event_date,
             current_date) AS as_of_date,
    CASE
        WHEN TRY_CAST(getvariable('mmtrack_as_of') AS DATE) IS NOT NULL THEN 'variable mmtrack_as_of'
        WHEN latest_report_date IS NOT NULL THEN 'latest report'
        WHEN latest_event_date IS NOT NULL THEN 'latest event date'
        ELSE 'today'
    END AS as_of_basis
FROM latest;
