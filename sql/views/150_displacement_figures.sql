-- displacement_figures: one row per reported number of displaced people, in date order: the figures
-- articles state (table figures, kind 'displaced') and the displacement counted in unique events
-- (unique_events.displaced). scope is 'new' (people displaced by one event or in one episode) or
-- 'cumulative' (a running or background total, e.g. "3 million displaced since the coup"); the two must
-- not be added together. area is the place the figure is about (NULL when the report names none).
CREATE OR REPLACE VIEW displacement_figures AS
WITH reported AS (
    SELECT
        coalesce(f.as_of_date, timezone('UTC', a.published_at)::DATE) AS reported_date,
        f.area_place_id,
        CAST(NULL AS VARCHAR) AS location,
        f.value AS displaced,
        CASE WHEN f.scope = 'event' THEN 'new' ELSE 'cumulative' END AS scope,
        'figure' AS source_kind,
        f.figure_id AS source_id,
        list_filter([fd.outlet], lambda o: o IS NOT NULL) AS sources,
        [a.canonical_url] AS source_urls,
        f.sentence AS evidence
    FROM figures f
    JOIN articles a ON a.article_id = f.article_id
    LEFT JOIN feeds fd ON fd.feed_id = a.feed_id
    WHERE f.kind = 'displaced'
    UNION ALL
    SELECT
        e.event_date, e.place_id, e.location, e.displaced::BIGINT, 'new', 'event', e.event_id,
        e.sources, e.source_urls, e.notes
    FROM reviewed_events e
    WHERE e.displaced > 0
)
SELECT
    r.reported_date,
    r.area_place_id,
    coalesce(p.name_en, r.location) AS area_name,
    p.level AS area_level,
    nullif(p.state_name, '') AS admin1,
    coalesce(p.country_iso, CASE WHEN p.level = 'country' THEN p.place_id END) AS area_country_iso,
    r.displaced,
    r.scope,
    r.source_kind,
    r.source_id,
    r.sources,
    r.source_urls,
    r.evidence
FROM reported r
LEFT JOIN places p ON p.place_id = r.area_place_id
ORDER BY r.reported_date, r.area_place_id NULLS FIRST, r.displaced, r.source_id;
