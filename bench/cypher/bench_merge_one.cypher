// The naive baseline of bench/bench_ingest.py: ONE relationship (and its two ends) per statement
// and per transaction. Never used by the product; it exists to measure what batching buys. The
// type is static (the type slot from the vocabulary) like the batched writer's, so the baseline gets the
// same typed expand and is not slowed by a dynamic-type plan.
// $row: {source, source_labels, source_name, target, target_labels, target_name, claim_id,
//        documents, quotes, starts, ends}
MERGE (a:Entity {id: $row.source})
  ON CREATE SET a.name = $row.source_name
SET a:$($row.source_labels)
MERGE (b:Entity {id: $row.target})
  ON CREATE SET b.name = $row.target_name
SET b:$($row.target_labels)
MERGE (a)-[r:/*type*/PARTY_TO {claim_id: $row.claim_id}]->(b)
  ON CREATE SET r.evidence_documents = [], r.evidence_quotes = [], r.evidence_starts = [], r.evidence_ends = []
SET r.evidence_documents = r.evidence_documents + $row.documents,
    r.evidence_quotes = r.evidence_quotes + $row.quotes,
    r.evidence_starts = r.evidence_starts + $row.starts,
    r.evidence_ends = r.evidence_ends + $row.ends
