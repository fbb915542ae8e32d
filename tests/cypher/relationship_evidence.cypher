// Every relationship with its evidence quotes, in a stable order (tests and diffs).
MATCH (a)-[r]->(b)
RETURN a.id AS source, type(r) AS type, b.id AS target, r.evidence_quotes AS quotes,
       r.evidence_documents AS documents
ORDER BY source, type, target
