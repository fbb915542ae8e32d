// Take back from the survivor the evidence entries a merge moved onto it; a claim the merge
// created and that holds nothing else is deleted. Returns the claims that remain (to refresh).
// $rows: [{claim_id, type, source, target, added: ["doc@start:end"], created}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})-[r:$(row.type) {claim_id: row.claim_id}]->(b:Entity {id: row.target})
USING INDEX a:Entity(id) USING INDEX b:Entity(id)
WITH r, row, [i IN range(0, size(r.evidence_documents) - 1)
              WHERE NOT (r.evidence_documents[i] + '@' + toString(r.evidence_starts[i]) + ':' +
                         toString(r.evidence_ends[i])) IN row.added] AS keep
SET r.evidence_statuses = [i IN keep | coalesce(r.evidence_statuses[i], r.status)],
    r.evidence_documents = [i IN keep | r.evidence_documents[i]],
    r.evidence_quotes = [i IN keep | r.evidence_quotes[i]],
    r.evidence_starts = [i IN keep | r.evidence_starts[i]],
    r.evidence_ends = [i IN keep | r.evidence_ends[i]]
WITH r, row.created AND size(keep) = 0 AS drop
CALL (r, drop) {
  WITH r WHERE drop
  DELETE r
}
WITH r, drop WHERE NOT drop
RETURN {source: startNode(r).id, type: type(r), target: endNode(r).id, claim_id: r.claim_id} AS ref
