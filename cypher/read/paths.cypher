// Paths between two entities over link relationships (never MENTIONS): the shortest one, up to ten
// shortest or every shortest one, as graph/read/paths.py fills the selector slot (SHORTEST 1, SHORTEST 10,
// ALL SHORTEST; the caller keeps $limit of them);
// the analyst filters applied to every hop inside the pattern, so they steer the search itself;
// the pattern names the link types (the link_types slot: the analyst's, else every one), so only those expand.
// $source, $target: entity ids; $max_hops: 1..6; $limit: cap on paths; $context_types, $context_labels, $per_node: context; filters as in graph/read/readq.py.
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
MATCH p = /*selector*/SHORTEST 1 (a)(()-[r:/*link_types*/PARTY_TO|APPROVED|PROVIDES_FOR|ESTABLISHES|FUNDS|BUILDS|OPERATES|LOCATED_IN|PART_OF|PARTICIPATES_IN|COOPERATES_WITH|SUPPLIES|TRAINS|PUBLISHED WHERE /*<relationship_filter r>*/(/*<link_filter r>*/(type(r) IN $types
AND NOT /*<retracted r>*/(coalesce(r.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r.date, r.first_reported) >= left($date_from, size(coalesce(r.date, r.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r.date, r.first_reported) <= left($date_to, size(coalesce(r.date, r.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r.first_reported, r.published) <= left($as_of, size(coalesce(r.first_reported, r.published, '')))))/*</relationship_filter>*/]-(y WHERE y = b OR /*<node_filter y>*/((size($labels) = 0 OR any(l IN labels(y) WHERE l IN $labels)))/*</node_filter>*/)){1,6}(b)
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
    WHERE /*<relationship_filter c context_types>*/(/*<link_filter c context_types>*/(type(c) IN $context_types
AND NOT /*<retracted c context_types>*/(coalesce(c.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(c.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(c.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(c.date, c.first_reported) >= left($date_from, size(coalesce(c.date, c.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(c.date, c.first_reported) <= left($date_to, size(coalesce(c.date, c.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(c.first_reported, c.published) <= left($as_of, size(coalesce(c.first_reported, c.published, '')))))/*</relationship_filter>*/
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
