// The stop words a full-text analyzer drops when it indexes and when it parses a query term.
// $analyzer: the analyzer's name (entity_search uses 'standard-folding').
CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords
WHERE analyzer = $analyzer
RETURN stopwords
