-- How many shingles each article's text has, beside its MinHash signature: with both, later runs can
-- estimate containment (a trimmed republication) without reloading the stored article's text.
ALTER TABLE article_clusters ADD COLUMN shingle_count INTEGER;
