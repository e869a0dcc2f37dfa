-- reviewed_events: unique_events with the analysts' active corrections applied (tasks/review); the
-- tracking views and the ACLED export read from here. One row per real-world event as reviewed: rejected
-- events are left out, merged events are one row (the kept event's id), a mention split off is an event
-- of its own, added events are rows too; corrected fields carry the analyst's latest value (a corrected
-- sub_event_type sets event_type and disorder_type; a corrected place sets location, admin1-3, P-codes
-- and coordinates from the gazetteer; a corrected actor sets actor_id, inter code and interaction).
-- num_articles, num_sources, sources, source_urls, reported times, member ids and recalled_in are
-- recomputed from the reviewed members (a mention only recalled as background is not counted, as in
-- unique_events). review_status: 'machine' (no one looked), 'reviewed' (confirmed as coded),
-- 'corrected' (a field, merge or split changed it) or 'added' (the machine missed it).
-- Every other column of unique_events passes through unchanged (SELECT * REPLACE).
CREATE OR REPLACE VIEW reviewed_events AS
WITH targets AS (
    SELECT t.reviewed_event_id, t.applied, c.*
    FROM review_targets t
    JOIN corrections c ON c.correction_id = t.correction_id AND c.status = 'active'
),
affected AS (
    -- the events whose members a merge, split or "not relevant" mark changed: only these are recounted
    SELECT cluster_id AS event_id FROM review_member_moves
    UNION
    SELECT reviewed_event_id FROM review_member_moves WHERE reviewed_event_id IS NOT NULL
),
linked AS (
    SELECT r.reviewed_event_id, r.merged, e.event_id, e.article_id, a.canonical_url, a.published_at, f.outlet,
           coalesce(m.mention_role, 'reported') AS mention_role
    FROM reviewed_members r
    JOIN events e ON e.event_id = r.member_event_id
    LEFT JOIN event_mention_roles m ON m.event_id = e.event_id
    JOIN articles a ON a.article_id = e.article_id
    LEFT JOIN feeds f ON f.feed_id = a.feed_id
    WHERE r.reviewed_event_id IN (SELECT event_id FROM affected)
),
members AS (
    -- counted as unique_events counts: reported as news, or every mention of an event only ever recalled
    SELECT *, mention_role = 'reported'
              OR NOT bool_or(mention_role = 'reported') OVER (PARTITION BY reviewed_event_id) AS counted
    FROM linked
),
per_event AS (
    SELECT reviewed_event_id,
           count(DISTINCT article_id) FILTER (WHERE counted) AS num_articles,
           count(DISTINCT outlet) FILTER (WHERE counted) AS num_sources,
           list_sort(list_distinct(list(outlet) FILTER (WHERE counted AND outlet IS NOT NULL))) AS sources,
           list_sort(list_distinct(list(canonical_url) FILTER (WHERE counted))) AS source_urls,
           min(published_at) FILTER (WHERE counted) AS first_reported_at,
           max(published_at) FILTER (WHERE counted) AS last_reported_at,
           list_sort(list(event_id)) AS member_event_ids,
           coalesce(list_sort(list_distinct(list(canonical_url) FILTER (WHERE NOT counted))),
                    CAST([] AS VARCHAR[])) AS recalled_in,
           bool_or(merged) AS has_merged
    FROM members GROUP BY reviewed_event_id
),
machine AS (
    SELECT u.* REPLACE (coalesce(p.num_articles, u.num_articles) AS num_articles,
                        coalesce(p.num_sources, u.num_sources) AS num_sources,
                        coalesce(p.sources, u.sources) AS sources,
                        coalesce(p.source_urls, u.source_urls) AS source_urls,
                        coalesce(p.first_reported_at, u.first_reported_at) AS first_reported_at,
                        coalesce(p.last_reported_at, u.last_reported_at) AS last_reported_at,
                        coalesce(p.member_event_ids, u.member_event_ids) AS member_event_ids,
                        coalesce(p.recalled_in, u.recalled_in) AS recalled_in),
           'machine' AS origin, coalesce(p.has_merged, false) AS has_merged
    FROM unique_events u
    LEFT JOIN per_event p ON p.reviewed_event_id = u.event_id
    -- an affected event with no members left was merged away or dropped
    WHERE p.reviewed_event_id IS NOT NULL OR u.event_id NOT IN (SELECT event_id FROM affected)
),
split_off AS (
    SELECT m.reviewed_event_id AS event_id, e.event_type, e.sub_event_type, e.disorder_type, e.event_date,
           e.time_precision, e.actor1, e.actor1_id, e.inter1, e.assoc_actor_1, e.actor2, e.actor2_id, e.inter2,
           e.assoc_actor_2, e.interaction, e.civilian_targeting, e.place_id, e.location, e.country_iso, e.admin1,
           e.admin1_pcode, e.admin2, e.admin2_pcode, e.admin3, e.admin3_pcode, e.latitude, e.longitude,
           e.geo_precision, e.fatalities, e.injured, e.displaced, e.arrested, e.notes, p.num_articles,
           p.num_sources, p.sources, p.source_urls, p.first_reported_at, p.last_reported_at, p.member_event_ids,
           p.recalled_in, 1 AS num_stories, e.event_id AS representative_event_id, 'split' AS origin, false AS has_merged
    FROM review_member_moves m
    JOIN events e ON e.event_id = m.member_event_id
    JOIN per_event p ON p.reviewed_event_id = m.reviewed_event_id
    WHERE m.split_correction_id IS NOT NULL AND NOT m.dropped
),
added AS (
    SELECT c.reviewed_event_id AS event_id,
           CASE WHEN a.article_id IS NULL THEN 0 ELSE 1 END AS num_articles,
           CASE WHEN f.outlet IS NULL THEN 0 ELSE 1 END AS num_sources,
           list_filter([f.outlet], lambda o: o IS NOT NULL) AS sources,
           list_filter([a.canonical_url], lambda u: u IS NOT NULL) AS source_urls,
           a.published_at AS first_reported_at, a.published_at AS last_reported_at,
           CAST([] AS VARCHAR[]) AS member_event_ids, CAST([] AS VARCHAR[]) AS recalled_in,
           'added' AS origin, false AS has_merged,
           0 AS fatalities
    FROM targets c
    LEFT JOIN articles a ON a.article_id = c.article_id
    LEFT JOIN feeds f ON f.feed_id = a.feed_id
    WHERE c.kind = 'add'
),
base AS (
    SELECT * FROM machine
    UNION ALL BY NAME SELECT * FROM split_off
    UNION ALL BY NAME SELECT * FROM added
),
field_values AS (
    -- a field correction, or a field of an added event (its JSON object), per reviewed event
    SELECT c.reviewed_event_id AS event_id, c.field, c.value, c.created_at, c.correction_id
    FROM targets c
    WHERE c.applied AND c.kind = 'correct'
    UNION ALL
    SELECT c.reviewed_event_id, k.field, c.value::JSON ->> k.field, c.created_at, c.correction_id
    FROM targets c, unnest(json_keys(c.value::JSON)) AS k(field)
    WHERE c.kind = 'add'
),
latest AS (
    -- the latest value per field; '' means "empty" (NULL is "not corrected")
    SELECT event_id, field, coalesce(arg_max_null(value, (created_at, correction_id)), '') AS value
    FROM field_values GROUP BY event_id, field
),
fixes AS (
    SELECT event_id,
           list_sort(list(field)) AS corrected_fields,
           max(value) FILTER (WHERE field = 'event_type') AS event_type,
           max(value) FILTER (WHERE field = 'sub_event_type') AS sub_event_type,
           max(value) FILTER (WHERE field = 'event_date') AS event_date,
           max(value) FILTER (WHERE field = 'time_precision') AS time_precision,
           max(value) FILTER (WHERE field = 'actor1') AS actor1,
           max(value) FILTER (WHERE field = 'assoc_actor_1') AS assoc_actor_1,
           max(value) FILTER (WHERE field = 'actor2') AS actor2,
           max(value) FILTER (WHERE field = 'assoc_actor_2') AS assoc_actor_2,
           max(value) FILTER (WHERE field = 'civilian_targeting') AS civilian_targeting,
           max(value) FILTER (WHERE field = 'place') AS place,
           max(value) FILTER (WHERE field = 'geo_precision') AS geo_precision,
           max(value) FILTER (WHERE field = 'fatalities') AS fatalities,
           max(value) FILTER (WHERE field = 'injured') AS injured,
           max(value) FILTER (WHERE field = 'displaced') AS displaced,
           max(value) FILTER (WHERE field = 'arrested') AS arrested,
           max(value) FILTER (WHERE field = 'notes') AS notes
    FROM latest GROUP BY event_id
),
decisions AS (
    SELECT c.reviewed_event_id AS event_id,
           bool_or(c.kind = 'reject') AS rejected,
           bool_or(c.kind IN ('correct', 'merge', 'split')) AS changed,
           max(c.created_at) AS last_reviewed_at,
           list_sort(list_distinct(list(c.who))) AS reviewed_by
    FROM targets c
    WHERE c.applied AND c.kind IN ('confirm', 'reject', 'correct', 'merge', 'split', 'add')
    GROUP BY c.reviewed_event_id
),
review AS (
    -- everything decided about an event, joined to the gazetteer and actors while it is narrow (DuckDB
    -- materialises the build side of a join: joining the wide rows five times would need 5x the memory)
    SELECT coalesce(x.event_id, d.event_id) AS event_id, x.* EXCLUDE (event_id),
           ty.event_type AS type_event_type, ty.disorder_type AS type_disorder_type,
           a1.actor_id AS actor1_actor_id, a1.inter_code AS actor1_inter,
           a2.actor_id AS actor2_actor_id, a2.inter_code AS actor2_inter,
           pl.place_id AS p_place_id, pl.name_en AS p_name, pl.country_iso AS p_country_iso,
           nullif(pl.state_name, '') AS p_admin1, nullif(pl.state_pcode, '') AS p_admin1_pcode,
           nullif(pl.district_name, '') AS p_admin2, nullif(pl.district_pcode, '') AS p_admin2_pcode,
           nullif(pl.township_name, '') AS p_admin3, nullif(pl.township_pcode, '') AS p_admin3_pcode,
           pl.latitude AS p_latitude, pl.longitude AS p_longitude,
           CASE WHEN pl.level IN ('state', 'country') THEN 3 WHEN pl.level IN ('township', 'district') THEN 2
                ELSE 1 END AS p_geo_precision,
           d.rejected, d.changed, d.last_reviewed_at, d.reviewed_by
    FROM fixes x
    FULL OUTER JOIN decisions d ON d.event_id = x.event_id
    LEFT JOIN acled_event_types ty ON ty.sub_event_type = nullif(x.sub_event_type, '')
    LEFT JOIN actors a1 ON a1.name = x.actor1
    LEFT JOIN actors a2 ON a2.name = x.actor2
    LEFT JOIN places pl ON pl.place_id = x.place
),
fixed AS (
    SELECT b.* REPLACE (
        coalesce(nullif(x.event_type, ''), x.type_event_type, b.event_type) AS event_type,
        coalesce(nullif(x.sub_event_type, ''), b.sub_event_type) AS sub_event_type,
        CASE WHEN x.type_event_type IS NOT NULL THEN x.type_disorder_type ELSE b.disorder_type END AS disorder_type,
        coalesce(TRY_CAST(nullif(x.event_date, '') AS DATE), b.event_date) AS event_date,
        coalesce(TRY_CAST(nullif(x.time_precision, '') AS SMALLINT), b.time_precision, 1) AS time_precision,
        CASE WHEN x.actor1 IS NULL THEN b.actor1 ELSE nullif(x.actor1, '') END AS actor1,
        CASE WHEN x.actor1 IS NULL THEN b.actor1_id ELSE x.actor1_actor_id END AS actor1_id,
        CASE WHEN x.actor1 IS NULL THEN b.inter1 ELSE x.actor1_inter END AS inter1,
        CASE WHEN x.assoc_actor_1 IS NULL THEN b.assoc_actor_1 ELSE nullif(x.assoc_actor_1, '') END AS assoc_actor_1,
        CASE WHEN x.actor2 IS NULL THEN b.actor2 ELSE nullif(x.actor2, '') END AS actor2,
        CASE WHEN x.actor2 IS NULL THEN b.actor2_id ELSE x.actor2_actor_id END AS actor2_id,
        CASE WHEN x.actor2 IS NULL THEN b.inter2 ELSE x.actor2_inter END AS inter2,
        CASE WHEN x.assoc_actor_2 IS NULL THEN b.assoc_actor_2 ELSE nullif(x.assoc_actor_2, '') END AS assoc_actor_2,
        CASE WHEN x.actor1 IS NULL AND x.actor2 IS NULL THEN b.interaction
             WHEN (CASE WHEN x.actor1 IS NULL THEN b.inter1 ELSE x.actor1_inter END) IS NULL THEN NULL
             WHEN (CASE WHEN x.actor2 IS NULL THEN b.inter2 ELSE x.actor2_inter END) IS NULL
                 THEN 10 * (CASE WHEN x.actor1 IS NULL THEN b.inter1 ELSE x.actor1_inter END)
             ELSE 10 * least(CASE WHEN x.actor1 IS NULL THEN b.inter1 ELSE x.actor1_inter END,
                             CASE WHEN x.actor2 IS NULL THEN b.inter2 ELSE x.actor2_inter END)
                  + greatest(CASE WHEN x.actor1 IS NULL THEN b.inter1 ELSE x.actor1_inter END,
                             CASE WHEN x.actor2 IS NULL THEN b.inter2 ELSE x.actor2_inter END)
        END::SMALLINT AS interaction,
        CASE WHEN x.civilian_targeting IS NULL THEN b.civilian_targeting
             ELSE nullif(x.civilian_targeting, '') END AS civilian_targeting,
        CASE WHEN x.place IS NULL THEN b.place_id ELSE x.p_place_id END AS place_id,
        CASE WHEN x.place IS NULL THEN b.location ELSE x.p_name END AS location,
        CASE WHEN x.place IS NULL THEN b.country_iso ELSE x.p_country_iso END AS country_iso,
        CASE WHEN x.place IS NULL THEN b.admin1 ELSE x.p_admin1 END AS admin1,
        CASE WHEN x.place IS NULL THEN b.admin1_pcode ELSE x.p_admin1_pcode END AS admin1_pcode,
        CASE WHEN x.place IS NULL THEN b.admin2 ELSE x.p_admin2 END AS admin2,
        CASE WHEN x.place IS NULL THEN b.admin2_pcode ELSE x.p_admin2_pcode END AS admin2_pcode,
        CASE WHEN x.place IS NULL THEN b.admin3 ELSE x.p_admin3 END AS admin3,
        CASE WHEN x.place IS NULL THEN b.admin3_pcode ELSE x.p_admin3_pcode END AS admin3_pcode,
        CASE WHEN x.place IS NULL THEN b.latitude ELSE x.p_latitude END AS latitude,
        CASE WHEN x.place IS NULL THEN b.longitude ELSE x.p_longitude END AS longitude,
        coalesce(TRY_CAST(nullif(x.geo_precision, '') AS SMALLINT),
                 CASE WHEN x.place IS NULL THEN b.geo_precision ELSE x.p_geo_precision END)::SMALLINT AS geo_precision,
        CASE WHEN x.fatalities IS NULL THEN b.fatalities
             ELSE coalesce(TRY_CAST(nullif(x.fatalities, '') AS INTEGER), 0) END AS fatalities,
        CASE WHEN x.injured IS NULL THEN b.injured ELSE TRY_CAST(nullif(x.injured, '') AS INTEGER) END AS injured,
        CASE WHEN x.displaced IS NULL THEN b.displaced ELSE TRY_CAST(nullif(x.displaced, '') AS INTEGER) END AS displaced,
        CASE WHEN x.arrested IS NULL THEN b.arrested ELSE TRY_CAST(nullif(x.arrested, '') AS INTEGER) END AS arrested,
        CASE WHEN x.notes IS NULL THEN b.notes ELSE nullif(x.notes, '') END AS notes),
        x.corrected_fields, x.rejected, x.changed, x.last_reviewed_at, x.reviewed_by
    FROM base b
    LEFT JOIN review x ON x.event_id = b.event_id
)
SELECT * EXCLUDE (origin, has_merged, rejected, changed, corrected_fields, last_reviewed_at, reviewed_by),
       CASE WHEN origin = 'added' THEN 'added'
            WHEN changed OR corrected_fields IS NOT NULL OR has_merged OR origin = 'split' THEN 'corrected'
            WHEN last_reviewed_at IS NOT NULL THEN 'reviewed'
            ELSE 'machine' END AS review_status,
       coalesce(corrected_fields, CAST([] AS VARCHAR[])) AS corrected_fields,
       last_reviewed_at,
       reviewed_by
FROM fixed
WHERE NOT coalesce(rejected, false);
