-- reviewed_members: one row per event mention still in the reviewed picture, and the reviewed event it
-- belongs to: its machine cluster (event_cluster_links), unless an analyst split it off (an event of its
-- own, id md5('split|' + correction_id)) or merged its cluster into another (merges follow two steps:
-- B into A, and A into C, puts B's mentions in C). Mentions of articles an analyst marked not relevant
-- are left out. A merge joins the two machine clusters holding most of each side's anchored mentions.
CREATE OR REPLACE VIEW reviewed_members AS
WITH not_relevant AS (
    SELECT article_id
    FROM corrections
    WHERE kind = 'relevance' AND status = 'active'
    GROUP BY article_id
    HAVING arg_max(value, (created_at, correction_id)) = 'not relevant'
),
splits AS (
    SELECT m.event_id, arg_max(m.correction_id, (c.created_at, c.correction_id)) AS correction_id
    FROM correction_matches m
    JOIN corrections c ON c.correction_id = m.correction_id AND c.kind = 'split'
    WHERE m.role = 'split'
    GROUP BY m.event_id
),
merge_sides AS (
    SELECT m.correction_id, m.role, arg_max(m.cluster_id, (n, m.cluster_id)) AS cluster_id
    FROM (SELECT correction_id, role, cluster_id, count(*) OVER (PARTITION BY correction_id, role, cluster_id) AS n
          FROM correction_matches) m
    JOIN corrections c ON c.correction_id = m.correction_id AND c.kind = 'merge'
    GROUP BY m.correction_id, m.role
),
merge_map AS (
    SELECT o.cluster_id AS from_cluster,
           arg_max(t.cluster_id, (c.created_at, c.correction_id)) AS into_cluster
    FROM merge_sides t
    JOIN merge_sides o ON o.correction_id = t.correction_id AND o.role = 'other' AND t.role = 'target'
    JOIN corrections c ON c.correction_id = t.correction_id
    WHERE o.cluster_id <> t.cluster_id
    GROUP BY o.cluster_id
)
SELECT l.event_id AS member_event_id,
       l.cluster_id,
       CASE WHEN s.correction_id IS NOT NULL THEN left(md5('split|' || s.correction_id), 32)
            ELSE coalesce(m2.into_cluster, m1.into_cluster, l.cluster_id) END AS reviewed_event_id,
       s.correction_id AS split_correction_id,
       coalesce(m2.into_cluster, m1.into_cluster) IS NOT NULL AND s.correction_id IS NULL AS merged
FROM event_cluster_links l
JOIN events e ON e.event_id = l.event_id AND e.figure_scope = 'event'
LEFT JOIN splits s ON s.event_id = l.event_id
LEFT JOIN merge_map m1 ON m1.from_cluster = l.cluster_id
LEFT JOIN merge_map m2 ON m2.from_cluster = m1.into_cluster AND m2.into_cluster <> l.cluster_id
WHERE e.article_id NOT IN (SELECT article_id FROM not_relevant);
