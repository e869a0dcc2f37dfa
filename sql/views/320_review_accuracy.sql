-- review_accuracy: one row per month (of the machine's event date), outlet, language and field: the
-- extractor's accuracy on the events analysts reviewed (review_field_checks): how many reviewed events
-- had the field, how many the machine got right, and the share. Sum events and correct over rows for
-- wider groups (bench/eval_reviews.py does it per field).
CREATE OR REPLACE VIEW review_accuracy AS
SELECT month, outlet, language, field,
       count(*) AS events,
       count(*) FILTER (WHERE correct) AS correct,
       round(count(*) FILTER (WHERE correct) / count(*), 3) AS accuracy
FROM review_field_checks
GROUP BY month, outlet, language, field
ORDER BY month, outlet, language, field;
