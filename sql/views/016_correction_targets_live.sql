-- correction_targets_live: one row per active correction and what it applies to today. reviewed_event_id is
-- the reviewed event (reviewed_events.event_id) holding most of the correction's anchored mentions
-- (confirm, reject, correct, split: the event split off; merge: the kept event; add: the added event).
-- applied is false when nothing the correction was about exists any more: an orphaned correction, listed
-- by orphaned_corrections and `mmtrack review list`, never silently dropped. Computed from today's events
-- and reviewed_members; tasks/review/resolve.py copies it into the table review_targets, which the views read.
CREATE OR REPLACE VIEW correction_targets_live AS
WITH anchored AS (
    SELECT correction_id, count(*) FILTER (WHERE role <> 'other') AS anchors,
           count(*) FILTER (WHERE role = 'other') AS other_anchors
    FROM correction_anchors GROUP BY correction_id
),
matched AS (
    -- each matched anchor and the reviewed event its mention is in today
    SELECT m.correction_id, m.role, m.matched_by, r.reviewed_event_id, r.split_correction_id
    FROM correction_matches m
    JOIN reviewed_members r ON r.member_event_id = m.event_id
),
hits AS (
    SELECT m.correction_id, m.reviewed_event_id, count(*) AS n,
           bool_and(m.matched_by = 'sentence') AS all_by_sentence,
           -- a tie goes to the event the correction's own split made, else to the one that was not split off
           coalesce(bool_or(m.split_correction_id = m.correction_id), false) AS own_split,
           bool_or(m.split_correction_id IS NULL) AS not_split
    FROM matched m
    WHERE m.role IN ('target', 'split')
    GROUP BY m.correction_id, m.reviewed_event_id
),
best AS (
    SELECT correction_id, arg_max(reviewed_event_id, (n, own_split, not_split, reviewed_event_id)) AS reviewed_event_id,
           max(n) AS matched, sum(n) AS matched_any, bool_and(all_by_sentence) AS by_sentence
    FROM hits GROUP BY correction_id
),
other_side AS (
    SELECT m.correction_id, count(*) AS matched_other,
           list_distinct(list(m.reviewed_event_id)) AS other_events
    FROM matched m
    WHERE m.role = 'other'
    GROUP BY m.correction_id
)
SELECT
    c.correction_id,
    c.kind,
    c.target_event_id,
    CASE WHEN c.kind = 'add' THEN left(md5('add|' || c.correction_id), 32)
         WHEN c.kind = 'relevance' THEN NULL
         ELSE b.reviewed_event_id END AS reviewed_event_id,
    coalesce(a.anchors, 0) AS anchors,
    coalesce(b.matched_any, 0) AS anchors_matched,
    CASE WHEN b.by_sentence THEN 'sentence' WHEN b.correction_id IS NOT NULL THEN 'span' END AS matched_by,
    CASE c.kind
        WHEN 'add' THEN true
        WHEN 'relevance' THEN EXISTS (SELECT 1 FROM articles x WHERE x.article_id = c.article_id)
        -- a merge applies when both sides are found and now form one event
        WHEN 'merge' THEN b.reviewed_event_id IS NOT NULL AND o.matched_other > 0
                          AND list_contains(o.other_events, b.reviewed_event_id)
        ELSE b.reviewed_event_id IS NOT NULL
    END AS applied,
    CASE
        WHEN c.kind IN ('add') THEN NULL
        WHEN c.kind = 'relevance' THEN 'article no longer stored'
        WHEN b.reviewed_event_id IS NULL THEN 'no event mention matches its evidence sentence any more'
        WHEN c.kind = 'merge' AND coalesce(o.matched_other, 0) = 0 THEN 'the event to merge is gone'
        WHEN c.kind = 'merge' THEN 'a later merge took the other event elsewhere'
    END AS orphan_reason
FROM corrections c
LEFT JOIN anchored a ON a.correction_id = c.correction_id
LEFT JOIN best b ON b.correction_id = c.correction_id
LEFT JOIN other_side o ON o.correction_id = c.correction_id
WHERE c.status = 'active';
