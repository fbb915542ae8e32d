// Paths between two entities when the only filter is the types (or none): the light form of
// paths.cypher (same answer; the selector slot fills both searches alike). The search expands only the link types its pattern names
// (the link_types slot: the analyst's, else every one) and tests nothing on the way. Only when what it
// found walks a retracted claim does a second search run, with the retraction rule inside its
// pattern. Same answer: shortest paths that walk no retracted claim are also the shortest of those
// that walk none. Retracted claims are rare, so the search that reads a property on every
// relationship it expands rarely runs.
// $source, $target: entity ids; $max_hops: 1..6; $limit: cap on paths; $context_types, $context_labels, $per_node: context.
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
CALL (a, b) {
  MATCH q = /*selector*/SHORTEST 1 (a)-[:/*link_types*/PARTY_TO|APPROVED|PROVIDES_FOR|ESTABLISHES|FUNDS|BUILDS|OPERATES|LOCATED_IN|PART_OF|PARTICIPATES_IN|COOPERATES_WITH|SUPPLIES|TRAINS|PUBLISHED]-{1,6}(b)
  WHERE length(q) <= $max_hops
  WITH q ORDER BY length(q) LIMIT $limit
  RETURN collect(q) AS found
}
CALL (a, b, found) {
  WITH found WHERE none(q IN found WHERE any(x IN relationships(q) WHERE /*<retracted x>*/(coalesce(x.status, 'reported') = 'retracted')/*</retracted>*/))
  UNWIND found AS p
  RETURN p
  UNION
  WITH a, b, found WHERE any(q IN found WHERE any(x IN relationships(q) WHERE /*<retracted x>*/(coalesce(x.status, 'reported') = 'retracted')/*</retracted>*/))
  MATCH p = /*selector*/SHORTEST 1 (a)-[r:/*link_types*/PARTY_TO|APPROVED|PROVIDES_FOR|ESTABLISHES|FUNDS|BUILDS|OPERATES|LOCATED_IN|PART_OF|PARTICIPATES_IN|COOPERATES_WITH|SUPPLIES|TRAINS|PUBLISHED WHERE NOT /*<retracted r>*/(coalesce(r.status, 'reported') = 'retracted')/*</retracted>*/]-{1,6}(b)
  WHERE length(p) <= $max_hops
  RETURN p
}
WITH p ORDER BY length(p) LIMIT $limit
// context: what the path's inner agreements and events do (fund, provide for, approved by...),
// at most $per_node links each of $context_types among nodes labelled one of $context_labels,
// fetched here rather than in a second round trip
CALL (p) {
  UNWIND nodes(p)[1..-1] AS g
  WITH g WHERE any(l IN labels(g) WHERE l IN $context_labels)
  CALL (g) {
    MATCH (g)-[c]-(y)
    WHERE /*<link_filter c context_types>*/(type(c) IN $context_types
AND NOT /*<retracted c context_types>*/(coalesce(c.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
    RETURN c, y ORDER BY coalesce(c.confidence, 50) DESC, c.claim_id LIMIT $per_node
  }
  RETURN collect({
    rel: {id: elementId(c), type: type(c), source: startNode(c).id, target: endNode(c).id, props: properties(c),
          sources: /*<evidence_sources c>*/[did IN coalesce(c.evidence_documents, []) | COLLECT { MATCH (d:Document {id: did}) RETURN d {.id, .title, .publisher, .published, .url, .reliability} }[0]]/*</evidence_sources>*/},
    node: {labels: labels(y), props: y {.*, text: null}}}) AS context
}
RETURN [n IN nodes(p) | {labels: labels(n), props: n {.*, text: null}}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id,
                                 target: endNode(r).id, props: properties(r),
        sources: /*<evidence_sources r>*/[did IN coalesce(r.evidence_documents, []) | COLLECT { MATCH (d:Document {id: did}) RETURN d {.id, .title, .publisher, .published, .url, .reliability} }[0]]/*</evidence_sources>*/}] AS rels,
       context
