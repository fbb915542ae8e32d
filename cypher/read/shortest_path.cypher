// The shortest path between two entities over vocabulary relationships (not document provenance),
// bounded by $max_hops; each hop comes back with its evidence quotes.
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
MATCH p = SHORTEST 1 (a)-[rels:!MENTIONS]-{1,6}(b)
WHERE size(rels) <= $max_hops
RETURN [n IN nodes(p) | {id: n.id, name: n.name, labels: [l IN labels(n) WHERE l <> 'Entity']}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                                 claim_id: r.claim_id, status: r.status,
                                 quotes: r.evidence_quotes, documents: r.evidence_documents}] AS hops
