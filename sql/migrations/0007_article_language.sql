-- The language an article is written in, detected from its text by script share (tasks/lang): 'my' or
-- 'en'. `language` (0001) is what the page declares, often absent or wrong; the feed's language is only
-- a prior for texts too short to tell. Events get their language through their article.
ALTER TABLE articles ADD COLUMN text_language VARCHAR;
