// Every quote the graph took from one document: each evidence entry of a claim that cites it, with
// the claim, its ends' names and the quote's offsets in the stored text, in reading order. No row
// when the document does not exist. A quote's status is its entry's, unless the claim was retracted.
// $id: document id
MATCH (d:Entity:Document {id: $id})
RETURN d.id AS id, COLLECT {
  MATCH (d)-[:MENTIONS]->()-[r]-()
  WHERE type(r) <> 'MENTIONS' AND $id IN r.evidence_documents
  WITH DISTINCT r
  UNWIND range(0, size(r.evidence_documents) - 1) AS i
  WITH r, i WHERE r.evidence_documents[i] = $id
  RETURN {claim_id: r.claim_id, type: type(r), source: startNode(r).id, source_name: startNode(r).name,
          target: endNode(r).id, target_name: endNode(r).name, quote: r.evidence_quotes[i],
          start: r.evidence_starts[i], end: r.evidence_ends[i],
          status: CASE r.status WHEN 'retracted' THEN 'retracted'
                  ELSE coalesce(r.evidence_statuses[i], r.status, 'reported') END,
          confidence: r.confidence}
  ORDER BY coalesce(r.evidence_starts[i], 0), r.claim_id
} AS quotes
