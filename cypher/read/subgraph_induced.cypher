// The subgraph induced by the given nodes: the nodes and every link among them (never MENTIONS,
// never retracted), for export. $ids: entity ids; $as_of: ISO date or null; $limit: cap on links.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect(n) AS ns
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r]->(b)
  WHERE b IN ns AND type(r) <> 'MENTIONS' AND coalesce(r.status, 'reported') <> 'retracted'
    AND ($as_of IS NULL OR coalesce(r.first_reported, r.published) <= left($as_of, size(coalesce(r.first_reported, r.published, ''))))
  RETURN collect({id: elementId(r), type: type(r), source: a.id, target: b.id, props: properties(r)})[..$limit] AS rels
}
RETURN [n IN ns | {labels: labels(n), props: n {.*, text: null}}] AS nodes, rels
