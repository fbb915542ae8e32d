// The entity and its first level of neighbours in one round trip (see neighbours_step.cypher for
// deeper levels): links passing the analyst filters, to nodes passing the label filter, paged.
// $id; $skip, $limit; filter parameters as in graph/read/readq.py. No row when the entity does not exist.
MATCH (x:Entity {id: $id})
OPTIONAL CALL (x) {
  MATCH (x)-[r]-(y:Entity)
  WHERE /*<relationship_filter r>*/(/*<link_filter r>*/(type(r) IN $types
AND NOT /*<retracted r>*/(coalesce(r.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r.date, r.first_reported) >= left($date_from, size(coalesce(r.date, r.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r.date, r.first_reported) <= left($date_to, size(coalesce(r.date, r.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r.first_reported, r.published) <= left($as_of, size(coalesce(r.first_reported, r.published, '')))))/*</relationship_filter>*/ AND /*<node_filter y>*/((size($labels) = 0 OR any(l IN labels(y) WHERE l IN $labels)))/*</node_filter>*/
  RETURN r, y
  ORDER BY coalesce(r.confidence, 50) DESC, r.claim_id
  SKIP $skip LIMIT $limit
}
WITH x, collect(CASE WHEN r IS NULL THEN null ELSE {
  rel: {id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r),
        sources: /*<evidence_sources r>*/[did IN coalesce(r.evidence_documents, []) | COLLECT { MATCH (d:Document {id: did}) RETURN d {.id, .title, .publisher, .published, .url, .reliability} }[0]]/*</evidence_sources>*/},
  node: {labels: labels(y), props: y {.*, text: null}}} END) AS rows
RETURN {labels: labels(x), props: x {.*, text: null}} AS root, rows
