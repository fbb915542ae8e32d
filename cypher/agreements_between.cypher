// Agreements to which every given party is PARTY_TO, itself or through a subordinate body
// (PART_OF up to three levels), with the chains that make each party a party. Paged by name.
// $parties: entity ids (first one anchors the search); $skip, $limit; filters as in graph/readq.py.
MATCH (p0:Entity {id: $parties[0]})(()<-[c WHERE type(c) = 'PART_OF' AND {{relationship_filter(c)}}]-()){0,3}(:Actor)-[r0 WHERE type(r0) = 'PARTY_TO' AND {{relationship_filter(r0)}}]->(g:Agreement)
WITH DISTINCT g
WHERE all(pid IN $parties WHERE EXISTS {
  MATCH (:Entity {id: pid})(()<-[c WHERE type(c) = 'PART_OF' AND {{relationship_filter(c)}}]-()){0,3}(:Actor)-[r1 WHERE type(r1) = 'PARTY_TO' AND {{relationship_filter(r1)}}]->(g)
})
WITH g ORDER BY g.name, g.id SKIP $skip LIMIT $limit
UNWIND $parties AS pid
MATCH p = (:Entity {id: pid})(()<-[c WHERE type(c) = 'PART_OF' AND {{relationship_filter(c)}}]-()){0,3}(:Actor)-[r2 WHERE type(r2) = 'PARTY_TO' AND {{relationship_filter(r2)}}]->(g)
RETURN [n IN nodes(p) | {labels: labels(n), props: n {.*, text: null}}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id,
                                 target: endNode(r).id, props: properties(r)}] AS rels
