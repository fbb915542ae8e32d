// The shortest path between two entities over link relationships (never MENTIONS),
// the analyst filters applied to every hop inside the pattern, so they steer the search itself.
// $source, $target: entity ids; $max_hops: 1..6; $limit: cap on paths; filters as in graph/readq.py.
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
MATCH p = SHORTEST 1 (a)(()-[r WHERE {{relationship_filter(r)}}]-(y WHERE y = b OR {{node_filter(y)}})){1,6}(b)
WHERE length(p) <= $max_hops
WITH p ORDER BY length(p) LIMIT $limit
RETURN [n IN nodes(p) | {labels: labels(n), props: n {.*, text: null}}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id,
                                 target: endNode(r).id, props: properties(r),
        sources: [did IN coalesce(r.evidence_documents, []) | COLLECT { MATCH (d:Document {id: did}) RETURN d {.id, .title, .publisher, .published} }[0]]}] AS rels
