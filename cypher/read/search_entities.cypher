// Candidates for an entity search: full-text hits over names and aliases, with how connected each is.
// $query: a Lucene query built by graph/read/search.py from the user's words (escaped, never raw input);
// $label: a vocabulary label or null; $limit: how many of Lucene's best to rank in graph/read/search.py.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE NOT node:Document AND ($label IS NULL OR $label IN labels(node))
WITH node, score
ORDER BY score DESC, node.name
LIMIT $limit
RETURN node.id AS id, node.name AS name, [l IN labels(node) WHERE l <> 'Entity'] AS labels,
       coalesce(node.aliases, []) AS aliases, score, COUNT { (node)--() } AS degree
