// One breadth-first step of a neighbourhood: links from the frontier that pass the analyst filters,
// to nodes that pass the label filter. graph/read/neighbourhood.py repeats it up to depth 3.
// $frontier: entity ids; $limit: cap on rows of this step; filter parameters as in graph/read/readq.py.
UNWIND $frontier AS fid
MATCH (x:Entity {id: fid})-[r]-(y:Entity)
WHERE /*<relationship_filter r>*/(/*<link_filter r>*/(type(r) IN $types
AND NOT /*<retracted r>*/(coalesce(r.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r.date, r.first_reported) >= left($date_from, size(coalesce(r.date, r.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r.date, r.first_reported) <= left($date_to, size(coalesce(r.date, r.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r.first_reported, r.published) <= left($as_of, size(coalesce(r.first_reported, r.published, '')))))/*</relationship_filter>*/ AND /*<node_filter y>*/((size($labels) = 0 OR any(l IN labels(y) WHERE l IN $labels)))/*</node_filter>*/
RETURN {id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id,
        props: properties(r),
        sources: /*<evidence_sources r>*/[did IN coalesce(r.evidence_documents, []) | COLLECT { MATCH (d:Document {id: did}) RETURN d {.id, .title, .publisher, .published, .url, .reliability} }[0]]/*</evidence_sources>*/} AS rel,
       {labels: labels(y), props: y {.*, text: null}} AS node
ORDER BY coalesce(r.confidence, 50) DESC, r.claim_id
LIMIT $limit
