// An analyst retracts a claim: kept as a tombstone with status "retracted" that ingest never
// flips back, so the same document loaded again does not revive it.
// $claim_id, $who, $why
MATCH ()-[r {claim_id: $claim_id}]->()
WHERE type(r) <> 'MENTIONS'
SET r.retracted = true, r.manual = false, r.status = 'retracted', r.status_locked = true,
    r.retracted_by = $who, r.retracted_reason = $why, r.retracted_at = datetime(),
    r.updated_at = datetime()
RETURN {source: startNode(r).id, type: type(r), target: endNode(r).id, claim_id: r.claim_id} AS ref
