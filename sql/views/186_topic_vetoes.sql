-- topic_vetoes: one row per article the relevance rules judged about the war and the learned topic model
-- vetoed (rule 'off_topic_model', tasks/topic_model.py), the nearest call first: where an analyst looks for
-- what the model threw away, and marks a wrong veto relevant with `mmtrack review relevance`. rules_score is the rules' own
-- score, topic_probability the model's P(about the war) (under the threshold seeds/topic_model.json holds).
CREATE OR REPLACE VIEW topic_vetoes AS
SELECT t.article_id, a.feed_id, a.title, a.canonical_url, a.published_at,
       t.score AS rules_score,
       TRY_CAST(json_extract(t.evidence, '$.components.topic_probability') AS DOUBLE) AS topic_probability,
       t.regions, t.topics, t.tagger_version, t.tagged_at
FROM article_tags t
JOIN articles a ON a.article_id = t.article_id
WHERE t.rule = 'off_topic_model'
ORDER BY topic_probability DESC, t.article_id;
