// Update existing claims of ONE type (the type slot, from the vocabulary) with what a new document says:
// extraction properties, status unless an analyst retracted or locked it, credibility unless
// locked, and each evidence entry the claim lacks (an entry is its document, start and end), so
// running it again changes nothing.
// Both ends are index seeks (the hints), so the claim is an expand INTO the pair from the end with
// fewer links of the type: a state's thousands of PART_OF are never walked for one ministry's claim.
// The claim's derived support (source counts, first/last reported, confidence) is computed by the
// writer over the documents it cited before (upsert_relationships.cypher returns them) and the new
// ones, and set here with the evidence: one write of the claim, no second read.
// The status the writer sends is computed from every evidence entry's status (old and new: one
// document denying what another reports makes the claim "disputed"); each entry keeps its own.
// $rows: [{claim_id, source, target, status, credibility, properties, documents, quotes, starts, ends, statuses,
//          source_count, independent_source_count, first_reported, last_reported, confidence}]
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})-[r:/*type*/PARTY_TO {claim_id: row.claim_id}]->(b:Entity {id: row.target})
USING INDEX a:Entity(id) USING INDEX b:Entity(id)
WITH row, r, coalesce(r.evidence_documents, []) AS cited
// the row's entries the claim lacks: only a document the claim already cites can repeat an entry,
// so the entry-by-entry check runs only then (checked once for the four arrays, not four times);
// a new document's entries are appended as they are, however much evidence the claim holds
WITH row, r, CASE WHEN none(d IN row.documents WHERE d IN cited) THEN range(0, size(row.documents) - 1)
                  ELSE [i IN range(0, size(row.documents) - 1)
                        WHERE none(j IN range(0, size(cited) - 1) WHERE cited[j] = row.documents[i]
                                   AND r.evidence_starts[j] = row.starts[i] AND r.evidence_ends[j] = row.ends[i])]
             END AS fresh
WITH row, r, fresh, coalesce(r.evidence_statuses, [d IN coalesce(r.evidence_documents, []) | r.status]) AS prior
SET r += row.properties, r.updated_at = datetime(),
    r.status = CASE WHEN r.retracted OR r.status_locked THEN r.status ELSE row.status END,
    r.credibility = CASE WHEN r.credibility_locked THEN r.credibility ELSE coalesce(row.credibility, r.credibility) END,
    r.evidence_documents = coalesce(r.evidence_documents, []) + [i IN fresh | row.documents[i]],
    r.evidence_quotes = coalesce(r.evidence_quotes, []) + [i IN fresh | row.quotes[i]],
    r.evidence_starts = coalesce(r.evidence_starts, []) + [i IN fresh | row.starts[i]],
    r.evidence_ends = coalesce(r.evidence_ends, []) + [i IN fresh | row.ends[i]],
    r.evidence_statuses = prior + [i IN fresh | row.statuses[i]],
    r.source_count = row.source_count, r.independent_source_count = row.independent_source_count,
    r.first_reported = row.first_reported, r.last_reported = row.last_reported, r.confidence = row.confidence
