-- orphaned_corrections: one row per active correction that no longer applies to anything (after a
-- reprocess the event mentions it was anchored to are gone, an article was removed, a merge lost one of
-- its sides), with why and what the analyst saw then, so it can be re-done or withdrawn
-- (`mmtrack review withdraw ID`). Corrections are never dropped silently.
CREATE OR REPLACE VIEW orphaned_corrections AS
SELECT c.correction_id, c.kind, c.target_event_id, c.article_id, c.field, c.value, c.machine_value,
       t.anchors, t.anchors_matched, t.orphan_reason, c.who, c.created_at, c.why
FROM review_targets t
JOIN corrections c ON c.correction_id = t.correction_id AND c.status = 'active'
WHERE NOT t.applied
ORDER BY c.created_at, c.correction_id;
