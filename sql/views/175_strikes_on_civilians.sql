-- strikes_on_civilians: one row per township and calendar month with at least one air/drone strike or
-- shelling/artillery/missile attack that targeted civilians (ACLED civilian_targeting), counted as unique
-- events, with the people killed and injured. Strikes placed only at district or state level have
-- township NULL (one row per district or state and month for those).
CREATE OR REPLACE VIEW strikes_on_civilians AS
SELECT
    date_trunc('month', event_date)::DATE AS month,
    admin1,
    admin1_pcode,
    admin2 AS district,
    admin3 AS township,
    admin3_pcode,
    count(*) AS strikes,
    count(*) FILTER (WHERE sub_event_type = 'Air/drone strike') AS air_drone_strikes,
    count(*) FILTER (WHERE sub_event_type = 'Shelling/artillery/missile attack') AS shelling_attacks,
    sum(fatalities)::BIGINT AS fatalities,
    coalesce(sum(injured), 0)::BIGINT AS injured,
    max(event_date) AS last_strike_date,
    list_sort(list_distinct(list(location))) AS locations
FROM reviewed_events
WHERE sub_event_type IN ('Air/drone strike', 'Shelling/artillery/missile attack')
  AND civilian_targeting = 'Civilian targeting'
GROUP BY ALL
ORDER BY month, admin1_pcode NULLS FIRST, admin3_pcode NULLS FIRST;
