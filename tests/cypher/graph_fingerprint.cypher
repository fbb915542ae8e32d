// Every node and relationship with its properties, in a stable order: tests hash it to prove a
// run of requests changed nothing.
CALL () {
  MATCH (n) WITH n ORDER BY n.id, elementId(n)
  RETURN collect([labels(n), properties(n)]) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b) WITH a, r, b ORDER BY r.claim_id, a.id, b.id, type(r)
  RETURN collect([a.id, type(r), b.id, properties(r)]) AS rels
}
RETURN nodes, rels
