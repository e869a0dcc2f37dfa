-- displacement_latest: one row per area (place) with at least one displacement figure: the latest figure
-- reported for it (ties on the date go to the larger number), and separately the latest cumulative total
-- and the latest count of newly displaced people. Figures that name no area are left out.
CREATE OR REPLACE VIEW displacement_latest AS
SELECT
    area_place_id,
    any_value(area_name) AS area_name,
    any_value(area_level) AS area_level,
    any_value(admin1) AS admin1,
    max(reported_date) AS latest_date,
    arg_max(displaced, (reported_date, displaced, source_id)) AS latest_displaced,
    arg_max(scope, (reported_date, displaced, source_id)) AS latest_scope,
    arg_max(source_urls, (reported_date, displaced, source_id)) AS latest_source_urls,
    arg_max(displaced, (reported_date, displaced, source_id)) FILTER (WHERE scope = 'cumulative')
        AS latest_cumulative,
    max(reported_date) FILTER (WHERE scope = 'cumulative') AS latest_cumulative_date,
    arg_max(displaced, (reported_date, displaced, source_id)) FILTER (WHERE scope = 'new') AS latest_new,
    max(reported_date) FILTER (WHERE scope = 'new') AS latest_new_date,
    count(*) AS reports
FROM displacement_figures
WHERE area_place_id IS NOT NULL
GROUP BY area_place_id
ORDER BY latest_date DESC, area_place_id;
