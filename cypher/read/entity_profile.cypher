// One entity with its sources, link counts by type and first/last reporting dates.
// $id: entity id; $as_of: ISO date or null (only what was reported by then counts).
MATCH (n:Entity {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[r]-()
  WHERE type(r) <> 'MENTIONS' AND coalesce(r.status, 'reported') <> 'retracted'
    AND ($as_of IS NULL OR coalesce(r.first_reported, r.published) <= left($as_of, size(coalesce(r.first_reported, r.published, ''))))
  WITH type(r) AS type, count(r) AS c, min(coalesce(r.first_reported, r.published)) AS first,
       max(coalesce(r.first_reported, r.published)) AS last, collect(r.evidence_documents) AS docs
  RETURN collect(CASE WHEN type IS NULL THEN null ELSE {type: type, count: c} END) AS counts,
         min(first) AS first_reported, max(last) AS last_reported,
         reduce(acc = [], ds IN collect(docs) | acc + reduce(a = [], d IN ds | a + d)) AS evidence_docs
}
CALL (n, evidence_docs) {
  OPTIONAL CALL (n, evidence_docs) {
    MATCH (d:Document)-[:MENTIONS]->(n) RETURN d
    UNION
    UNWIND evidence_docs AS did MATCH (d:Document {id: did}) RETURN d
  }
  WITH d WHERE d IS NULL OR $as_of IS NULL OR d.published IS NULL OR d.published <= $as_of
  RETURN collect(DISTINCT CASE WHEN d IS NULL THEN null
                 ELSE {id: d.id, title: d.title, publisher: d.publisher, published: d.published} END) AS sources
}
RETURN {labels: labels(n), props: n {.*, text: null}} AS node, counts, sources, first_reported, last_reported
