-- fatalities_by_region_month: one row per state/region and calendar month with at least one unique
-- event: reported fatalities in total and by ACLED event type, and those in events that targeted
-- civilians. Fatalities are ACLED-conservative (the lowest figure reported). admin1 is NULL for events
-- placed only at country level.
CREATE OR REPLACE VIEW fatalities_by_region_month AS
SELECT
    date_trunc('month', event_date)::DATE AS month,
    admin1_pcode,
    admin1,
    count(*) AS events,
    count(*) FILTER (WHERE fatalities > 0) AS events_with_fatalities,
    sum(fatalities)::BIGINT AS fatalities,
    coalesce(sum(fatalities) FILTER (WHERE event_type = 'Battles'), 0)::BIGINT AS battle_fatalities,
    coalesce(sum(fatalities) FILTER (WHERE event_type = 'Explosions/Remote violence'), 0)::BIGINT
        AS remote_violence_fatalities,
    coalesce(sum(fatalities) FILTER (WHERE event_type = 'Violence against civilians'), 0)::BIGINT
        AS violence_against_civilians_fatalities,
    coalesce(sum(fatalities) FILTER (WHERE civilian_targeting = 'Civilian targeting'), 0)::BIGINT
        AS civilian_targeting_fatalities
FROM reviewed_events
GROUP BY ALL
ORDER BY month, admin1_pcode NULLS FIRST;
