// Update existing claims of ONE type ({{type}}, from the vocabulary) with what a new document says:
// extraction properties, status unless an analyst retracted or locked it, credibility unless
// locked, and each evidence entry the claim lacks (an entry is its document, start and end), so
// running it again changes nothing. Every read of r sits inside the SET (values before the SET).
// $rows: [{claim_id, source, target, status, credibility, properties, documents, quotes, starts, ends}]
CYPHER replan=skip
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r:{{type}} {claim_id: row.claim_id}]->(:Entity {id: row.target})
SET r += row.properties, r.updated_at = datetime(),
    r.status = CASE WHEN r.retracted OR r.status_locked THEN r.status ELSE row.status END,
    r.credibility = CASE WHEN r.credibility_locked THEN r.credibility ELSE coalesce(row.credibility, r.credibility) END,
    r.evidence_documents = coalesce(r.evidence_documents, []) + [i IN range(0, size(row.documents) - 1)
      WHERE none(j IN range(0, size(r.evidence_documents) - 1) WHERE r.evidence_documents[j] = row.documents[i]
                 AND r.evidence_starts[j] = row.starts[i] AND r.evidence_ends[j] = row.ends[i]) | row.documents[i]],
    r.evidence_quotes = coalesce(r.evidence_quotes, []) + [i IN range(0, size(row.documents) - 1)
      WHERE none(j IN range(0, size(r.evidence_documents) - 1) WHERE r.evidence_documents[j] = row.documents[i]
                 AND r.evidence_starts[j] = row.starts[i] AND r.evidence_ends[j] = row.ends[i]) | row.quotes[i]],
    r.evidence_starts = coalesce(r.evidence_starts, []) + [i IN range(0, size(row.documents) - 1)
      WHERE none(j IN range(0, size(r.evidence_documents) - 1) WHERE r.evidence_documents[j] = row.documents[i]
                 AND r.evidence_starts[j] = row.starts[i] AND r.evidence_ends[j] = row.ends[i]) | row.starts[i]],
    r.evidence_ends = coalesce(r.evidence_ends, []) + [i IN range(0, size(row.documents) - 1)
      WHERE none(j IN range(0, size(r.evidence_documents) - 1) WHERE r.evidence_documents[j] = row.documents[i]
                 AND r.evidence_starts[j] = row.starts[i] AND r.evidence_ends[j] = row.ends[i]) | row.ends[i]]
