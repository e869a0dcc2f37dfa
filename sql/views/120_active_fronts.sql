-- active_fronts: one row per township (admin3) with at least one unique event in the 90 days up to the
-- tracking date (tracking_as_of), with its event counts over the last 7, 30 and 90 days, the same-length
-- period just before each (trend), fatalities, and the last event there. Windows end on the tracking date
-- inclusive: "last 7 days" is as_of_date - 6 .. as_of_date; events dated after it are ignored. Events
-- placed only at state or country level have no township and are not fronts.
CREATE OR REPLACE VIEW active_fronts AS
WITH dated AS (
    SELECT e.*, a.as_of_date, a.as_of_date - e.event_date AS days_ago
    FROM reviewed_events e, tracking_as_of a
    WHERE e.admin3_pcode IS NOT NULL AND e.event_date <= a.as_of_date AND e.event_date > a.as_of_date - 180
),
per_township AS (
    SELECT
        admin3_pcode,
        any_value(as_of_date) AS as_of_date,
        count(*) FILTER (WHERE days_ago < 7) AS events_7d,
        count(*) FILTER (WHERE days_ago >= 7 AND days_ago < 14) AS events_prev_7d,
        count(*) FILTER (WHERE days_ago < 30) AS events_30d,
        count(*) FILTER (WHERE days_ago >= 30 AND days_ago < 60) AS events_prev_30d,
        count(*) FILTER (WHERE days_ago < 90) AS events_90d,
        count(*) FILTER (WHERE days_ago >= 90 AND days_ago < 180) AS events_prev_90d,
        coalesce(sum(fatalities) FILTER (WHERE days_ago < 30), 0)::BIGINT AS fatalities_30d,
        coalesce(sum(fatalities) FILTER (WHERE days_ago < 90), 0)::BIGINT AS fatalities_90d,
        -- the latest event; ties on the date broken by the most-reported, then the id, so it is stable
        arg_max(event_id, (event_date, num_sources, event_id)) AS last_event_id
    FROM dated
    GROUP BY admin3_pcode
)
SELECT
    p.admin3_pcode,
    e.admin3,
    e.admin2,
    e.admin1,
    p.events_7d, p.events_prev_7d, p.events_30d, p.events_prev_30d, p.events_90d, p.events_prev_90d,
    -- trend of the last 30 days against the 30 before: more, fewer or as many events
    CASE WHEN p.events_30d > p.events_prev_30d THEN 'rising'
         WHEN p.events_30d < p.events_prev_30d THEN 'falling'
         ELSE 'steady' END AS trend_30d,
    p.events_30d - p.events_prev_30d AS change_30d,
    p.fatalities_30d,
    p.fatalities_90d,
    e.event_date AS last_event_date,
    p.as_of_date - e.event_date AS days_since_last_event,
    p.last_event_id,
    e.event_type AS last_event_type,
    e.sub_event_type AS last_sub_event_type,
    e.actor1 AS last_actor1,
    e.actor2 AS last_actor2,
    e.location AS last_location,
    e.fatalities AS last_fatalities,
    e.notes AS last_notes,
    p.as_of_date
FROM per_township p
JOIN reviewed_events e ON e.event_id = p.last_event_id
WHERE p.events_90d > 0
ORDER BY p.events_30d DESC, p.events_90d DESC, last_event_date DESC, p.admin3_pcode;
