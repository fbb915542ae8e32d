// Remove one document's evidence entries from every claim it supports (found through the nodes
// it MENTIONS and through its own relationships). Returns each touched claim and whether it is
// left with no support at all (no evidence, no manual assertion, not a retracted tombstone).
// $id: document id
MATCH (d:Entity:Document {id: $id})
CALL (d) {
  MATCH (d)-[:MENTIONS]->(n)-[r]-()
  WHERE type(r) <> 'MENTIONS' AND d.id IN r.evidence_documents
  RETURN r
  UNION
  MATCH (d)-[r]-()
  WHERE type(r) <> 'MENTIONS' AND d.id IN r.evidence_documents
  RETURN r
}
WITH DISTINCT d, r
WITH d, r, [i IN range(0, size(r.evidence_documents) - 1) WHERE r.evidence_documents[i] <> d.id] AS keep
// the statuses kept with their entries; graph/write/support.py recomputes the claim's status from them
SET r.evidence_statuses = [i IN keep | coalesce(r.evidence_statuses[i], r.status)],
    r.evidence_documents = [i IN keep | r.evidence_documents[i]],
    r.evidence_quotes = [i IN keep | r.evidence_quotes[i]],
    r.evidence_starts = [i IN keep | r.evidence_starts[i]],
    r.evidence_ends = [i IN keep | r.evidence_ends[i]],
    r.updated_at = datetime()
RETURN {source: startNode(r).id, type: type(r), target: endNode(r).id, claim_id: r.claim_id} AS ref, r.claim_id AS claim_id, type(r) AS type, startNode(r).id AS source,
       endNode(r).id AS target,
       size(keep) = 0 AND NOT coalesce(r.manual, false) AND NOT coalesce(r.retracted, false) AS unsupported
