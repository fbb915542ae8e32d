// Up to ten shortest paths, shortest first (the caller keeps $k of them) between two entities over link relationships (never MENTIONS),
// the analyst filters applied to every hop inside the pattern, so they steer the search itself;
// the pattern names the link types ({{link_types}}: the analyst's, else every one), so only those expand.
// $source, $target: entity ids; $max_hops: 1..6; $limit: cap on paths; $context_types, $context_labels, $per_node: context; filters as in graph/readq.py.
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
MATCH p = SHORTEST 10 (a)(()-[r:{{link_types}} WHERE {{relationship_filter(r)}}]-(y WHERE y = b OR {{node_filter(y)}})){1,6}(b)
WHERE length(p) <= $max_hops
WITH p ORDER BY length(p) LIMIT $limit
// context: what the path's inner agreements and events do (fund, provide for, approved by...),
// at most $per_node links each of $context_types among nodes labelled one of $context_labels,
// fetched here rather than in a second round trip
CALL (p) {
  UNWIND nodes(p)[1..-1] AS g
  WITH g WHERE any(l IN labels(g) WHERE l IN $context_labels)
  CALL (g) {
    MATCH (g)-[c]-(y)
    WHERE {{relationship_filter(c, context_types)}}
    RETURN c, y ORDER BY coalesce(c.confidence, 50) DESC, c.claim_id LIMIT $per_node
  }
  RETURN collect({
    rel: {id: elementId(c), type: type(c), source: startNode(c).id, target: endNode(c).id, props: properties(c),
          sources: [did IN coalesce(c.evidence_documents, []) |
                    COLLECT { MATCH (d:Document {id: did}) RETURN d {.id, .title, .publisher, .published, .url, .reliability} }[0]]},
    node: {labels: labels(y), props: y {.*, text: null}}}) AS context
}
RETURN [n IN nodes(p) | {labels: labels(n), props: n {.*, text: null}}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id,
                                 target: endNode(r).id, props: properties(r),
        sources: [did IN coalesce(r.evidence_documents, []) | COLLECT { MATCH (d:Document {id: did}) RETURN d {.id, .title, .publisher, .published, .url, .reliability} }[0]]}] AS rels,
       context
