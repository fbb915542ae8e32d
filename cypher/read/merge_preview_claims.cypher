// For a merge preview: the claims a merge would re-home relationships onto that already exist
// (the moved relationship joins them), with the evidence entries each already holds, keyed as the
// merge keys them (document@start:end). Writes nothing.
// $rows: [{source, target, claim_id}]
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r {claim_id: row.claim_id}]->(:Entity {id: row.target})
RETURN row.claim_id AS claim_id,
       [i IN range(0, size(coalesce(r.evidence_documents, [])) - 1) |
          r.evidence_documents[i] + '@' + toString(r.evidence_starts[i]) + ':' + toString(r.evidence_ends[i])] AS have
