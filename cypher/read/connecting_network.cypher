// The i2-style connecting network: all shortest paths between each pair of the given entities,
// analyst filters inside the pattern. $pairs: [[id, id]]; $max_hops: 1..6; $per_pair: cap on paths.
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]}), (b:Entity {id: pair[1]})
CALL (a, b) {
  MATCH p = ALL SHORTEST (a)(()-[r WHERE /*<relationship_filter r>*/(/*<link_filter r>*/(type(r) IN $types
AND NOT /*<retracted r>*/(coalesce(r.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r.date, r.first_reported) >= left($date_from, size(coalesce(r.date, r.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r.date, r.first_reported) <= left($date_to, size(coalesce(r.date, r.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r.first_reported, r.published) <= left($as_of, size(coalesce(r.first_reported, r.published, '')))))/*</relationship_filter>*/]-(y WHERE y = b OR /*<node_filter y>*/((size($labels) = 0 OR any(l IN labels(y) WHERE l IN $labels)))/*</node_filter>*/)){1,6}(b)
  WHERE length(p) <= $max_hops
  RETURN p LIMIT $per_pair
}
RETURN [n IN nodes(p) | {labels: labels(n), props: n {.*, text: null}}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id,
                                 target: endNode(r).id, props: properties(r)}] AS rels
