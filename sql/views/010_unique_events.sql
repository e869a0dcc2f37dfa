-- unique_events: one row per real-world event (one event cluster, tasks/dedup), however many outlets and
-- articles reported it. Analysts count events from here, never from `events` (one row per mention).
-- event_id is the cluster id: stable across runs and rebuilds. Merged fields follow docs/dedup.md;
-- num_articles, num_sources, sources, source_urls, reported times and member ids are computed live from
-- the member mentions that still exist; languages lists the languages of the reports (en, my). Only events with figure_scope = 'event' are clustered.
-- Mentions an article only recalls as background (event_mention_roles) are not counted among the reports
-- while any article reports the event as news: recalled_in lists their URLs instead.
CREATE OR REPLACE VIEW unique_events AS
WITH linked AS (
    SELECT l.cluster_id, e.event_id, e.article_id, a.canonical_url, a.published_at, f.outlet,
           coalesce(a.text_language, f.language) AS language, r.mention_role
    FROM event_cluster_links l
    JOIN events e ON e.event_id = l.event_id AND e.figure_scope = 'event'
    JOIN event_mention_roles r ON r.event_id = e.event_id
    JOIN articles a ON a.article_id = e.article_id
    LEFT JOIN feeds f ON f.feed_id = a.feed_id
),
members AS (
    -- counted: reported as news, or (for an event only ever recalled) every mention
    SELECT *, mention_role = 'reported'
              OR NOT bool_or(mention_role = 'reported') OVER (PARTITION BY cluster_id) AS counted
    FROM linked
),
per_cluster AS (
    SELECT cluster_id,
           count(DISTINCT article_id) FILTER (WHERE counted) AS num_articles,
           count(DISTINCT outlet) FILTER (WHERE counted) AS num_sources,
           list_sort(list_distinct(list(outlet) FILTER (WHERE counted AND outlet IS NOT NULL))) AS sources,
           list_sort(list_distinct(list(canonical_url) FILTER (WHERE counted))) AS source_urls,
           min(published_at) FILTER (WHERE counted) AS first_reported_at,
           max(published_at) FILTER (WHERE counted) AS last_reported_at,
           list_sort(list(event_id)) AS member_event_ids,
           list_sort(list_distinct(list(language) FILTER (WHERE language IS NOT NULL))) AS languages,
           coalesce(list_sort(list_distinct(list(canonical_url) FILTER (WHERE NOT counted))),
                    CAST([] AS VARCHAR[])) AS recalled_in
    FROM members
    GROUP BY cluster_id
)
SELECT c.cluster_id AS event_id, c.event_type, c.sub_event_type, c.disorder_type, c.event_date, c.time_precision,
       c.actor1, c.actor1_id, c.inter1, c.assoc_actor_1, c.actor2, c.actor2_id, c.inter2, c.assoc_actor_2,
       c.interaction, c.civilian_targeting, c.place_id, c.location, c.country_iso, c.admin1, c.admin1_pcode,
       c.admin2, c.admin2_pcode, c.admin3, c.admin3_pcode, c.latitude, c.longitude, c.geo_precision,
       c.fatalities, c.injured, c.displaced, c.arrested, c.notes,
       p.num_articles, p.num_sources, p.sources, p.source_urls, p.first_reported_at, p.last_reported_at,
       p.member_event_ids, p.languages, p.recalled_in, c.num_stories, c.fatalities_rule, c.fatalities_sources, c.representative_event_id, c.method_version
FROM event_clusters c
JOIN per_cluster p ON p.cluster_id = c.cluster_id;
