-- territory_changes: one row per unique event in which a town, base or area changed hands (ACLED Battles
-- "Non-state actor overtakes territory" or "Government regains territory"), in date order: who took it
-- (actor1) from whom (actor2), whether it was a retaking (the government regaining territory, or an actor
-- taking back a place it had lost there before), the previous change at the same place, and the sources.
CREATE OR REPLACE VIEW territory_changes AS
WITH changes AS (
    SELECT
        e.*,
        coalesce(e.place_id, e.location) AS place_key,
        lag(e.event_date) OVER place_history AS previous_change_date,
        lag(e.actor1) OVER place_history AS previous_taken_by,
        lag(coalesce(e.actor2_id, e.actor2)) OVER place_history AS previous_loser_key
    FROM reviewed_events e
    WHERE e.sub_event_type IN ('Non-state actor overtakes territory', 'Government regains territory')
    WINDOW place_history AS (PARTITION BY coalesce(e.place_id, e.location) ORDER BY e.event_date, e.event_id)
)
SELECT
    event_date,
    event_id,
    CASE WHEN sub_event_type = 'Government regains territory'
              OR previous_loser_key = coalesce(actor1_id, actor1) THEN 'retaken'
         ELSE 'taken' END AS change,
    location,
    admin3 AS township,
    admin2 AS district,
    admin1,
    admin3_pcode,
    admin1_pcode,
    actor1 AS taken_by,
    actor1_id AS taken_by_id,
    actor2 AS taken_from,
    actor2_id AS taken_from_id,
    assoc_actor_1 AS taken_by_allies,
    sub_event_type,
    time_precision,
    fatalities,
    previous_change_date,
    previous_taken_by,
    num_sources,
    sources,
    source_urls,
    notes,
    latitude,
    longitude
FROM changes
ORDER BY event_date, location, event_id;
