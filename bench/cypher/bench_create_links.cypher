// Benchmark only: bulk-create synthetic links with the stored shape (claim id, status, confidence,
// dates and one evidence quote). $rows: [{s, t, type, claim, confidence, date, doc}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.s})
MATCH (b:Entity {id: row.t})
CREATE (a)-[r:$(row.type)]->(b)
SET r.claim_id = row.claim, r.status = 'reported', r.method = 'rule', r.confidence = row.confidence,
    r.first_reported = row.date, r.published = row.date, r.source_count = 1,
    r.evidence_documents = [row.doc], r.evidence_quotes = ['synthetic quote ' + row.claim],
    r.evidence_starts = [0], r.evidence_ends = [40]
