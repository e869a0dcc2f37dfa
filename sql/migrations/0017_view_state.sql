-- The digest of the view files (sql/views/*.sql) last applied to this database: tasks/db.apply_views
-- re-creates the views only when it differs (a re-creation on every open cost ~0.5 s, four opens a
-- backfill batch), as the shared DuckLake store already does with its token table.
-- `views`: how many views there were after that (one dropped by hand makes them all again).
CREATE TABLE IF NOT EXISTS view_state (views_digest VARCHAR NOT NULL, views INTEGER NOT NULL);
