// Full-text search over every entity's canonical name and aliases; folding ignores diacritics.
// Eventually consistent: commits don't wait for Lucene (Db.write awaits the refresh when asked).
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true}}
