-- actor_activity_by_month: one row per actor and calendar month in which the actor appears in a unique
-- event, as actor1 (the side that acted: attacked, shelled, took territory, signed) or as actor2 (the
-- side acted upon or fought), with the fatalities of those events. An actor is keyed by actor_id, or by
-- its name when the extractor matched no known actor.
CREATE OR REPLACE VIEW actor_activity_by_month AS
WITH roles AS (
    SELECT date_trunc('month', event_date)::DATE AS month, coalesce(actor1_id, actor1) AS actor_key,
           actor1_id AS actor_id, actor1 AS actor, 1 AS role, event_id, fatalities, civilian_targeting
    FROM reviewed_events WHERE actor1 IS NOT NULL
    UNION ALL
    SELECT date_trunc('month', event_date)::DATE, coalesce(actor2_id, actor2), actor2_id, actor2, 2, event_id,
           fatalities, civilian_targeting
    FROM reviewed_events WHERE actor2 IS NOT NULL
)
SELECT
    r.month,
    any_value(r.actor_id) AS actor_id,
    -- the gazetteer's ACLED-style name when the actor is known, else the name the event carries
    coalesce(any_value(a.name), min(r.actor)) AS actor,
    any_value(a.inter_code) AS inter_code,
    any_value(a.actor_type) AS actor_type,
    count(DISTINCT r.event_id) AS events,
    count(*) FILTER (WHERE r.role = 1) AS events_as_actor1,
    count(*) FILTER (WHERE r.role = 2) AS events_as_actor2,
    coalesce(sum(r.fatalities) FILTER (WHERE r.role = 1), 0)::BIGINT AS fatalities_as_actor1,
    coalesce(sum(r.fatalities) FILTER (WHERE r.role = 2), 0)::BIGINT AS fatalities_as_actor2,
    count(*) FILTER (WHERE r.role = 1 AND r.civilian_targeting = 'Civilian targeting')
        AS civilian_targeting_events_as_actor1
FROM roles r
LEFT JOIN actors a ON a.actor_id = r.actor_id
GROUP BY r.month, r.actor_key
ORDER BY r.month, events DESC, actor;
