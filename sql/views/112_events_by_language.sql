-- events_by_language: one row per month and language of the reports, with how many unique events,
-- articles and fatalities: an event reported only in English counts under 'en', only in
-- Burmese under 'my', in both languages under 'both' (so the Burmese feeds' own addition is the 'my' row).
CREATE OR REPLACE VIEW events_by_language AS
WITH per_event AS (
    SELECT event_id, date_trunc('month', event_date)::DATE AS month, fatalities, num_articles,
           CASE WHEN len(languages) > 1 THEN 'both' WHEN len(languages) = 1 THEN languages[1] ELSE 'unknown' END
               AS language
    FROM unique_events
)
SELECT month, language, count(*) AS events, sum(num_articles) AS articles, sum(fatalities) AS fatalities
FROM per_event
GROUP BY month, language
ORDER BY month, language;
