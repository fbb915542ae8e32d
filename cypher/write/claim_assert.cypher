// An analyst asserts a claim by hand (or takes back a retraction): manual support that ingest and
// document withdrawal never remove; status and credibility set here are kept by later ingests.
// $source, $type, $target, $claim_id, $status, $credibility, $who, $why
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
MERGE (a)-[r:$($type) {claim_id: $claim_id}]->(b)
  ON CREATE SET r.created_at = datetime(), r.evidence_documents = [], r.evidence_quotes = [],
                r.evidence_starts = [], r.evidence_ends = [], r.method = 'manual'
SET r.manual = true, r.retracted = false, r.status = $status, r.status_locked = true,
    r.credibility = coalesce($credibility, r.credibility),
    r.credibility_locked = $credibility IS NOT NULL OR coalesce(r.credibility_locked, false),
    r.asserted_by = $who, r.asserted_reason = $why, r.asserted_at = datetime(),
    r.updated_at = datetime()
RETURN {source: startNode(r).id, type: type(r), target: endNode(r).id, claim_id: r.claim_id} AS ref
