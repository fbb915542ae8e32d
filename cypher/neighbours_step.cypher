// One breadth-first step of a neighbourhood: links from the frontier that pass the analyst filters,
// to nodes that pass the label filter. graph/neighbourhood.py repeats it up to depth 3.
// $frontier: entity ids; $limit: cap on rows of this step; filter parameters as in graph/readq.py.
UNWIND $frontier AS fid
MATCH (x:Entity {id: fid})-[r]-(y:Entity)
WHERE {{relationship_filter(r)}} AND {{node_filter(y)}}
RETURN {id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id,
        props: properties(r),
        sources: [did IN coalesce(r.evidence_documents, []) | COLLECT { MATCH (d:Document {id: did}) RETURN d {.id, .title, .publisher, .published, .url, .reliability} }[0]]} AS rel,
       {labels: labels(y), props: y {.*, text: null}} AS node
ORDER BY coalesce(r.confidence, 50) DESC, r.claim_id
LIMIT $limit
