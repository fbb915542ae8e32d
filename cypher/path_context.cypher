// What the agreements and events on a path do (fund, provide for, approved by, established):
// the context an analyst reads beside the hops. $ids: node ids; $types: context link types;
// $per_node: cap per node; other filters as in graph/readq.py.
UNWIND $ids AS id
MATCH (g:Entity {id: id})
CALL (g) {
  MATCH (g)-[r]-(y)
  WHERE {{relationship_filter(r)}}
  RETURN r, y ORDER BY coalesce(r.confidence, 50) DESC, r.claim_id LIMIT $per_node
}
RETURN {id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id,
        props: properties(r),
        sources: [did IN coalesce(r.evidence_documents, []) | COLLECT { MATCH (d:Document {id: did}) RETURN d {.id, .title, .publisher, .published} }[0]]} AS rel,
       {labels: labels(y), props: y {.*, text: null}} AS node
