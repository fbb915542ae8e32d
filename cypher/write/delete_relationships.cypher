// Delete claims left with no support; returns the ids of their ends (orphan candidates).
// $refs: [{source, type, target, claim_id}]
UNWIND $refs AS ref
MATCH (a:Entity {id: ref.source})-[r:$(ref.type) {claim_id: ref.claim_id}]->(b:Entity {id: ref.target})
USING INDEX a:Entity(id) USING INDEX b:Entity(id)
DELETE r
RETURN a.id AS source, b.id AS target
