// Write back the derived support of claims of ONE type (the type slot, from the vocabulary), computed
// in graph/write/grading.py, the status from all the claim's evidence included. $rows: [{ref: {source,
// target, claim_id}, source_count, independent_source_count, first_reported, last_reported, confidence,
// status}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.ref.source})-[r:/*type*/PARTY_TO {claim_id: row.ref.claim_id}]->(b:Entity {id: row.ref.target})
USING INDEX a:Entity(id) USING INDEX b:Entity(id)
SET r.source_count = row.source_count,
    r.independent_source_count = row.independent_source_count,
    r.first_reported = row.first_reported,
    r.last_reported = row.last_reported,
    r.confidence = row.confidence,
    r.status = row.status
