// Batched MENTIONS upsert (Document -> what it speaks of), keyed by claim_id; rows are unique per
// claim (merged in Python). MENTIONS carry provenance only: no status logic, no confidence. Their
// evidence arrays (usually empty) are kept in the stored shape; an existing MENTIONS appends only
// the entries it lacks. Reads of m happen inside the SET of the MERGE, so no Eager is planned.
// $rows: [{claim_id, source, target, documents, quotes, starts, ends}]
CYPHER replan=skip
UNWIND $rows AS row
MATCH (d:Entity {id: row.source})
MATCH (n:Entity {id: row.target})
MERGE (d)-[m:MENTIONS {claim_id: row.claim_id}]->(n)
  ON CREATE SET m.created_at = datetime(), m.updated_at = datetime(), m.method = 'rule', m.status = 'reported',
                m.source_count = 1, m.evidence_documents = row.documents, m.evidence_quotes = row.quotes,
                m.evidence_starts = row.starts, m.evidence_ends = row.ends
  ON MATCH SET m.updated_at = datetime(), m.source_count = 1,
               m.evidence_documents = coalesce(m.evidence_documents, []) + [i IN range(0, size(row.documents) - 1)
                 WHERE none(j IN range(0, size(m.evidence_documents) - 1) WHERE m.evidence_documents[j] = row.documents[i]
                            AND m.evidence_starts[j] = row.starts[i] AND m.evidence_ends[j] = row.ends[i]) | row.documents[i]],
               m.evidence_quotes = coalesce(m.evidence_quotes, []) + [i IN range(0, size(row.documents) - 1)
                 WHERE none(j IN range(0, size(m.evidence_documents) - 1) WHERE m.evidence_documents[j] = row.documents[i]
                            AND m.evidence_starts[j] = row.starts[i] AND m.evidence_ends[j] = row.ends[i]) | row.quotes[i]],
               m.evidence_starts = coalesce(m.evidence_starts, []) + [i IN range(0, size(row.documents) - 1)
                 WHERE none(j IN range(0, size(m.evidence_documents) - 1) WHERE m.evidence_documents[j] = row.documents[i]
                            AND m.evidence_starts[j] = row.starts[i] AND m.evidence_ends[j] = row.ends[i]) | row.starts[i]],
               m.evidence_ends = coalesce(m.evidence_ends, []) + [i IN range(0, size(row.documents) - 1)
                 WHERE none(j IN range(0, size(m.evidence_documents) - 1) WHERE m.evidence_documents[j] = row.documents[i]
                            AND m.evidence_starts[j] = row.starts[i] AND m.evidence_ends[j] = row.ends[i]) | row.ends[i]]
