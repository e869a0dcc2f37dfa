-- acled_export: one row per unique event, with ACLED's column names, order and conventions, so the
-- tracker's rows can be put beside an ACLED (or UCDP) download:
--   event_id_cnty  ISO3 letters + the first 12 characters of the stable event id (ACLED: ISO3 + number);
--   inter1/inter2/interaction  ACLED's numeric actor-type codes (1 state forces .. 8 external forces),
--                  interaction = lower code first (e.g. 17 = state forces vs civilians);
--   civilian_targeting  'Civilian targeting' or '' (ACLED leaves it empty);
--   iso, country, region  ISO 3166 numeric code, country name and ACLED region of where it happened
--                  (104, 'Myanmar', 'Southeast Asia'; events the geocoder could not place abroad or at
--                  all are Myanmar's, as ACLED codes country-level events);
--   admin1, admin2  ACLED's Myanmar spelling: 'Sagaing', 'Shan-North', 'Bago-East' (no "State"/"Region"),
--           districts without "District";
--   source  the outlets that reported it, joined with '; '; source_scale is NULL (the feed registry
--           records no outlet scale yet); tags is '';
--   timestamp  Unix seconds of the latest report of the event (ACLED: last change of the row);
--   source_languages  the languages of the reports ('en; my'), after ACLED's columns.
CREATE OR REPLACE VIEW acled_export AS
WITH countries(country_iso, iso, country, region) AS (
    VALUES ('MMR', 104, 'Myanmar', 'Southeast Asia'), ('THA', 764, 'Thailand', 'Southeast Asia'),
           ('LAO', 418, 'Laos', 'Southeast Asia'), ('CHN', 156, 'China', 'East Asia'),
           ('IND', 356, 'India', 'South Asia'), ('BGD', 50, 'Bangladesh', 'South Asia')
),
located AS (
    SELECT e.*, coalesce(e.country_iso, 'MMR') AS event_country_iso FROM reviewed_events e
)
SELECT
    e.event_country_iso || upper(left(e.event_id, 12)) AS event_id_cnty,
    e.event_date,
    year(e.event_date)::INTEGER AS year,
    e.time_precision,
    coalesce(e.disorder_type, CASE e.event_type
        WHEN 'Protests' THEN 'Demonstrations' WHEN 'Riots' THEN 'Demonstrations'
        WHEN 'Strategic developments' THEN 'Strategic developments'
        ELSE 'Political violence' END) AS disorder_type,
    e.event_type,
    e.sub_event_type,
    e.actor1,
    e.assoc_actor_1,
    e.inter1,
    e.actor2,
    e.assoc_actor_2,
    e.inter2,
    e.interaction,
    coalesce(e.civilian_targeting, '') AS civilian_targeting,
    c.iso,
    c.region,
    coalesce(c.country, e.event_country_iso) AS country,
    CASE WHEN regexp_matches(e.admin1, '\((North|South|East|West)\)$')
         THEN regexp_replace(e.admin1, '^(.*?) (State|Region) \((\w+)\)$', '\1-\3')
         ELSE regexp_replace(e.admin1, ' (State|Region)$', '') END AS admin1,
    regexp_replace(e.admin2, ' District$', '') AS admin2,
    e.admin3,
    e.location,
    e.latitude,
    e.longitude,
    e.geo_precision,
    array_to_string(e.sources, '; ') AS source,
    CAST(NULL AS VARCHAR) AS source_scale,
    e.notes,
    e.fatalities,
    '' AS tags,
    epoch(e.last_reported_at)::BIGINT AS timestamp,
    array_to_string(e.languages, '; ') AS source_languages,
    e.review_status  -- not ACLED's: machine | reviewed | corrected | added (sql/views/017_reviewed_events.sql)
FROM located e
LEFT JOIN countries c ON c.country_iso = e.event_country_iso
ORDER BY e.event_date, event_id_cnty;
