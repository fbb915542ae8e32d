// Batched relationship upsert keyed by claim_id; evidence entries are appended once each
// (an entry is identified by document, start and end), so re-running changes nothing.
// Analysts' decisions win over extraction: a retracted or status-locked claim keeps its status.
// Derived support (counts, dates, confidence) is recomputed afterwards from the returned ids.
// $rows: [{claim_id, type, source, target, status, method, credibility, properties,
//          evidence: [{document, quote, start, end}]}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {claim_id: row.claim_id}]->(b)
  ON CREATE SET r.created_at = datetime(), r.evidence_documents = [], r.evidence_quotes = [],
                r.evidence_starts = [], r.evidence_ends = [], r.method = row.method,
                r.retracted = false, r.manual = false
WITH r, row, r.status AS before
SET r += row.properties,
    r.status = CASE WHEN r.retracted OR r.status_locked THEN before ELSE row.status END,
    r.credibility = CASE WHEN r.credibility_locked THEN r.credibility
                         ELSE coalesce(row.credibility, r.credibility) END
WITH r, row,
     [i IN range(0, size(r.evidence_documents) - 1) |
        r.evidence_documents[i] + '@' + toString(r.evidence_starts[i]) + ':' + toString(r.evidence_ends[i])] AS have
WITH r, [e IN row.evidence WHERE NOT (e.document + '@' + toString(e.start) + ':' + toString(e.end)) IN have] AS fresh
SET r.evidence_documents = r.evidence_documents + [e IN fresh | e.document],
    r.evidence_quotes = r.evidence_quotes + [e IN fresh | e.quote],
    r.evidence_starts = r.evidence_starts + [e IN fresh | e.start],
    r.evidence_ends = r.evidence_ends + [e IN fresh | e.end],
    r.updated_at = datetime()
RETURN {source: startNode(r).id, type: type(r), target: endNode(r).id, claim_id: r.claim_id} AS ref
