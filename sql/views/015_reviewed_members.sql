-- reviewed_members: one row per event mention in the reviewed picture and the reviewed event it belongs
-- to (reviewed_events.event_id): its machine cluster unless a correction moved it (review_member_moves:
-- split off, merged, or dropped because its article was marked not relevant).
CREATE OR REPLACE VIEW reviewed_members AS
SELECT l.event_id AS member_event_id,
       l.cluster_id,
       coalesce(m.reviewed_event_id, l.cluster_id) AS reviewed_event_id,
       m.split_correction_id,
       coalesce(m.merged, false) AS merged
FROM event_cluster_links l
JOIN events e ON e.event_id = l.event_id AND e.figure_scope = 'event'
LEFT JOIN review_member_moves m ON m.member_event_id = l.event_id
WHERE NOT coalesce(m.dropped, false);
