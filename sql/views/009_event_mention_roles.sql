-- event_mention_roles: whether an event mention is news its article reports or an earlier event the article
-- recalls as background ("as it did in neighbouring Buthidaung on May 18", "a day after police shot two
-- protesters"). A mention is 'recalled' when its whole date window ends before the date of the article's
-- lead mention (the one it names first; the newest on a tie), or more than 30 days before the article was
-- published (news reports what is recent: a month on, a mention is a retrospective even when it is all the
-- article names); every other one is 'reported'.
-- A recalled mention stays in its unique event (it is evidence the event happened) but does not count
-- among the event's sources while some article reports the event as news (issue 18: background mentions
-- must not inflate num_sources).
-- The window is the one clustering uses (tasks/dedup/events.py date_period): a week or range is dated to its
-- middle and covers 3 days either side, a month 15; an undated mention dated by its publication ends
-- there. (A week counted 6 days on from its middle, so "last week" in a Wednesday report reached the lead.)
CREATE OR REPLACE VIEW event_mention_roles AS
WITH leads AS (
    SELECT e.event_id, e.article_id,
           e.event_date + CAST(CASE WHEN e.time_precision <= 1 THEN 0 WHEN e.time_precision >= 3 THEN 15
                                    WHEN e.date_text IS NULL THEN 0 ELSE 3 END AS INTEGER) AS window_end,
           first_value(e.event_date) OVER (PARTITION BY e.article_id
                                           ORDER BY e.start_char NULLS LAST, e.event_date DESC, e.event_id) AS lead_date,
           CAST(a.published_at AS DATE) AS published_day
    FROM events e
    LEFT JOIN articles a ON a.article_id = e.article_id
    WHERE e.figure_scope = 'event'
)
SELECT event_id, article_id, lead_date,
       CASE WHEN window_end < lead_date OR window_end < published_day - INTERVAL 30 DAY THEN 'recalled'
            ELSE 'reported' END AS mention_role
FROM leads;
