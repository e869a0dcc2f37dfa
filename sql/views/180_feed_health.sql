-- feed_health: one row per feed in the registry table (including feeds since removed from the CSV):
-- its last status and success, the current streak of failed polls, and over the 7 days up to the latest
-- poll recorded for any feed (so the window follows the pipeline, not the reader's clock): polls, new
-- items per day, and the share of polls that found the feed unchanged (304 or same body hash).
-- Issue 16: what the entry is (kind), the adaptive interval in force and why, and `flag_reason` once a feed
-- answered 403 or nothing MMTRACK_DEAD_FEED_POLLS times in a row.
CREATE OR REPLACE VIEW feed_health AS
WITH window_end AS (
    SELECT max(polled_at) AS latest_poll FROM feed_polls
),
attempted AS (
    -- polls that reached the feed (a feed skipped while backing off was not polled)
    SELECT p.*, w.latest_poll FROM feed_polls p, window_end w WHERE p.outcome <> 'skipped_backoff'
),
streak AS (
    SELECT feed_id,
           count(*) FILTER (WHERE outcome = 'failed' AND polled_at > coalesce(last_ok_at, '-infinity'::TIMESTAMPTZ))
               AS failure_streak
    FROM (SELECT feed_id, outcome, polled_at,
                 max(polled_at) FILTER (WHERE outcome <> 'failed') OVER (PARTITION BY feed_id) AS last_ok_at
          FROM attempted)
    GROUP BY feed_id
),
recent AS (
    SELECT feed_id,
           count(*) AS polls_7d,
           count(*) FILTER (WHERE outcome = 'failed') AS failed_polls_7d,
           coalesce(sum(new_entries), 0)::BIGINT AS new_items_7d,
           count(*) FILTER (WHERE outcome IN ('unchanged', 'not_modified')) AS unchanged_polls_7d
    FROM attempted
    WHERE polled_at > latest_poll - INTERVAL 7 DAY
    GROUP BY feed_id
),
carried AS (
    SELECT feed_id, count(*) AS articles, max(first_seen_at) AS last_new_article_at
    FROM article_feeds GROUP BY feed_id
)
SELECT
    f.feed_id,
    f.name,
    f.outlet,
    f.enabled,
    f.in_registry,
    f.last_status,
    f.last_http_status,
    f.last_error,
    f.last_polled_at,
    f.last_success_at,
    f.next_poll_at,
    coalesce(s.failure_streak, 0) AS failure_streak,
    f.failure_count,
    coalesce(r.polls_7d, 0) AS polls_7d,
    coalesce(r.failed_polls_7d, 0) AS failed_polls_7d,
    coalesce(r.new_items_7d, 0) AS new_items_7d,
    round(coalesce(r.new_items_7d, 0) / 7.0, 2) AS new_items_per_day,
    round(r.unchanged_polls_7d / nullif(r.polls_7d, 0), 3) AS unchanged_share,
    coalesce(c.articles, 0) AS articles,
    c.last_new_article_at,
    f.bozo,
    f.feed_version,
    coalesce(f.kind, 'rss') AS kind,
    coalesce(f.adaptive_interval_minutes, f.poll_interval_minutes) AS interval_minutes,
    f.interval_reason,
    f.novelty,
    f.skip_hours,
    f.skip_days,
    coalesce(f.problem_streak, 0) AS problem_streak,
    f.flag_reason
FROM feeds f
LEFT JOIN streak s ON s.feed_id = f.feed_id
LEFT JOIN recent r ON r.feed_id = f.feed_id
LEFT JOIN carried c ON c.feed_id = f.feed_id
ORDER BY coalesce(s.failure_streak, 0) DESC, f.feed_id;
