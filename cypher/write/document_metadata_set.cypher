// Edit a stored document's metadata: the properties in $changes are set (a null removes one), and
// what they held before is returned for the audit log, with the claims the document supports (their
// support is recomputed when the publisher, date or reliability changed). No row when it does not exist.
// $id: document id; $changes: {title, name, publisher, published, published_precision, url, reliability}
// (any of them)
MATCH (d:Entity:Document {id: $id})
WITH d, d {.title, .publisher, .published, .published_precision, .url, .reliability} AS before
SET d += $changes
RETURN before, COLLECT {
  MATCH (d)-[:MENTIONS]->()-[r]-()
  WHERE type(r) <> 'MENTIONS' AND d.id IN r.evidence_documents
  RETURN DISTINCT {source: startNode(r).id, type: type(r), target: endNode(r).id, claim_id: r.claim_id} AS ref
} AS refs
