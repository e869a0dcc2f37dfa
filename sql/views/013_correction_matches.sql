-- correction_matches: one row per anchor of an active correction (correction_anchors) and the event
-- mention that stands for it today, after any reprocess: in the same article, the mention whose
-- normalised evidence sentence has the same hash (matched_by 'sentence'), else one whose character span
-- overlaps the anchor's with the same event type ('span'); among several, the same event type first, then
-- the nearest start. Anchors that match nothing have no row (see orphaned_corrections).
CREATE OR REPLACE VIEW correction_matches AS
WITH anchors AS (
    SELECT a.*
    FROM correction_anchors a
    JOIN corrections c ON c.correction_id = a.correction_id AND c.status = 'active'
),
mentions AS (
    SELECT e.event_id, e.article_id, e.event_type, e.start_char, e.end_char, l.cluster_id,
           md5(lower(trim(regexp_replace(coalesce(e.sentence, ''), '\s+', ' ', 'g')))) AS sentence_hash
    FROM events e
    JOIN event_cluster_links l ON l.event_id = e.event_id
    WHERE e.figure_scope = 'event' AND e.article_id IN (SELECT article_id FROM anchors)
),
candidates AS (
    SELECT a.correction_id, a.role, a.member_event_id AS anchor_event_id, m.event_id, m.cluster_id,
           CASE WHEN m.sentence_hash = a.sentence_hash THEN 'sentence' ELSE 'span' END AS matched_by,
           row_number() OVER (
               PARTITION BY a.correction_id, a.role, a.member_event_id
               ORDER BY (m.sentence_hash = a.sentence_hash) DESC, (m.event_type = a.event_type) DESC,
                        abs(coalesce(m.start_char, 0) - coalesce(a.start_char, 0)), m.event_id) AS rank
    FROM anchors a
    JOIN mentions m ON m.article_id = a.article_id
     AND (m.sentence_hash = a.sentence_hash
          OR (m.event_type = a.event_type AND m.start_char < a.end_char AND a.start_char < m.end_char))
)
SELECT correction_id, role, anchor_event_id, event_id, cluster_id, matched_by
FROM candidates
WHERE rank = 1;
