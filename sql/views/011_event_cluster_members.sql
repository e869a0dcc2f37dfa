-- event_cluster_members: one row per member event mention of a unique event (cluster), with its evidence
-- (article, outlet, URL, sentence, character offsets, rule) and the member's own type, date, place,
-- actors and counts, so an analyst can see why mentions were merged and what each outlet reported;
-- mention_role says whether the article reports the event as news or recalls it (event_mention_roles).
CREATE OR REPLACE VIEW event_cluster_members AS
SELECT l.cluster_id AS event_id,
       e.event_id AS member_event_id,
       e.article_id,
       f.outlet,
       a.canonical_url AS url,
       a.title,
       a.published_at,
       ac.story_cluster_id,
       coalesce(ac.is_representative, true) AS is_story_representative,
       e.event_id = c.representative_event_id AS is_cluster_representative,
       l.join_score, l.join_rule, r.mention_role,
       e.sentence, e.start_char, e.end_char, e.rule, e.confidence,
       e.event_type, e.sub_event_type, e.event_date, e.time_precision, e.date_text,
       e.place_id, e.location, e.admin1, e.admin1_pcode, e.admin2, e.admin2_pcode, e.admin3, e.admin3_pcode,
       e.geo_precision,
       e.actor1, e.actor1_id, e.actor2, e.actor2_id, e.interaction,
       e.fatalities, e.injured, e.displaced, e.arrested
FROM event_cluster_links l
JOIN event_clusters c ON c.cluster_id = l.cluster_id
JOIN events e ON e.event_id = l.event_id AND e.figure_scope = 'event'
JOIN event_mention_roles r ON r.event_id = e.event_id
JOIN articles a ON a.article_id = e.article_id
LEFT JOIN feeds f ON f.feed_id = a.feed_id
LEFT JOIN article_clusters ac ON ac.article_id = e.article_id;
