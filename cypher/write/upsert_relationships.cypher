// Batched upsert of claims of ONE relationship type (the type slot is filled from the vocabulary, so the
// MERGE expands only that type), keyed by claim_id. Rows are unique per claim (merged in Python).
// A new claim gets everything here, its derived support included (computed in Python from the
// evidence it brings); an existing one is left alone and updated by claim_update.cypher, so this
// statement stays small to plan. The typed plan does not depend on statistics: replan=skip keeps
// it while the database grows. The one Eager left buffers the input rows (r += map of unknown keys).
// $rows: [{claim_id, source, target, status, method, credibility, properties, documents, quotes,
//          starts, ends, statuses (each evidence entry's status in its document), source_count, independent_source_count, first_reported, last_reported,
//          confidence}]
// Returns the claims that existed before (one list), each as it stood (evidence documents, credibility
// and the analyst's flags): the writer computes their support with the new evidence and
// claim_update.cypher writes both.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:/*type*/PARTY_TO {claim_id: row.claim_id}]->(b)
  ON CREATE SET r += row.properties, r.created_at = datetime.statement(), r.updated_at = datetime.statement(),
                r.method = row.method, r.retracted = false, r.manual = false, r.status = row.status,
                r.credibility = row.credibility,
                r.evidence_documents = row.documents, r.evidence_quotes = row.quotes,
                r.evidence_starts = row.starts, r.evidence_ends = row.ends, r.evidence_statuses = row.statuses,
                r.source_count = row.source_count, r.independent_source_count = row.independent_source_count,
                r.first_reported = row.first_reported, r.last_reported = row.last_reported,
                r.confidence = row.confidence
WITH row, r WHERE r.created_at IS NULL OR r.created_at <> datetime.statement()
RETURN collect({claim_id: row.claim_id, documents: coalesce(r.evidence_documents, []), credibility: r.credibility,
                statuses: coalesce(r.evidence_statuses, [d IN coalesce(r.evidence_documents, []) | r.status]),
                credibility_locked: coalesce(r.credibility_locked, false), manual: coalesce(r.manual, false),
                retracted: coalesce(r.retracted, false)}) AS existing
