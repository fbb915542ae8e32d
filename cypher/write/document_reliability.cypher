// Set a stored document's source reliability grade; returns the claims it supports (to refresh).
// $id: document id, $grade: A-F or null
MATCH (d:Entity:Document {id: $id})
SET d.reliability = $grade
WITH d
CALL (d) {
  MATCH (d)-[:MENTIONS]->(n)-[r]-()
  WHERE type(r) <> 'MENTIONS' AND d.id IN r.evidence_documents
  RETURN DISTINCT {source: startNode(r).id, type: type(r), target: endNode(r).id, claim_id: r.claim_id} AS ref
}
RETURN ref
