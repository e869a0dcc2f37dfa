-- agreements: one row per unique event of ACLED type "Agreement" (ceasefires, truces, talks and deals):
-- what kind, between which parties, who mediated, where and when, and whether it held: the report itself
-- says it broke down, or the same two parties fought (Battles, Explosions/Remote violence) after it.
-- kind and mediator are read from the event's notes (its evidence sentence); mediator is NULL when the
-- sentence names none of the usual brokers.
CREATE OR REPLACE VIEW agreements AS
WITH mediator_names(mention, mediator) AS (
    VALUES ('china', 'China'), ('chinese', 'China'), ('beijing', 'China'), ('kunming', 'China'),
           ('thailand', 'Thailand'), ('thai', 'Thailand'), ('asean', 'ASEAN'), ('india', 'India'),
           ('indian', 'India'), ('japan', 'Japan'), ('japanese', 'Japan'),
           ('united nations', 'United Nations'), ('un', 'United Nations')
),
agreement AS (
    SELECT
        e.*,
        CASE WHEN regexp_matches(e.notes, '(?i)cease-?\s?fire|truce|armistice') THEN 'ceasefire'
             WHEN regexp_matches(e.notes, '(?i)\btalks\b|negotiat|dialogue|peace process|meeting') THEN 'talks'
             ELSE 'deal' END AS agreement_kind,
        lower(coalesce(
            nullif(regexp_extract(e.notes, '(?i)\b(?:brokered|mediated|hosted|facilitated) by (?:the )?'
                || '(China|Chinese|Beijing|Thailand|Thai|ASEAN|India|Indian|Japan|Japanese|United Nations|UN)\b', 1), ''),
            nullif(regexp_extract(e.notes, '(?i)\b(China|Chinese|Beijing|Kunming|Thailand|Thai|ASEAN|India|Indian|'
                || 'Japan|Japanese|United Nations|UN)\b[^.;]{0,120}?\b(?:brokered|brokering|mediat|hosted|facilitat)', 1), '')
        )) AS mediator_mention,
        regexp_matches(e.notes, '(?i)broke down|broken|breaking|collaps|violat|breach|resumed fighting|fighting resumed')
            AS breakdown_reported,
        coalesce(e.actor1_id, e.actor1) AS party1_key,
        coalesce(e.actor2_id, e.actor2) AS party2_key
    FROM reviewed_events e
    WHERE e.sub_event_type = 'Agreement'
),
later_fighting AS (
    -- the first fighting between the same two parties after the agreement, in either role
    SELECT a.event_id, min(f.event_date) AS fighting_since_date
    FROM agreement a
    JOIN reviewed_events f
      ON f.event_type IN ('Battles', 'Explosions/Remote violence')
     AND f.event_date > a.event_date
     AND ((coalesce(f.actor1_id, f.actor1) = a.party1_key AND coalesce(f.actor2_id, f.actor2) = a.party2_key)
       OR (coalesce(f.actor1_id, f.actor1) = a.party2_key AND coalesce(f.actor2_id, f.actor2) = a.party1_key))
    GROUP BY a.event_id
)
SELECT
    a.event_date,
    a.event_id,
    a.agreement_kind,
    a.actor1 AS party1,
    a.actor2 AS party2,
    list_filter([a.actor1, a.assoc_actor_1, a.actor2, a.assoc_actor_2], lambda p: p IS NOT NULL) AS parties,
    m.mediator,
    a.location,
    a.admin3 AS township,
    a.admin1,
    a.time_precision,
    a.breakdown_reported,
    l.fighting_since_date,
    l.fighting_since_date - a.event_date AS days_until_fighting,
    CASE WHEN a.breakdown_reported THEN 'reported broken'
         WHEN l.fighting_since_date IS NOT NULL THEN 'fighting since'
         ELSE 'no fighting reported since' END AS status,
    a.first_reported_at,
    a.num_sources,
    a.sources,
    a.source_urls,
    a.notes
FROM agreement a
LEFT JOIN mediator_names m ON m.mention = a.mediator_mention
LEFT JOIN later_fighting l ON l.event_id = a.event_id
ORDER BY a.event_date, a.event_id;
