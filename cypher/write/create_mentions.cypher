// MENTIONS from documents this transaction created (see upsert_nodes.cypher): none can exist yet,
// so they are CREATEd, not merged; same stored shape as upsert_mentions.cypher.
// $rows: [{claim_id, source, target, documents, quotes, starts, ends}]
CYPHER replan=skip
UNWIND $rows AS row
MATCH (d:Entity {id: row.source})
MATCH (n:Entity {id: row.target})
CREATE (d)-[m:MENTIONS]->(n)
SET m = {claim_id: row.claim_id, created_at: datetime.statement(), updated_at: datetime.statement(),
         method: 'rule', status: 'reported', source_count: 1, evidence_documents: row.documents,
         evidence_quotes: row.quotes, evidence_starts: row.starts, evidence_ends: row.ends}
