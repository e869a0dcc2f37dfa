-- review_member_moves_live: one row per event mention that the active corrections move out of its
-- machine cluster, computed from today's events (tasks/review/resolve.py copies it into the table
-- review_member_moves after every review write and dedup run; the analyst views read the table).
-- A mention split off is an event of its own (id md5('split|' + correction_id)); the mentions of a cluster
-- merged into another go to that one (two steps: B into A and A into C puts B's mentions in C); mentions
-- of articles an analyst marked not relevant are dropped. A merge joins the two machine clusters holding
-- most of each side's anchored mentions.
CREATE OR REPLACE VIEW review_member_moves_live AS
WITH matches AS (
    SELECT m.*, c.kind, c.created_at
    FROM correction_matches m
    JOIN corrections c ON c.correction_id = m.correction_id AND c.kind IN ('split', 'merge')
),
not_relevant AS (
    SELECT article_id
    FROM corrections
    WHERE kind = 'relevance' AND status = 'active'
    GROUP BY article_id
    HAVING arg_max(value, (created_at, correction_id)) = 'not relevant'
),
splits AS (
    SELECT event_id, arg_max(correction_id, (created_at, correction_id)) AS correction_id
    FROM matches
    WHERE kind = 'split' AND role = 'split'
    GROUP BY event_id
),
merge_sides AS (
    SELECT correction_id, role, any_value(created_at) AS created_at, arg_max(cluster_id, (n, cluster_id)) AS cluster_id
    FROM (SELECT correction_id, role, cluster_id, created_at, count(*) OVER (PARTITION BY correction_id, role, cluster_id) AS n
          FROM matches WHERE kind = 'merge')
    GROUP BY correction_id, role
),
merge_map AS (
    SELECT o.cluster_id AS from_cluster,
           arg_max(t.cluster_id, (t.created_at, t.correction_id)) AS into_cluster
    FROM merge_sides t
    JOIN merge_sides o ON o.correction_id = t.correction_id AND o.role = 'other' AND t.role = 'target'
    WHERE o.cluster_id <> t.cluster_id
    GROUP BY o.cluster_id
),
placed AS (
    SELECT l.event_id AS member_event_id,
           l.cluster_id,
           s.correction_id AS split_correction_id,
           coalesce(m2.into_cluster, m1.into_cluster) AS merged_into,
           e.article_id IN (SELECT article_id FROM not_relevant) AS dropped
    FROM event_cluster_links l
    JOIN events e ON e.event_id = l.event_id AND e.figure_scope = 'event'
    LEFT JOIN splits s ON s.event_id = l.event_id
    LEFT JOIN merge_map m1 ON m1.from_cluster = l.cluster_id
    LEFT JOIN merge_map m2 ON m2.from_cluster = m1.into_cluster AND m2.into_cluster <> l.cluster_id
)
SELECT member_event_id,
       cluster_id,
       CASE WHEN dropped THEN NULL
            WHEN split_correction_id IS NOT NULL THEN left(md5('split|' || split_correction_id), 32)
            ELSE merged_into END AS reviewed_event_id,
       split_correction_id,
       merged_into IS NOT NULL AND split_correction_id IS NULL AS merged,
       dropped
FROM placed
WHERE dropped OR split_correction_id IS NOT NULL OR merged_into IS NOT NULL;
