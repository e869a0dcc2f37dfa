-- review_field_checks: one row per field of each machine event an analyst confirmed, corrected or
-- rejected: the machine's value (unique_events, as today's rules code it) beside the reviewed value
-- (reviewed_events), and whether they agree. A correction reviews the whole event: the fields it did not
-- change count as right. A rejected event has one row, field 'is_event', wrong. Fields: is_event,
-- event_type, sub_event_type, event_date, time_precision, actor1, actor2, place (place_id, else
-- location), fatalities, injured, displaced, arrested, civilian_targeting. outlet and language are the
-- representative report's (language 'en' when the article records none).
CREATE OR REPLACE VIEW review_field_checks AS
WITH judged AS (
    SELECT t.reviewed_event_id AS event_id, bool_or(c.kind = 'reject') AS rejected,
           max(c.created_at) AS reviewed_at
    FROM review_targets t
    JOIN corrections c ON c.correction_id = t.correction_id AND c.status = 'active'
    WHERE t.applied AND c.kind IN ('confirm', 'correct', 'reject')
    GROUP BY t.reviewed_event_id
),
pairs AS (
    SELECT j.event_id, j.rejected, j.reviewed_at, u.event_date AS machine_date, fd.outlet,
           coalesce(a.language, 'en') AS language,
           CASE WHEN j.rejected THEN [{'field': 'is_event', 'machine': 'event', 'reviewed': 'not an event'}]
           ELSE [
               {'field': 'is_event', 'machine': 'event', 'reviewed': 'event'},
               {'field': 'event_type', 'machine': u.event_type, 'reviewed': r.event_type},
               {'field': 'sub_event_type', 'machine': u.sub_event_type, 'reviewed': r.sub_event_type},
               {'field': 'event_date', 'machine': u.event_date::VARCHAR, 'reviewed': r.event_date::VARCHAR},
               {'field': 'time_precision', 'machine': u.time_precision::VARCHAR, 'reviewed': r.time_precision::VARCHAR},
               {'field': 'actor1', 'machine': u.actor1, 'reviewed': r.actor1},
               {'field': 'actor2', 'machine': u.actor2, 'reviewed': r.actor2},
               {'field': 'place', 'machine': coalesce(u.place_id, u.location), 'reviewed': coalesce(r.place_id, r.location)},
               {'field': 'fatalities', 'machine': u.fatalities::VARCHAR, 'reviewed': r.fatalities::VARCHAR},
               {'field': 'injured', 'machine': u.injured::VARCHAR, 'reviewed': r.injured::VARCHAR},
               {'field': 'displaced', 'machine': u.displaced::VARCHAR, 'reviewed': r.displaced::VARCHAR},
               {'field': 'arrested', 'machine': u.arrested::VARCHAR, 'reviewed': r.arrested::VARCHAR},
               {'field': 'civilian_targeting', 'machine': u.civilian_targeting, 'reviewed': r.civilian_targeting}]
           END AS checks
    FROM judged j
    JOIN unique_events u ON u.event_id = j.event_id
    LEFT JOIN reviewed_events r ON r.event_id = j.event_id
    LEFT JOIN events e ON e.event_id = u.representative_event_id
    LEFT JOIN articles a ON a.article_id = e.article_id
    LEFT JOIN feeds fd ON fd.feed_id = a.feed_id
)
SELECT p.event_id,
       date_trunc('month', p.machine_date)::DATE AS month,
       p.outlet,
       p.language,
       c.item.field AS field,
       c.item.machine AS machine_value,
       c.item.reviewed AS reviewed_value,
       c.item.machine IS NOT DISTINCT FROM c.item.reviewed AS correct,
       p.reviewed_at
FROM pairs p, unnest(p.checks) AS c(item)
ORDER BY p.event_id, field;
