// Put back the merged-away entity's own relationships with every property they had.
// $rows: [{type, source, target, claim_id, props}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {claim_id: row.claim_id}]->(b)
SET r = row.props
RETURN {source: startNode(r).id, type: type(r), target: endNode(r).id, claim_id: r.claim_id} AS ref
