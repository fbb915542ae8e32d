// The entity and its first level of neighbours in one round trip (see neighbours_step.cypher for
// deeper levels): links passing the analyst filters, to nodes passing the label filter, paged.
// $id; $skip, $limit; filter parameters as in graph/readq.py. No row when the entity does not exist.
MATCH (x:Entity {id: $id})
OPTIONAL CALL (x) {
  MATCH (x)-[r]-(y:Entity)
  WHERE {{relationship_filter(r)}} AND {{node_filter(y)}}
  RETURN r, y
  ORDER BY coalesce(r.confidence, 50) DESC, r.claim_id
  SKIP $skip LIMIT $limit
}
WITH x, collect(CASE WHEN r IS NULL THEN null ELSE {
  rel: {id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r),
        sources: [did IN coalesce(r.evidence_documents, []) |
                  COLLECT { MATCH (d:Document {id: did}) RETURN d {.id, .title, .publisher, .published, .url, .reliability} }[0]]},
  node: {labels: labels(y), props: y {.*, text: null}}} END) AS rows
RETURN {labels: labels(x), props: x {.*, text: null}} AS root, rows
