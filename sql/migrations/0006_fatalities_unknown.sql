-- An event's fatalities are NULL when the report gives no number, 0 only when it says nobody was killed
-- (coding guide: "null when no number is given; 0 only when the text says nobody was killed").
-- DuckDB alters no column that an index depends on: drop the two secondary indexes and re-create them.
DROP INDEX IF EXISTS events_article;
DROP INDEX IF EXISTS events_date;
ALTER TABLE events ALTER COLUMN fatalities DROP DEFAULT;
ALTER TABLE events ALTER COLUMN fatalities DROP NOT NULL;
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date ON events (event_date);
