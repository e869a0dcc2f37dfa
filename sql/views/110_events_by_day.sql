-- events_by_day: one row per day, state/region and ACLED event type, counting unique events (one per
-- real-world event, however many outlets reported it) and their fatalities. admin1 is NULL for events
-- placed only at country level.
CREATE OR REPLACE VIEW events_by_day AS
SELECT
    event_date,
    admin1_pcode,
    admin1,
    event_type,
    count(*) AS events,
    sum(fatalities)::BIGINT AS fatalities,
    count(*) FILTER (WHERE civilian_targeting = 'Civilian targeting') AS civilian_targeting_events,
    count(*) FILTER (WHERE fatalities > 0) AS events_with_fatalities
FROM reviewed_events
GROUP BY event_date, admin1_pcode, admin1, event_type
ORDER BY event_date, admin1_pcode NULLS FIRST, event_type;
