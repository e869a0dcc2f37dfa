-- Why each mention joined its unique event (issue 18): the factors of the pair that decided it, e.g.
-- "with 3f2a9c1e0b7d: type=1 date=0.75 place=0.4 actors=1", or "founder" for the first report.
ALTER TABLE event_cluster_links ADD COLUMN join_rule VARCHAR;
-- Every fatality figure the members reported, with the outlets that told it ("10: AP, Myanmar Now; 11: ...").
ALTER TABLE event_clusters ADD COLUMN fatalities_sources VARCHAR;
