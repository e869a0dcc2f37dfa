-- review_queue: one row per reviewed event no analyst has looked at yet (review_status 'machine'), most
-- worth a person's time first. worth adds: 2 x ln(1 + fatalities); 3 x (1 - the best member's extractor
-- confidence); 1.5 for an actor and 1 for a place seen in no earlier event; 2 for a territory change;
-- 1 for a single source; 2 when member reports disagree (toll, sub-event type or day). reasons says which.
-- evidence is the most confident member's sentence; `mmtrack review next` shows every member's.
CREATE OR REPLACE VIEW review_queue AS
WITH ev AS (
    SELECT event_id, event_date, event_type, sub_event_type, actor1, actor1_id, actor2, actor2_id, place_id,
           location, admin1, fatalities, num_sources, review_status
    FROM reviewed_events
),
member_stats AS (
    SELECT r.reviewed_event_id AS event_id, max(e.confidence) AS confidence,
           count(DISTINCT e.fatalities) FILTER (WHERE e.fatalities > 0) AS tolls,
           count(DISTINCT e.sub_event_type) AS sub_event_types,
           count(DISTINCT e.event_date) FILTER (WHERE e.time_precision = 1) AS days,
           arg_max(e.sentence, (e.confidence, e.event_id)) AS evidence,
           arg_max(e.article_id, (e.confidence, e.event_id)) AS evidence_article_id
    FROM reviewed_members r
    JOIN events e ON e.event_id = r.member_event_id
    GROUP BY r.reviewed_event_id
),
roles AS (
    SELECT event_id, event_date, coalesce(actor1_id, actor1) AS actor_key FROM ev WHERE actor1 IS NOT NULL
    UNION ALL
    SELECT event_id, event_date, coalesce(actor2_id, actor2) FROM ev WHERE actor2 IS NOT NULL
),
new_actors AS (
    SELECT first_event_id AS event_id, list_sort(list(actor_key)) AS actors
    FROM (SELECT actor_key, arg_min(event_id, (event_date, event_id)) AS first_event_id FROM roles GROUP BY actor_key)
    GROUP BY first_event_id
),
new_places AS (
    SELECT arg_min(event_id, (event_date, event_id)) AS event_id
    FROM ev WHERE coalesce(place_id, location) IS NOT NULL
    GROUP BY coalesce(place_id, location)
),
signals AS (
    SELECT e.*, m.confidence, m.evidence, m.evidence_article_id, n.actors AS new_actors,
           p.event_id IS NOT NULL AS new_place,
           e.sub_event_type IN ('Non-state actor overtakes territory', 'Government regains territory',
                                'Non-violent transfer of territory') AS territory_change,
           coalesce(e.num_sources, 0) <= 1 AS single_source,
           coalesce(m.tolls > 1 OR m.sub_event_types > 1 OR m.days > 1, false) AS sources_disagree
    FROM ev e
    LEFT JOIN member_stats m ON m.event_id = e.event_id
    LEFT JOIN new_actors n ON n.event_id = e.event_id
    LEFT JOIN new_places p ON p.event_id = e.event_id
    WHERE e.review_status = 'machine'
)
SELECT
    event_id,
    round(2 * ln(1 + coalesce(fatalities, 0)) + 3 * (1 - coalesce(confidence, 0.5))
          + CASE WHEN new_actors IS NOT NULL THEN 1.5 ELSE 0 END + CASE WHEN new_place THEN 1 ELSE 0 END
          + CASE WHEN territory_change THEN 2 ELSE 0 END + CASE WHEN single_source THEN 1 ELSE 0 END
          + CASE WHEN sources_disagree THEN 2 ELSE 0 END, 3) AS worth,
    list_filter([
        CASE WHEN fatalities > 0 THEN fatalities || ' killed' END,
        CASE WHEN confidence < 0.6 THEN 'low confidence ' || confidence END,
        CASE WHEN new_actors IS NOT NULL THEN 'new actor ' || array_to_string(new_actors, ', ') END,
        CASE WHEN new_place THEN 'new place ' || coalesce(location, place_id) END,
        CASE WHEN territory_change THEN 'territory change' END,
        CASE WHEN single_source THEN 'single source' END,
        CASE WHEN sources_disagree THEN 'sources disagree' END], lambda r: r IS NOT NULL) AS reasons,
    event_date, event_type, sub_event_type, actor1, actor2, location, admin1, fatalities, num_sources,
    confidence, evidence, evidence_article_id
FROM signals
ORDER BY worth DESC, event_date DESC, event_id;
