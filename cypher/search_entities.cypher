// Full-text search over names and aliases (fuzzy terms tolerate misspellings); optional label filter.
// $query: a Lucene query string built by graph/reads.py from the user's words (escaped);
// $label: a vocabulary label or null; $limit, $skip: paging.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE NOT node:Document AND ($label IS NULL OR $label IN labels(node))
RETURN node.id AS id, node.name AS name, [l IN labels(node) WHERE l <> 'Entity'] AS labels,
       coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC, name
SKIP $skip LIMIT $limit
