// Batched MENTIONS upsert (Document -> what it speaks of), keyed by claim_id; evidence entries
// are appended once each. MENTIONS carry provenance only, so no status or confidence.
// $rows: [{claim_id, source, target, evidence: [{document, quote, start, end}]}]
UNWIND $rows AS row
MATCH (d:Entity {id: row.source})
MATCH (n:Entity {id: row.target})
MERGE (d)-[m:MENTIONS {claim_id: row.claim_id}]->(n)
  ON CREATE SET m.created_at = datetime(), m.evidence_documents = [], m.evidence_quotes = [],
                m.evidence_starts = [], m.evidence_ends = [], m.method = 'rule', m.status = 'reported'
WITH m, row,
     [i IN range(0, size(m.evidence_documents) - 1) |
        m.evidence_documents[i] + '@' + toString(m.evidence_starts[i]) + ':' + toString(m.evidence_ends[i])] AS have
WITH m, [e IN row.evidence WHERE NOT (e.document + '@' + toString(e.start) + ':' + toString(e.end)) IN have] AS fresh
SET m.evidence_documents = m.evidence_documents + [e IN fresh | e.document],
    m.evidence_quotes = m.evidence_quotes + [e IN fresh | e.quote],
    m.evidence_starts = m.evidence_starts + [e IN fresh | e.start],
    m.evidence_ends = m.evidence_ends + [e IN fresh | e.end],
    m.source_count = 1,
    m.updated_at = datetime()
